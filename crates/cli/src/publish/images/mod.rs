//! `--images DIR`: the copies of the pictures kept beside the dataset, as
//! [`pressline_core::renditions`] plans them.
//!
//! [`plan_images`] reads what a plan needs of each original (its header: size and EXIF
//! orientation; and a hash of its bytes) and rewrites the dataset's pictures to name the copies:
//! `pressline bundle` and `pressline publish` both run it, so the app's bundled dataset and the
//! pages are the same. [`write_images`] (publish only) then makes the files: decoded, turned
//! upright, in sRGB, resized, encoded without any metadata ([`pixels`]).

mod pixels;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{ImageDecoder, ImageReader};
use pressline_core::renditions::{local_path, Original, Plan, FOLDER, HASH_LENGTH};
use pressline_core::Dataset;
use sha2::{Digest, Sha256};

use super::output::{io, Output};
use super::{pool, PublishError};

/// What the copies' names hash besides the original's bytes: how they are made. Change it with
/// any setting in [`pixels`], so that copies made otherwise get other names (a browser keeps a
/// name for ever).
const RECIPE: &str = "pressline images 1: widths 480 960 1440 1920; jpeg q82 progressive \
                      4:2:0; webp q80; download jpeg q92 4:4:4; sRGB; lanczos3 from the next wider copy";

/// The most pixels an original may have: a medium-format camera's 100 megapixels. Decoding
/// one takes 300 MB, on each of the threads making copies.
const MOST_PIXELS: u64 = 100_000_000;

/// The longest side an original may have: a JPEG's (its download is one).
const MOST_SIDE: u32 = 65_535;

/// One original to make copies of.
#[derive(Debug, Clone)]
pub struct PlannedOriginal {
    /// The file.
    pub file: PathBuf,
    /// The files it becomes.
    pub plan: Plan,
}

/// What [`plan_images`] found.
#[derive(Debug, Clone, Default)]
pub struct ImagePlans {
    /// Each original once (two releases may show the same picture), in the dataset's order.
    pub originals: Vec<PlannedOriginal>,
    /// The pictures left as they were, each said with its release, field and file.
    pub problems: Vec<String>,
    /// How many pictures (lead and gallery) were rewritten.
    pub rewritten: usize,
}

/// Plans the copies of every picture of `dataset` (each release's `image` and `images`) whose
/// `src` is relative: the file `dir/<src>`. Each such picture is rewritten as the copies will
/// give it (see [`Plan::rewrite`]); one whose file is missing or cannot be read as a picture is
/// left as it was, and said in [`ImagePlans::problems`]. Absolute (`http(s)`) addresses are left
/// alone. Reads only headers (and every byte once, for its hash): no pixel is decoded.
pub fn plan_images(dataset: &mut Dataset, dir: &Path) -> ImagePlans {
    let mut plans = ImagePlans::default();
    let mut seen: HashMap<String, Result<Plan, String>> = HashMap::new();
    for release in &mut dataset.releases {
        let id = release.id.clone();
        let lead = release
            .image
            .iter_mut()
            .map(|image| ("image".to_owned(), image));
        let gallery = release
            .images
            .iter_mut()
            .enumerate()
            .map(|(i, image)| (format!("images[{i}]"), image));
        for (field, image) in lead.chain(gallery) {
            let Some(path) = image.src.as_ref().and_then(local_path) else {
                continue;
            };
            let file = dir.join(&path);
            let plan = seen.entry(path.clone()).or_insert_with(|| {
                let planned =
                    probe(&file).map(|original| Plan::new(&path, original.0, &original.1));
                if let Ok(plan) = &planned {
                    plans.originals.push(PlannedOriginal {
                        file: file.clone(),
                        plan: plan.clone(),
                    });
                }
                planned
            });
            match plan {
                Ok(plan) => {
                    *image = plan.rewrite(image);
                    plans.rewritten += 1;
                }
                Err(reason) => plans.problems.push(format!(
                    "release {id:?}, field `{field}`: the picture {} cannot be read: {reason}; \
                     it is published as it was, without copies",
                    file.display()
                )),
            }
        }
    }
    plans
}

/// An original's size and orientation, from its header, and the hash of its bytes and the
/// [`RECIPE`], in hexadecimal.
fn probe(file: &Path) -> Result<(Original, String), String> {
    let bytes = fs::read(file).map_err(|error| error.to_string())?;
    let mut decoder = ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|error| error.to_string())?
        .into_decoder()
        .map_err(|error| format!("{error} (JPEG, PNG and WebP are read)"))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MOST_PIXELS || width.max(height) > MOST_SIDE {
        return Err(format!(
            "it is {width}×{height} pixels, more than a picture may have here ({} megapixels, \
             {MOST_SIDE} pixels a side)",
            MOST_PIXELS / 1_000_000
        ));
    }
    let orientation = decoder.orientation().map_or(1, |o| o.to_exif());
    let mut hasher = Sha256::new();
    hasher.update(RECIPE.as_bytes());
    hasher.update(&bytes);
    let mut hash = String::with_capacity(64);
    for byte in hasher.finalize() {
        let _ = write!(hash, "{byte:02x}");
    }
    let original = Original {
        width,
        height,
        orientation,
    };
    Ok((original, hash))
}

/// What [`write_images`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImagesWritten {
    /// Files made from their originals.
    pub made: usize,
    /// Files already there (in the output, or copied from the cache).
    pub kept: usize,
    /// Old copies removed from the output's `images/` (no picture names them any more).
    pub removed: usize,
    /// Bytes written into the output.
    pub bytes: u64,
    /// The originals that could not be made into copies (their pages name copies that are
    /// missing), each with its reason.
    pub failures: Vec<String>,
}

/// Makes every file of `originals` in `out_dir`'s `images/`, on `threads` threads. A file
/// already there is kept as it is (its name says what it holds); with a `cache` folder, files
/// are also kept there and taken from there, so a fresh build does not make them again. Copies
/// in `images/` that no plan names (a picture replaced, a release removed) are removed. The
/// build's `_headers` (for the deploy's sub-path `base_path`) gets the copies' cache rule.
pub fn write_images(
    originals: &[PlannedOriginal],
    out_dir: &Path,
    base_path: &str,
    cache: Option<&Path>,
    threads: usize,
) -> Result<ImagesWritten, PublishError> {
    let output = Output::new(out_dir);
    let failures = std::sync::Mutex::new(Vec::new());
    let counts = std::sync::Mutex::new((0, 0));
    pool::run_jobs(
        originals.len(),
        threads,
        |i| {
            let original = &originals[i];
            match write_one(original, &output, cache) {
                Ok((made, kept)) => {
                    let mut counts = counts.lock().expect("not poisoned");
                    counts.0 += made;
                    counts.1 += kept;
                }
                Err(Failure::Picture(reason)) => failures
                    .lock()
                    .expect("not poisoned")
                    .push(format!("{}: {reason}", original.file.display())),
                Err(Failure::Io(error)) => return Err(error),
            }
            Ok(())
        },
        &mut |_, _| {},
    )?;
    let removed = remove_stale(&output, originals)?;
    add_image_headers(out_dir, base_path)?;
    let (made, kept) = counts.into_inner().expect("not poisoned");
    Ok(ImagesWritten {
        made,
        kept,
        removed,
        bytes: output.bytes_written(),
        failures: failures.into_inner().expect("not poisoned"),
    })
}

/// Why an original's files were not all written.
enum Failure {
    /// The picture itself (its pixels could not be decoded or encoded): said, and the rest goes
    /// on.
    Picture(String),
    /// A file could not be written: publishing stops.
    Io(PublishError),
}

/// Writes `original`'s files into `output` unless they are all there, from `cache` when it
/// has them all, else made from the original (and then kept in `cache`). Returns how many
/// files were made, and how many kept.
fn write_one(
    original: &PlannedOriginal,
    output: &Output,
    cache: Option<&Path>,
) -> Result<(usize, usize), Failure> {
    let files: Vec<&str> = original
        .plan
        .files()
        .map(|file| file.path.as_str())
        .collect();
    if files.iter().all(|file| output.path(file).is_file()) {
        return Ok((0, files.len()));
    }
    if let Some(cache) = cache {
        if files.iter().all(|file| cache.join(file).is_file()) {
            for file in &files {
                let from = cache.join(file);
                let bytes = fs::read(&from).map_err(|error| Failure::Io(io(&from, error)))?;
                output.write(file, &bytes).map_err(Failure::Io)?;
            }
            return Ok((0, files.len()));
        }
    }
    let made = pixels::make(&original.file, &original.plan).map_err(Failure::Picture)?;
    for (file, bytes) in &made {
        if let Some(cache) = cache {
            let path = cache.join(file);
            let written = path
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::write(&path, bytes));
            written.map_err(|error| Failure::Io(io(&path, error)))?;
        }
        output.write(file, bytes).map_err(Failure::Io)?;
    }
    Ok((made.len(), 0))
}

/// Adds the copies' cache rule to the build's `_headers` (once): their names change with their
/// content, so browsers and CDNs may keep them for a year; the downloads are served as
/// attachments.
fn add_image_headers(out_dir: &Path, base_path: &str) -> Result<(), PublishError> {
    super::add_headers(
        out_dir,
        "# Pictures' copies (pressline publish --images)",
        &format!(
            "{base_path}/{FOLDER}/*\n  Cache-Control: public, max-age=31536000, immutable\n\
             {base_path}/{FOLDER}/*-original.jpg\n  Content-Disposition: attachment\n"
        ),
    )
}

/// Removes the files of `images/` that look like copies (`<stem>-<hash>-<width or
/// "original">.<jpg or webp>`) and that no plan names; returns how many.
fn remove_stale(output: &Output, originals: &[PlannedOriginal]) -> Result<usize, PublishError> {
    let dir = output.path(FOLDER);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(0);
    };
    let planned: HashSet<&str> = originals
        .iter()
        .flat_map(|original| original.plan.files())
        .filter_map(|file| file.path.strip_prefix(FOLDER)?.strip_prefix('/'))
        .collect();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_copy_name(&name) && !planned.contains(name.as_str()) {
            fs::remove_file(entry.path()).map_err(|error| io(&entry.path(), error))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// True for a name [`Plan`] gives: `<stem>-<hash>-<width or "original">.<jpg or webp>`.
fn is_copy_name(name: &str) -> bool {
    let Some((rest, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let mut parts = rest.rsplitn(3, '-');
    let (Some(size), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    matches!(extension, "jpg" | "webp")
        && !stem.is_empty()
        && hash.len() == HASH_LENGTH
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && (size == "original" || (!size.is_empty() && size.bytes().all(|b| b.is_ascii_digit())))
}

/// The originals `plans` made copies of, as canonical paths: the command does not copy them into
/// the site as they are (their metadata would go with them).
pub fn originals_with_copies(plans: &ImagePlans) -> HashSet<PathBuf> {
    plans
        .originals
        .iter()
        .filter_map(|original| original.file.canonicalize().ok())
        .collect()
}
