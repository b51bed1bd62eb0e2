//! `pressline publish DATASET --out DIR [--base-url URL] [--now TIME] [--images DIR]`: the
//! static, prerendered site over trunk's build (see [`pressline::publish`]), without the
//! releases under embargo at `--now`, and with `--images` the copies of the pictures kept
//! beside the dataset (see [`pressline::publish::images`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};
use pressline::publish::images::{originals_with_copies, write_images, ImagePlans};
use pressline::publish::{publish, Deploy, PublishOptions, Published};
use pressline_core::embargo::{self, has_unreadable_embargo};
use pressline_core::formats::read_any;
use pressline_core::problem::skipped_record_count;
use pressline_core::renditions::local_pictures;
use pressline_core::{Dataset, LoadedDataset};

use crate::args::Args;
use crate::convert::pressline_json;
use crate::embargo::{hold_back, now, HeldBack};
use crate::input::{read_dataset, Input};
use crate::pictures;
use crate::progress::Progress;
use crate::Failure;

/// How many of the newest releases the feeds carry by default.
const FEED_SIZE: usize = 50;

/// Runs the command and prints a summary line with the time taken and the peak memory.
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(
        raw,
        &[
            "out",
            "base-url",
            "feed-size",
            "data-src",
            "threads",
            "now",
            "images",
            "image-cache",
        ],
        &["quiet"],
    )?;
    let now = now(&args)?;
    let source = args.single("DATASET")?;
    let options = publish_options(&args)?;
    let started = Instant::now();
    refuse_a_build_bundling_embargoed_releases(&options.out_dir, now)?;
    let mut input = read_dataset(source)?;
    // Held back once, here: every page, feed, sitemap, data file and picture below is made from
    // what is left.
    let named_before = pictures_named(&input.loaded.dataset);
    let held = hold_back(&mut input, now);
    let held_pictures = held_media(source, &named_before, &input.loaded.dataset);
    for problem in &input.loaded.problems {
        eprintln!("skipped: {}", input.describe(problem));
    }
    let images = pictures::rewrite(&args, &mut input)?;
    let mut not_copied = images
        .as_ref()
        .map(originals_with_copies)
        .unwrap_or_default();
    not_copied.extend(held_pictures);
    copy_media(source, &options.out_dir, &not_copied)?;
    let skipped = skipped_record_count(&input.loaded.problems);
    let (text, loaded) = app_text(input, &held);
    let mut progress = Progress::new(args.flag("quiet"));
    let published = publish(&loaded, &text, &options, &mut |done, total| {
        progress.update(done, total)
    })
    .map_err(|error| Failure::stop(error.to_string()))?;
    let pictures = match &images {
        Some(plans) => Some(make_pictures(&args, plans, &options, &published)?),
        None => None,
    };
    let seconds = started.elapsed().as_secs_f64();
    let memory = peak_memory_mb().map_or_else(String::new, |mb| format!(", peak memory {mb} MB"));
    let data = published
        .data_src
        .as_deref()
        .map_or_else(String::new, |src| format!("; the app loads {src}"));
    println!(
        "published {} release pages, the timeline, {} feed entries and {} sitemap URLs ({} file{}) to {} for {} in {seconds:.2} s: {:.1} MB written{memory}{data}",
        published.release_pages,
        published.feed_entries,
        published.sitemap_urls,
        published.sitemap_files,
        if published.sitemap_files == 1 { "" } else { "s" },
        options.out_dir.display(),
        options
            .deploy
            .as_ref()
            .map_or("its own sub-path (no --base-url)", Deploy::base_url),
        published.bytes as f64 / 1e6,
    );
    if published.data_src.is_some()
        && options.data_src.is_none()
        && text.len() as u64 > pressline_core::source::DEFAULT_MAX_BYTES
    {
        eprintln!(
            "note: the app fetches all {:.0} MB of the dataset on every first visit; for a dataset \
             this big, deploy a sharded archive (`pressline shard`) and pass its manifest as \
             --data-src",
            text.len() as f64 / 1e6
        );
    }
    if skipped > 0 {
        let pages = if loaded.problems.is_empty() {
            ""
        } else {
            "; the pages say so too"
        };
        eprintln!("{skipped} records were skipped (listed above){pages}");
    }
    for line in held.lines() {
        println!("{line}");
    }
    pictures.unwrap_or(Ok(()))
}

/// Where and how to publish, from the command's options.
fn publish_options(args: &Args) -> Result<PublishOptions, Failure> {
    // Without a base URL the pages are prerendered, without anything that needs one.
    let deploy = match args.value("base-url") {
        Some(url) => Some(Deploy::parse(url).map_err(|error| Failure::stop(error.to_string()))?),
        None => None,
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok(PublishOptions {
        out_dir: PathBuf::from(args.required("out")?),
        deploy,
        feed_size: args.number("feed-size", FEED_SIZE)?,
        data_src: args.value("data-src").map(str::to_owned),
        threads: args.number("threads", threads)?.max(1),
    })
}

/// Makes the copies `plans` name (`--image-cache` keeps them between builds) and says what was
/// done. The outer error stopped publishing; the inner one, pictures whose copies could not be
/// made (their pages name missing files), is returned once everything else is said.
fn make_pictures(
    args: &Args,
    plans: &ImagePlans,
    options: &PublishOptions,
    published: &Published,
) -> Result<Result<(), Failure>, Failure> {
    let written = write_images(
        &plans.originals,
        &options.out_dir,
        &published.base_path,
        args.value("image-cache").map(Path::new),
        options.threads,
    )
    .map_err(|error| Failure::stop(error.to_string()))?;
    println!(
        "pictures: {} originals, {} files made and {} kept in {}/images ({:.1} MB written), {} old \
         copies removed, {} pictures left as they were",
        plans.originals.len(),
        written.made,
        written.kept,
        options.out_dir.display(),
        written.bytes as f64 / 1e6,
        written.removed,
        plans.problems.len(),
    );
    for failure in &written.failures {
        eprintln!("picture: {failure}");
    }
    if written.failures.is_empty() {
        return Ok(Ok(()));
    }
    Ok(Err(Failure::stop(format!(
        "the copies of {} pictures could not be made (listed above): their pages name files \
         that are missing",
        written.failures.len()
    ))))
}

/// Every release's id with the local files its pictures name (see [`local_pictures`]).
fn pictures_named(dataset: &Dataset) -> Vec<(String, Vec<String>)> {
    dataset
        .releases
        .iter()
        .map(|release| (release.id.clone(), local_pictures(release)))
        .collect()
}

/// The files (canonical paths) that only the releases held back name, among `named_before`
/// (every release's, before the embargo): a picture is under its release's embargo. A file a
/// published release names, or its body mentions, is published.
fn held_media(
    source: &str,
    named_before: &[(String, Vec<String>)],
    published: &Dataset,
) -> HashSet<PathBuf> {
    let kept: HashSet<&str> = published.releases.iter().map(|r| r.id.as_str()).collect();
    let named_by_published: HashSet<String> =
        published.releases.iter().flat_map(local_pictures).collect();
    named_before
        .iter()
        .filter(|(id, _)| !kept.contains(id.as_str()))
        .flat_map(|(_, paths)| paths)
        .filter(|path| !named_by_published.contains(*path))
        .filter(|path| {
            let mentioned = |body: &String| body.contains(path.as_str());
            !published
                .releases
                .iter()
                .any(|r| r.body.as_ref().is_some_and(mentioned))
        })
        .filter_map(|path| Path::new(source).join(path).canonicalize().ok())
        .collect()
}

/// A content folder's `media/` (pictures uploaded in the editor, which links them as
/// `media/<file>`, relative to the site's base) copied into the site, as it is; but not the
/// originals `--images` made copies of (`skip`, canonical paths): their metadata (EXIF, GPS)
/// would be published with them, and no page names them any more; nor the pictures only releases
/// under embargo name (see [`held_media`]).
fn copy_media(source: &str, out_dir: &Path, skip: &HashSet<PathBuf>) -> Result<(), Failure> {
    let media = Path::new(source).join("media");
    if !media.is_dir() {
        return Ok(());
    }
    copy_tree(&media, &out_dir.join("media"), skip)
        .map_err(|error| Failure::stop(format!("cannot copy {}: {error}", media.display())))
}

fn copy_tree(from: &Path, to: &Path, skip: &HashSet<PathBuf>) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target, skip)?;
        } else if !entry
            .path()
            .canonicalize()
            .is_ok_and(|path| skip.contains(&path))
        {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The text the app loads for `input` (whose embargoed releases `held` are already out), and
/// what the app reads from it. A file is copied as it was read, so the build's bundled copy
/// (`pressline bundle`, the same choice) can be recognized; but not when it holds a release
/// under embargo (or one whose embargo cannot be read): then, as for a content folder, which
/// has no one text, it is the dataset as `pressline convert` writes it: only what may be
/// published.
pub fn app_text(input: Input, held: &HeldBack) -> (String, LoadedDataset) {
    let copy_as_read = held.held.is_empty() && !has_unreadable_embargo(&input.loaded.problems);
    match input.text {
        Some(text) if copy_as_read => (text, input.loaded),
        _ => {
            let text = pressline_json(&input.loaded.dataset);
            // What the app reads from that text: the releases, without the skipped records'
            // problems (the pages list what the app would).
            let loaded = LoadedDataset {
                dataset: input.loaded.dataset,
                problems: Vec::new(),
            };
            (text, loaded)
        }
    }
}

/// Refuses to publish over a build whose bundled dataset (`data/releases.json`, which the
/// app's wasm also carries) holds a release under embargo at `now`, or one whose embargo cannot
/// be read: publishing would not take it out of the build, so it would be public.
fn refuse_a_build_bundling_embargoed_releases(
    out_dir: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    let path = out_dir.join("data/releases.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    // A dataset without the field needs no reading.
    if !text.contains("embargo_until") {
        return Ok(());
    }
    let Ok((_, loaded)) = read_any(&text) else {
        return Ok(());
    };
    let unreadable = has_unreadable_embargo(&loaded.problems);
    let held = embargo::apply(loaded.dataset, now).held;
    if held.is_empty() && !unreadable {
        return Ok(());
    }
    let ids: Vec<&str> = held.iter().map(|held| held.id.as_str()).collect();
    let what = if ids.is_empty() {
        "a release whose embargo_until cannot be read".to_owned()
    } else {
        format!("releases still under embargo ({})", ids.join(", "))
    };
    Err(Failure::stop(format!(
        "{} bundles {what}, and so does the app built with it: nothing was published. Build          the app from the dataset without them (`pressline convert DATASET --to pressline`,          which leaves them out), then publish",
        path.display()
    )))
}

/// The process's peak resident memory in MB (Linux; `None` elsewhere).
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
