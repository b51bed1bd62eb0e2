//! Versions of one story in several languages: releases that share a `translation_key`, each in
//! its own language (its `lang`, else the dataset's).
//!
//! Validation keeps one version per language under a key (a later release in a language the
//! key already has loses its `translation_key`, and so does one with no language at all; see
//! [`crate::ProblemKind::DuplicateTranslation`]). What is here answers the release page's "Also
//! in: Українська · Русский", the `<link rel="alternate" hreflang>` tags and sitemap
//! `xhtml:link`s of the published pages, and which version of each story the timeline shows a
//! reader who picks no language ([`Folding`]).
//!
//! ```
//! use pressline_core::parse_dataset;
//! use pressline_core::translation::{language_name, other_versions};
//! let loaded = parse_dataset(r#"{ "pressline": 1, "lang": "en", "releases": [
//!     { "id": "kyiv", "kind": "Statement", "date": "2024-05-01", "title": "Kyiv",
//!       "translation_key": "kyiv-2024" },
//!     { "id": "kyiv-ru", "kind": "Statement", "date": "2024-05-01", "title": "Киев",
//!       "lang": "ru", "translation_key": "kyiv-2024" },
//!     { "id": "kyiv-uk", "kind": "Statement", "date": "2024-05-01", "title": "Київ",
//!       "lang": "uk", "translation_key": "kyiv-2024" } ] }"#).unwrap();
//! let dataset = &loaded.dataset;
//! let versions = other_versions(dataset, dataset.release("kyiv").unwrap());
//! assert_eq!(versions, [("ru", "kyiv-ru"), ("uk", "kyiv-uk")]);
//! let names: Vec<&str> = versions.iter().map(|(lang, _)| language_name(lang)).collect();
//! assert_eq!(names, ["Русский", "Українська"]);
//! ```

use std::collections::HashMap;

use crate::i18n::Language;
use crate::order::sort_with;
use crate::search::Bitset;
use crate::{Dataset, Release};

/// A language's name in itself, for "Also in: …": "English", "Українська", "Русский",
/// "Español", "Français", "العربية" for the UI's languages (by their primary subtag, so `uk-UA`
/// is "Українська"; the names are [`Language::native_name`]'s), and the tag itself for any other
/// (`pt-BR`).
///
/// ```
/// use pressline_core::translation::language_name;
/// assert_eq!(language_name("ar"), "العربية");
/// assert_eq!(language_name("en-GB"), "English");
/// assert_eq!(language_name("pt-BR"), "pt-BR");
/// ```
pub fn language_name(tag: &str) -> &str {
    match Language::from_tag(tag) {
        Some(language) => language.native_name(),
        None => tag,
    }
}

/// The other versions of `release` in `dataset`, as `(language tag, id)` ordered by tag
/// (ignoring case), then id: the releases with its `translation_key`, each with its language
/// (its `lang`, else the dataset's). Empty when it has no key, or no other release shares it.
/// A version with no language, or in `release`'s own language or one listed already (which a
/// validated dataset never has; the first in the dataset's order is listed), is left out.
///
/// This looks through every release; for many pages, build a [`Translations`] once.
pub fn other_versions<'a>(dataset: &'a Dataset, release: &Release) -> Vec<(&'a str, &'a str)> {
    let Some(key) = release.translation_key.as_deref() else {
        return Vec::new();
    };
    let sharing = dataset
        .releases
        .iter()
        .filter(|other| other.translation_key.as_deref() == Some(key));
    versions_besides(dataset, release, sharing)
}

/// Every release's versions at once, for publishing a page per release: the releases grouped
/// by `translation_key`.
#[derive(Debug, Clone)]
pub struct Translations<'a> {
    dataset: &'a Dataset,
    by_key: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Translations<'a> {
    /// Groups `dataset`'s releases by their `translation_key`.
    pub fn new(dataset: &'a Dataset) -> Self {
        Self {
            dataset,
            by_key: group_by_key(dataset),
        }
    }

    /// The other versions of `release`, exactly as [`other_versions`] gives them.
    pub fn other_versions(&self, release: &Release) -> Vec<(&'a str, &'a str)> {
        let Some(positions) = release
            .translation_key
            .as_deref()
            .and_then(|key| self.by_key.get(key))
        else {
            return Vec::new();
        };
        versions_at(self.dataset, positions, release)
    }
}

/// The positions of `dataset`'s releases under each `translation_key`.
pub(crate) fn group_by_key(dataset: &Dataset) -> HashMap<&str, Vec<usize>> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, release) in dataset.releases.iter().enumerate() {
        if let Some(key) = release.translation_key.as_deref() {
            by_key.entry(key).or_default().push(i);
        }
    }
    by_key
}

/// The versions besides `release` among the releases at `positions` (its key's group).
pub(crate) fn versions_at<'a>(
    dataset: &'a Dataset,
    positions: &[usize],
    release: &Release,
) -> Vec<(&'a str, &'a str)> {
    let releases = &dataset.releases;
    versions_besides(dataset, release, positions.iter().map(|&i| &releases[i]))
}

/// `sharing` (the releases with `release`'s key, itself among them or not) as versions besides
/// `release`: one per language, not its own, ordered by tag then id.
fn versions_besides<'a>(
    dataset: &'a Dataset,
    release: &Release,
    sharing: impl Iterator<Item = &'a Release>,
) -> Vec<(&'a str, &'a str)> {
    let own = release
        .lang
        .as_deref()
        .or(dataset.lang.as_deref())
        .map(str::to_ascii_lowercase);
    let mut versions: Vec<(&str, &str)> = Vec::new();
    for other in sharing.filter(|other| other.id != release.id) {
        let Some(lang) = dataset.language_of(other) else {
            continue;
        };
        let folded = lang.to_ascii_lowercase();
        let taken = own.as_deref() == Some(folded.as_str())
            || versions
                .iter()
                .any(|(listed, _)| listed.eq_ignore_ascii_case(lang));
        if !taken {
            versions.push((lang, &other.id));
        }
    }
    sort_with(&mut versions, &|a, b| {
        a.0.to_ascii_lowercase()
            .cmp(&b.0.to_ascii_lowercase())
            .then_with(|| a.1.cmp(b.1))
    });
    versions
}

/// The releases a reader's timeline leaves out while no language is selected (no
/// `content_lang`): of each story (the releases sharing a `translation_key`) every version but
/// one, as ascending positions in `dataset.releases`. The version kept is, in this order of
/// preference, the first in dataset order in `reader`'s language (by primary subtag, so `uk-UA`
/// is Ukrainian), else the first in the dataset's language (its `lang`, compared ignoring
/// case; a release with no `lang` of its own is in it), else the first of the story. A release
/// with no key is never left out.
///
/// ```
/// use pressline_core::i18n::Language;
/// use pressline_core::parse_dataset;
/// use pressline_core::translation::hidden_versions;
/// let dataset = parse_dataset(r#"{ "pressline": 1, "lang": "en", "releases": [
///     { "id": "kyiv", "kind": "Statement", "date": "2024-05-01", "title": "Kyiv",
///       "translation_key": "kyiv-2024" },
///     { "id": "kyiv-uk", "kind": "Statement", "date": "2024-05-01", "title": "Київ",
///       "lang": "uk", "translation_key": "kyiv-2024" },
///     { "id": "alone", "kind": "Statement", "date": "2024-05-02", "title": "Alone" } ] }"#)
///     .unwrap()
///     .dataset;
/// assert_eq!(hidden_versions(&dataset, Language::Uk), [0]); // "kyiv" gives way to "kyiv-uk"
/// assert_eq!(hidden_versions(&dataset, Language::Fr), [1]); // no French: the dataset's English
/// ```
pub fn hidden_versions(dataset: &Dataset, reader: Language) -> Vec<usize> {
    let own = dataset.lang.as_deref();
    let preference = |release: &Release| match dataset.language_of(release) {
        Some(tag) if Language::from_tag(tag) == Some(reader) => 0,
        Some(tag) if own.is_some_and(|own| own.eq_ignore_ascii_case(tag)) => 1,
        _ => 2,
    };
    let mut hidden = Vec::new();
    for positions in Translations::new(dataset).by_key.values() {
        let releases = positions.iter().map(|&i| &dataset.releases[i]);
        // The lowest preference, the first in dataset order among equals (`positions` ascend).
        let kept = releases
            .enumerate()
            .min_by_key(|(at, release)| (preference(release), *at))
            .map(|(at, _)| positions[at]);
        hidden.extend(positions.iter().copied().filter(|&i| Some(i) != kept));
    }
    sort_with(&mut hidden, &|a, b| a.cmp(b));
    hidden
}

/// Which releases a reader's timeline shows while no language is selected: one version of each
/// story (see [`hidden_versions`]), worked out once per dataset and reader's language and used
/// by [`crate::search::SearchIndex::run_for`] as one more bitset. Selecting languages
/// (`content_lang`) sets it aside: then every release in them shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folding {
    /// The releases shown; `None` when nothing is left out (a dataset without translations).
    shown: Option<Bitset>,
}

impl Folding {
    /// Nothing left out: every version of every story shows (what the release pages' order
    /// and the tools use).
    pub fn none() -> Self {
        Self::default()
    }

    /// The folding for a reader of `reader`: every release of `dataset` but
    /// [`hidden_versions`].
    pub fn for_reader(dataset: &Dataset, reader: Language) -> Self {
        let hidden = hidden_versions(dataset, reader);
        if hidden.is_empty() {
            return Self::none();
        }
        let mut shown = Bitset::full(dataset.releases.len());
        shown.subtract(&Bitset::from_indices(
            dataset.releases.len(),
            hidden.into_iter().map(|i| i as u32),
        ));
        Self { shown: Some(shown) }
    }

    /// The releases shown, or `None` when every one is.
    pub fn shown(&self) -> Option<&Bitset> {
        self.shown.as_ref()
    }

    /// True when the release at `position` is left out.
    pub fn hides(&self, position: usize) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|shown| !shown.contains(position as u32))
    }
}
