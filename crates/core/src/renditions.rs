//! The copies `pressline publish --images DIR` makes of a picture kept beside the dataset (a
//! relative `src`, e.g. `media/kharkiv.jpg` as the editor writes it), planned here without
//! reading a byte: given the original's size and EXIF orientation and a hash of its bytes, the
//! files to write, at which widths and in which formats, and the picture as the site then
//! gives it. The command reads the original and makes the pixels.
//!
//! Every copy is the picture upright (its orientation applied), without the original's
//! metadata (EXIF, GPS, ICC: a photograph may carry where a witness was), named
//! `images/<stem>-<hash>-<width>.<jpg|webp>` so a host can let browsers keep it for ever: a
//! changed picture has another hash, so other names. The widths are [`WIDTHS`] up to the
//! original's own width, never more; each is made as JPEG and as WebP. The picture's `src`
//! becomes the JPEG at [`SRC_WIDTH`] (or the original's width, when narrower), for browsers
//! without `srcset`, printing and link previews; `sizes` lists every copy (JPEG first at each
//! width: see [`crate::picture::srcset`] and [`crate::picture::sources`]); `original` the
//! full-size picture as a high-quality JPEG, for download.
//!
//! ```
//! use pressline_core::renditions::{local_path, Original, Plan};
//! use pressline_core::{Image, SafeUrl};
//! let src = SafeUrl::parse_resource("media/kharkiv.jpg").unwrap();
//! assert_eq!(local_path(&src).as_deref(), Some("media/kharkiv.jpg"));
//! // A 2400×1600 photograph taken with the camera turned (EXIF orientation 6).
//! let plan = Plan::new("media/kharkiv.jpg", Original { width: 2400, height: 1600, orientation: 6 }, "0123abcdef");
//! let image = plan.rewrite(&Image { src: Some(src), alt: Some("A school".into()), credit: None,
//!     caption: None, width: None, height: None, sizes: Vec::new(), original: None });
//! assert_eq!(image.src.unwrap().as_str(), "images/kharkiv-0123abcd-1440.jpg");
//! assert_eq!((image.width, image.height), (Some(1440), Some(2160)));
//! assert_eq!(image.original.unwrap().as_str(), "images/kharkiv-0123abcd-original.jpg");
//! assert_eq!(image.sizes.len(), 8); // 480, 960, 1440 and 1600 wide, each as JPEG and WebP
//! ```

use crate::{Image, ImageSize, SafeUrl};

/// The widths copies are made at, when the original is at least as wide. They follow the
/// `sizes` of [`crate::picture`]: a picture is laid out at most 46rem (736 CSS pixels) wide,
/// on a release page and in a card alike, and less than 480 on a phone. So 480 serves phones
/// at one device pixel per CSS pixel (and small cards); 960 the 736-pixel column at 1×, and
/// phones up to 480 CSS pixels at 2×; 1440 the column at 2× (1472 pixels wanted: Chromium takes
/// the copy below when the device's ratio is under the geometric mean of the two copies'), and
/// phones at 3× (about 400 × 3); 1920 the column on screens of 2.3× and more. Nothing wider is
/// ever chosen by that layout, so the original's extra pixels go only into its download.
pub const WIDTHS: [u32; 4] = [480, 960, 1440, 1920];

/// The width of the JPEG copy that becomes a picture's `src` (or the original's, when it is
/// narrower): sharp enough to print across the column (about 230 dpi at 16 cm) and for link
/// previews (which want 1200 pixels), and what a browser without `srcset` shows.
pub const SRC_WIDTH: u32 = 1440;

/// The deploy's folder the copies are written in.
pub const FOLDER: &str = "images";

/// How many characters of the content hash a name carries.
pub const HASH_LENGTH: usize = 8;

/// The longest stem (the original's file name, made safe) a name keeps.
const MOST_STEM: usize = 60;

/// A copy's encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG: every browser shows it.
    Jpeg,
    /// WebP (lossy): about half a JPEG's bytes for a photograph; every current browser shows
    /// it.
    Webp,
}

impl Format {
    /// The file name's extension, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
        }
    }
}

/// What a picture's header tells of the original, before any pixel is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Original {
    /// Its width in pixels, as stored (before its orientation is applied).
    pub width: u32,
    /// Its height in pixels, as stored.
    pub height: u32,
    /// Its EXIF orientation, 1 to 8 (5 to 8 turn it a quarter, so width and height swap);
    /// anything else is taken as 1, upright.
    pub orientation: u8,
}

impl Original {
    /// Its width and height once upright (its orientation applied).
    pub fn upright(&self) -> (u32, u32) {
        if (5..=8).contains(&self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// One file to make: the original, upright, resized to `width` × `height` (the whole picture at
/// its full size for the download) and encoded as `format`, at `path` in the deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    /// Where it goes, relative to the deploy's base: `images/<stem>-<hash>-<width>.<ext>`.
    pub path: String,
    /// Its encoding.
    pub format: Format,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels (the original's proportions, rounded; at least 1).
    pub height: u32,
    /// True for the full-size download (encoded at a higher quality than the copies).
    pub download: bool,
}

/// The files one original becomes, and the picture the site then gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The copies, narrowest first, each width as JPEG then WebP.
    pub copies: Vec<Rendition>,
    /// The full-size JPEG for download.
    pub download: Rendition,
}

impl Plan {
    /// The plan for the original at `src_path` (a relative path: its file name gives the stem),
    /// of that size and orientation, whose bytes hash to `hash` (hexadecimal; its first
    /// [`HASH_LENGTH`] characters are used, so the hash should also cover how copies are made,
    /// for a change there to give new names).
    pub fn new(src_path: &str, original: Original, hash: &str) -> Self {
        let (width, height) = original.upright();
        let (width, height) = (width.max(1), height.max(1));
        let prefix = format!(
            "{FOLDER}/{}-{}",
            stem(src_path),
            hash.get(..HASH_LENGTH).unwrap_or(hash)
        );
        let rendition = |format: Format, w: u32, download: bool| Rendition {
            path: if download {
                format!("{prefix}-original.{}", format.extension())
            } else {
                format!("{prefix}-{w}.{}", format.extension())
            },
            format,
            width: w,
            height: scaled(height, w, width),
            download,
        };
        let copies = widths(width)
            .into_iter()
            .flat_map(|w| [Format::Jpeg, Format::Webp].map(|format| rendition(format, w, false)))
            .collect();
        Self {
            copies,
            download: rendition(Format::Jpeg, width, true),
        }
    }

    /// Every file of the plan: the copies, then the download.
    pub fn files(&self) -> impl Iterator<Item = &Rendition> {
        self.copies.iter().chain(std::iter::once(&self.download))
    }

    /// The JPEG copy that becomes the picture's `src`: the widest up to [`SRC_WIDTH`].
    pub fn src(&self) -> &Rendition {
        self.copies
            .iter()
            .rev()
            .find(|copy| copy.format == Format::Jpeg && copy.width <= SRC_WIDTH)
            .unwrap_or(&self.download)
    }

    /// `image` as the site gives it once the copies are made: `src`, `width` and `height` the
    /// [`Plan::src`] copy's, `sizes` every copy, `original` the download; its text (`alt`,
    /// `credit`, `caption`) as it was.
    pub fn rewrite(&self, image: &Image) -> Image {
        let url = |path: &str| SafeUrl::parse_resource(path).expect("planned names are safe");
        let src = self.src();
        Image {
            src: Some(url(&src.path)),
            width: Some(src.width),
            height: Some(src.height),
            sizes: self
                .copies
                .iter()
                .map(|copy| ImageSize {
                    src: url(&copy.path),
                    width: copy.width,
                })
                .collect(),
            original: Some(url(&self.download.path)),
            ..image.clone()
        }
    }
}

/// The widths of the copies of an upright original `width` pixels wide: every one of
/// [`WIDTHS`] narrower than it, and its own width when that is under the widest (never wider
/// than the original: a copy is never enlarged).
///
/// ```
/// use pressline_core::renditions::widths;
/// assert_eq!(widths(4000), [480, 960, 1440, 1920]);
/// assert_eq!(widths(1920), [480, 960, 1440, 1920]);
/// assert_eq!(widths(1000), [480, 960, 1000]);
/// assert_eq!(widths(300), [300]);
/// ```
pub fn widths(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < top).collect();
    widths.push(top);
    widths
}

/// `height` scaled as `width` goes to `new_width`, rounded, at least 1.
fn scaled(height: u32, new_width: u32, width: u32) -> u32 {
    let scaled =
        (u64::from(height) * u64::from(new_width) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// The start of a copy's name: the original's file name without its extension, lower-cased,
/// with every run of characters other than ASCII letters, digits, `-` and `_` made one `-`;
/// `image` when nothing is left.
fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let name = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(MOST_STEM).collect();
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "image".to_owned()
    } else {
        stem.to_owned()
    }
}

/// The file a picture's `src` names under the `--images` folder, as a relative path with `/`
/// separators: `None` for an absolute (`http(s)`) address, which is left alone, and for one
/// that would leave the folder (a `..` segment). A leading `/` (the deploy's root) and `./`
/// segments are dropped, so is a query or fragment, and `%XX` escapes are decoded (`my%20photo.jpg`
/// is the file `my photo.jpg`; one that is not UTF-8, or decodes to a `/`, `\` or NUL, is `None`).
///
/// ```
/// use pressline_core::renditions::local_path;
/// use pressline_core::SafeUrl;
/// let path = |src: &str| local_path(&SafeUrl::parse_resource(src).unwrap());
/// assert_eq!(path("/media/a%20b.jpg?v=2").as_deref(), Some("media/a b.jpg"));
/// assert_eq!(path("https://example.org/a.jpg"), None);
/// assert_eq!(path("media/../../secret.jpg"), None);
/// ```
pub fn local_path(src: &SafeUrl) -> Option<String> {
    let text = src.as_str();
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("http:") || lower.starts_with("https:") {
        return None;
    }
    let path = text.split(['?', '#']).next().unwrap_or_default();
    let mut segments = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            _ => {
                let decoded = percent_decode(segment)?;
                if decoded.contains(['/', '\\', '\0']) || decoded == ".." {
                    return None;
                }
                segments.push(decoded);
            }
        }
    }
    (!segments.is_empty()).then(|| segments.join("/"))
}

/// `%XX` escapes decoded; `None` when the result is not UTF-8 or an escape is broken.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The local files (as [`local_path`] gives them) a release's pictures name: its lead picture's
/// and its gallery's `src`, `sizes` and `original`, each once, in that order. Publishing holds a
/// file back with the releases under embargo that are the only ones to name it.
///
/// ```
/// use pressline_core::parse_dataset;
/// use pressline_core::renditions::local_pictures;
/// let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [
///     { "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A",
///       "image": { "src": "media/a.jpg", "alt": "A" },
///       "images": [ { "src": "https://example.org/b.jpg", "alt": "B" },
///                   { "src": "/media/c.jpg", "alt": "C", "original": "media/a.jpg" } ] } ] }"#).unwrap();
/// assert_eq!(local_pictures(&loaded.dataset.releases[0]), ["media/a.jpg", "media/c.jpg"]);
/// ```
pub fn local_pictures(release: &crate::Release) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for image in release.image.iter().chain(&release.images) {
        let addresses = image
            .src
            .iter()
            .chain(image.sizes.iter().map(|size| &size.src))
            .chain(&image.original);
        for path in addresses.filter_map(local_path) {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
    }
    paths
}
