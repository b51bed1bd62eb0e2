//! Native tests of sharded archives: manifests, URL resolution, which shards a view needs,
//! merging, and splitting a dataset by year.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::parse_dataset;
use pressline_core::shards::{
    is_manifest, merge, needed_shards, parse_manifest, resolve_url, shard_by_year, Shard,
};
use pressline_core::view_state::ViewState;
use pressline_core::{FormatErrorKind, ProblemKind};

const MANIFEST: &str = include_str!("../../../tests/fixtures/archive/manifest.json");

fn shards() -> Vec<Shard> {
    parse_manifest(MANIFEST, "https://cdn.example.org/archive/manifest.json")
        .unwrap()
        .shards
}

fn view(query: &str) -> ViewState {
    ViewState::from_query(query).0
}

#[test]
fn manifests_are_told_apart_from_datasets() {
    assert!(is_manifest(MANIFEST));
    assert!(!is_manifest(include_str!(
        "../../../public/data/releases.json"
    )));
    assert!(!is_manifest(
        r#"{ "pressline": 1, "releases": [], "note": "\"shards\":[" }"#
    ));
}

#[test]
fn manifest_shards_are_newest_first_with_resolved_urls() {
    let shards = shards();
    assert_eq!(shards.len(), 10);
    assert_eq!(
        shards[0].url,
        "https://cdn.example.org/archive/releases-2024.json"
    );
    assert!(shards.windows(2).all(|pair| pair[0].to >= pair[1].to));
    let manifest = parse_manifest(MANIFEST, "x").unwrap();
    assert_eq!(manifest.total(), 120);
    let bad = parse_manifest(r#"{ "pressline": 1, "shards": [ { "url": "a.json", "from": "soon", "to": "2020-01-01" } ] }"#, "x").unwrap_err();
    assert_eq!(bad.kind, FormatErrorKind::NotThisFormat);
    assert!(
        bad.message.starts_with("archive manifest:"),
        "{}",
        bad.message
    );
}

#[test]
fn urls_resolve_like_a_browser_for_the_usual_cases() {
    let base = "https://cdn.example.org/a/b/manifest.json?v=2";
    assert_eq!(
        resolve_url(base, "r-2020.json"),
        "https://cdn.example.org/a/b/r-2020.json"
    );
    assert_eq!(
        resolve_url(base, "/r.json"),
        "https://cdn.example.org/r.json"
    );
    assert_eq!(
        resolve_url(base, "https://other.org/r.json"),
        "https://other.org/r.json"
    );
    assert_eq!(resolve_url("data/manifest.json", "r.json"), "data/r.json");
    assert_eq!(resolve_url("/data/manifest.json", "r.json"), "/data/r.json");
}

#[test]
fn the_plain_timeline_needs_the_newest_shard_then_one_more_on_request() {
    let shards = shards();
    let none = vec![false; 10];
    assert_eq!(needed_shards(&shards, &none, &view(""), false), [0]);
    let mut first = none.clone();
    first[0] = true;
    assert!(
        needed_shards(&shards, &first, &view(""), false).is_empty(),
        "nothing more until asked"
    );
    assert_eq!(
        needed_shards(&shards, &first, &view("sort=oldest"), true),
        [1]
    );
    assert!(needed_shards(&shards, &[true; 10], &view(""), true).is_empty());
}

#[test]
fn search_and_facets_need_every_shard_dates_only_their_range() {
    let shards = shards();
    let mut first = vec![false; 10];
    first[0] = true;
    assert_eq!(
        needed_shards(&shards, &first, &view("q=war"), false),
        (1..10).collect::<Vec<_>>()
    );
    assert_eq!(
        needed_shards(&shards, &first, &view("topic=War+crimes"), false).len(),
        9
    );
    let years = |v: Vec<usize>| {
        v.into_iter()
            .map(|i| shards[i].from.format("%Y").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        years(needed_shards(
            &shards,
            &first,
            &view("from=2016-06-01&to=2017-02-04"),
            false
        )),
        ["2017", "2016"]
    );
    // The 2017 shard starts on 4 February: a range ending the day before does not need it.
    assert_eq!(
        years(needed_shards(
            &shards,
            &first,
            &view("from=2016-06-01&to=2017-02-03"),
            false
        )),
        ["2016"]
    );
    assert_eq!(
        years(needed_shards(
            &shards,
            &first,
            &view("to=2015-12-31"),
            false
        )),
        ["2015"]
    );
    assert_eq!(
        years(needed_shards(
            &shards,
            &first,
            &view("year=2019&year=2021"),
            false
        )),
        ["2021", "2019"]
    );
    assert_eq!(
        needed_shards(
            &shards,
            &first,
            &view("from=2030-01-01&to=2020-01-01"),
            false
        )
        .len(),
        9,
        "an inverted range is not applied"
    );
}

#[test]
fn merging_keeps_everything_and_reports_cross_shard_duplicates() {
    let mut loaded = parse_dataset(include_str!(
        "../../../tests/fixtures/archive/releases-2024.json"
    ))
    .unwrap();
    let count = loaded.dataset.releases.len();
    let older = parse_dataset(include_str!(
        "../../../tests/fixtures/archive/releases-2023.json"
    ))
    .unwrap();
    let older_count = older.dataset.releases.len();
    merge(&mut loaded, older.clone(), "releases-2023.json");
    assert_eq!(loaded.dataset.releases.len(), count + older_count);
    assert!(loaded.problems.is_empty());
    merge(&mut loaded, older, "again.json");
    assert_eq!(
        loaded.dataset.releases.len(),
        count + older_count,
        "duplicates are skipped"
    );
    assert_eq!(loaded.problems.len(), older_count);
    assert!(matches!(
        loaded.problems[0].kind,
        ProblemKind::DuplicateId { .. }
    ));
    assert_eq!(loaded.problems[0].field, "id (in again.json)");
}

#[test]
fn splitting_by_year_loses_nothing() {
    let source = parse_dataset(include_str!("../../../tests/fixtures/archive-source.json"))
        .unwrap()
        .dataset;
    let parts = shard_by_year(&source);
    assert_eq!(parts.len(), 10);
    assert_eq!(
        parts.iter().map(|(_, d)| d.releases.len()).sum::<usize>(),
        source.releases.len()
    );
    assert!(
        parts.windows(2).all(|pair| pair[0].0 > pair[1].0),
        "newest first"
    );
    assert!(parts
        .iter()
        .all(|(year, d)| d.releases.iter().all(|r| r.date.year() == *year)));
    assert!(parts.iter().all(|(_, d)| d.title == source.title));
}

#[test]
fn a_manifest_naming_a_shard_outside_the_web_is_refused() {
    use pressline_core::shards::parse_manifest;
    for url in [
        "javascript:alert(1)//x://y",
        "data:application/json,{}",
        "file:///etc/passwd",
        "/\\\\evil.example/x.json",
    ] {
        let text = format!(
            r#"{{ "pressline": 1, "shards": [ {{ "url": {url:?}, "from": "2022-01-01", "to": "2022-12-31", "count": 1 }} ] }}"#
        );
        let error =
            parse_manifest(&text, "https://data.example.org/archive/manifest.json").unwrap_err();
        assert!(
            error.message.contains("shards[0] has the address"),
            "{}",
            error.message
        );
    }
    let ok = r#"{ "pressline": 1, "shards": [ { "url": "//cdn.example.org/r.json", "from": "2022-01-01", "to": "2022-12-31", "count": 1 } ] }"#;
    let manifest = parse_manifest(ok, "https://data.example.org/archive/manifest.json").unwrap();
    assert_eq!(manifest.shards[0].url, "https://cdn.example.org/r.json");
}
