//! Related releases and a release's neighbours in a timeline order.

use std::collections::HashMap;

use super::i18n::Language;
use super::site::Site;
use super::view_state::{Facet, ViewState};
use super::Release;

/// How many related releases a release page lists.
pub const RELATED_COUNT: usize = 4;

/// Up to `limit` releases sharing topics, places or people with the one at `index`, best first:
/// a shared person or topic counts 2, a shared place 1; ties go to the newer release. Its own
/// versions in other languages (its `translation_key`) are left out.
pub fn related(releases: &[Release], index: usize, limit: usize) -> Vec<usize> {
    let Some(subject) = releases.get(index) else {
        return Vec::new();
    };
    let mut scored: Vec<(usize, usize)> = releases
        .iter()
        .enumerate()
        .filter(|(other, release)| *other != index && !same_story(subject, release))
        .map(|(other, release)| {
            let shared = |mine: &[String], theirs: &[String]| {
                mine.iter().filter(|v| theirs.contains(v)).count()
            };
            let people = subject
                .people
                .iter()
                .filter(|person| release.people.iter().any(|p| p.name == person.name))
                .count();
            let score = 2 * shared(&subject.topics, &release.topics)
                + shared(&subject.places, &release.places)
                + 2 * people;
            (other, score)
        })
        .filter(|(_, score)| *score > 0)
        .collect();
    super::order::sort_with(&mut scored, &|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| releases[b.0].date.cmp(&releases[a.0].date))
            .then(a.0.cmp(&b.0))
    });
    scored
        .into_iter()
        .take(limit)
        .map(|(other, _)| other)
        .collect()
}

/// True when two releases are versions of one story (they share a `translation_key`): the
/// release page links its versions under "Also in", never as related releases.
fn same_story(a: &Release, b: &Release) -> bool {
    a.translation_key.is_some() && a.translation_key == b.translation_key
}

/// The releases just before and after `index` in `order` (a timeline's display order), or
/// `None` when `index` is not in it.
pub fn neighbours(order: &[u32], index: usize) -> Option<(Option<usize>, Option<usize>)> {
    let at = order.iter().position(|&i| i as usize == index)?;
    let before = at.checked_sub(1).map(|i| order[i] as usize);
    let after = order.get(at + 1).map(|&i| i as usize);
    Some((before, after))
}

/// Answers [`related`] for every release of a large dataset without comparing each pair: the
/// releases sharing each topic, place and person are listed once, and a release's candidates
/// are scored from those lists alone. Gives exactly what [`related`] gives.
///
/// ```
/// use pressline_core::parse_dataset;
/// use pressline_core::related::{related, RelatedIndex};
/// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A", "topics": ["War crimes"]},
///     {"id": "b", "kind": "Report", "date": "2022-02-05", "title": "B", "topics": ["War crimes"]},
///     {"id": "c", "kind": "Report", "date": "2022-03-05", "title": "C", "places": ["Kyiv"]}
/// ]}"#).unwrap();
/// let releases = &loaded.dataset.releases;
/// let index = RelatedIndex::build(releases);
/// let mut scratch = index.scratch();
/// assert_eq!(index.related(0, 4, &mut scratch), [1]);
/// assert_eq!(index.related(0, 4, &mut scratch), related(releases, 0, 4));
/// assert!(index.related(2, 4, &mut scratch).is_empty());
/// ```
pub struct RelatedIndex<'a> {
    releases: &'a [Release],
    topics: HashMap<&'a str, Vec<u32>>,
    places: HashMap<&'a str, Vec<u32>>,
    people: HashMap<&'a str, Vec<u32>>,
}

/// Per-thread working memory for [`RelatedIndex::related`], reused from one release to the next.
pub struct RelatedScratch {
    scores: Vec<u32>,
    touched: Vec<u32>,
}

impl<'a> RelatedIndex<'a> {
    /// Lists, for each topic, place and person's name, the releases that have it (each once).
    pub fn build(releases: &'a [Release]) -> Self {
        let mut index = Self {
            releases,
            topics: HashMap::new(),
            places: HashMap::new(),
            people: HashMap::new(),
        };
        for (i, release) in releases.iter().enumerate() {
            let i = i as u32;
            let add = |map: &mut HashMap<&'a str, Vec<u32>>, key: &'a str| {
                let list = map.entry(key).or_default();
                // A release naming a value twice is listed once, as `related` counts it once.
                if list.last() != Some(&i) {
                    list.push(i);
                }
            };
            for topic in &release.topics {
                add(&mut index.topics, topic);
            }
            for place in &release.places {
                add(&mut index.places, place);
            }
            for person in &release.people {
                add(&mut index.people, &person.name);
            }
        }
        index
    }

    /// Working memory sized for this dataset.
    pub fn scratch(&self) -> RelatedScratch {
        RelatedScratch {
            scores: vec![0; self.releases.len()],
            touched: Vec::new(),
        }
    }

    /// The same as [`related`]`(releases, index, limit)`.
    pub fn related(&self, index: usize, limit: usize, scratch: &mut RelatedScratch) -> Vec<usize> {
        let Some(subject) = self.releases.get(index) else {
            return Vec::new();
        };
        let RelatedScratch { scores, touched } = scratch;
        let mut add = |list: Option<&Vec<u32>>, weight: u32| {
            for &other in list.into_iter().flatten() {
                if scores[other as usize] == 0 {
                    touched.push(other);
                }
                scores[other as usize] += weight;
            }
        };
        // Each of the subject's values counts once per release sharing it (as in `related`).
        for topic in &subject.topics {
            add(self.topics.get(topic.as_str()), 2);
        }
        for place in &subject.places {
            add(self.places.get(place.as_str()), 1);
        }
        for person in &subject.people {
            add(self.people.get(person.name.as_str()), 2);
        }
        // The best `limit` by score, then newer, then earlier in the file.
        let releases = self.releases;
        let better = |a: (usize, u32), b: (usize, u32)| {
            b.1.cmp(&a.1)
                .then_with(|| releases[b.0].date.cmp(&releases[a.0].date))
                .then(a.0.cmp(&b.0))
                .is_lt()
        };
        let mut best: Vec<(usize, u32)> = Vec::with_capacity(limit + 1);
        for &other in touched.iter() {
            let other = other as usize;
            let score = std::mem::take(&mut scores[other]);
            if other == index || limit == 0 || same_story(subject, &releases[other]) {
                continue;
            }
            let candidate = (other, score);
            if best.len() == limit && !better(candidate, best[limit - 1]) {
                continue;
            }
            let at = best.partition_point(|&kept| better(kept, candidate));
            best.insert(at, candidate);
            best.truncate(limit);
        }
        touched.clear();
        best.into_iter().map(|(other, _)| other).collect()
    }
}

/// A release next to the one shown, as its page links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// Its app-relative path.
    pub path: String,
    /// The timeline's query string, carried along.
    pub query: String,
    /// Its title.
    pub title: String,
}

/// What a release page shows around the release: its neighbours in a timeline order and its
/// related releases (indices into the dataset's releases).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleasePlan {
    /// The release before it (newer, in the default order).
    pub previous: Option<usize>,
    /// The release after it.
    pub next: Option<usize>,
    /// Related releases, best first (at most [`RELATED_COUNT`]).
    pub related: Vec<usize>,
}

impl ReleasePlan {
    /// The plan for release `index` seen from the timeline `view` by a reader whose interface
    /// is in `reader`: its neighbours in that reader's order (one version of each story, see
    /// [`Site::run`]); for a version that order leaves out (the story's version in another
    /// language), in the same view of its own language's releases, so a reader steps through
    /// the stories in the language they are reading; for a release outside the view (a deep
    /// link with unrelated filters), the same in the whole timeline.
    pub fn for_view(site: &Site, index: usize, view: &ViewState, reader: Language) -> Self {
        let releases = &site.dataset.releases;
        let whole = ViewState::default();
        let around = |view: &ViewState| {
            neighbours(&site.matching(view, reader), index).or_else(|| {
                let own = in_language_of(site, index, view)?;
                neighbours(&site.matching(&own, reader), index)
            })
        };
        let (previous, next) = around(view)
            .or_else(|| around(&whole))
            .unwrap_or((None, None));
        Self {
            previous,
            next,
            related: related(releases, index, RELATED_COUNT),
        }
    }

    /// The releases before and after, as the page links them, carrying the timeline's `query`
    /// (so Back and the neighbours keep the reader's filters and page).
    pub fn neighbour_links(
        &self,
        releases: &[Release],
        query: &str,
    ) -> (Option<Neighbour>, Option<Neighbour>) {
        let link = |i: Option<usize>| {
            i.map(|i| Neighbour {
                path: crate::route::release_path(&releases[i].id),
                query: query.to_owned(),
                title: releases[i].title.clone(),
            })
        };
        (link(self.previous), link(self.next))
    }

    /// Every release's plan in the whole timeline as a reader of `reader` sees it, by release
    /// index: what [`Self::for_view`] gives for the unfiltered view, worked out from one order
    /// per language rather than a query per release, with the related releases from one
    /// [`RelatedIndex`] (for prerendering thousands of pages).
    pub fn all_for_reader(site: &Site, reader: Language) -> Vec<Self> {
        let releases = &site.dataset.releases;
        let whole = ViewState::default();
        let mut around: Vec<Option<(Option<usize>, Option<usize>)>> = vec![None; releases.len()];
        // Each release takes its neighbours from the first order it is in.
        let place = |around: &mut [Option<_>], order: &[u32]| {
            for (at, &i) in order.iter().enumerate() {
                around[i as usize].get_or_insert((
                    at.checked_sub(1).map(|p| order[p] as usize),
                    order.get(at + 1).map(|&n| n as usize),
                ));
            }
        };
        place(&mut around, &site.matching(&whole, reader));
        // The versions the reader's order leaves out, each in its own language's order.
        let mut languages: Vec<&str> = Vec::new();
        for (i, release) in releases.iter().enumerate() {
            if around[i].is_none() {
                if let Some(lang) = site.dataset.language_of(release) {
                    if !languages.contains(&lang) {
                        languages.push(lang);
                    }
                }
            }
        }
        for lang in languages {
            place(
                &mut around,
                &site.matching(&in_language(&whole, lang), reader),
            );
        }
        let related_index = RelatedIndex::build(releases);
        let mut scratch = related_index.scratch();
        around
            .into_iter()
            .enumerate()
            .map(|(i, around)| {
                let (previous, next) = around.unwrap_or((None, None));
                Self {
                    previous,
                    next,
                    related: related_index.related(i, RELATED_COUNT, &mut scratch),
                }
            })
            .collect()
    }
}

/// `view` narrowed to the language of release `index` (its `lang`, else the dataset's); `None`
/// when it has no language.
fn in_language_of(site: &Site, index: usize, view: &ViewState) -> Option<ViewState> {
    let lang = site.dataset.language_of(&site.dataset.releases[index])?;
    Some(in_language(view, lang))
}

/// `view` showing only the releases in `lang` (its other filters kept).
fn in_language(view: &ViewState, lang: &str) -> ViewState {
    let mut narrowed = view.clone();
    narrowed.selected[Facet::Language.position()] = vec![lang.to_owned()];
    narrowed
}
