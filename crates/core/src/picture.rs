//! Responsive pictures: the `srcset` of a release's picture, the `<source>`s of its copies in
//! newer formats (WebP), and the `sizes` that tell the browser how wide the stylesheet
//! (`style/main.css`) lays it out, so that it fetches the smallest copy that is sharp enough.
//!
//! ```
//! use pressline_core::parse_dataset;
//! use pressline_core::picture::{srcset, RELEASE_PAGE_SIZES};
//! let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [
//!     { "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A",
//!       "image": { "src": "a-1200.jpg", "alt": "A square", "width": 1200, "height": 800,
//!                  "sizes": [ { "src": "a-960.jpg", "width": 960 },
//!                             { "src": "a-480.jpg", "width": 480 } ] } } ] }"#).unwrap();
//! let image = loaded.dataset.releases[0].image.as_ref().unwrap();
//! assert_eq!(srcset(image).as_deref(), Some("a-480.jpg 480w, a-960.jpg 960w, a-1200.jpg 1200w"));
//! assert!(RELEASE_PAGE_SIZES.ends_with("calc(100vw - 2rem)"));
//! ```

use crate::order::sort_with;
use crate::Image;

/// The `sizes` attribute of a picture on the release page (the lead picture and the gallery:
/// each as wide as the text column). The layout it assumes, from `style/main.css`: the
/// release's column is at most `--pl-measure` (46rem) wide, inside `main`'s gutters of
/// `--pl-gutter` (`clamp(1rem, 4vw, 2rem)`) on each side; so 46rem from a 50rem viewport
/// (where the gutters are 2rem), 92vw from 25rem (gutters of 4vw), and the viewport less two
/// 1rem gutters below that. Media queries' `rem` is the browser's default font size, as the
/// stylesheet's is (it does not change the root's). Printing uses `src`.
pub const RELEASE_PAGE_SIZES: &str =
    "(min-width: 50rem) 46rem, (min-width: 25rem) 92vw, calc(100vw - 2rem)";

/// The `sizes` attribute of a picture in a timeline card, assuming it spans the card's text
/// column and is capped, as the card's summary is, at `--pl-measure` (46rem). The layout it
/// assumes, from `style/main.css` (`vw` the viewport's width, gutters `clamp(1rem, 4vw, 2rem)`
/// each side, and a card's text indented by `0.4rem + 2px + clamp(1rem, 3vw, 1.75rem)` for the
/// timeline's rail):
///
/// - from 60rem the filters column (`--pl-filters`, 17rem, and a 2.5rem gap) is beside the
///   results, in a `main` of at most `--pl-wide-filters` (72rem): the column is
///   `vw - 25.775rem` (gutters, filters, gap and indent), up to the 46rem cap at 71.775rem;
/// - below 60rem the results take `main`'s width (at most `--pl-wide`, 54rem): 46rem from
///   about 52.1rem, `97vw - 4.525rem` from 50rem (2rem gutters), `89vw - 0.525rem` from
///   33.3rem (4vw gutters, a 3vw indent), `92vw - 1.525rem` from 25rem, and `vw - 3.525rem`
///   below (1rem gutters and indent).
///
/// Each value is rounded so that it is never less than the width laid out (a browser then
/// never picks a copy too small), and at most a pixel more.
pub const CARD_SIZES: &str =
    "(min-width: 71.75rem) 46rem, (min-width: 60rem) calc(100vw - 25.75rem), \
     (min-width: 52.1rem) 46rem, (min-width: 50rem) calc(97vw - 4.5rem), \
     (min-width: 33.4rem) calc(89vw - 0.5rem), (min-width: 25rem) calc(92vw - 1.5rem), \
     calc(100vw - 3.5rem)";

/// The `srcset` of a picture: its `sizes` copies and, when its `width` is known, `src` itself,
/// as `"a.jpg 480w, b.jpg 960w"`, narrowest first. Of two copies of the same width, or two
/// entries of the same address, the first in that order (the `sizes` entries, in the data's
/// order, then `src`) is kept. `None` when the picture has no `src` (it is a credit alone) or
/// no `sizes`: then `src` is all there is.
///
/// When `src` is in a format every browser shows (JPEG, PNG…), copies in a format some do not
/// (WebP, AVIF: see [`modern_type`]) are left out: they are [`sources`]' to offer, in a
/// `<source type>` the browsers that read them choose, so this `srcset` is safe in the `<img>`.
///
/// An address that starts or ends with a comma has that comma written `%2C`, since `srcset`
/// separates candidates by commas (addresses never hold spaces: see [`crate::SafeUrl`]).
///
/// ```
/// use pressline_core::parse_dataset;
/// use pressline_core::picture::srcset;
/// let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [
///     { "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A",
///       "image": { "src": "a.jpg", "alt": "A", "sizes": [
///           { "src": "b.jpg", "width": 960 }, { "src": "c.jpg", "width": 480 },
///           { "src": "d.jpg", "width": 960 }, { "src": "c.jpg", "width": 640 } ] } } ] }"#).unwrap();
/// let image = loaded.dataset.releases[0].image.as_ref().unwrap();
/// assert_eq!(srcset(image).as_deref(), Some("c.jpg 480w, b.jpg 960w"));
/// ```
pub fn srcset(image: &Image) -> Option<String> {
    let src = image.src.as_ref()?;
    if image.sizes.is_empty() {
        return None;
    }
    let universal = modern_type(src.as_str()).is_none();
    let mut candidates: Vec<(&str, u32)> = image
        .sizes
        .iter()
        .filter(|size| !universal || modern_type(size.src.as_str()).is_none())
        .map(|size| (size.src.as_str(), size.width))
        .collect();
    if let Some(width) = image.width {
        candidates.push((src.as_str(), width));
    }
    candidates_text(candidates)
}

/// The `<source>` elements a `<picture>` gives before its `<img>`, as (`type`, `srcset`): one
/// per format of [`modern_type`] among the picture's `sizes`, in the order they first come
/// (narrowest first within each, as [`srcset`] orders them). Empty when `src` is itself in such
/// a format (then [`srcset`] has every copy) or the picture has no `src`.
///
/// ```
/// use pressline_core::parse_dataset;
/// use pressline_core::picture::{sources, srcset};
/// let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [
///     { "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A",
///       "image": { "src": "a-960.jpg", "alt": "A", "width": 960, "sizes": [
///           { "src": "a-480.jpg", "width": 480 }, { "src": "a-480.webp", "width": 480 },
///           { "src": "a-960.jpg", "width": 960 }, { "src": "a-960.webp", "width": 960 } ] } } ] }"#).unwrap();
/// let image = loaded.dataset.releases[0].image.as_ref().unwrap();
/// assert_eq!(srcset(image).as_deref(), Some("a-480.jpg 480w, a-960.jpg 960w"));
/// assert_eq!(sources(image), [("image/webp", "a-480.webp 480w, a-960.webp 960w".to_owned())]);
/// ```
pub fn sources(image: &Image) -> Vec<(&'static str, String)> {
    let Some(src) = image.src.as_ref() else {
        return Vec::new();
    };
    if modern_type(src.as_str()).is_some() {
        return Vec::new();
    }
    let mut types: Vec<&'static str> = Vec::new();
    for size in &image.sizes {
        if let Some(media_type) = modern_type(size.src.as_str()) {
            if !types.contains(&media_type) {
                types.push(media_type);
            }
        }
    }
    types
        .into_iter()
        .filter_map(|media_type| {
            let candidates = image
                .sizes
                .iter()
                .filter(|size| modern_type(size.src.as_str()) == Some(media_type))
                .map(|size| (size.src.as_str(), size.width))
                .collect();
            Some((media_type, candidates_text(candidates)?))
        })
        .collect()
}

/// The media type of a copy in a format not every browser shows, by its address's extension
/// (before any query or fragment, ignoring case): `image/webp` for `.webp`, `image/avif` for
/// `.avif`; `None` for anything else (JPEG, PNG, GIF, SVG, or no extension).
///
/// ```
/// use pressline_core::picture::modern_type;
/// assert_eq!(modern_type("images/a-480.WEBP?v=1"), Some("image/webp"));
/// assert_eq!(modern_type("images/a-480.jpg"), None);
/// ```
pub fn modern_type(address: &str) -> Option<&'static str> {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "webp" => Some("image/webp"),
        "avif" => Some("image/avif"),
        _ => None,
    }
}

/// `candidates` (address, width) as a `srcset`: narrowest first, one per width and per address
/// (the first of each kept); `None` when there are none.
fn candidates_text(mut candidates: Vec<(&str, u32)>) -> Option<String> {
    if candidates.is_empty() {
        return None;
    }
    sort_with(&mut candidates, &|a, b| a.1.cmp(&b.1));
    let mut kept: Vec<(&str, u32)> = Vec::with_capacity(candidates.len());
    for (address, width) in candidates {
        if !kept.iter().any(|&(a, w)| a == address || w == width) {
            kept.push((address, width));
        }
    }
    let mut text = String::new();
    for (i, (address, width)) in kept.into_iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&srcset_address(address));
        text.push(' ');
        text.push_str(&width.to_string());
        text.push('w');
    }
    Some(text)
}

/// An address as a `srcset` candidate: a comma at its start or end (which the browser would
/// take for a separator) written `%2C`.
fn srcset_address(address: &str) -> String {
    let body = address.trim_matches(',');
    let leading = address.len() - address.trim_start_matches(',').len();
    if body.is_empty() {
        return "%2C".repeat(address.len());
    }
    let trailing = address.len() - address.trim_end_matches(',').len();
    format!("{}{body}{}", "%2C".repeat(leading), "%2C".repeat(trailing))
}
