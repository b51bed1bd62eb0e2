//! Native tests of dataset parsing and validation: good and bad fixtures, one test per problem.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::{
    parse_dataset, FormatErrorKind, LoadedDataset, Problem, ProblemKind, ReleaseDate,
};

const VALID: &str = include_str!("../../../tests/fixtures/valid.json");
const BROKEN: &str = include_str!("../../../tests/fixtures/broken-records.json");

fn load(text: &str) -> LoadedDataset {
    parse_dataset(text).expect("the fixture is a readable dataset")
}

/// Wraps one release object in a minimal dataset.
fn with_release(release: &str) -> LoadedDataset {
    load(&format!(
        r#"{{ "pressline": 1, "releases": [ {release} ] }}"#
    ))
}

/// The problems of a dataset made of one release, which must have been skipped.
fn problems_of(release: &str) -> Vec<Problem> {
    let loaded = with_release(release);
    assert!(
        loaded.dataset.releases.is_empty(),
        "the record should be skipped"
    );
    loaded.problems
}

/// The release of a dataset made of one release, which must have been kept, and the problems
/// of the fields it was kept without.
fn kept_with_problems(release: &str) -> (pressline_core::Release, Vec<Problem>) {
    let mut loaded = with_release(release);
    assert_eq!(
        loaded.dataset.releases.len(),
        1,
        "the release should be kept"
    );
    assert!(
        loaded.problems.iter().all(|p| !p.skips_record()),
        "{:#?}",
        loaded.problems
    );
    (loaded.dataset.releases.remove(0), loaded.problems)
}

fn the_problem(release: &str) -> Problem {
    let problems = problems_of(release);
    assert_eq!(
        problems.len(),
        1,
        "expected exactly one problem, got {problems:#?}"
    );
    problems.into_iter().next().unwrap()
}

#[test]
fn valid_fixture_keeps_every_field() {
    let loaded = load(VALID);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let dataset = &loaded.dataset;
    assert_eq!(dataset.title, "Example newsroom");
    assert_eq!(
        dataset.description.as_deref(),
        Some("Everything the format can carry.")
    );
    let organization = dataset.organization.as_ref().unwrap();
    assert_eq!(organization.name.as_deref(), Some("Example Rights Watch"));
    assert_eq!(
        organization.url.as_ref().unwrap().as_str(),
        "https://example.org"
    );
    assert_eq!(
        organization.press_email.as_deref(),
        Some("press@example.org")
    );

    let full = dataset.release("full-release").unwrap();
    assert_eq!(full.kind, "Report");
    assert_eq!(full.date.to_iso(), "2022-06-29T09:30:00-04:00");
    assert_eq!(full.summary.as_deref(), Some("The standfirst."));
    assert_eq!(
        full.body.as_deref(),
        Some("First paragraph.\n\nSecond paragraph.")
    );
    assert_eq!(full.people.len(), 2);
    assert_eq!(full.people[0].role.as_deref(), Some("Director"));
    assert_eq!(full.people[1].role, None);
    let image = full.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/photo.jpg"
    );
    assert_eq!(image.alt.as_deref(), Some("A theatre in ruins"));
    assert_eq!(image.credit.as_deref(), Some("Photographer/Agency"));
    assert_eq!(
        full.topics,
        ["War crimes", "Accountability"],
        "duplicates are folded"
    );
    assert_eq!(full.places, ["Mariupol", "Ukraine"]);
    assert_eq!(
        full.url.as_ref().unwrap().as_str(),
        "https://example.org/news/full-release"
    );
    assert_eq!(full.lang.as_deref(), Some("en-US"));

    let minimal = dataset.release("minimal").unwrap();
    assert_eq!(minimal.summary, None, "null is the same as absent");
    let credit_only = minimal.image.as_ref().unwrap();
    assert_eq!(credit_only.src, None);
    assert_eq!(
        credit_only.credit.as_deref(),
        Some("Credit without a picture")
    );
}

#[test]
fn broken_fixture_keeps_the_valid_records_and_names_every_problem() {
    let loaded = load(BROKEN);
    let kept: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        kept,
        ["good-one", "bad-link", "bad-lang", "bad-person", "good-two"],
        "a bad link, language or person drops that field, not the release"
    );
    assert_eq!(loaded.skipped_record_count(), 8);
    let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    let expected = [
        "dataset, field `organization.url`: refused URL \"javascript:alert(1)\"",
        "dataset, field `organization.press_email`: \"not an address\" is not an e-mail address",
        "releases[1] (id \"no-title\"), field `title`: missing, but required",
        "releases[2] (id \"bad-date\"), field `date`: unparseable date \"November 10, 2022\"",
        "releases[3] (id \"good-one\"), field `id`: duplicate id, already used by releases[0]",
        "releases[4] (id \"not safe/../id\"), field `id`: id \"not safe/../id\" is not URL-safe",
        "releases[5] (id \"wrong-type\"), field `title`: expected a string, found a number",
        "releases[6] (no id), field `(record)`: expected a release object, found a string",
        "releases[7] (id \"empty-kind\"), field `kind`: empty, but required",
        "releases[8] (id \"bad-link\"), field `url`: refused URL \"JaVaScRiPt:alert(1)\"; only \
         http:, https: or relative addresses are allowed; the field is dropped, the release kept",
        "releases[9] (id \"bad-lang\"), field `lang`: \"english please\" is not a BCP 47",
        "releases[10] (id \"bad-person\"), field `people[0].name`: missing, but required; the \
         field is dropped, the release kept",
        "releases[10] (id \"bad-person\"), field `people[1]`: expected an object",
        "releases[12] (no id), field `id`: missing, but required",
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, start) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "{line:?} should start with {start:?}"
        );
    }
    let organization = loaded.dataset.organization.as_ref().unwrap();
    assert_eq!(
        organization.url, None,
        "an unsafe organization URL is dropped"
    );
    assert_eq!(organization.press_email, None);
    assert_eq!(
        organization.name.as_deref(),
        Some("Example"),
        "the rest is kept"
    );
}

#[test]
fn missing_title_is_reported() {
    let problem = the_problem(r#"{ "id": "a", "kind": "Report", "date": "2022-01-01" }"#);
    assert_eq!(problem.field, "title");
    assert_eq!(problem.kind, ProblemKind::Missing);
    assert_eq!(problem.record.unwrap().id.as_deref(), Some("a"));
}

#[test]
fn null_required_field_counts_as_missing() {
    let problem = the_problem(r#"{ "id": "a", "kind": null, "date": "2022-01-01", "title": "T" }"#);
    assert_eq!(
        (problem.field.as_str(), problem.kind),
        ("kind", ProblemKind::Missing)
    );
}

#[test]
fn blank_required_field_is_reported_as_empty() {
    let problem =
        the_problem(r#"{ "id": "a", "kind": "Report", "date": "2022-01-01", "title": " \n" }"#);
    assert_eq!(
        (problem.field.as_str(), problem.kind),
        ("title", ProblemKind::Empty)
    );
}

#[test]
fn unparseable_dates_are_reported_with_the_text() {
    for bad in [
        "10/11/2022",
        "2022-13-01",
        "2022-02-30",
        "2022-1-5",
        "2022-11-10T09:30:00",
        "",
    ] {
        let release = format!(r#"{{ "id": "a", "kind": "R", "date": "{bad}", "title": "T" }}"#);
        let problem = the_problem(&release);
        let expected = if bad.is_empty() {
            ProblemKind::Empty
        } else {
            ProblemKind::UnparseableDate {
                value: bad.to_owned(),
            }
        };
        assert_eq!(
            (problem.field.as_str(), problem.kind),
            ("date", expected),
            "{bad:?}"
        );
    }
}

#[test]
fn dates_with_and_without_time_parse() {
    let day = ReleaseDate::parse("2022-11-10").unwrap();
    assert_eq!(day.to_iso(), "2022-11-10");
    assert_eq!(day.to_long_english(), "November 10, 2022");
    let moment = ReleaseDate::parse("2022-11-10T23:30:00-05:00").unwrap();
    assert_eq!(
        moment.calendar_date(),
        day.calendar_date(),
        "the publisher's own day counts"
    );
    assert_eq!(
        ReleaseDate::parse("2022-11-10T09:30:00Z").unwrap().to_iso(),
        "2022-11-10T09:30:00+00:00"
    );
    assert!(
        day < moment,
        "a bare date sorts before a moment on the same day"
    );
}

#[test]
fn duplicate_id_names_the_record_that_keeps_it() {
    let loaded = load(
        r#"{ "pressline": 1, "releases": [
            { "id": "same", "kind": "R", "date": "2022-01-01", "title": "First" },
            { "id": "same", "kind": "R", "date": "2022-01-02", "title": "Second" } ] }"#,
    );
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert_eq!(loaded.dataset.releases[0].title, "First");
    assert_eq!(
        loaded.problems[0].kind,
        ProblemKind::DuplicateId { first_index: 0 }
    );
    assert_eq!(loaded.problems[0].record.as_ref().unwrap().index, 1);
}

#[test]
fn ids_that_are_not_url_safe_are_reported() {
    for bad in [
        "has space",
        "slash/inside",
        "..",
        ".hidden",
        "ünïcode",
        "q?x=1",
        "hash#x",
        "-dash-first",
    ] {
        let release =
            format!(r#"{{ "id": "{bad}", "kind": "R", "date": "2022-01-01", "title": "T" }}"#);
        let problem = the_problem(&release);
        assert_eq!(
            problem.kind,
            ProblemKind::IdNotUrlSafe {
                value: bad.to_owned()
            },
            "{bad:?}"
        );
    }
    let long = "a".repeat(201);
    let release =
        format!(r#"{{ "id": "{long}", "kind": "R", "date": "2022-01-01", "title": "T" }}"#);
    assert!(matches!(
        the_problem(&release).kind,
        ProblemKind::IdNotUrlSafe { .. }
    ));
    for good in ["a", "2022-11-10_report.v2", "x~y"] {
        let release =
            format!(r#"{{ "id": "{good}", "kind": "R", "date": "2022-01-01", "title": "T" }}"#);
        assert_eq!(with_release(&release).dataset.releases.len(), 1, "{good:?}");
    }
}

#[test]
fn wrong_types_are_reported_with_what_was_expected() {
    let problems = problems_of(
        r#"{ "id": 7, "kind": ["R"], "date": "2022-01-01", "title": "T", "summary": false,
             "topics": "War crimes", "places": [1], "image": "photo.jpg" }"#,
    );
    let found: Vec<(String, ProblemKind)> =
        problems.into_iter().map(|p| (p.field, p.kind)).collect();
    let wrong = |expected, found| ProblemKind::WrongType { expected, found };
    assert_eq!(
        found,
        [
            ("id".to_owned(), wrong("a string", "a number")),
            ("kind".to_owned(), wrong("a string", "an array")),
            ("summary".to_owned(), wrong("a string", "a boolean")),
            (
                "image".to_owned(),
                wrong("an object with \"src\", \"alt\" and \"credit\"", "a string")
            ),
            ("topics".to_owned(), wrong("an array", "a string")),
            ("places[0]".to_owned(), wrong("a string", "a number")),
        ]
    );
}

#[test]
fn a_record_that_is_not_an_object_is_reported() {
    let problem = the_problem("[1, 2]");
    assert_eq!(problem.kind, ProblemKind::NotAnObject { found: "an array" });
    assert_eq!(problem.record.unwrap().id, None);
}

#[test]
fn dangerous_urls_are_refused_everywhere() {
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "\\\\evil.example/x",
        "http:no-host",
    ] {
        let escaped = serde_json::to_string(bad).unwrap();
        let release = format!(
            r#"{{ "id": "a", "kind": "R", "date": "2022-01-01", "title": "T", "url": {escaped},
                 "image": {{ "src": {escaped} }} }}"#
        );
        let (release, problems) = kept_with_problems(&release);
        let fields: Vec<String> = problems.into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["image.src", "url"], "{bad:?}");
        assert_eq!((release.url, release.image), (None, None), "{bad:?}");
    }
}

#[test]
fn relative_image_sources_are_allowed_but_relative_canonical_links_are_not() {
    let loaded = with_release(
        r#"{ "id": "a", "kind": "R", "date": "2022-01-01", "title": "T", "image": { "src": "img/a.jpg" } }"#,
    );
    assert_eq!(
        loaded.dataset.releases[0]
            .image
            .as_ref()
            .unwrap()
            .src
            .as_ref()
            .unwrap()
            .as_str(),
        "img/a.jpg"
    );
    let (release, problems) = kept_with_problems(
        r#"{ "id": "a", "kind": "R", "date": "2022-01-01", "title": "T", "url": "/news/a" }"#,
    );
    assert_eq!(release.url, None);
    assert_eq!(
        problems[0].kind,
        ProblemKind::UnsafeUrl {
            value: "/news/a".to_owned()
        }
    );
}

#[test]
fn invalid_language_tags_are_reported() {
    for bad in ["english please", "e", "en_US", "toolonglanguage"] {
        let release = format!(
            r#"{{ "id": "a", "kind": "R", "date": "2022-01-01", "title": "T", "lang": "{bad}" }}"#
        );
        let (release, problems) = kept_with_problems(&release);
        assert_eq!(release.lang, None);
        assert_eq!(
            problems[0].kind,
            ProblemKind::InvalidLanguageTag {
                value: bad.to_owned()
            }
        );
    }
}

#[test]
fn invalid_press_email_is_dropped_with_a_dataset_problem() {
    let loaded = load(
        r#"{ "pressline": 1, "organization": { "press_email": "press at example" }, "releases": [] }"#,
    );
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].record, None);
    assert_eq!(loaded.problems[0].field, "organization.press_email");
    assert!(matches!(
        loaded.problems[0].kind,
        ProblemKind::InvalidEmail { .. }
    ));
}

#[test]
fn every_problem_of_a_record_is_listed_not_just_the_first() {
    let problems = problems_of(r#"{ "id": "a b", "date": "soon" }"#);
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["id", "kind", "date", "title"]);
    assert!(problems
        .iter()
        .all(|p| p.record.as_ref().unwrap().id.as_deref() == Some("a b")));
}

#[test]
fn text_that_is_not_json_gets_one_error_with_line_and_column() {
    let error = parse_dataset(include_str!("../../../tests/fixtures/not-json.json")).unwrap_err();
    assert_eq!(error.kind, FormatErrorKind::NotJson);
    assert_eq!((error.line, error.column), (6, 3));
    assert_eq!(
        error.to_string(),
        "not valid JSON (line 6, column 3): key must be a string"
    );

    let cut_short = parse_dataset("{ \"pressline\": 1, \"releases\": [").unwrap_err();
    assert_eq!(cut_short.kind, FormatErrorKind::NotJson);
    assert_eq!(cut_short.line, 1);
}

#[test]
fn json_of_another_shape_gets_one_error_with_line_and_column() {
    let error =
        parse_dataset(include_str!("../../../tests/fixtures/not-pressline.json")).unwrap_err();
    assert_eq!(error.kind, FormatErrorKind::NotThisFormat);
    assert_eq!(error.message, "missing field `pressline`");
    assert_eq!(error.line, 5);

    let array = parse_dataset("[]").unwrap_err();
    // serde_json points just past the opening bracket of the wrong value.
    assert_eq!(
        (array.kind, array.line, array.column),
        (FormatErrorKind::NotThisFormat, 1, 2)
    );

    let version = parse_dataset("{\n  \"pressline\": 2,\n  \"releases\": []\n}").unwrap_err();
    assert_eq!(version.kind, FormatErrorKind::NotThisFormat);
    assert!(
        version.message.contains("format version 2"),
        "{}",
        version.message
    );
    assert_eq!(version.line, 2);

    let releases = parse_dataset("{ \"pressline\": 1, \"releases\": {} }").unwrap_err();
    assert!(
        releases.message.contains("expected a sequence"),
        "{}",
        releases.message
    );
    assert_eq!(
        releases.to_string().split(':').next().unwrap(),
        "not a dataset Pressline can read (line 1, column 30)"
    );
}

#[test]
fn missing_top_level_title_falls_back() {
    let loaded = load(r#"{ "pressline": 1, "releases": [] }"#);
    assert_eq!(loaded.dataset.title, "Press releases");
    assert!(loaded.problems.is_empty());
}

#[test]
fn a_record_the_json_parser_cannot_read_costs_only_that_record() {
    let loaded = parse_dataset(include_str!(
        "../../../tests/fixtures/broken-json-records.json"
    ))
    .unwrap();
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["kept-1", "kept-2", "kept-3"]);
    // NUL and other control characters are dropped from text, never kept or fatal.
    assert_eq!(loaded.dataset.releases[2].title, "Kept after");

    let broken: Vec<(usize, String)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_ref().unwrap().index, p.to_string()))
        .collect();
    let expected = [
        (1, "line 6, column 31", "trailing comma"),
        (2, "line 7, column", "hex escape"),
        (4, "line 9, column", "number out of range"),
        (5, "line 10, column", "recursion limit exceeded"),
    ];
    assert_eq!(broken.len(), expected.len(), "{broken:#?}");
    for ((index, text), (want_index, position, reason)) in broken.iter().zip(expected) {
        assert_eq!(*index, want_index, "{text}");
        assert!(text.starts_with(&format!("releases[{index}]")), "{text}");
        assert!(text.contains(position) && text.contains(reason), "{text}");
        assert!(
            text.contains("the rest of the file is read without it"),
            "{text}"
        );
    }
}

#[test]
fn broken_json_in_the_datasets_own_fields_costs_only_those_fields() {
    // A lone surrogate in the title and a raw control character in a member Pressline does not
    // read: both reported with their line and column, and every record still loads.
    let text = "{\n  \"pressline\": 1,\n  \"title\": \"Newsroom \\ud800\",\n  \"notes\": \"a\u{1}b\",\n  \"description\": \"Still read\",\n  \"releases\": [\n    { \"id\": \"a\", \"kind\": \"Report\", \"date\": \"2022-06-29\", \"title\": \"One\" },\n    { \"id\": \"b\", \"kind\": \"Report\", \"date\": \"2022-06-30\", \"title\": \"Two\" }\n  ]\n}";
    for batch in [1, 2, usize::MAX] {
        let mut reader = pressline_core::validate::DatasetReader::new(text).unwrap();
        while !reader.is_done() {
            reader.read(batch);
        }
        let loaded = reader.finish();
        let ids: Vec<&str> = loaded
            .dataset
            .releases
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(
            loaded.dataset.title, "Press releases",
            "the broken title falls back"
        );
        assert_eq!(loaded.dataset.description.as_deref(), Some("Still read"));
        let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(loaded.problems.iter().all(|p| p.record.is_none()));
        assert!(
            problems[0].contains("`title`")
                && problems[0].contains("line 3, column 28): unexpected end of hex escape"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("`notes`")
                && problems[1].contains("line 4, column 14")
                && problems[1].contains("control character"),
            "{}",
            problems[1]
        );
    }
    // The marker itself broken, or a readable field of the wrong type, is still the whole
    // file's error: such a file is not a dataset Pressline can read.
    let marker = parse_dataset("{ \"pressline\": \"\\ud800\", \"releases\": [] }").unwrap_err();
    assert_eq!(marker.kind, FormatErrorKind::NotJson);
    let typed = parse_dataset(
        "{ \"pressline\": 1, \"title\": 5, \"notes\": \"\\ud800\", \"releases\": [] }",
    )
    .unwrap_err();
    assert_eq!(typed.kind, FormatErrorKind::NotThisFormat);
    assert_eq!((typed.line, typed.column), (1, 28), "{typed}");
    assert!(typed.message.contains("expected a string"), "{typed}");
    let typed_after = parse_dataset(
        "{ \"pressline\": 1, \"notes\": \"\\ud800\", \"title\": 5, \"releases\": [] }",
    )
    .unwrap_err();
    assert_eq!(
        (typed_after.line, typed_after.column),
        (1, 47),
        "{typed_after}"
    );
    assert!(
        typed_after.message.contains("expected a string"),
        "{typed_after}"
    );
}

#[test]
fn an_overlong_field_skips_its_record_with_its_length_and_a_short_quote() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let text = format!(
        r#"{{ "pressline": 1, "releases": [
            {{ "id": "a", "kind": "Report", "date": "2022-06-29", "title": "{huge}" }},
            {{ "id": "b", "kind": "Report", "date": "{long}", "title": "Bad date" }},
            {{ "id": "c", "kind": "Report", "date": "2022-06-29", "title": "Fine", "body": "{body}" }} ] }}"#,
        body = "y".repeat(400_000),
        long = "9".repeat(1_500),
    );
    let loaded = parse_dataset(&text).unwrap();
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert_eq!(loaded.dataset.releases[0].id, "c");
    let reports: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        reports[0],
        "releases[0] (id \"a\"), field `title`: 10485760 characters, more than the 2000 this \
         field may have; the release is skipped"
    );
    // A quoted value is cut, so a report never carries megabytes.
    assert!(reports[1].contains("… (1500 characters)"), "{}", reports[1]);
    assert!(reports.iter().all(|r| r.len() < 400), "{reports:?}");
}

// ---------------------------------------------------------------------------------------------
// Properties: validation never panics and never drops a valid record.

mod properties {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use pressline_core::parse_dataset;
    use pressline_core::validate::DatasetReader;

    /// Text as a hostile source writes it: any character, controls and markup included.
    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{1,40}",
            "[<>\"'&\\x00-\\x1f\u{2028}\u{202e}a-z ]{1,40}",
            Just("</script><img src=x onerror=alert(1)>".to_owned()),
        ]
    }

    /// A record that is valid: an id that is unique by construction (`v<n>`), and any text.
    fn valid_record(n: usize) -> impl Strategy<Value = Value> {
        (
            any_text(),
            any_text(),
            (2000u32..2030, 1u32..=12, 1u32..=28),
            proptest::option::of(any_text()),
            proptest::collection::vec(any_text(), 0..3),
            proptest::option::of(any_text()),
        )
            .prop_filter(
                "text that is blank once trimmed and cleaned is not valid",
                |(k, t, ..)| {
                    [k, t]
                        .iter()
                        .all(|s| s.chars().any(|c| !c.is_whitespace() && !c.is_control()))
                },
            )
            .prop_map(move |(kind, title, (y, m, d), summary, topics, hostile)| {
                // A hostile link costs the link, not the release.
                let url = hostile.map(|text| format!("javascript:{text}"));
                json!({
                    "url": url,
                    "id": format!("v{n}"),
                    "kind": kind,
                    "date": format!("{y:04}-{m:02}-{d:02}"),
                    "title": title,
                    "summary": summary,
                    "topics": topics,
                    "extra": { "ignored": [1, 2, {"deep": true}] },
                })
            })
    }

    /// A record with at least one thing wrong, or (flagged `true`) a well-formed record reusing
    /// the id `v0`, which is valid only if it comes before the other `v0`.
    fn invalid_record() -> impl Strategy<Value = (bool, Value)> {
        prop_oneof![
            Just((
                true,
                json!({ "id": "v0", "kind": "R", "date": "2022-01-01", "title": "another v0" })
            )),
            invalid_content().prop_map(|v| (false, v)),
        ]
    }

    fn invalid_content() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!(null)),
            Just(json!([1, 2])),
            Just(json!({ "id": "no-title", "kind": "Report", "date": "2022-01-01" })),
            any_text().prop_map(|t| json!({ "id": "bad-date", "kind": "R", "date": t, "title": "x" })),
            any_text().prop_map(|t| json!({ "id": format!("bad id {t}"), "kind": "R", "date": "2022-01-01", "title": "x" })),
        ]
    }

    fn any_dataset() -> impl Strategy<Value = (Vec<(bool, Value)>, usize)> {
        proptest::collection::vec(any::<bool>(), 1..25).prop_flat_map(|kinds| {
            let records: Vec<BoxedStrategy<(bool, Value)>> = kinds
                .iter()
                .enumerate()
                .map(|(i, &valid)| {
                    if valid {
                        valid_record(i).prop_map(|v| (true, v)).boxed()
                    } else {
                        invalid_record().boxed()
                    }
                })
                .collect();
            (records, 1usize..7)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn every_valid_record_is_kept_and_every_invalid_one_reported(
            (records, batch) in any_dataset()
        ) {
            let values: Vec<Value> = records.iter().map(|(_, v)| v.clone()).collect();
            let text = json!({ "pressline": 1, "releases": values }).to_string();
            let loaded = parse_dataset(&text).unwrap();

            // The reference: a well-formed record is kept unless an earlier kept one has its id.
            let mut kept_ids: Vec<String> = Vec::new();
            let mut skipped = Vec::new();
            for (index, (well_formed, value)) in records.iter().enumerate() {
                let id = value["id"].as_str().unwrap_or_default().to_owned();
                if *well_formed && !kept_ids.contains(&id) {
                    kept_ids.push(id);
                } else {
                    skipped.push(index);
                }
            }
            let ids: Vec<String> = loaded.dataset.releases.iter().map(|r| r.id.clone()).collect();
            prop_assert_eq!(&ids, &kept_ids);
            let mut reported: Vec<usize> = loaded
                .problems
                .iter()
                .filter(|p| p.skips_record())
                .filter_map(|p| p.record.as_ref().map(|r| r.index))
                .collect();
            reported.dedup();
            prop_assert_eq!(&reported, &skipped);
            // Every kept release lost its hostile link, and each loss is reported.
            let dropped = loaded.problems.iter().filter(|p| !p.skips_record()).count();
            let hostile = records
                .iter()
                .enumerate()
                .filter(|(index, (_, value))| !skipped.contains(index) && value["url"].is_string())
                .count();
            prop_assert!(loaded.dataset.releases.iter().all(|r| r.url.is_none()));
            prop_assert_eq!(dropped, hostile);
            // Kept text never carries a control character (they are invisible and break XML).
            for release in &loaded.dataset.releases {
                prop_assert!(!release.title.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r'));
            }

            // Reading in batches gives exactly the same.
            let mut reader = DatasetReader::new(&text).unwrap();
            while reader.read(batch) < reader.len() {}
            let batched = reader.finish();
            prop_assert_eq!(batched.dataset, loaded.dataset);
            prop_assert_eq!(batched.problems, loaded.problems);
        }

        #[test]
        fn any_text_at_all_is_read_or_refused_without_a_panic(text in "\\PC{0,200}") {
            let _ = parse_dataset(&text);
            let _ = pressline_core::formats::read_any(&text);
        }

        #[test]
        fn a_record_cut_anywhere_costs_only_that_record(cut in 1usize..60) {
            let good = r#"{"id":"a","kind":"Report","date":"2022-06-29","title":"Kept"}"#;
            let broken = &r#"{"id":"b","kind":"Report","date":"2022-06-29","title":"Lost \ud83d\ude00"}"#[..cut];
            // Close the brackets the cut left open, so the file's structure stays sound.
            let mut closing = String::new();
            let mut in_string = false;
            let mut escaped = false;
            let mut open = Vec::new();
            for c in broken.chars() {
                match (in_string, escaped, c) {
                    (true, true, _) => escaped = false,
                    (true, false, '\\') => escaped = true,
                    (true, false, '"') => in_string = false,
                    (false, _, '"') => in_string = true,
                    (false, _, '{') => open.push('}'),
                    (false, _, '}') => { open.pop(); }
                    _ => {}
                }
            }
            if escaped { closing.push('\\'); }
            if in_string { closing.push('"'); }
            closing.extend(open.iter().rev());
            let text = format!(r#"{{"pressline":1,"releases":[{good},{broken}{closing},{good2}]}}"#,
                good2 = good.replace("\"a\"", "\"c\""));
            let loaded = parse_dataset(&text).unwrap();
            let ids: Vec<&str> = loaded.dataset.releases.iter().map(|r| r.id.as_str()).collect();
            // The cut record is kept when the cut happens to leave it whole and valid; the
            // others are always kept.
            prop_assert!(ids == ["a", "c"] || ids == ["a", "b", "c"], "{:?}", ids);
            prop_assert!(loaded.problems.iter().all(|p| p.record.as_ref().unwrap().index == 1));
        }
    }
}

#[test]
fn a_credit_loses_a_label_the_page_prints_itself() {
    let release = |credit: &str| {
        format!(
            r#"{{ "id": "a", "kind": "Press Release", "date": "2022-11-10", "title": "T",
                 "image": {{ "credit": {credit:?} }} }}"#
        )
    };
    let credit_of = |credit: &str| {
        let loaded = with_release(&release(credit));
        loaded.dataset.releases[0]
            .image
            .as_ref()
            .and_then(|image| image.credit.clone())
    };
    // The seed's own line, which printed as "Photo: Фото: …".
    assert_eq!(
        credit_of("Фото: Pavlo Palamarchuk/SOPA Images").as_deref(),
        Some("Pavlo Palamarchuk/SOPA Images")
    );
    assert_eq!(credit_of("PHOTO : AFP").as_deref(), Some("AFP"));
    // A name that merely starts like a label is kept whole.
    assert_eq!(
        credit_of("Photographer: unknown").as_deref(),
        Some("Photographer: unknown")
    );
    // Nothing but a label: no credit, and no image left to show.
    let empty = with_release(&release("Photo:"));
    assert_eq!(empty.dataset.releases.len(), 1);
    assert_eq!(empty.dataset.releases[0].image, None);
}

#[test]
fn a_year_no_press_timeline_can_show_is_said_in_words() {
    let said = |value: &str| {
        ProblemKind::UnparseableDate {
            value: value.to_owned(),
        }
        .to_string()
    };
    assert_eq!(
        said("-541000000-01-01"),
        "the year -541000000 is outside the dates a press timeline can show (years 0 to 9999)"
    );
    assert_eq!(
        said("12000-01-01"),
        "the year 12000 is outside the dates a press timeline can show (years 0 to 9999)"
    );
    assert!(said("June 2022").starts_with("unparseable date \"June 2022\""));
    assert!(said("2022-13-01").starts_with("unparseable date"));
    assert!(said("-").starts_with("unparseable date"));
}
