//! The loaded dataset as the views share it.

use std::sync::Arc;

use crate::core::{parse_dataset, FormatError, LoadedDataset};

/// The dataset compiled into the app: the default when a deploy names no other.
pub const BUNDLED_DATASET: &str = include_str!("../../public/data/releases.json");

/// What every view reads: the valid dataset and what was skipped, or why nothing could be read.
/// Cheap to clone; provided once as context by [`crate::ui::App`].
#[derive(Debug, Clone)]
pub struct SiteData(pub Arc<Result<LoadedDataset, FormatError>>);

impl SiteData {
    /// Parses and validates dataset text.
    pub fn from_json(text: &str) -> Self {
        Self(Arc::new(parse_dataset(text)))
    }

    /// The dataset bundled into the build.
    pub fn bundled() -> Self {
        Self::from_json(BUNDLED_DATASET)
    }
}
