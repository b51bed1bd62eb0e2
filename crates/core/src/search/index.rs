//! The query engine: an index built once per dataset, answering a [`ViewState`] with the
//! matching releases in order and a live count for every facet value.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use super::normalize::for_each_token;
use super::{Bitset, SearchQuery, Term};
use crate::order::{sort_with, sorted_positions};
use crate::timeline::newest_first;
use crate::translation::Folding;
use crate::view_state::{Facet, SortOrder, ViewState};
use crate::Release;

/// One facet's values and which releases carry each.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    /// Which facet this is.
    pub facet: Facet,
    /// The values in display order: most used first (years: newest first).
    pub values: Vec<String>,
    postings: Vec<Vec<u32>>,
    position: HashMap<String, usize>,
}

impl FacetIndex {
    /// The position of `value` in [`FacetIndex::values`], if any release has it.
    pub fn position(&self, value: &str) -> Option<usize> {
        self.position.get(value).copied()
    }

    /// How many releases have the value at `position`, with no filter at all.
    pub fn total(&self, position: usize) -> usize {
        self.postings[position].len()
    }
}

/// Why the date range could not be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRangeIssue {
    /// `from` is after `to`; the range is ignored until it is fixed.
    Inverted {
        /// The start given.
        from: NaiveDate,
        /// The end given.
        to: NaiveDate,
    },
}

/// The answer to one [`ViewState`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryResult {
    /// Indices of the matching releases, in the requested order.
    pub matches: Vec<u32>,
    /// For each facet (in [`Facet::ALL`] order), for each value (in display order), how many
    /// releases would match with that value, given every *other* active filter.
    pub facet_counts: Vec<Vec<usize>>,
    /// Set when the date range was ignored, and why.
    pub date_issue: Option<DateRangeIssue>,
}

type WordPostings = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<WordHasher>>;

/// Builds a [`SearchIndex`] a batch of releases at a time, so a browser can stay responsive
/// while a large dataset is indexed. Folding the text is the slow part and is what the batches
/// split; [`IndexBuilder::finish`] then sorts.
///
/// ```
/// use pressline_core::search::{IndexBuilder, SearchIndex};
/// let text = include_str!("../../../../public/data/releases.json");
/// let releases = pressline_core::parse_dataset(text).unwrap().dataset.releases;
/// let mut builder = IndexBuilder::default();
/// while builder.add(&releases, 5) < releases.len() {}
/// let index = builder.finish(&releases);
/// assert_eq!(index.len(), SearchIndex::build(&releases).len());
/// ```
#[derive(Debug, Default)]
pub struct IndexBuilder {
    words: WordPostings,
    next: usize,
}

impl IndexBuilder {
    /// Folds the text of up to `count` more of `releases` (always the same slice); returns how
    /// many have been indexed so far.
    pub fn add(&mut self, releases: &[Release], count: usize) -> usize {
        let end = self.next.saturating_add(count).min(releases.len());
        let words = &mut self.words;
        for (id, release) in releases.iter().enumerate().take(end).skip(self.next) {
            let id = id as u32;
            for_each_searchable_text(release, |text| {
                for_each_token(text, |_, word| match words.get_mut(word) {
                    Some(list) => {
                        if list.last() != Some(&id) {
                            list.push(id);
                        }
                    }
                    None => {
                        words.insert(word.into(), vec![id]);
                    }
                });
            });
        }
        self.next = end;
        end
    }

    /// Indexes whatever is left, then sorts: the finished index.
    pub fn finish(self, releases: &[Release]) -> SearchIndex {
        let mut finishing = self.finish_in_steps();
        while !finishing.step(releases) {}
        finishing.into_index(releases)
    }

    /// The finishing work (the sorts, the dates, each facet) as separate steps, so a browser
    /// can give itself a turn between them: at a million releases, doing them all at once
    /// held the main thread for over a second.
    ///
    /// ```
    /// use pressline_core::search::{IndexBuilder, SearchIndex};
    /// let text = include_str!("../../../../public/data/releases.json");
    /// let releases = pressline_core::parse_dataset(text).unwrap().dataset.releases;
    /// let mut builder = IndexBuilder::default();
    /// builder.add(&releases, usize::MAX);
    /// let mut finishing = builder.finish_in_steps();
    /// while !finishing.step(&releases) {}
    /// assert_eq!(finishing.into_index(&releases).len(), releases.len());
    /// ```
    pub fn finish_in_steps(self) -> IndexFinishing {
        IndexFinishing {
            builder: self,
            stage: Stage::Rest,
            newest: Vec::new(),
            oldest: Vec::new(),
            groups: Vec::new(),
            vocabulary: Vec::new(),
            postings: Vec::new(),
            days: Vec::new(),
            initials: Vec::new(),
            facets: Vec::with_capacity(Facet::ALL.len()),
            facet_values: FacetValues::default(),
            without_language: Vec::new(),
        }
    }
}

/// An index being finished one step at a time (see [`IndexBuilder::finish_in_steps`]).
#[derive(Debug)]
pub struct IndexFinishing {
    builder: IndexBuilder,
    stage: Stage,
    newest: Vec<u32>,
    oldest: Vec<u32>,
    /// The words not sorted yet, by first byte: sorting one group per step, in byte order,
    /// sorts the whole vocabulary in steps.
    groups: Vec<Vec<(Box<str>, Vec<u32>)>>,
    vocabulary: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    days: Vec<NaiveDate>,
    initials: Vec<(char, Bitset)>,
    facets: Vec<FacetIndex>,
    /// The facet being built: its values so far, with their releases.
    facet_values: FacetValues,
    /// The releases with no `lang` of their own (see [`SearchIndex::with_dataset_language`]).
    without_language: Vec<u32>,
}

/// A facet's values and the releases that have each, while it is built.
type FacetValues = HashMap<String, Vec<u32>, BuildHasherDefault<WordHasher>>;

/// Releases whose facet values one step reads: a facet over 100k releases is a few steps (in
/// the browser, each a task that cannot be cut), not one.
const FACET_BATCH: usize = 20_000;

/// What [`IndexFinishing::step`] does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Rest,
    Newest,
    Oldest,
    Group,
    SortGroup(usize),
    /// The releases with a word starting with the character of the word at this position of
    /// the vocabulary (one character per step).
    Initials(usize),
    Days,
    /// The facet at this position of [`Facet::ALL`], from this release on.
    Facet(usize, usize),
    Done,
}

impl IndexFinishing {
    /// Does the next step over `releases` (the same slice the builder saw); true once every
    /// step is done.
    pub fn step(&mut self, releases: &[Release]) -> bool {
        let to_u32 = |positions: Vec<usize>| positions.into_iter().map(|i| i as u32).collect();
        self.stage = match self.stage {
            Stage::Rest => {
                self.builder.add(releases, usize::MAX);
                Stage::Newest
            }
            Stage::Newest => {
                self.newest = to_u32(newest_first(releases));
                Stage::Oldest
            }
            Stage::Oldest => {
                // Oldest first keeps file order among releases of the same date, like newest
                // first does.
                self.oldest = to_u32(sorted_positions(releases.len(), &|a, b| {
                    releases[a].date.cmp(&releases[b].date)
                }));
                Stage::Group
            }
            Stage::Group => {
                let words = std::mem::take(&mut self.builder.words);
                self.groups = (0..256).map(|_| Vec::new()).collect();
                self.vocabulary.reserve(words.len());
                self.postings.reserve(words.len());
                for (word, list) in words {
                    let first = word.as_bytes().first().copied().unwrap_or(0);
                    self.groups[usize::from(first)].push((word, list));
                }
                Stage::SortGroup(0)
            }
            Stage::SortGroup(byte) => {
                let mut group = std::mem::take(&mut self.groups[byte]);
                sort_with(&mut group, &|a, b| a.0.cmp(&b.0));
                for (word, list) in group {
                    self.vocabulary.push(word);
                    self.postings.push(list);
                }
                // Empty groups cost nothing: go on to the next one with words.
                match (byte + 1..256).find(|&next| !self.groups[next].is_empty()) {
                    Some(next) => Stage::SortGroup(next),
                    None => Stage::Initials(0),
                }
            }
            Stage::Initials(from) => match self.vocabulary.get(from).and_then(|w| w.chars().next())
            {
                None => Stage::Days,
                Some(initial) => {
                    let count =
                        self.vocabulary[from..].partition_point(|word| word.starts_with(initial));
                    let mut set = Bitset::empty(releases.len());
                    for list in &self.postings[from..from + count] {
                        for &id in list {
                            set.insert(id);
                        }
                    }
                    self.initials.push((initial, set));
                    Stage::Initials(from + count)
                }
            },
            Stage::Days => {
                self.days = releases.iter().map(|r| r.date.calendar_date()).collect();
                Stage::Facet(0, 0)
            }
            Stage::Facet(n, from) => {
                let facet = Facet::ALL[n];
                let to = from.saturating_add(FACET_BATCH).min(releases.len());
                collect_facet_values(facet, releases, from, to, &mut self.facet_values);
                if facet == Facet::Language {
                    let ids = (from..to).filter(|&id| releases[id].lang.is_none());
                    self.without_language.extend(ids.map(|id| id as u32));
                }
                if to < releases.len() {
                    Stage::Facet(n, to)
                } else {
                    let values = std::mem::take(&mut self.facet_values);
                    self.facets.push(facet_index(facet, values));
                    if n + 1 < Facet::ALL.len() {
                        Stage::Facet(n + 1, 0)
                    } else {
                        Stage::Done
                    }
                }
            }
            Stage::Done => Stage::Done,
        };
        self.stage == Stage::Done
    }

    /// The finished index, once [`IndexFinishing::step`] has returned true (any step still
    /// left is done now).
    pub fn into_index(mut self, releases: &[Release]) -> SearchIndex {
        while !self.step(releases) {}
        SearchIndex {
            len: releases.len(),
            days: self.days,
            newest: self.newest,
            oldest: self.oldest,
            vocabulary: self.vocabulary,
            initials: self.initials,
            postings: self.postings,
            facets: self.facets,
            without_language: self.without_language,
        }
    }
}

/// Everything needed to filter and search a dataset without rescanning its text.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    len: usize,
    newest: Vec<u32>,
    oldest: Vec<u32>,
    /// Day of each release, for the date range.
    days: Vec<NaiveDate>,
    /// Every folded word, sorted, so a prefix is a contiguous range.
    vocabulary: Vec<Box<str>>,
    /// For each word, the releases containing it (sorted, unique).
    postings: Vec<Vec<u32>>,
    /// For each first character of a word, in vocabulary order, the releases with such a
    /// word: a one-letter prefix (every search's first keystroke) is one copy, not a union of
    /// the postings of every word that starts with it.
    initials: Vec<(char, Bitset)>,
    facets: Vec<FacetIndex>,
    /// The releases with no `lang` of their own, not yet in the language facet: they are in the
    /// dataset's language, which [`SearchIndex::with_dataset_language`] files them under.
    without_language: Vec<u32>,
}

impl SearchIndex {
    /// Builds the index: each release's searchable text is folded once, here. A release with
    /// no `lang` of its own has no language here until [`SearchIndex::with_dataset_language`]
    /// gives it the dataset's (as [`crate::site::Site`] does, and [`SearchIndex::for_dataset`]).
    pub fn build(releases: &[Release]) -> Self {
        let mut builder = IndexBuilder::default();
        builder.add(releases, usize::MAX);
        builder.finish(releases)
    }

    /// Builds the index of a dataset's releases, the language facet complete (see
    /// [`SearchIndex::with_dataset_language`]).
    pub fn for_dataset(dataset: &crate::Dataset) -> Self {
        Self::build(&dataset.releases).with_dataset_language(dataset.lang.as_deref())
    }

    /// The index with the releases that have no `lang` of their own filed under the
    /// dataset's language `lang` in the language facet ([`Facet::Language`]); with no `lang`
    /// they have none. Their list is spent by the first call: later calls change nothing.
    ///
    /// ```
    /// use pressline_core::search::SearchIndex;
    /// use pressline_core::view_state::Facet;
    /// let dataset = pressline_core::parse_dataset(r#"{ "pressline": 1, "lang": "en", "releases": [
    ///     { "id": "a", "kind": "Report", "date": "2024-05-01", "title": "A" },
    ///     { "id": "b", "kind": "Report", "date": "2024-05-02", "title": "B", "lang": "uk" },
    ///     { "id": "c", "kind": "Report", "date": "2024-05-03", "title": "C" } ] }"#)
    ///     .unwrap()
    ///     .dataset;
    /// let bare = SearchIndex::build(&dataset.releases);
    /// assert_eq!(bare.facet(Facet::Language).values, ["uk"]);
    /// let index = bare.with_dataset_language(Some("en"));
    /// assert_eq!(index.facet(Facet::Language).values, ["en", "uk"]);
    /// ```
    pub fn with_dataset_language(mut self, lang: Option<&str>) -> Self {
        let without = std::mem::take(&mut self.without_language);
        let Some(lang) = lang.filter(|_| !without.is_empty()) else {
            return self;
        };
        let at = Facet::Language.position();
        let facet = &mut self.facets[at];
        let mut by_value: FacetValues = std::mem::take(&mut facet.values)
            .into_iter()
            .zip(std::mem::take(&mut facet.postings))
            .collect();
        let list = by_value.entry(lang.to_owned()).or_default();
        *list = union_sorted(list, &without);
        self.facets[at] = facet_index(Facet::Language, by_value);
        self
    }

    /// How many releases the index covers.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the dataset has no releases.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index of one facet.
    pub fn facet(&self, facet: Facet) -> &FacetIndex {
        &self.facets[facet.position()]
    }

    /// How many distinct words the text index holds.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Approximate heap bytes held by the index (not counting the releases themselves).
    pub fn heap_bytes(&self) -> usize {
        let postings = |lists: &[Vec<u32>]| -> usize {
            lists.iter().map(|list| list.capacity() * 4 + 24).sum()
        };
        let facets: usize = self
            .facets
            .iter()
            .map(|facet| {
                postings(&facet.postings)
                    + facet
                        .values
                        .iter()
                        .map(|v| v.capacity() * 2 + 48)
                        .sum::<usize>()
            })
            .sum();
        (self.newest.capacity() + self.oldest.capacity()) * 4
            + self.days.capacity() * 4
            + self.vocabulary.iter().map(|w| w.len() + 16).sum::<usize>()
            + postings(&self.postings)
            + self
                .initials
                .iter()
                .map(|(_, set)| set.heap_bytes() + 32)
                .sum::<usize>()
            + facets
            + self.without_language.capacity() * 4
    }

    /// Answers a view with every version of every story (no [`Folding`]): which releases
    /// match, in which order, and the facet counts. What a reader's timeline shows is
    /// [`SearchIndex::run_for`].
    pub fn run(&self, releases: &[Release], state: &ViewState) -> QueryResult {
        self.run_for(releases, state, &Folding::none())
    }

    /// Answers a view as a reader's timeline shows it: which releases match, in which order,
    /// and the facet counts. While the view selects no language, only the versions `folding`
    /// shows (one per story, in the reader's language where there is one) match, and every
    /// count but the language facet's counts them alone; the language facet counts every
    /// version the other filters allow, what selecting that language would show. A view that
    /// selects languages shows every release in them. A `folding` made for another dataset
    /// (of another length) is ignored.
    pub fn run_for(
        &self,
        releases: &[Release],
        state: &ViewState,
        folding: &Folding,
    ) -> QueryResult {
        let filters = self.filters(releases, state, folding);
        let matches = self.in_order(filters.combined(None).as_ref(), state.sort);
        let facet_counts = self
            .facets
            .iter()
            .enumerate()
            .map(|(position, facet)| {
                let mask = filters.combined(Some(position));
                facet
                    .postings
                    .iter()
                    .map(|list| match &mask {
                        None => list.len(),
                        Some(mask) => list.iter().filter(|&&id| mask.contains(id)).count(),
                    })
                    .collect()
            })
            .collect();
        QueryResult {
            matches,
            facet_counts,
            date_issue: filters.date_issue,
        }
    }

    /// Only the matches of a view, in its order, without the facet counts [`run`](Self::run)
    /// adds, with every version of every story.
    pub fn matching(&self, releases: &[Release], state: &ViewState) -> Vec<u32> {
        self.matching_for(releases, state, &Folding::none())
    }

    /// Only the matches of a view as a reader's timeline shows them (see
    /// [`run_for`](Self::run_for)), without the facet counts: what the histogram needs.
    pub fn matching_for(
        &self,
        releases: &[Release],
        state: &ViewState,
        folding: &Folding,
    ) -> Vec<u32> {
        let filters = self.filters(releases, state, folding);
        self.in_order(filters.combined(None).as_ref(), state.sort)
    }

    /// The releases each of a view's filters allows. The language facet's filter is its
    /// selection, else the versions `folding` shows.
    fn filters<'a>(
        &self,
        releases: &[Release],
        state: &ViewState,
        folding: &'a Folding,
    ) -> Filters<'a> {
        let (date, date_issue) = self.date_set(state.from, state.to);
        let folded = folding.shown().filter(|shown| shown.universe() == self.len);
        Filters {
            search: self.search_set(releases, &SearchQuery::parse(&state.query)),
            date,
            date_issue,
            facets: Facet::ALL
                .into_iter()
                .map(|facet| match self.facet_set(facet, state.selected(facet)) {
                    None if facet == Facet::Language => folded.map(Cow::Borrowed),
                    set => set.map(Cow::Owned),
                })
                .collect(),
        }
    }

    /// The releases of `set` (every one for `None`) in the order `sort` asks for.
    fn in_order(&self, set: Option<&Bitset>, sort: SortOrder) -> Vec<u32> {
        let order = match sort {
            SortOrder::Newest => &self.newest,
            SortOrder::Oldest => &self.oldest,
        };
        match set {
            None => order.clone(),
            Some(set) => order
                .iter()
                .copied()
                .filter(|&id| set.contains(id))
                .collect(),
        }
    }

    /// The releases a search allows, or `None` for an empty search (everything).
    fn search_set(&self, releases: &[Release], query: &SearchQuery) -> Option<Bitset> {
        if query.is_empty() {
            return None;
        }
        let mut result = (!query.has_positive_terms()).then(|| Bitset::full(self.len));
        for term in query.terms.iter().filter(|term| !term.negated) {
            let set = self.term_set(releases, term);
            match &mut result {
                Some(result) => result.intersect_with(&set),
                None => result = Some(set),
            }
        }
        let mut result = result.expect("a positive term or a full set");
        for term in query.terms.iter().filter(|term| term.negated) {
            result.subtract(&self.term_set(releases, term));
        }
        Some(result)
    }

    fn term_set(&self, releases: &[Release], term: &Term) -> Bitset {
        let mut set = Bitset::empty(self.len);
        if term.is_prefix() {
            let prefix = term.words[0].as_str();
            let mut chars = prefix.chars();
            if let (Some(initial), None) = (chars.next(), chars.next()) {
                return self
                    .initials
                    .binary_search_by(|(c, _)| c.cmp(&initial))
                    .map_or_else(
                        |_| Bitset::empty(self.len),
                        |at| self.initials[at].1.clone(),
                    );
            }
            let start = self.vocabulary.partition_point(|word| &**word < prefix);
            let count = self.vocabulary[start..].partition_point(|word| word.starts_with(prefix));
            for list in &self.postings[start..start + count] {
                for &id in list {
                    set.insert(id);
                }
            }
            return set;
        }
        // Whole words: intersect their postings, then check the order for phrases.
        let mut candidates: Option<Vec<u32>> = None;
        for word in &term.words {
            let list = match self
                .vocabulary
                .binary_search_by(|w| (**w).cmp(word.as_str()))
            {
                Ok(at) => &self.postings[at],
                Err(_) => return set,
            };
            candidates = Some(match candidates {
                None => list.clone(),
                Some(previous) => intersect_sorted(&previous, list),
            });
        }
        for id in candidates.unwrap_or_default() {
            if term.words.len() == 1 || has_phrase(&releases[id as usize], &term.words) {
                set.insert(id);
            }
        }
        set
    }

    fn date_set(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> (Option<Bitset>, Option<DateRangeIssue>) {
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return (None, Some(DateRangeIssue::Inverted { from, to }));
            }
        }
        if from.is_none() && to.is_none() {
            return (None, None);
        }
        // `oldest` is sorted by day, so the range is one slice of it.
        let day = |id: &u32| self.days[*id as usize];
        let start = from.map_or(0, |from| self.oldest.partition_point(|id| day(id) < from));
        let end = to.map_or(self.len, |to| {
            self.oldest.partition_point(|id| day(id) <= to)
        });
        let ids = self.oldest[start..end.max(start)].iter().copied();
        (Some(Bitset::from_indices(self.len, ids)), None)
    }

    fn facet_set(&self, facet: Facet, selected: &[String]) -> Option<Bitset> {
        if selected.is_empty() {
            return None;
        }
        let index = self.facet(facet);
        let mut set = Bitset::empty(self.len);
        for value in selected {
            if let Some(position) = index.position(value) {
                for &id in &index.postings[position] {
                    set.insert(id);
                }
            }
        }
        Some(set)
    }
}

/// The releases a view's search, dates and each facet allow (`None`: no such filter).
struct Filters<'a> {
    search: Option<Bitset>,
    date: Option<Bitset>,
    date_issue: Option<DateRangeIssue>,
    /// In [`Facet::ALL`] order; the language's may be a [`Folding`]'s, borrowed.
    facets: Vec<Option<Cow<'a, Bitset>>>,
}

impl Filters<'_> {
    /// The releases every filter allows, leaving out the facet at `skip` (a facet's counts are
    /// given the *other* filters); `None` when nothing filters.
    fn combined(&self, skip: Option<usize>) -> Option<Bitset> {
        let mut parts = [self.search.as_ref(), self.date.as_ref()]
            .into_iter()
            .chain(
                self.facets
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| Some(*i) != skip)
                    .map(|(_, set)| set.as_deref()),
            )
            .flatten();
        let mut combined = parts.next()?.clone();
        for part in parts {
            combined.intersect_with(part);
        }
        Some(combined)
    }
}

/// The values a release has for a facet. Its language here is its own `lang` only: the
/// dataset's, which a release without one is in, is the caller's to add.
pub fn facet_values(release: &Release, facet: Facet) -> Vec<String> {
    let mut values = Vec::new();
    for_each_facet_value(release, facet, &mut String::new(), |value| {
        values.push(value.to_owned())
    });
    values
}

/// Calls `visit` with each value a release has for a facet, borrowed (a year written into
/// `year`): building a facet allocates a value once, not once per release.
fn for_each_facet_value(
    release: &Release,
    facet: Facet,
    year: &mut String,
    mut visit: impl FnMut(&str),
) {
    match facet {
        Facet::Kind => visit(&release.kind),
        Facet::Topic => release.topics.iter().for_each(|topic| visit(topic)),
        Facet::Place => release.places.iter().for_each(|place| visit(place)),
        Facet::Person => release.people.iter().for_each(|person| visit(&person.name)),
        Facet::Year => {
            use std::fmt::Write;
            year.clear();
            let _ = write!(year, "{}", release.date.year());
            visit(year);
        }
        // The dataset's language, for a release without its own, is added afterwards (see
        // `SearchIndex::with_dataset_language`).
        Facet::Language => release.lang.iter().for_each(|lang| visit(lang)),
    }
}

/// Adds the facet values of releases `from..to` to `by_value`. No allocation per release,
/// only per distinct value.
fn collect_facet_values(
    facet: Facet,
    releases: &[Release],
    from: usize,
    to: usize,
    by_value: &mut FacetValues,
) {
    let mut year = String::new();
    for (id, release) in releases.iter().enumerate().take(to).skip(from) {
        let id = id as u32;
        for_each_facet_value(release, facet, &mut year, |value| {
            let list = match by_value.get_mut(value) {
                Some(list) => list,
                None => by_value.entry(value.to_owned()).or_default(),
            };
            if list.last() != Some(&id) {
                list.push(id);
            }
        });
    }
}

/// A facet's index from its values: most used first (years newest first).
fn facet_index(facet: Facet, by_value: FacetValues) -> FacetIndex {
    let mut entries: Vec<(String, Vec<u32>)> = by_value.into_iter().collect();
    if facet == Facet::Year {
        sort_with(&mut entries, &|a, b| b.0.cmp(&a.0));
    } else {
        sort_with(&mut entries, &|a, b| {
            b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0))
        });
    }
    let position = entries
        .iter()
        .enumerate()
        .map(|(i, (value, _))| (value.clone(), i))
        .collect();
    let (values, postings) = entries.into_iter().unzip();
    FacetIndex {
        facet,
        values,
        postings,
        position,
    }
}

/// Calls `visit` with each text field search covers: title, summary, body, people, topics,
/// places and the photo credit.
fn for_each_searchable_text(release: &Release, mut visit: impl FnMut(&str)) {
    visit(&release.title);
    for text in [&release.summary, &release.body].into_iter().flatten() {
        visit(text);
    }
    for person in &release.people {
        visit(&person.name);
        if let Some(role) = &person.role {
            visit(role);
        }
    }
    for text in release.topics.iter().chain(&release.places) {
        visit(text);
    }
    if let Some(credit) = release
        .image
        .as_ref()
        .and_then(|image| image.credit.as_ref())
    {
        visit(credit);
    }
}

/// True when the folded `words` appear consecutively within one of the release's fields.
fn has_phrase(release: &Release, words: &[String]) -> bool {
    let mut found = false;
    for_each_searchable_text(release, |text| {
        if found {
            return;
        }
        let mut window: Vec<String> = Vec::with_capacity(words.len());
        for_each_token(text, |_, word| {
            if found {
                return;
            }
            if window.len() == words.len() {
                window.remove(0);
            }
            window.push(word.to_owned());
            found = window.as_slice() == words;
        });
    });
    found
}

/// The ids of two ascending lists with none in common, in one ascending list.
fn union_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A fast, non-cryptographic hash for the word table (the FxHash mix): the index is built from
/// trusted-enough data once, and SipHash's flood resistance costs more than it buys here.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}
