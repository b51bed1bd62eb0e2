//! The loaded dataset and its search index, as every view shares them. A sharded archive
//! replaces the site as older shards arrive, so views read it reactively.

use std::sync::Arc;

use leptos::prelude::*;

use pressline_core::formats::{read_any, SourceFormat};
use pressline_core::packed;
pub use pressline_core::site::Site;
use pressline_core::{FormatError, FormatErrorKind, LoadedDataset};

/// The dataset compiled into the app (the default when a deploy names no other), as `build.rs`
/// wrote it: packed (see [`packed`]) when it has no problems, else its JSON text.
const BUNDLED_DATASET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled-dataset.bin"));

/// Where the bundled dataset is also served from, to name it in messages.
pub const BUNDLED_DATASET_PATH: &str = "data/releases.json";

/// The bundled dataset, ready at once, or text that must be read (and its problems reported)
/// like a fetched dataset.
pub enum Bundled {
    /// Packed at build time: read without parsing or validating.
    Ready(SiteData),
    /// A dataset with problems, or not readable: its JSON text.
    Text(&'static str),
}

/// True when the bundled dataset is packed, and so needs no reader at start-up.
pub fn bundled_is_packed() -> bool {
    packed::is_packed(BUNDLED_DATASET)
}

/// What every view reads: the site, or why no dataset could be read. Cheap to clone; provided
/// once as context by [`crate::app::App`]. Reading it inside a reactive closure re-runs the
/// closure when the site changes (a sharded archive growing).
#[derive(Debug, Clone)]
pub struct SiteData(ArcRwSignal<Result<Arc<Site>, FormatError>>);

impl SiteData {
    /// Detects the format, then parses, validates and indexes the text.
    pub fn from_json(text: &str) -> Self {
        Self::from_read(read_any(text))
    }

    /// A dataset read at once (or why it could not be), indexed here.
    fn from_read(read: Result<(SourceFormat, LoadedDataset), FormatError>) -> Self {
        Self(ArcRwSignal::new(
            read.map(|(format, loaded)| Arc::new(Site::new(format, loaded))),
        ))
    }

    /// A site read elsewhere (in slices, by the loader).
    pub fn from_site(site: Site) -> Self {
        Self(ArcRwSignal::new(Ok(Arc::new(site))))
    }

    /// The dataset bundled into the build: indexed here when it was packed.
    pub fn bundled() -> Bundled {
        if !bundled_is_packed() {
            // build.rs wrote the file's own text, which is UTF-8. (When it wrote packed bytes,
            // the compiler sees this branch cannot be taken, and says the bytes are not text.)
            #[allow(invalid_from_utf8)]
            let text = std::str::from_utf8(BUNDLED_DATASET).unwrap_or_default();
            return Bundled::Text(text);
        }
        let read = packed::unpack(BUNDLED_DATASET)
            .map(|dataset| {
                let problems = Vec::new();
                (SourceFormat::Pressline, LoadedDataset { dataset, problems })
            })
            .map_err(|error| FormatError {
                kind: FormatErrorKind::NotThisFormat,
                message: error.to_string(),
                line: 1,
                column: 1,
            });
        Bundled::Ready(Self::from_read(read))
    }

    /// The site, when the dataset could be read.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.0.with(|site| site.as_ref().ok().cloned())
    }

    /// The site, without subscribing the caller to changes.
    pub fn site_untracked(&self) -> Option<Arc<Site>> {
        self.0.with_untracked(|site| site.as_ref().ok().cloned())
    }

    /// Why the dataset could not be read, if it could not. Untracked: a site that loaded never
    /// turns into an error, and a loader reading this must not re-run when shards arrive.
    pub fn error(&self) -> Option<FormatError> {
        self.0.with_untracked(|site| site.as_ref().err().cloned())
    }

    /// Replaces the site (an archive shard arrived); every reactive reader updates.
    pub fn replace(&self, site: Site) {
        self.0.set(Ok(Arc::new(site)));
    }

    /// The language the dataset's text is written in, when it says (`lang` at its top level).
    pub fn content_language(&self) -> Option<String> {
        self.site_untracked()?.dataset.lang.clone()
    }

    /// The organization's name, when the dataset gives one.
    pub fn organization_name(&self) -> Option<String> {
        self.site_untracked()?
            .dataset
            .organization_name()
            .map(str::to_owned)
    }
}
