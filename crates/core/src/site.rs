//! A loaded dataset as the app and the publisher hold it: its releases, what validation
//! skipped, and the search index built once for it.

use std::sync::Arc;

use crate::formats::SourceFormat;
use crate::search::SearchIndex;
use crate::{Dataset, LoadedDataset, Problem};

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
