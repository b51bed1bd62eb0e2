//! The loaded dataset and its search index, as every view shares them.

use std::sync::Arc;

use crate::core::formats::{read_any, SourceFormat};
use crate::core::search::SearchIndex;
use crate::core::{Dataset, FormatError, Problem};

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
    pub problems: Vec<Problem>,
    /// The query engine's index over `dataset.releases`.
    pub index: SearchIndex,
}

/// What every view reads: the site, or why no dataset could be read. Cheap to clone; provided
/// once as context by [`crate::ui::App`].
#[derive(Debug, Clone)]
pub struct SiteData(Arc<Result<Site, FormatError>>);

impl SiteData {
    /// Detects the format, then parses, validates and indexes the text.
    pub fn from_json(text: &str) -> Self {
        Self(Arc::new(read_any(text).map(|(format, loaded)| Site {
            format,
            index: SearchIndex::build(&loaded.dataset.releases),
            dataset: loaded.dataset,
            problems: loaded.problems,
        })))
    }

    /// The dataset bundled into the build.
    pub fn bundled() -> Self {
        Self::from_json(BUNDLED_DATASET)
    }

    /// The site, when the dataset could be read.
    pub fn site(&self) -> Option<&Site> {
        self.0.as_ref().as_ref().ok()
    }

    /// Why the dataset could not be read, if it could not.
    pub fn error(&self) -> Option<&FormatError> {
        self.0.as_ref().as_ref().err()
    }

    /// The organization's name, when the dataset gives one.
    pub fn organization_name(&self) -> Option<String> {
        self.site()?.dataset.organization_name().map(str::to_owned)
    }
}
