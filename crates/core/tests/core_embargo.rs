//! Embargoes: `embargo_until` read and validated (one that cannot be read holds the release
//! back), and `embargo::apply` at given moments, to the second.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use pressline_core::embargo::{self, has_unreadable_embargo, Held};
use pressline_core::{packed, parse_dataset, Dataset, ProblemKind, ReleaseDate};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A dataset of releases `(id, embargo_until)`.
fn dataset(releases: &[(&str, Option<&str>)]) -> Dataset {
    let records: Vec<serde_json::Value> = releases
        .iter()
        .map(|(id, until)| {
            let mut record = serde_json::json!({
                "id": id, "kind": "Press Release", "date": "2024-05-01", "title": id,
            });
            if let Some(until) = until {
                record["embargo_until"] = (*until).into();
            }
            record
        })
        .collect();
    let text = serde_json::json!({ "pressline": 1, "releases": records }).to_string();
    let loaded = parse_dataset(&text).unwrap();
    assert_eq!(loaded.problems, []);
    loaded.dataset
}

fn ids(dataset: &Dataset) -> Vec<&str> {
    dataset.releases.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn a_release_is_held_until_its_embargo_and_published_at_that_very_moment() {
    let data = dataset(&[
        ("free", None),
        ("at-nine-kyiv", Some("2024-05-02T09:00:00+03:00")),
        ("from-the-third", Some("2024-05-03")),
    ]);
    let nine_kyiv = at("2024-05-02T06:00:00Z");

    let before = embargo::apply(data.clone(), nine_kyiv - TimeDelta::seconds(1));
    assert_eq!(ids(&before.dataset), ["free"]);
    assert_eq!(
        before.held,
        [
            Held {
                id: "at-nine-kyiv".into(),
                until: nine_kyiv
            },
            Held {
                id: "from-the-third".into(),
                until: at("2024-05-03T00:00:00Z")
            },
        ]
    );
    assert_eq!(before.next_publication, Some(nine_kyiv));

    // The boundary: an embargo that ends now is over.
    let exactly = embargo::apply(data.clone(), nine_kyiv);
    assert_eq!(ids(&exactly.dataset), ["free", "at-nine-kyiv"]);
    assert_eq!(exactly.next_publication, Some(at("2024-05-03T00:00:00Z")));

    // A bare day starts at midnight UTC, whatever the offset of the dates around it.
    let just_before_the_third = embargo::apply(data.clone(), at("2024-05-02T23:59:59.999Z"));
    assert_eq!(
        ids(&just_before_the_third.dataset),
        ["free", "at-nine-kyiv"]
    );
    let on_the_third = embargo::apply(data.clone(), at("2024-05-03T00:00:00Z"));
    assert_eq!(
        ids(&on_the_third.dataset),
        ["free", "at-nine-kyiv", "from-the-third"]
    );
    assert_eq!(on_the_third.held, []);
    assert_eq!(on_the_third.next_publication, None);
    // Everything else is untouched.
    assert_eq!(on_the_third.dataset, data);
}

#[test]
fn the_next_publication_is_the_earliest_embargo_still_ahead() {
    let data = dataset(&[
        ("past", Some("2020-01-01")),
        ("late", Some("2030-06-01T12:00:00-04:00")),
        ("soon", Some("2030-01-01T00:00:00+14:00")),
    ]);
    let now = at("2025-01-01T00:00:00Z");
    let embargoed = embargo::apply(data, now);
    assert_eq!(ids(&embargoed.dataset), ["past"]);
    assert_eq!(embargoed.held.len(), 2);
    assert_eq!(embargoed.next_publication, Some(at("2029-12-31T10:00:00Z")));
    assert!(embargoed.held.iter().all(|held| held.until > now));
}

#[test]
fn an_embargo_that_cannot_be_read_holds_the_release_back() {
    let text = r#"{ "pressline": 1, "releases": [
        { "id": "a", "kind": "R", "date": "2024-05-01", "title": "A", "embargo_until": "soon" },
        { "id": "b", "kind": "R", "date": "2024-05-01", "title": "B", "embargo_until": 20240502 },
        { "id": "c", "kind": "R", "date": "2024-05-01", "title": "C", "embargo_until": "2024-05-02T09:00" },
        { "id": "d", "kind": "R", "date": "2024-05-01", "title": "D", "embargo_until": null },
        { "id": "e", "kind": "R", "date": "2024-05-01", "title": "E", "embargo_until": "" },
        { "id": "f", "kind": "R", "date": "2024-05-01", "title": "F", "url": "javascript:x" } ] }"#;
    let loaded = parse_dataset(text).unwrap();
    // Unlike any other optional field (f's url), a bad embargo skips the release.
    assert_eq!(ids(&loaded.dataset), ["d", "e", "f"]);
    let embargo_problems: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.field == "embargo_until")
        .collect();
    assert_eq!(embargo_problems.len(), 3);
    assert!(embargo_problems.iter().all(|p| p.skips_record()));
    assert_eq!(
        embargo_problems[0].kind,
        ProblemKind::UnparseableEmbargo {
            value: "soon".into()
        }
    );
    assert_eq!(
        embargo_problems[0].to_string(),
        "releases[0] (id \"a\"), field `embargo_until`: unparseable embargo \"soon\" (held back \
         rather than published early); use YYYY-MM-DD (the start of that day, UTC) or a \
         date-time with offset such as 2022-11-10T09:30:00-05:00; the release is skipped"
    );
    assert!(matches!(
        embargo_problems[1].kind,
        ProblemKind::WrongType { .. }
    ));
    assert!(has_unreadable_embargo(&loaded.problems));
    assert!(!loaded
        .problems
        .iter()
        .any(|p| p.field == "url" && p.skips_record()));
    assert_eq!(loaded.skipped_record_count(), 3);
}

#[test]
fn an_embargo_is_written_back_and_packed() {
    let data = dataset(&[
        ("a", Some("2024-05-02T09:00:00+03:00")),
        ("b", Some("2024-05-03")),
    ]);
    assert_eq!(
        data.releases[0].embargo_until,
        ReleaseDate::parse("2024-05-02T09:00:00+03:00")
    );
    let json = serde_json::to_string(&data).unwrap();
    assert!(
        json.contains(r#""embargo_until":"2024-05-02T09:00:00+03:00""#),
        "{json}"
    );
    assert_eq!(parse_dataset(&json).unwrap().dataset, data);
    assert_eq!(packed::unpack(&packed::pack(&data)), Ok(data));
}

#[test]
fn without_embargoes_nothing_changes() {
    let seed = parse_dataset(include_str!("../../../public/data/releases.json"))
        .unwrap()
        .dataset;
    let embargoed = embargo::apply(
        seed.clone(),
        Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap(),
    );
    assert_eq!(embargoed.dataset, seed);
    assert_eq!(embargoed.held, []);
    assert_eq!(embargoed.next_publication, None);
}
