//! The loaded dataset and its search index, as every view shares them. A sharded archive
//! replaces the site as older shards arrive, so views read it reactively.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::formats::{read_any, SourceFormat};
use crate::core::search::SearchIndex;
use crate::core::{parse_dataset, Dataset, FormatError, LoadedDataset, Problem};

/// The dataset compiled into the app: the default when a deploy names no other.
pub const BUNDLED_DATASET: &str = include_str!("../../public/data/releases.json");

/// A readable dataset, what validation skipped, and the index built once for it.
#[derive(Debug)]
pub struct Site {
    /// The format the data came in (Pressline, JSON Feed, WordPress, TimelineJS).
    pub format: SourceFormat,
    /// The valid releases and the organization.
    pub dataset: Dataset,
    /// What validation skipped or dropped.
    pub problems: Arc<[Problem]>,
    /// The query engine's index over `dataset.releases`.
    pub index: SearchIndex,
}

impl Site {
    /// Indexes a loaded dataset.
    pub fn new(format: SourceFormat, loaded: LoadedDataset) -> Self {
        let index = SearchIndex::build(&loaded.dataset.releases);
        Self::with_index(format, loaded, index)
    }

    /// A loaded dataset with the index already built for its releases.
    pub fn with_index(format: SourceFormat, loaded: LoadedDataset, index: SearchIndex) -> Self {
        Self {
            format,
            index,
            dataset: loaded.dataset,
            problems: loaded.problems.into(),
        }
    }
}

/// What every view reads: the site, or why no dataset could be read. Cheap to clone; provided
/// once as context by [`crate::ui::App`]. Reading it inside a reactive closure re-runs the
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

    /// The dataset bundled into the build (a Pressline dataset: reading it needs none of the
    /// other formats' code, which is then fetched only if a deploy names such a file).
    pub fn bundled() -> Self {
        Self::from_read(
            parse_dataset(BUNDLED_DATASET).map(|loaded| (SourceFormat::Pressline, loaded)),
        )
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
