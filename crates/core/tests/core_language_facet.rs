//! Native tests of the language facet (`content_lang`) and of the timeline's one version per
//! story: which version each reader's language keeps, what selecting languages shows, the counts
//! of each facet, and the parameter's round trip through the address.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::formats::SourceFormat;
use pressline_core::i18n::Language;
use pressline_core::search::{QueryResult, SearchIndex};
use pressline_core::site::Site;
use pressline_core::translation::{hidden_versions, Folding};
use pressline_core::view_state::{Facet, ViewState};
use pressline_core::{parse_dataset, LoadedDataset};
use proptest::prelude::*;

/// One release: its id, own `lang`, `translation_key`, kind and day.
type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a str, &'a str);

/// Three languages in the dataset's order: a story in all three (English by the dataset's
/// `lang`), one with no English version, one only in Russian, a release with no key in English
/// and one in Ukrainian, and a story whose Russian version comes before its English one.
const NEWSROOM: [Row<'static>; 10] = [
    ("war-en", None, Some("war"), "Report", "2024-03-01"),
    ("war-uk", Some("uk"), Some("war"), "Report", "2024-03-01"),
    ("war-ru", Some("ru"), Some("war"), "Report", "2024-03-01"),
    (
        "grain-uk",
        Some("uk"),
        Some("grain"),
        "Statement",
        "2024-02-10",
    ),
    (
        "grain-ru",
        Some("ru"),
        Some("grain"),
        "Statement",
        "2024-02-10",
    ),
    (
        "energy-ru",
        Some("ru"),
        Some("energy"),
        "Statement",
        "2024-01-05",
    ),
    ("plain", Some("en"), None, "Report", "2023-12-01"),
    ("local-uk", Some("uk"), None, "Statement", "2023-11-01"),
    ("sea-ru", Some("ru"), Some("sea"), "Report", "2023-10-01"),
    ("sea-en", Some("en"), Some("sea"), "Report", "2023-10-01"),
];

/// A dataset of `rows` with the dataset's `lang`, validated.
fn dataset_of(lang: Option<&str>, rows: &[Row<'_>]) -> LoadedDataset {
    let releases: Vec<serde_json::Value> = rows
        .iter()
        .map(|&(id, lang, key, kind, day)| {
            let mut release = serde_json::json!({
                "id": id, "kind": kind, "date": day, "title": format!("Title of {id}"),
            });
            if let Some(lang) = lang {
                release["lang"] = lang.into();
            }
            if let Some(key) = key {
                release["translation_key"] = key.into();
            }
            release
        })
        .collect();
    let mut text = serde_json::json!({ "pressline": 1, "releases": releases });
    if let Some(lang) = lang {
        text["lang"] = lang.into();
    }
    parse_dataset(&text.to_string()).expect("a readable dataset")
}

fn newsroom() -> Site {
    let loaded = dataset_of(Some("en"), &NEWSROOM);
    assert_eq!(loaded.problems, []);
    Site::new(SourceFormat::Pressline, loaded)
}

fn state(query: &str) -> ViewState {
    let (state, notices) = ViewState::from_query(query);
    assert_eq!(notices, []);
    state
}

/// The ids of the view's matches, newest first (file order within a day).
fn ids(site: &Site, result: &QueryResult) -> Vec<String> {
    let releases = &site.dataset.releases;
    result
        .matches
        .iter()
        .map(|&i| releases[i as usize].id.clone())
        .collect()
}

/// One facet's counts by value.
fn counts(site: &Site, result: &QueryResult, facet: Facet) -> Vec<(String, usize)> {
    let values = &site.index.facet(facet).values;
    let counts = &result.facet_counts[facet.position()];
    values.iter().cloned().zip(counts.iter().copied()).collect()
}

fn pairs(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
    expected
        .iter()
        .map(|&(value, count)| (value.to_owned(), count))
        .collect()
}

#[test]
fn a_release_is_in_its_own_language_else_the_datasets() {
    let site = newsroom();
    // Most used first; war-en, with no `lang`, is English like the dataset.
    assert_eq!(site.index.facet(Facet::Language).values, ["ru", "en", "uk"]);
    let all = site
        .index
        .run(&site.dataset.releases, &ViewState::default());
    assert_eq!(
        counts(&site, &all, Facet::Language),
        pairs(&[("ru", 4), ("en", 3), ("uk", 3)])
    );
    // The index on its own does not know the dataset's language; the site files it.
    let bare = SearchIndex::build(&site.dataset.releases);
    let bare_total: usize = (0..3).map(|p| bare.facet(Facet::Language).total(p)).sum();
    assert_eq!(bare_total, 9);
    let filed = SearchIndex::for_dataset(&site.dataset);
    assert_eq!(filed.facet(Facet::Language).values, ["ru", "en", "uk"]);
    // Filing happens once: a second language changes nothing.
    let again = filed.with_dataset_language(Some("uk"));
    assert_eq!(again.facet(Facet::Language).total(1), 3);
}

#[test]
fn releases_with_no_language_anywhere_have_none() {
    let rows = [
        ("a", None, None, "Report", "2024-01-01"),
        ("b", Some("uk"), None, "Report", "2024-01-02"),
    ];
    let site = Site::new(SourceFormat::Pressline, dataset_of(None, &rows));
    assert_eq!(site.index.facet(Facet::Language).values, ["uk"]);
    let all = site.run(&ViewState::default(), Language::En);
    assert_eq!(ids(&site, &all), ["b", "a"]);
    let ukrainian = site.run(&state("content_lang=uk"), Language::En);
    assert_eq!(ids(&site, &ukrainian), ["b"]);
}

#[test]
fn each_story_shows_once_in_the_readers_language_else_the_datasets_else_its_first() {
    let site = newsroom();
    let shown = |reader: Language| ids(&site, &site.run(&ViewState::default(), reader));
    let expected = [
        // Grain has no English version and the dataset is English: its first (Ukrainian).
        (
            Language::En,
            "war-en grain-uk energy-ru plain local-uk sea-en",
        ),
        // Sea has no Ukrainian version: the dataset's English one.
        (
            Language::Uk,
            "war-uk grain-uk energy-ru plain local-uk sea-en",
        ),
        (
            Language::Ru,
            "war-ru grain-ru energy-ru plain local-uk sea-ru",
        ),
        // No version in Arabic anywhere: every story falls back as in English.
        (
            Language::Ar,
            "war-en grain-uk energy-ru plain local-uk sea-en",
        ),
    ];
    for (reader, ids) in expected {
        assert_eq!(shown(reader).join(" "), ids, "{reader:?}");
    }
    // The decision itself: positions in the dataset, ascending.
    assert_eq!(hidden_versions(&site.dataset, Language::En), [1, 2, 4, 8]);
    assert_eq!(hidden_versions(&site.dataset, Language::Ru), [0, 1, 3, 9]);
    let folding = Folding::for_reader(&site.dataset, Language::Uk);
    let hidden: Vec<usize> = (0..10).filter(|&i| folding.hides(i)).collect();
    assert_eq!(hidden, [0, 2, 4, 8]);
    // Without translations nothing is folded: no bitset at all.
    let single = dataset_of(Some("en"), &NEWSROOM[6..8]);
    assert_eq!(
        Folding::for_reader(&single.dataset, Language::Uk),
        Folding::none()
    );
}

#[test]
fn a_version_tagged_with_a_region_is_in_the_readers_language() {
    let rows = [
        ("war-en", None, Some("war"), "Report", "2024-03-01"),
        ("war-uk", Some("uk-UA"), Some("war"), "Report", "2024-03-01"),
    ];
    let site = Site::new(SourceFormat::Pressline, dataset_of(Some("en"), &rows));
    assert_eq!(
        ids(&site, &site.run(&ViewState::default(), Language::Uk)),
        ["war-uk"]
    );
    assert_eq!(
        ids(&site, &site.run(&ViewState::default(), Language::En)),
        ["war-en"]
    );
}

#[test]
fn selecting_languages_shows_every_release_in_them() {
    let site = newsroom();
    let ukrainian = site.run(&state("content_lang=uk"), Language::En);
    assert_eq!(ids(&site, &ukrainian), ["war-uk", "grain-uk", "local-uk"]);
    let two = site.run(&state("content_lang=uk&content_lang=ru"), Language::En);
    assert_eq!(
        ids(&site, &two),
        [
            "war-uk",
            "war-ru",
            "grain-uk",
            "grain-ru",
            "energy-ru",
            "local-uk",
            "sea-ru"
        ]
    );
    // Whatever the reader's language.
    let in_russian = site.run(&state("content_lang=uk"), Language::Ru);
    assert_eq!(in_russian, ukrainian);
}

#[test]
fn counts_follow_the_folded_set_but_the_languages_count_every_version() {
    let site = newsroom();
    let default = site.run(&ViewState::default(), Language::En);
    assert_eq!(default.matches.len(), 6);
    assert_eq!(
        counts(&site, &default, Facet::Kind),
        pairs(&[("Report", 3), ("Statement", 3)])
    );
    assert_eq!(
        counts(&site, &default, Facet::Language),
        pairs(&[("ru", 4), ("en", 3), ("uk", 3)])
    );
    // A filter narrows the languages' counts to the versions it allows.
    let reports = site.run(&state("kind=Report"), Language::En);
    assert_eq!(ids(&site, &reports), ["war-en", "plain", "sea-en"]);
    assert_eq!(
        counts(&site, &reports, Facet::Language),
        pairs(&[("ru", 2), ("en", 3), ("uk", 1)])
    );
    // With a language selected the other facets count its releases.
    let ukrainian = site.run(&state("content_lang=uk"), Language::En);
    assert_eq!(
        counts(&site, &ukrainian, Facet::Kind),
        pairs(&[("Report", 1), ("Statement", 2)])
    );
    assert_eq!(
        counts(&site, &ukrainian, Facet::Language),
        pairs(&[("ru", 4), ("en", 3), ("uk", 3)])
    );
    // The histogram's matches are the results'.
    for query in ["", "kind=Report", "content_lang=ru&year=2024"] {
        let view = state(query);
        assert_eq!(
            site.matching(&view, Language::Uk),
            site.run(&view, Language::Uk).matches
        );
    }
}

#[test]
fn each_language_count_is_what_selecting_it_shows() {
    let site = newsroom();
    for query in [
        "",
        "kind=Report",
        "kind=Statement&year=2024",
        "q=title",
        "content_lang=uk",
    ] {
        for reader in Language::ALL {
            let view = state(query);
            let result = site.run(&view, reader);
            for (value, count) in counts(&site, &result, Facet::Language) {
                let alone = ViewState {
                    selected: {
                        let mut selected = view.selected.clone();
                        selected[Facet::Language.position()] = vec![value.clone()];
                        selected
                    },
                    ..view.clone()
                };
                let shown = site.run(&alone, reader).matches.len();
                assert_eq!(count, shown, "{query} {reader:?} {value}");
            }
        }
    }
}

#[test]
fn the_language_parameter_round_trips_and_names_its_values() {
    let view = state("content_lang=uk&kind=Report&content_lang=ru&content_lang=uk");
    assert_eq!(view.selected(Facet::Language), ["uk", "ru"]);
    assert_eq!(
        view.to_query(),
        "kind=Report&content_lang=uk&content_lang=ru"
    );
    assert_eq!(ViewState::from_query(&view.to_query()).0, view);
    assert_eq!(Facet::Language.param(), "content_lang");
    let messages = Language::En.messages();
    let labels: Vec<String> = view
        .loosenings(messages)
        .into_iter()
        .map(|part| part.label)
        .collect();
    assert_eq!(
        labels,
        [
            "Remove Kind: Report",
            "Remove Release language: Українська",
            "Remove Release language: Русский",
        ]
    );
    assert_eq!(
        view.toggled(Facet::Language, "uk").to_query(),
        "kind=Report&content_lang=ru"
    );
    for language in Language::ALL {
        assert!(!Facet::Language.label(language.messages()).is_empty());
    }
}

/// A random dataset: its `lang`, and each release's own `lang` and `translation_key`.
type RandomRows = (
    Option<&'static str>,
    Vec<(Option<&'static str>, Option<&'static str>)>,
);

/// Random datasets: up to 30 releases, each with or without a language and a key of four.
fn any_rows() -> impl Strategy<Value = RandomRows> {
    let lang = || prop::option::of(prop::sample::select(&["en", "uk", "ru", "ar", "de"][..]));
    let key = prop::option::of(prop::sample::select(&["a", "b", "c", "d"][..]));
    (
        prop::option::of(prop::sample::select(&["en", "uk"][..])),
        prop::collection::vec((lang(), key), 0..30),
    )
}

proptest! {
    #[test]
    fn folding_keeps_one_release_per_story_and_every_release_without_a_key(
        (dataset_lang, items) in any_rows(),
    ) {
        let ids: Vec<String> = (0..items.len()).map(|i| format!("r{i}")).collect();
        let rows: Vec<Row<'_>> = items
            .iter()
            .zip(&ids)
            .map(|(&(lang, key), id)| (id.as_str(), lang, key, "Report", "2024-01-01"))
            .collect();
        let site = Site::new(SourceFormat::Pressline, dataset_of(dataset_lang, &rows));
        let releases = &site.dataset.releases;
        for reader in Language::ALL {
            let hidden = hidden_versions(&site.dataset, reader);
            let folding = site.folding(reader);
            for (at, release) in releases.iter().enumerate() {
                prop_assert_eq!(folding.hides(at), hidden.contains(&at));
                let Some(key) = release.translation_key.as_deref() else {
                    prop_assert!(!folding.hides(at), "a release without a key is never hidden");
                    continue;
                };
                let story: Vec<usize> = (0..releases.len())
                    .filter(|&i| releases[i].translation_key.as_deref() == Some(key))
                    .collect();
                let kept: Vec<usize> = story.iter().copied().filter(|&i| !folding.hides(i)).collect();
                prop_assert_eq!(kept.len(), 1, "one version of {}", key);
                // In the reader's language when the story has it.
                let in_reader = |i: &usize| site.dataset.language_of(&releases[*i])
                    .and_then(Language::from_tag) == Some(reader);
                if story.iter().any(in_reader) {
                    prop_assert!(in_reader(&kept[0]));
                }
            }
            let result = site.run(&ViewState::default(), reader);
            prop_assert_eq!(result.matches.len(), releases.len() - hidden.len());
        }
    }
}
