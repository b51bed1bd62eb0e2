//! Native tests of the query engine: folding, the query language, facet counts, date ranges,
//! sorting, highlighting, exports, and agreement with a naive reference on random data.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use pressline_core::export::{to_csv, to_json};
use pressline_core::i18n::Language;
use pressline_core::search::{
    excerpt, fold, highlight, tokens, DateRangeIssue, SearchIndex, SearchQuery,
};
use pressline_core::translation::{hidden_versions, Folding};
use pressline_core::view_state::{Facet, SortOrder, ViewState};
use pressline_core::{parse_dataset, Dataset, Release};
use proptest::prelude::*;

fn bundled() -> Dataset {
    parse_dataset(include_str!("../../../public/data/releases.json"))
        .unwrap()
        .dataset
}

fn state(query: &str) -> ViewState {
    ViewState::from_query(query).0
}

fn run(dataset: &Dataset, query: &str) -> Vec<String> {
    let index = SearchIndex::build(&dataset.releases);
    index
        .run(&dataset.releases, &state(query))
        .matches
        .iter()
        .map(|&i| dataset.releases[i as usize].id.clone())
        .collect()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn folding_ignores_case_and_diacritics_in_many_scripts() {
    assert_eq!(fold("Crème Brûlée"), "creme brulee");
    assert_eq!(fold("ZÜRICH Straße"), "zurich strasse");
    assert_eq!(fold("ЗАПОРІЖЖЯ"), "запоріжжя");
    assert_eq!(fold("Київ"), fold("КИЇВ"));
    assert_eq!(fold("Ёлка"), "елка");
    assert_eq!(
        fold("ЙОГО їжак Ґанок"),
        "иого іжак ганок",
        "fast and general paths agree"
    );
    assert_eq!(
        fold("e\u{301}te\u{301}"),
        "ete",
        "combining accents fold away"
    );
    assert_eq!(fold("مُحَمَّد"), "محمد", "Arabic vowel marks fold away");
    assert_eq!(fold("أحمد"), "احمد", "hamza forms fold to alef");
    assert_eq!(
        fold("Russia’s war"),
        "russias war",
        "apostrophes inside words join"
    );
    assert_eq!(
        tokens("п’ять, war-crimes/2022"),
        ["пять", "war", "crimes", "2022"]
    );
}

#[test]
fn the_query_language_has_prefixes_phrases_and_exclusions() {
    let query = SearchQuery::parse(r#"  Ukr "War  Crimes" -belarus -"sham trials" "unclosed"#);
    let shape: Vec<(Vec<&str>, bool, bool)> = query
        .terms
        .iter()
        .map(|t| {
            (
                t.words.iter().map(String::as_str).collect(),
                t.phrase,
                t.negated,
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (vec!["ukr"], false, false),
            (vec!["war", "crimes"], true, false),
            (vec!["belarus"], false, true),
            (vec!["sham", "trials"], true, true),
            (vec!["unclosed"], true, false),
        ]
    );
    assert!(SearchQuery::parse(" - \"\" ,, ").is_empty());
}

#[test]
fn search_matches_prefixes_case_and_diacritics() {
    let dataset = bundled();
    assert_eq!(
        run(&dataset, "q=yashin"),
        ["russian-authorities-must-drop-case-against-ilya-yashin"]
    );
    assert_eq!(
        run(&dataset, "q=YASH"),
        run(&dataset, "q=yashin"),
        "prefix and case"
    );
    assert_eq!(
        run(&dataset, "q=zap%C3%B3rizhzhia").len(),
        1,
        "diacritics in the query fold too"
    );
    assert!(
        run(&dataset, "q=Фото").is_empty(),
        "the credit's Cyrillic \"Фото:\" label is dropped on reading (the page prints its own)"
    );
    assert_eq!(
        run(&dataset, "q=sopa+palamarchuk").len(),
        1,
        "both words must match"
    );
    assert!(
        run(&dataset, "q=sopa+yashin").is_empty(),
        "both words must match"
    );
    assert!(run(&dataset, "q=zzzz").is_empty());
}

#[test]
fn phrases_must_appear_in_order_and_exclusions_remove() {
    let dataset = bundled();
    let crimes_against = run(&dataset, "q=%22crime+against+humanity%22");
    assert_eq!(
        crimes_against,
        ["russias-unlawful-transfer-of-civilians-a-war-crime"]
    );
    assert!(
        run(&dataset, "q=%22humanity+against+crime%22").is_empty(),
        "order matters"
    );
    let struthers = run(&dataset, "q=struthers");
    let without_belarus = run(&dataset, "q=struthers+-belarus");
    assert_eq!(struthers.len(), 5);
    assert_eq!(without_belarus.len(), 4);
    assert!(!without_belarus
        .contains(&"belarus-student-jailed-for-reposting-criticism-of-ukraine-war".to_owned()));
    assert_eq!(
        run(&dataset, "q=-ukraine").len(),
        12 - run(&dataset, "q=%22ukraine%22").len()
    );
}

#[test]
fn facets_or_within_and_across() {
    let dataset = bundled();
    assert_eq!(run(&dataset, "kind=Report").len(), 1);
    assert_eq!(
        run(&dataset, "kind=Report&kind=Statement").len(),
        2,
        "OR within a facet"
    );
    let places = run(&dataset, "place=Mariupol");
    assert_eq!(places.len(), 2);
    assert_eq!(
        run(&dataset, "place=Mariupol&kind=Report").len(),
        1,
        "AND across facets"
    );
    assert_eq!(run(&dataset, "person=Marie+Struthers").len(), 5);
    assert_eq!(run(&dataset, "year=2022").len(), 12);
    assert!(
        run(&dataset, "kind=Nonexistent").is_empty(),
        "an unknown value matches nothing"
    );
}

#[test]
fn facet_counts_are_given_the_other_filters() {
    let dataset = bundled();
    let index = SearchIndex::build(&dataset.releases);
    let result = index.run(&dataset.releases, &state("kind=Report&place=Mariupol"));
    let kinds = index.facet(Facet::Kind);
    let count = |facet: Facet, value: &str| {
        let position = index.facet(facet).position(value).unwrap();
        result.facet_counts[facet.position()][position]
    };
    // Kind counts ignore the kind filter but respect place=Mariupol.
    assert_eq!(count(Facet::Kind, "Press Release"), 1);
    assert_eq!(count(Facet::Kind, "Report"), 1);
    assert_eq!(count(Facet::Kind, "Statement"), 0);
    // Place counts ignore the place filter but respect kind=Report.
    assert_eq!(count(Facet::Place, "Mariupol"), 1);
    assert_eq!(count(Facet::Place, "Belarus"), 0);
    assert_eq!(kinds.values[0], "Press Release", "most used first");
    let years = index.facet(Facet::Year);
    assert_eq!(years.values, ["2022"]);
}

#[test]
fn date_ranges_are_inclusive_open_ended_and_checked() {
    let dataset = bundled();
    assert_eq!(run(&dataset, "from=2022-09-06&to=2022-09-12").len(), 3);
    assert_eq!(run(&dataset, "from=2022-10-20").len(), 2);
    assert_eq!(run(&dataset, "to=2022-07-06").len(), 2);
    let index = SearchIndex::build(&dataset.releases);
    let inverted = index.run(&dataset.releases, &state("from=2022-12-01&to=2022-01-01"));
    assert_eq!(
        inverted.date_issue,
        Some(DateRangeIssue::Inverted {
            from: day("2022-12-01"),
            to: day("2022-01-01")
        })
    );
    assert_eq!(
        inverted.matches.len(),
        12,
        "an inverted range is not applied"
    );
}

#[test]
fn sort_orders_and_ties_are_stable() {
    let dataset = bundled();
    let newest = run(&dataset, "");
    let mut oldest = run(&dataset, "sort=oldest");
    assert_eq!(
        newest[0],
        "russias-unlawful-transfer-of-civilians-a-war-crime"
    );
    oldest.reverse();
    assert_eq!(newest, oldest);
}

#[test]
fn highlights_are_text_runs_of_the_original() {
    let runs = highlight(
        "Russia’s War Crimes in Київ",
        &SearchQuery::parse("russia киї \"war crimes\""),
    );
    let marked: Vec<&str> = runs
        .iter()
        .filter(|r| r.matched)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, ["Russia’s War Crimes", "Київ"]);
    let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(joined, "Russia’s War Crimes in Київ");
    let none = highlight("<b>text</b>", &SearchQuery::parse("-text"));
    assert_eq!(none.len(), 1);
    assert!(!none[0].matched);
}

#[test]
fn a_card_excerpt_starts_at_the_sentence_of_a_match_past_the_lead() {
    let text = "Amnesty International documented attacks across the country. \
                Civilians sheltering in the Mariupol drama theatre were killed. More follows.";
    // A match within the lead, no match, or a negated term: the text as it is.
    for query in ["amnesty", "kharkiv", "-theatre", ""] {
        assert_eq!(
            excerpt(text, &SearchQuery::parse(query), 80),
            text,
            "{query}"
        );
    }
    assert_eq!(
        excerpt(text, &SearchQuery::parse("theatre"), 80),
        "… Civilians sheltering in the Mariupol drama theatre were killed. More follows."
    );
    // Prefixes and phrases match as the highlight does, and the excerpt is what it marks.
    let shown = excerpt(text, &SearchQuery::parse("\"drama theatre\""), 40);
    assert!(shown.starts_with("… Civilians"), "{shown}");
    assert!(highlight(&shown, &SearchQuery::parse("\"drama theatre\""))
        .iter()
        .any(|run| run.matched && run.text == "drama theatre"));
}

#[test]
fn a_card_excerpt_cuts_a_long_sentence_at_a_word_shortly_before_the_match() {
    let long = format!("{}Київ was shelled.", "word ".repeat(60));
    let shown = excerpt(&long, &SearchQuery::parse("київ"), 50);
    assert!(shown.starts_with("… word"), "{shown}");
    assert!(shown.ends_with("word Київ was shelled."), "{shown}");
    let kept = shown.chars().count() - "… ".chars().count() - " was shelled.".chars().count();
    assert!(
        (40..=50).contains(&kept),
        "{kept} characters of context: {shown}"
    );
}

#[test]
fn exports_carry_the_filtered_releases() {
    let dataset = bundled();
    let index = SearchIndex::build(&dataset.releases);
    let ids = index
        .run(&dataset.releases, &state("kind=Report&kind=Statement"))
        .matches;
    let json = to_json(&dataset, &ids);
    let reloaded = parse_dataset(&json).unwrap();
    assert!(reloaded.problems.is_empty());
    assert_eq!(reloaded.dataset.releases.len(), 2);
    assert_eq!(reloaded.dataset.organization, dataset.organization);
    let csv = to_csv(&dataset, &ids);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id,kind,date,title,summary,people,topics,places,photo_credit,url,lang"
    );
    assert_eq!(lines.len(), 4, "header, two rows, final newline");
    assert!(lines[1].starts_with(
        "statement-for-the-record-hfac-russia-war-crimes-hearing,Statement,2022-09-21,"
    ));
}

#[test]
fn csv_cells_are_quoted_and_formulas_defused() {
    let text = r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "=HYPERLINK(\"x\")",
        "date": "2022-01-01", "title": "Comma, \"quote\"\nnewline", "topics": ["@SUM(A1)", "-1"] } ] }"#;
    let dataset = parse_dataset(text).unwrap().dataset;
    let csv = to_csv(&dataset, &[0]);
    let row = csv.split_once("\r\n").unwrap().1;
    assert!(
        row.starts_with(
            "a,\"'=HYPERLINK(\"\"x\"\")\",2022-01-01,\"Comma, \"\"quote\"\"\nnewline\","
        ),
        "{row}"
    );
    assert!(row.contains(",'@SUM(A1); -1,"), "{row}");
}

#[test]
fn url_state_parses_every_parameter() {
    let (parsed, notices) = ViewState::from_query(
        "?q=war+crimes%20now&kind=Report&kind=Report&topic=War%20crimes&place=%D0%9A%D0%B8%D1%97%D0%B2\
         &person=A&year=2022&from=2022-01-01&to=2022-12-31&sort=oldest&page=3&utm_source=x",
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(parsed.query, "war crimes now");
    assert_eq!(
        parsed.selected(Facet::Kind),
        ["Report"],
        "duplicates folded"
    );
    assert_eq!(parsed.selected(Facet::Place), ["Київ"]);
    assert_eq!(parsed.selected(Facet::Year), ["2022"]);
    assert_eq!(
        (parsed.from, parsed.to),
        (Some(day("2022-01-01")), Some(day("2022-12-31")))
    );
    assert_eq!(parsed.sort, SortOrder::Oldest);
    assert_eq!(parsed.page, 3);
}

#[test]
fn malformed_url_parameters_are_ignored_and_explained() {
    let (parsed, notices) = ViewState::from_query(
        "from=yesterday&to=2022-02-30&sort=random&page=-1&q=%ZZ%&kind=&%E0%A4=x&=&&&year",
    );
    let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
    assert_eq!(params, ["from", "to", "sort", "page"]);
    assert_eq!(parsed.from, None);
    assert_eq!(parsed.sort, SortOrder::Newest);
    assert_eq!(parsed.page, 1);
    assert_eq!(parsed.query, "%ZZ%", "malformed escapes stay as typed");
    assert!(parsed.selected.iter().all(Vec::is_empty));
    let (long, notices) = ViewState::from_query(&format!("q={}", "a".repeat(2000)));
    assert_eq!(long.query.len(), 500);
    assert_eq!(notices[0].param, "q");
}

#[test]
fn toggling_and_clearing() {
    let start = state("q=war&kind=Report&sort=oldest&page=2");
    let added = start.toggled(Facet::Kind, "Statement");
    assert_eq!(added.selected(Facet::Kind), ["Report", "Statement"]);
    assert_eq!(added.page, 1, "a new filter starts at page 1");
    assert_eq!(
        added
            .toggled(Facet::Kind, "Statement")
            .selected(Facet::Kind),
        ["Report"]
    );
    let cleared = start.cleared();
    assert!(cleared.is_unfiltered());
    assert_eq!(
        cleared.sort,
        SortOrder::Oldest,
        "clearing filters keeps the sort"
    );
    assert_eq!(cleared.to_query(), "sort=oldest");
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{1,12}",
        "\\PC{1,12}",
        Just("a&b=c+d%20e#f?g".to_owned()),
        Just("Київ “quoted” -x".to_owned()),
    ]
}

fn any_state() -> impl Strategy<Value = ViewState> {
    let values = || prop::collection::vec(any_text(), 0..4);
    let date = || {
        prop::option::of(
            (2000i32..2030, 1u32..13, 1u32..29)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        )
    };
    (
        prop::option::of(any_text()),
        [values(), values(), values(), values(), values(), values()],
        date(),
        date(),
        any::<bool>(),
        1usize..50,
    )
        .prop_map(|(query, selected, from, to, oldest, page)| {
            let selected = selected.map(|mut list| {
                let mut seen = Vec::new();
                list.retain(|v| {
                    !seen.contains(v) && {
                        seen.push(v.clone());
                        true
                    }
                });
                list
            });
            ViewState {
                query: query.unwrap_or_default(),
                selected,
                from,
                to,
                sort: if oldest {
                    SortOrder::Oldest
                } else {
                    SortOrder::Newest
                },
                page,
            }
        })
}

proptest! {
    #[test]
    fn url_state_round_trips(view in any_state()) {
        let query = view.to_query();
        let (parsed, notices) = ViewState::from_query(&query);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(&parsed, &view);
        prop_assert_eq!(parsed.to_query(), query);
    }

    #[test]
    fn parsing_any_query_string_never_panics(text in "\\PC{0,80}") {
        let (parsed, _) = ViewState::from_query(&text);
        // Whatever was read is canonical: it survives its own round trip.
        prop_assert_eq!(ViewState::from_query(&parsed.to_query()).0, parsed);
    }
}

/// Random datasets over a small vocabulary, so queries often hit; in English, some releases in
/// Ukrainian or Russian, some the versions of one story (a few `translation_key`s).
fn any_dataset() -> impl Strategy<Value = Dataset> {
    // Words with many first bytes (digits, Latin, Cyrillic, Arabic): the vocabulary is sorted
    // one first-byte group at a time, and prefix search needs the whole of it in order.
    const WORDS: [&str; 13] = [
        "war", "warsaw", "crimes", "київ", "kyiv", "café", "cafe", "report", "peace", "2022",
        "2023a", "سلام", "سلم",
    ];
    let word = || prop::sample::select(&WORDS[..]);
    let release = (
        prop::collection::vec(word(), 1..6),
        prop::sample::select(&["Report", "Statement", "Press Release"][..]),
        prop::collection::vec(prop::sample::select(&["A", "B", "C"][..]), 0..3),
        prop::collection::vec(prop::sample::select(&["X", "Y"][..]), 0..2),
        2018i32..2023,
        1u32..13,
        prop::option::of(prop::sample::select(&["en", "uk", "ru"][..])),
        prop::option::of(prop::sample::select(&["s1", "s2", "s3"][..])),
    );
    prop::collection::vec(release, 0..25).prop_map(|items| {
        let records: Vec<String> = items
            .iter()
            .enumerate()
            .map(
                |(i, (title, kind, topics, places, year, month, lang, key))| {
                    serde_json::json!({
                    "id": format!("r{i}"), "kind": kind, "date": format!("{year}-{month:02}-15"),
                    "title": title.join(" "), "topics": topics, "places": places,
                    "lang": lang, "translation_key": key,
                })
                .to_string()
                },
            )
            .collect();
        let text = format!(
            r#"{{ "pressline": 1, "lang": "en", "releases": [{}] }}"#,
            records.join(",")
        );
        parse_dataset(&text).unwrap().dataset
    })
}

/// The obvious, slow answer, to check the index against: for a reader of `reader`, whose
/// timeline leaves out the core's [`hidden_versions`] unless the view selects languages.
fn naive(dataset: &Dataset, view: &ViewState, reader: Language) -> Vec<u32> {
    let releases = &dataset.releases;
    let query = SearchQuery::parse(&view.query);
    let hidden = hidden_versions(dataset, reader);
    let folded = view.selected(Facet::Language).is_empty();
    let mut ids: Vec<u32> = (0..releases.len() as u32)
        .filter(|&i| !(folded && hidden.contains(&(i as usize))))
        .filter(|&i| {
            let r = &releases[i as usize];
            let mut text = vec![r.title.clone()];
            text.extend(r.topics.iter().cloned());
            text.extend(r.places.iter().cloned());
            let words: Vec<Vec<String>> = text.iter().map(|t| tokens(t)).collect();
            let term_hits = |term: &pressline_core::search::Term| {
                words.iter().any(|field| {
                    if term.is_prefix() {
                        field.iter().any(|w| w.starts_with(&term.words[0]))
                    } else {
                        field
                            .windows(term.words.len())
                            .any(|window| window == term.words.as_slice())
                    }
                })
            };
            let text_ok = query
                .terms
                .iter()
                .all(|term| term_hits(term) != term.negated);
            let facet_ok = Facet::ALL.into_iter().all(|facet| {
                let selected = view.selected(facet);
                let mut values = pressline_core::search::facet_values(r, facet);
                if facet == Facet::Language && r.lang.is_none() {
                    values.extend(dataset.lang.clone());
                }
                selected.is_empty() || values.iter().any(|v| selected.contains(v))
            });
            let day = r.date.calendar_date();
            let inverted = matches!((view.from, view.to), (Some(f), Some(t)) if f > t);
            let date_ok = inverted
                || (view.from.is_none_or(|f| day >= f) && view.to.is_none_or(|t| day <= t));
            text_ok && facet_ok && date_ok
        })
        .collect();
    ids.sort_by(|&a, &b| {
        releases[b as usize]
            .date
            .cmp(&releases[a as usize].date)
            .then(a.cmp(&b))
    });
    if view.sort == SortOrder::Oldest {
        ids.sort_by(|&a, &b| {
            releases[a as usize]
                .date
                .cmp(&releases[b as usize].date)
                .then(a.cmp(&b))
        });
    }
    ids
}

proptest! {
    #[test]
    fn the_index_agrees_with_the_naive_reference(
        dataset in any_dataset(),
        query in prop::sample::select(&["", "war", "wa", "-war", "\"war crimes\"", "caf -kyiv", "киї", "\"café\"", "zzz", "202", "سل", "2023", "w", "к", "2", "س", "-w", "c k", "z"][..]),
        kinds in prop::collection::vec(prop::sample::select(&["Report", "Statement"][..]), 0..2),
        topics in prop::collection::vec(prop::sample::select(&["A", "B"][..]), 0..2),
        langs in prop::collection::vec(prop::sample::select(&["en", "uk", "ar"][..]), 0..2),
        from in prop::option::of(2018i32..2023),
        to in prop::option::of(2018i32..2023),
        oldest in any::<bool>(),
        reader in prop::sample::select(&Language::ALL[..]),
    ) {
        let mut view = ViewState { query: query.to_owned(), ..ViewState::default() };
        for kind in kinds { if !view.is_selected(Facet::Kind, kind) { view.selected[0].push(kind.to_owned()); } }
        for topic in topics { if !view.is_selected(Facet::Topic, topic) { view.selected[1].push(topic.to_owned()); } }
        for lang in langs { if !view.is_selected(Facet::Language, lang) { view = view.toggled(Facet::Language, lang); } }
        view.from = from.map(|y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        view.to = to.map(|y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap());
        view.sort = if oldest { SortOrder::Oldest } else { SortOrder::Newest };
        let releases = &dataset.releases;
        let index = SearchIndex::for_dataset(&dataset);
        let folding = Folding::for_reader(&dataset, reader);
        let result = index.run_for(releases, &view, &folding);
        prop_assert_eq!(&result.matches, &naive(&dataset, &view, reader));
        prop_assert_eq!(&index.matching_for(releases, &view, &folding), &result.matches);
        // Each facet count equals the naive count with that facet's selection replaced.
        for facet in Facet::ALL {
            let facet_index = index.facet(facet);
            for (position, value) in facet_index.values.iter().enumerate() {
                let mut alone = view.clone();
                alone.selected[facet.position()] = vec![value.clone()];
                prop_assert_eq!(result.facet_counts[facet.position()][position], naive(&dataset, &alone, reader).len());
            }
        }
    }
}

#[test]
fn every_active_filter_is_one_removable_part_in_screen_order() {
    use pressline_core::view_state::FilterPart;
    let view =
        state("q=%20theatre%20&topic=War%20crimes&kind=Report&from=2022-08-01&sort=oldest&page=2");
    let parts = view.loosenings(Language::En.messages());
    let named: Vec<&FilterPart> = parts.iter().map(|part| &part.part).collect();
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    assert_eq!(
        named,
        [
            &FilterPart::Search("theatre".to_owned()),
            &FilterPart::Facet(Facet::Kind, "Report".to_owned()),
            &FilterPart::Facet(Facet::Topic, "War crimes".to_owned()),
            &FilterPart::Dates(day("2022-08-01"), None),
        ]
    );
    // Removing one keeps the others and the order, back on the first page.
    assert_eq!(
        parts[2].state.to_query(),
        "q=%20theatre%20&kind=Report&from=2022-08-01&sort=oldest"
    );
    assert_eq!(parts[2].label, "Remove Topic: War crimes");
    assert!(state("sort=oldest")
        .loosenings(Language::En.messages())
        .is_empty());
}

#[test]
fn facets_built_over_many_steps_count_every_release() {
    // More releases than one step of facet building reads, so each facet takes several steps.
    let seed = bundled().releases;
    let releases: Vec<Release> = (0..45_000)
        .map(|i| {
            let mut release = seed[i % seed.len()].clone();
            release.id = format!("r{i}");
            release.topics.push(format!("topic {}", i % 7));
            release
        })
        .collect();
    let index = SearchIndex::build(&releases);
    let result = index.run(&releases, &ViewState::default());
    for facet in Facet::ALL {
        let facet_index = index.facet(facet);
        for (position, value) in facet_index.values.iter().enumerate() {
            let expected = releases
                .iter()
                .filter(|release| {
                    pressline_core::search::facet_values(release, facet).contains(value)
                })
                .count();
            assert_eq!(facet_index.total(position), expected, "{facet:?} {value}");
            assert_eq!(result.facet_counts[facet.position()][position], expected);
        }
        // Most used first, as before the steps.
        let totals: Vec<usize> = (0..facet_index.values.len())
            .map(|p| facet_index.total(p))
            .collect();
        if facet != Facet::Year {
            assert!(
                totals.windows(2).all(|pair| pair[0] >= pair[1]),
                "{facet:?} {totals:?}"
            );
        }
    }
    assert_eq!(
        index
            .facet(Facet::Topic)
            .values
            .iter()
            .filter(|v| v.starts_with("topic "))
            .count(),
        7
    );
}
