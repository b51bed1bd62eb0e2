//! A loaded dataset as the app and the publisher hold it: its releases, what validation
//! skipped, and the search index built once for it.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::formats::SourceFormat;
use crate::i18n::Language;
use crate::search::{QueryResult, SearchIndex};
use crate::translation::{group_by_key, versions_at, Folding};
use crate::view_state::ViewState;
use crate::{Dataset, LoadedDataset, Problem, Release};

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
    /// Each reader's language's [`Folding`], by [`Language`] position, worked out when first
    /// asked for.
    foldings: [OnceLock<Folding>; Language::ALL.len()],
    /// The positions of the releases under each `translation_key`, grouped when first asked for.
    translation_groups: OnceLock<HashMap<String, Vec<usize>>>,
}

impl Site {
    /// Indexes a loaded dataset.
    pub fn new(format: SourceFormat, loaded: LoadedDataset) -> Self {
        let index = SearchIndex::build(&loaded.dataset.releases);
        Self::with_index(format, loaded, index)
    }

    /// A loaded dataset with the index already built for its releases (by
    /// [`SearchIndex::build`] or an [`crate::search::IndexBuilder`]); the releases without a
    /// language of their own are filed under the dataset's here (see
    /// [`SearchIndex::with_dataset_language`]).
    pub fn with_index(format: SourceFormat, loaded: LoadedDataset, index: SearchIndex) -> Self {
        Self {
            format,
            index: index.with_dataset_language(loaded.dataset.lang.as_deref()),
            dataset: loaded.dataset,
            problems: loaded.problems.into(),
            foldings: Default::default(),
            translation_groups: OnceLock::new(),
        }
    }

    /// Which version of each story the timeline shows a reader of `reader` who selects no
    /// language (see [`Folding::for_reader`]), worked out once per language.
    pub fn folding(&self, reader: Language) -> &Folding {
        self.foldings[reader as usize].get_or_init(|| Folding::for_reader(&self.dataset, reader))
    }

    /// The timeline's view `state` as a reader of `reader` sees it: its matches in order and
    /// every facet value's count (see [`SearchIndex::run_for`]).
    pub fn run(&self, state: &ViewState, reader: Language) -> QueryResult {
        self.index
            .run_for(&self.dataset.releases, state, self.folding(reader))
    }

    /// The other versions of `release`, exactly as [`crate::translation::other_versions`] gives
    /// them, from groups made once: every release page asks, and a publish renders them all.
    pub fn other_versions(&self, release: &Release) -> Vec<(&str, &str)> {
        let groups = self.translation_groups.get_or_init(|| {
            group_by_key(&self.dataset)
                .into_iter()
                .map(|(key, positions)| (key.to_owned(), positions))
                .collect()
        });
        match release
            .translation_key
            .as_deref()
            .and_then(|key| groups.get(key))
        {
            Some(positions) => versions_at(&self.dataset, positions, release),
            None => Vec::new(),
        }
    }

    /// True when some release is in `reader`'s language (by its primary subtag: `uk-UA` is
    /// Ukrainian), its own or the dataset's: a reader of another language is told what language
    /// the releases are in only when none is in theirs.
    pub fn has_releases_in(&self, reader: Language) -> bool {
        self.index
            .facet(crate::view_state::Facet::Language)
            .values
            .iter()
            .any(|tag| Language::from_tag(tag) == Some(reader))
    }

    /// Only the matches of [`Site::run`], in order (what the histogram needs).
    pub fn matching(&self, state: &ViewState, reader: Language) -> Vec<u32> {
        self.index
            .matching_for(&self.dataset.releases, state, self.folding(reader))
    }
}
