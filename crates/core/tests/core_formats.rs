//! Native tests of format detection and of the JSON Feed, WordPress and TimelineJS adapters:
//! every mapped field, odd-but-legal input, broken records reported while the others are kept,
//! the HTML scanner, and that no converted address is ever `javascript:` or `data:`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::addresses;

use pressline_core::formats::html_text::{html_to_markdown, html_to_text};
use pressline_core::formats::{detect, read_any, SourceFormat};
use pressline_core::markdown::{parse_markdown, Block, Inline};
use pressline_core::{
    parse_dataset, FormatErrorKind, LoadedDataset, ProblemKind, RecordRef, Release, ReleaseDate,
};
use proptest::prelude::*;
use serde_json::Value;

const JSON_FEED: &str = include_str!("../../../tests/fixtures/formats/json-feed.json");
const WORDPRESS: &str = include_str!("../../../tests/fixtures/formats/wordpress-posts.json");
const TIMELINE: &str = include_str!("../../../tests/fixtures/formats/timelinejs.json");
const PRESSLINE: &str = include_str!("../../../tests/fixtures/valid.json");

fn read(text: &str, expected: SourceFormat) -> LoadedDataset {
    let (format, loaded) = read_any(text).expect("a readable file");
    assert_eq!(format, expected);
    loaded
}

/// Reads a fixture that must convert without a single problem that costs anything (a
/// picture without alternative text, which WordPress allows, is reported but loses nothing).
fn clean(text: &str, expected: SourceFormat) -> LoadedDataset {
    let loaded = read(text, expected);
    assert!(
        loaded
            .problems
            .iter()
            .all(|problem| problem.loses_nothing()),
        "{:#?}",
        loaded.problems
    );
    loaded
}

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn release<'a>(loaded: &'a LoadedDataset, id: &str) -> &'a Release {
    loaded
        .dataset
        .release(id)
        .unwrap_or_else(|| panic!("no release {id:?} in {:#?}", loaded.dataset.releases))
}

fn date(text: &str) -> ReleaseDate {
    ReleaseDate::parse(text).unwrap()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn ids(loaded: &LoadedDataset) -> Vec<&str> {
    loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect()
}

/// A one-line JSON Feed around the given items.
fn feed(items: &str) -> String {
    format!(
        r#"{{ "version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [ {items} ] }}"#
    )
}

// ---------------------------------------------------------------------------------------------
// Detection

#[test]
fn detects_each_format() {
    assert_eq!(detect(&value(PRESSLINE)), Some(SourceFormat::Pressline));
    assert_eq!(detect(&value(JSON_FEED)), Some(SourceFormat::JsonFeed));
    assert_eq!(detect(&value(WORDPRESS)), Some(SourceFormat::WordPress));
    assert_eq!(detect(&value(TIMELINE)), Some(SourceFormat::TimelineJs));
    // JSON Feed 1.0, and a timeline without a title slide.
    assert_eq!(
        detect(&value(
            r#"{"version": "https://jsonfeed.org/version/1", "items": []}"#
        )),
        Some(SourceFormat::JsonFeed)
    );
    assert_eq!(
        detect(&value(r#"{"events": []}"#)),
        Some(SourceFormat::TimelineJs)
    );
    // A WordPress post without `_embed` still has `date_gmt`.
    assert_eq!(
        detect(&value(
            r#"[{"slug": "a", "date_gmt": "2022-01-01T00:00:00"}]"#
        )),
        Some(SourceFormat::WordPress)
    );
    // A wrong Pressline version is still Pressline: reading it says what is wrong.
    assert_eq!(
        detect(&value(r#"{"pressline": 2, "releases": []}"#)),
        Some(SourceFormat::Pressline)
    );
    for other in [
        "[]",
        "[1, 2]",
        r#"[{"slug": "a"}]"#,
        r#"{"hello": "world"}"#,
        r#"{"version": "1.1", "items": []}"#,
        r#"{"events": {}}"#,
        r#"{"title": "x", "events": []}"#,
        "42",
        "null",
    ] {
        assert_eq!(detect(&value(other)), None, "{other}");
    }
}

#[test]
fn labels() {
    assert_eq!(SourceFormat::Pressline.label(), "Pressline dataset");
    assert_eq!(SourceFormat::JsonFeed.label(), "JSON Feed 1.1");
    assert_eq!(SourceFormat::WordPress.label(), "WordPress REST API posts");
    assert_eq!(SourceFormat::TimelineJs.label(), "TimelineJS3 JSON");
}

#[test]
fn pressline_text_reads_as_parse_dataset_does() {
    let (format, loaded) = read_any(PRESSLINE).unwrap();
    assert_eq!(format, SourceFormat::Pressline);
    assert_eq!(loaded, parse_dataset(PRESSLINE).unwrap());
    let broken = include_str!("../../../tests/fixtures/broken-records.json");
    assert_eq!(read_any(broken).unwrap().1, parse_dataset(broken).unwrap());
}

#[test]
fn pressline_with_another_version_gets_parse_datasets_error() {
    let text = r#"{ "pressline": 2, "releases": [] }"#;
    let error = read_any(text).unwrap_err();
    assert_eq!(error, parse_dataset(text).unwrap_err());
    assert_eq!(error.kind, FormatErrorKind::NotThisFormat);
    assert!(error.message.contains("version 2"), "{error}");
}

#[test]
fn not_json_has_a_position() {
    let error = read_any("{\n  \"items\": [1,\n  ]\n}").unwrap_err();
    assert_eq!(error.kind, FormatErrorKind::NotJson);
    assert_eq!((error.line, error.column), (3, 3));
    assert!(!error.message.contains(" at line "), "{}", error.message);
    assert_eq!(
        read_any("").unwrap_err().kind,
        FormatErrorKind::NotJson,
        "empty text"
    );
}

#[test]
fn unknown_shapes_name_the_known_formats() {
    for (text, found) in [
        ("[]", "empty array"),
        (r#"{"hello": "world"}"#, "object"),
        ("\n\n   \"just text\"", "a string"),
        ("[1]", "array"),
    ] {
        let error = read_any(text).unwrap_err();
        assert_eq!(error.kind, FormatErrorKind::NotThisFormat, "{text}");
        for name in ["Pressline dataset", "JSON Feed", "WordPress", "TimelineJS"] {
            assert!(error.message.contains(name), "{}", error.message);
        }
        assert!(error.message.contains(found), "{}", error.message);
    }
    // The position is the top-level value's.
    let error = read_any("\n\n   \"just text\"").unwrap_err();
    assert_eq!((error.line, error.column), (3, 4));
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

#[test]
fn json_feed_maps_the_feed_and_an_item() {
    let loaded = clean(JSON_FEED, SourceFormat::JsonFeed);
    let dataset = &loaded.dataset;
    assert_eq!(dataset.title, "Example Rights Watch: newsroom");
    assert_eq!(
        dataset.description.as_deref(),
        Some("Press releases, reports and statements from Example Rights Watch.")
    );
    let organization = dataset.organization.as_ref().unwrap();
    assert_eq!(organization.name.as_deref(), Some("Example Rights Watch"));
    assert_eq!(
        organization.url.as_ref().unwrap().as_str(),
        "https://example.org/newsroom/"
    );
    assert_eq!(dataset.releases.len(), 5, "every item kept");

    // A URL id: its last path segment.
    let r = release(&loaded, "mariupol-theatre-strike");
    assert_eq!(r.kind, "Press Release", "the tag that names a kind");
    assert_eq!(r.date, date("2022-11-10T09:30:00-05:00"));
    assert_eq!(
        r.title,
        "Deadly Mariupol theatre strike \u{2018}a clear war crime\u{2019}"
    );
    assert_eq!(
        r.summary.as_deref(),
        Some("A new investigation concludes the strike on the drama theatre was a war crime.")
    );
    assert_eq!(
        r.body.as_deref(),
        Some(
            "The strike on the drama theatre in Mariupol was a **clear war crime**, our \
             investigation — based on 28 interviews & satellite imagery – concludes.\n\n\
             ## What we found\n\n\
             Read the [full report (PDF)](https://example.org/reports/mariupol-theatre.pdf) or \
             share it.\n\n\
             - At least a dozen people were killed\n\n\
             - The word “дети” was painted outside"
        ),
        "entities decoded, the script dropped, the javascript: link reduced to its text"
    );
    assert_eq!(
        r.url.as_ref().unwrap().as_str(),
        "https://example.org/press/2022/11/10/mariupol-theatre-strike/"
    );
    let image = r.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/images/mariupol-theatre.jpg"
    );
    assert_eq!(image.alt.as_deref(), Some(r.title.as_str()));
    assert_eq!(image.credit, None);
    let people: Vec<_> = r
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.clone()))
        .collect();
    assert_eq!(
        people,
        vec![("Marie Struthers", None), ("Oksana Pokalchuk", None)]
    );
    assert_eq!(
        r.topics,
        strings(&["War crimes", "Protection of civilians"])
    );
    assert!(r.places.is_empty());
    assert_eq!(r.lang.as_deref(), Some("en"), "the feed's language");
}

#[test]
fn json_feed_item_with_only_text_and_no_title() {
    let loaded = clean(JSON_FEED, SourceFormat::JsonFeed);
    let r = release(&loaded, "note-2022-11-09");
    assert_eq!(r.kind, "statement", "tags match kinds whatever their case");
    assert_eq!(r.date, date("2022-11-09"), "a bare date is kept");
    assert_eq!(
        r.title,
        "Our researchers are back from Kherson oblast after ten days of interviews with…"
    );
    assert!(r.title.chars().count() <= 81);
    let summary = r.summary.as_deref().unwrap();
    assert!(summary.chars().count() <= 301, "{summary}");
    assert!(summary.starts_with("Our researchers are back"));
    assert!(!summary.contains('\n'));
    assert_eq!(
        r.body.as_deref(),
        Some(
            "Our researchers are back from Kherson oblast after ten days of interviews with \
             residents about detentions during the occupation, the conditions in which people \
             were held and what families still do not know about relatives who disappeared.\n\n\
             Findings will be published next month.\n\n\
             1\\. Interviews first."
        ),
        "plain text stays plain: no list is made of \"1.\""
    );
    assert_eq!(r.topics, strings(&["Kherson"]));
    assert_eq!(r.url, None);
    assert_eq!(r.image, None);
    assert!(r.people.is_empty());
}

#[test]
fn json_feed_item_in_ukrainian() {
    let loaded = clean(JSON_FEED, SourceFormat::JsonFeed);
    let r = release(&loaded, "zayava-shchodo-zaporizkoi-aes");
    assert_eq!(r.title, "Заява щодо Запорізької АЕС");
    assert_eq!(r.lang.as_deref(), Some("uk"), "the item's language wins");
    assert_eq!(r.kind, "News", "no tag names a kind");
    assert_eq!(r.topics, strings(&["Заява", "Енергетика"]));
    assert_eq!(
        r.date,
        date("2022-09-01T12:00:00+03:00"),
        "date_modified when there is no date_published"
    );
    assert_eq!(
        r.body.as_deref(),
        Some("Ми закликаємо негайно демілітаризувати *Запорізьку* атомну електростанцію.")
    );
    assert_eq!(
        r.summary.as_deref(),
        Some("Ми закликаємо негайно демілітаризувати Запорізьку атомну електростанцію."),
        "summary from content_html's text"
    );
}

#[test]
fn json_feed_ids_links_pictures_and_authors() {
    let loaded = clean(JSON_FEED, SourceFormat::JsonFeed);
    assert_eq!(
        ids(&loaded),
        vec![
            "mariupol-theatre-strike",
            "note-2022-11-09",
            "zayava-shchodo-zaporizkoi-aes",
            "42",
            "mariupol-theatre-strike-2"
        ],
        "a slug already used gets -2"
    );
    let r = release(&loaded, "42");
    assert_eq!(r.kind, "REPORT");
    assert_eq!(r.topics, strings(&["Energy", "Infrastructure"]));
    assert_eq!(
        r.url.as_ref().unwrap().as_str(),
        "https://news.example.net/2022/11/07/energy-report",
        "external_url when there is no url"
    );
    assert_eq!(
        r.image.as_ref().unwrap().src.as_ref().unwrap().as_str(),
        "/images/energy.png",
        "banner_image when there is no image"
    );
    assert_eq!(
        r.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        vec!["Denis Krivosheev"],
        "an author with no name is left out"
    );
    assert_eq!(r.date, date("2022-11-07T18:00:00Z"));
    assert_eq!(
        r.body.as_deref(),
        Some("Strikes on power plants leave millions without heating.")
    );
    // The first tag naming a kind is the kind; a second one is a topic.
    let r = release(&loaded, "mariupol-theatre-strike-2");
    assert_eq!(r.kind, "Open Letter");
    assert_eq!(r.topics, strings(&["Statement"]));
}

#[test]
fn json_feed_odd_but_legal_items() {
    let text = feed(
        r#"
        { "id": "https://example.org/?p=12", "content_html": "<p>Only &lt;html&gt; here</p>",
          "date_published": "2022-01-02T03:04:05.678+01:00" },
        { "id": 7, "title": "A numeric id", "date_published": "2022-01-01",
          "author": { "name": "One Author" }, "summary": "  " },
        { "id": "Заява", "title": "Cyrillic id, Cyrillic title: Заява",
          "date_published": "2022-01-03" },
        { "id": "", "title": "Заява", "date_published": "2022-01-04" },
        { "title": "No id at all", "url": "https://example.org/a/no-id.html",
          "date_published": "2022-01-05" },
        { "id": "x", "title": "null fields", "date_published": "2022-01-06",
          "tags": null, "url": null, "image": null, "authors": null, "language": null }
        "#,
    );
    let loaded = read(&text, SourceFormat::JsonFeed);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(
        ids(&loaded),
        vec![
            "p-12",
            "7",
            "cyrillic-id-cyrillic-title",
            "item",
            "no-id.html",
            "x"
        ]
    );
    let r = &loaded.dataset.releases[0];
    assert_eq!(r.title, "Only <html> here", "title from the text");
    assert_eq!(r.body.as_deref(), Some("Only \\<html> here"));
    assert_eq!(r.date, date("2022-01-02T03:04:05.678+01:00"));
    let r = &loaded.dataset.releases[1];
    assert_eq!(r.people[0].name, "One Author", "JSON Feed 1.0 author");
    assert_eq!(r.summary, None, "a blank summary is no summary");
    assert_eq!(loaded.dataset.releases[5].kind, "News");
    assert_eq!(loaded.dataset.organization, None);
}

#[test]
fn json_feed_broken_items_are_reported_and_the_others_kept() {
    let text = feed(
        r#"
        { "id": "good-1", "title": "Kept", "date_published": "2022-11-10T09:30:00Z" },
        { "id": "bad-date", "title": "Date in words", "date_published": "November 10, 2022" },
        { "id": "no-date", "title": "Never dated" },
        "not an item",
        { "id": "script-link", "title": "Hostile", "date_published": "2022-11-08",
          "url": "JaVaScRiPt:alert(1)",
          "content_html": "<a href=\"javascript:alert(1)\">click</a> <a href=' data:text/html,x'>data</a>" },
        { "id": "data-image", "title": "Hostile picture", "date_published": "2022-11-07",
          "image": "data:image/svg+xml,<svg onload=alert(1)>" },
        { "id": "bad-lang", "title": "Odd language", "date_published": "2022-11-06",
          "language": "english please" },
        { "id": "wrong-type", "title": 42, "date_published": "2022-11-05" },
        { "id": "good-2", "title": "Also kept", "date_modified": "2022-11-04",
          "content_html": "<a href=\"javascript:alert(1)\">harmless text</a>" }
        "#,
    );
    let loaded = read(&text, SourceFormat::JsonFeed);
    assert_eq!(
        ids(&loaded),
        vec!["good-1", "script-link", "data-image", "bad-lang", "good-2"],
        "no valid record lost; a bad link, picture or language drops only that field"
    );
    let hostile = &loaded.dataset.releases[1];
    assert_eq!(
        (hostile.title.as_str(), hostile.url.as_ref()),
        ("Hostile", None)
    );
    assert_eq!(loaded.dataset.releases[2].image, None);
    assert_eq!(loaded.dataset.releases[3].lang, None);
    assert_eq!(loaded.skipped_record_count(), 4);
    assert_eq!(
        loaded.dataset.releases[4].body.as_deref(),
        Some("harmless text")
    );
    let problems: Vec<(usize, &str, &ProblemKind)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_ref().unwrap().index, p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        problems,
        vec![
            (
                1,
                "date",
                &ProblemKind::UnparseableDate {
                    value: "November 10, 2022".into()
                }
            ),
            (2, "date", &ProblemKind::Missing),
            (
                3,
                "(record)",
                &ProblemKind::NotAnObject { found: "a string" }
            ),
            (
                4,
                "url",
                &ProblemKind::UnsafeUrl {
                    value: "JaVaScRiPt:alert(1)".into()
                }
            ),
            (
                5,
                "image.src",
                &ProblemKind::UnsafeUrl {
                    value: "data:image/svg+xml,<svg onload=alert(1)>".into()
                }
            ),
            (
                6,
                "lang",
                &ProblemKind::InvalidLanguageTag {
                    value: "english please".into()
                }
            ),
            (
                7,
                "title",
                &ProblemKind::WrongType {
                    expected: "a string",
                    found: "a number"
                }
            ),
        ]
    );
    assert_eq!(
        loaded.problems[0].record,
        Some(RecordRef {
            index: 1,
            id: Some("bad-date".into()),
            kept: false,
        }),
        "problems name the source item's index and the derived id"
    );
}

#[test]
fn json_feed_bad_feed_language_is_a_dataset_problem() {
    let text = r#"{ "version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "en_US",
        "items": [ { "id": "a", "title": "A", "date_published": "2022-01-01" } ] }"#;
    let loaded = read(text, SourceFormat::JsonFeed);
    assert_eq!(loaded.dataset.releases.len(), 1, "the item is kept");
    assert_eq!(loaded.dataset.releases[0].lang, None);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].record, None);
    assert_eq!(loaded.problems[0].field, "language");
    assert_eq!(loaded.skipped_record_count(), 0);
}

#[test]
fn json_feed_items_must_be_an_array() {
    let error =
        read_any(r#"{ "version": "https://jsonfeed.org/version/1.1", "items": {} }"#).unwrap_err();
    assert_eq!(error.kind, FormatErrorKind::NotThisFormat);
    assert!(error.message.contains("\"items\""), "{}", error.message);
    // An empty feed is a valid, empty dataset.
    let loaded = read(&feed(""), SourceFormat::JsonFeed);
    assert!(loaded.dataset.releases.is_empty() && loaded.problems.is_empty());
}

// ---------------------------------------------------------------------------------------------
// WordPress

#[test]
fn wordpress_maps_every_field() {
    let loaded = clean(WORDPRESS, SourceFormat::WordPress);
    assert_eq!(
        ids(&loaded),
        vec![
            "deadly-mariupol-theatre-strike-a-clear-war-crime",
            "women-children-kherson",
            "post-103"
        ]
    );
    let r = &loaded.dataset.releases[0];
    assert_eq!(r.date, date("2022-06-29T14:00:00Z"), "date_gmt is UTC");
    assert_eq!(
        r.title,
        "Deadly Mariupol Theatre Strike \u{2018}a Clear War Crime\u{2019} by Russian Forces & New \
         Investigation"
    );
    assert_eq!(
        r.summary.as_deref(),
        Some(
            "An extensive investigation by Example Rights Watch has concluded that the March 16 \
             airstrike was a war crime … Residents told us…"
        )
    );
    assert_eq!(
        r.body.as_deref(),
        Some(
            "An extensive investigation by Example Rights Watch has concluded that the \
             **March 16** airstrike was a war crime.\n\n\
             ## Key findings\n\n\
             - The word “children” was written in Russian outside\n\n\
             - At least 12 people died\n\n\
             Satellite image, 19 March 2022\n\n\
             Read the [full report](https://example.org/research/mariupol/)."
        )
    );
    assert_eq!(
        r.url.as_ref().unwrap().as_str(),
        "https://example.org/2022/06/29/deadly-mariupol-theatre-strike-a-clear-war-crime/"
    );
    assert_eq!(r.kind, "Report", "the category that names a kind");
    assert_eq!(
        r.topics,
        strings(&["War & Peace", "War crimes", "Protection of civilians"]),
        "the other categories, then the tags, entities decoded"
    );
    assert_eq!(r.places, strings(&["Mariupol", "Ukraine"]));
    let image = r.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/wp-content/uploads/2022/06/theatre.jpg"
    );
    assert_eq!(
        image.alt.as_deref(),
        Some("The drama theatre in Mariupol after the strike")
    );
    assert_eq!(
        image.credit.as_deref(),
        Some("A. Photographer/Agency via Getty Images"),
        "the caption's text, whitespace collapsed, without its \"Photo:\" (the page prints its own)"
    );
    assert_eq!(r.people.len(), 1);
    assert_eq!(r.people[0].name, "Marie Struthers");
    assert_eq!(r.people[0].role, None);
    assert_eq!(r.lang, None);
    assert_eq!(
        loaded.dataset.title, "Press releases",
        "posts carry no title"
    );
}

#[test]
fn wordpress_post_without_featured_media() {
    let loaded = clean(WORDPRESS, SourceFormat::WordPress);
    let r = release(&loaded, "women-children-kherson");
    assert_eq!(
        r.title,
        "Ukraine: Women & children in Kherson – what we know"
    );
    assert_eq!(r.image, None);
    assert_eq!(r.kind, "Statement");
    assert_eq!(
        r.topics,
        strings(&["Children & armed conflict"]),
        "\"Uncategorized\" is not a topic"
    );
    assert_eq!(
        r.summary.as_deref(),
        Some("Families in Kherson describe months without news…")
    );
    assert_eq!(r.people[0].name, "Press Office & Media");
    assert_eq!(r.date, date("2022-11-10T09:30:00Z"));
}

#[test]
fn wordpress_post_in_cyrillic_and_arabic() {
    let loaded = clean(WORDPRESS, SourceFormat::WordPress);
    let r = release(&loaded, "post-103");
    assert_eq!(
        r.title,
        "Заява: обстріл Харкова — порушення міжнародного права"
    );
    assert_eq!(r.kind, "News");
    assert_eq!(r.topics, strings(&["Новини", "قصف"]));
    assert_eq!(r.places, strings(&["Харків"]), "a country_region taxonomy");
    assert_eq!(
        r.body.as_deref(),
        Some(
            "Обстріл житлових кварталів Харкова є порушенням міжнародного гуманітарного права.\
             \n\nبيان: قصف خاركيف"
        )
    );
    let image = r.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/wp-content/uploads/2022/03/kharkiv.webp"
    );
    assert_eq!(image.alt, None, "an empty alt_text is no alt");
    assert_eq!(image.credit, None, "an empty caption is no credit");
    assert_eq!(r.people[0].name, "Марія Струтерс");
}

#[test]
fn wordpress_odd_posts() {
    let text = r#"[
      { "id": 1, "slug": "never-published", "date": "2022-05-06T23:30:00",
        "date_gmt": null, "title": { "rendered": "Draft &#x1F600;" },
        "excerpt": { "rendered": "<p>Short [...]</p>" }, "link": "https://example.org/?p=1" },
      { "id": 2, "slug": "zeros", "date": "2022-05-07T10:00:00",
        "date_gmt": "0000-00-00T00:00:00", "title": { "rendered": "" },
        "excerpt": { "rendered": "" }, "content": { "rendered": "<p>Body only</p>" },
        "_embedded": { "wp:featuredmedia": [ { "code": "rest_forbidden", "message": "Sorry" } ],
                       "author": [ { "code": "rest_user_invalid_id" } ] } },
      { "id": 3, "slug": "never-published", "date_gmt": "2022-05-08T00:00:00",
        "title": { "rendered": "Same slug" } },
      { "id": 4, "slug": "", "date_gmt": "2022-05-09T00:00:00",
        "title": { "rendered": "No slug" } }
    ]"#;
    let loaded = read(text, SourceFormat::WordPress);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(
        ids(&loaded),
        vec!["never-published", "zeros", "never-published-2", "post-4"]
    );
    let r = &loaded.dataset.releases;
    assert_eq!(r[0].date, date("2022-05-06"), "the local date's day");
    assert_eq!(r[0].title, "Draft 😀");
    assert_eq!(r[0].summary.as_deref(), Some("Short…"));
    assert_eq!(r[0].kind, "News", "no _embedded: no categories");
    assert_eq!(r[1].date, date("2022-05-07"));
    assert_eq!(
        r[1].title, "Body only",
        "an empty title falls back to the text"
    );
    assert_eq!(r[1].image, None, "a media error object is no picture");
    assert!(r[1].people.is_empty());
}

#[test]
fn wordpress_broken_posts_are_reported() {
    let text = r#"[
      { "id": 1, "slug": "good", "date_gmt": "2022-05-06T10:00:00", "title": { "rendered": "Good" } },
      { "id": 2, "slug": "no-dates", "title": { "rendered": "Undated" } },
      { "id": 3, "slug": "hostile", "date_gmt": "2022-05-06T10:00:00",
        "title": { "rendered": "Hostile" }, "link": "javascript:alert(1)",
        "_embedded": { "wp:featuredmedia": [ { "source_url": "data:image/png;base64,AAAA" } ] } },
      { "id": 4, "slug": "good-too", "date": "2022-05-05T10:00:00", "title": { "rendered": "Good too" } }
    ]"#;
    let loaded = read(text, SourceFormat::WordPress);
    assert_eq!(
        ids(&loaded),
        vec!["good", "hostile", "good-too"],
        "a hostile link or picture drops that field, not the post"
    );
    let hostile = &loaded.dataset.releases[1];
    assert_eq!((&hostile.url, &hostile.image), (&None, &None));
    assert_eq!(loaded.skipped_record_count(), 1);
    let fields: Vec<(usize, &str)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_ref().unwrap().index, p.field.as_str()))
        .collect();
    assert_eq!(fields, vec![(1, "date"), (2, "image.src"), (2, "url")]);
}

// ---------------------------------------------------------------------------------------------
// TimelineJS

#[test]
fn timelinejs_maps_every_field() {
    let loaded = clean(TIMELINE, SourceFormat::TimelineJs);
    let dataset = &loaded.dataset;
    assert_eq!(dataset.title, "Ukraine: a year of war & accountability");
    assert_eq!(
        dataset.description.as_deref(),
        Some("Key events, investigations and statements since February 2022.")
    );
    assert_eq!(
        ids(&loaded),
        vec![
            "full-scale-invasion-begins",
            "crimea-annexed",
            "mariupol-theatre-strike",
            "bucha",
            "report-2022-06-mariupol"
        ]
    );

    let r = release(&loaded, "full-scale-invasion-begins");
    assert_eq!(
        r.date,
        date("2022-02-24T05:00:00Z"),
        "with an hour: a moment"
    );
    assert_eq!(r.kind, "Event");
    assert_eq!(r.title, "Full-scale invasion begins");
    assert_eq!(
        r.body.as_deref(),
        Some(
            "Russian forces launch a full-scale invasion of Ukraine.\n\n\
             We call it an *act of aggression*."
        )
    );
    assert_eq!(
        r.summary.as_deref(),
        Some("Russian forces launch a full-scale invasion of Ukraine. We call it an act of aggression.")
    );
    assert_eq!((r.image.as_ref(), r.url.as_ref()), (None, None));

    let r = release(&loaded, "crimea-annexed");
    assert_eq!(
        r.date,
        date("2014-01-01"),
        "a year alone: January 1st (a year given as a string)"
    );

    let r = release(&loaded, "mariupol-theatre-strike");
    assert_eq!(r.date, date("2022-03-16"));
    assert_eq!(r.image, None, "a video is not a picture");
    assert_eq!(
        r.url.as_ref().unwrap().as_str(),
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    );

    let r = release(&loaded, "bucha");
    let image = r.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/images/Bucha-Street.JPG?w=1200&h=800",
        "an upper-case extension before a query string"
    );
    assert_eq!(
        image.alt.as_deref(),
        Some("Yablunska street, Bucha, ‘after the withdrawal’"),
        "the caption as text when there is no alt"
    );
    assert_eq!(image.credit.as_deref(), Some("A. Photographer/Agency"));
    assert_eq!(r.url, None);

    let r = release(&loaded, "report-2022-06-mariupol");
    assert_eq!(r.kind, "Report", "the group");
    assert_eq!(r.date, date("2022-06-29"), "end_date is not used");
}

#[test]
fn timelinejs_odd_and_broken_events() {
    let text = r#"{ "events": [
      { "start_date": { "year": 2020, "month": 5 }, "text": { "text": "<p>No headline, only text</p>" },
        "media": { "url": "https://example.org/a.webp", "alt": "An alt", "caption": "Ignored" } },
      { "start_date": { "month": 5, "day": 1 }, "text": { "headline": "No year" } },
      { "start_date": { "year": -500 }, "text": { "headline": "Antiquity" } },
      { "start_date": { "year": 12000 }, "text": { "headline": "Far future" } },
      { "start_date": { "year": 2022, "month": 2, "day": 30 }, "text": { "headline": "No such day" } },
      { "text": { "headline": "No start date" } },
      "not an event",
      { "start_date": { "year": 2021, "hour": "7", "minute": 5, "second": "9" },
        "unique_id": "x", "text": { "headline": "Early" },
        "media": { "url": "javascript:alert(1)//.png" } },
      { "start_date": { "year": 2019 }, "unique_id": "X", "group": "  ",
        "text": { "headline": "Dropped media" }, "media": { "url": "data:text/html,hi" } },
      { "start_date": { "year": 2018.0 }, "text": { "headline": "Kept" } }
    ] }"#;
    let loaded = read(text, SourceFormat::TimelineJs);
    assert_eq!(
        ids(&loaded),
        vec!["no-headline-only-text", "x", "x-2", "kept"],
        "every valid event kept, the one with a hostile picture without it"
    );
    assert_eq!(loaded.dataset.releases[1].image, None);
    let r = &loaded.dataset.releases[0];
    assert_eq!(r.date, date("2020-05-01"), "a missing day counts as 1");
    assert_eq!(r.title, "No headline, only text");
    assert_eq!(r.image.as_ref().unwrap().alt.as_deref(), Some("An alt"));
    let r = &loaded.dataset.releases[2];
    assert_eq!(r.kind, "Event", "a blank group is no group");
    assert_eq!(r.image, None, "a data: media address is dropped");
    assert_eq!(r.url, None);
    assert_eq!(loaded.dataset.releases[3].date, date("2018-01-01"));

    let problems: Vec<(usize, &str, &ProblemKind)> = loaded
        .problems
        .iter()
        .map(|p| (p.record.as_ref().unwrap().index, p.field.as_str(), &p.kind))
        .collect();
    let unparseable = |value: &str| ProblemKind::UnparseableDate {
        value: value.to_owned(),
    };
    assert_eq!(
        problems,
        vec![
            (1, "date", &ProblemKind::Missing),
            (2, "date", &unparseable("-500-01-01")),
            (3, "date", &unparseable("12000-01-01")),
            (4, "date", &unparseable("2022-02-30")),
            (5, "date", &ProblemKind::Missing),
            (
                6,
                "(record)",
                &ProblemKind::NotAnObject { found: "a string" }
            ),
            (
                7,
                "image.src",
                &ProblemKind::UnsafeUrl {
                    value: "javascript:alert(1)//.png".into()
                }
            ),
        ]
    );
    // The broken event at 7 still took the id "x", so the next one is "x-2".
    assert_eq!(
        loaded.problems[6].record.as_ref().unwrap().id.as_deref(),
        Some("x")
    );
}

#[test]
fn timelinejs_time_parts_default_to_zero() {
    let text = r#"{ "events": [ { "start_date": { "year": 2021, "month": 12, "day": 31, "hour": "7",
        "minute": 5 }, "text": { "headline": "Late" } } ] }"#;
    let loaded = read(text, SourceFormat::TimelineJs);
    assert_eq!(
        loaded.dataset.releases[0].date,
        date("2021-12-31T07:05:00Z")
    );
}

// ---------------------------------------------------------------------------------------------
// HTML to text and Markdown

#[test]
fn html_to_text_cases() {
    assert_eq!(html_to_text(""), "");
    assert_eq!(html_to_text("plain"), "plain");
    assert_eq!(
        html_to_text("<p>One</p><p>Two<br>Three</p>"),
        "One Two Three",
        "blocks separate words"
    );
    assert_eq!(html_to_text("a<b>b</b>c"), "abc", "inline tags do not");
    assert_eq!(
        html_to_text("x<script>if (a < b) { document.write('<p>') }</script>y<style>p{}</style>z"),
        "xyz"
    );
    assert_eq!(
        html_to_text("&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos; &hellip; &ndash; &mdash; &copy; &reg; &trade;"),
        "& <b> \"q\" 'a' … – — © ® ™"
    );
    assert_eq!(
        html_to_text("&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;&nbsp;x"),
        "‘’“”«» x"
    );
    assert_eq!(html_to_text("&#8217;&#x2019;&#X1F600;&#146;"), "’’😀’");
    assert_eq!(
        html_to_text("&unknown; &amp &#; &#xZZ;"),
        "&unknown; &amp &#; &#xZZ;"
    );
    assert_eq!(html_to_text("  lots \n\t of   space  "), "lots of space");
    assert_eq!(html_to_text("Заява <i>щодо</i> قصف"), "Заява щодо قصف");
    assert_eq!(
        html_to_text("<!-- a comment -->kept<!DOCTYPE html>"),
        "kept"
    );
}

#[test]
fn html_to_text_survives_malformed_html() {
    assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d");
    assert_eq!(html_to_text("1<2"), "1<2");
    assert_eq!(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
    assert_eq!(html_to_text("cut off <a href=\"x"), "cut off");
    assert_eq!(html_to_text("cut off <span"), "cut off");
    assert_eq!(
        html_to_text(r#"<a title="1 > 0" href='x>y'>link</a>"#),
        "link"
    );
    assert_eq!(html_to_text("<!-- never closed"), "");
    assert_eq!(html_to_text("a<script>never closed"), "a");
    assert_eq!(html_to_text("</p></div>text</b>"), "text");
    assert_eq!(html_to_text("<>x</>"), "<>x</>");
    assert_eq!(
        html_to_text("<svg/>icon <svg><title>t</title></svg>after"),
        "icon after"
    );
}

#[test]
fn html_to_markdown_blocks() {
    assert_eq!(
        html_to_markdown("<h1>Title</h1><h2>Sub</h2><h3>Third</h3><p>Text</p>"),
        "## Title\n\n## Sub\n\n### Third\n\nText"
    );
    assert_eq!(
        html_to_markdown("<div>one<div>two</div></div>three<br/>four<br>five"),
        "one\n\ntwo\n\nthree\n\nfour\n\nfive"
    );
    assert_eq!(
        html_to_markdown("<ul><li><p>a</p></li><li>b <b>c</b></li></ul><ol start=\"3\"><li>x</li><li>y</li></ol>"),
        "- a\n\n- b **c**\n\n3. x\n\n4. y"
    );
    assert_eq!(
        html_to_markdown("<blockquote><p>Quoted</p><p>Twice</p></blockquote><p>After</p>"),
        "> Quoted\n\n> Twice\n\nAfter"
    );
    assert_eq!(html_to_markdown("<p></p><p>  </p><div><br></div>"), "");
}

#[test]
fn html_to_markdown_inlines() {
    assert_eq!(
        html_to_markdown("a <strong>b</strong> <b>c</b> <em>d</em> <i>e</i>"),
        "a **b** **c** *d* *e*"
    );
    assert_eq!(
        html_to_markdown("a<b> spaced </b>b"),
        "a **spaced** b",
        "spaces never sit just inside the markers"
    );
    assert_eq!(
        html_to_markdown("<b></b>x<i> </i>y"),
        "x y",
        "empty emphasis vanishes"
    );
    assert_eq!(
        html_to_markdown("<b>bold <i>both</i></b>"),
        "**bold *both***"
    );
    assert_eq!(
        html_to_markdown("<b>unclosed</p><p>next"),
        "**unclosed**\n\nnext",
        "an element left open ends with its block"
    );
    assert_eq!(
        html_to_markdown("<i>a<b>b</i>c</b>"),
        "*a**b***c",
        "misnested"
    );
}

#[test]
fn html_to_markdown_links() {
    assert_eq!(
        html_to_markdown(r#"<a href="https://example.org/a?b=1&amp;c=2">web</a>"#),
        "[web](https://example.org/a?b=1&c=2)"
    );
    assert_eq!(
        html_to_markdown(
            r##"<a href="mailto:press@example.org">mail</a> <a href="/releases/x">rel</a> <a href="#n">frag</a>"##
        ),
        "[mail](mailto:press@example.org) [rel](/releases/x) [frag](#n)"
    );
    assert_eq!(
        html_to_markdown(r#"<a href="https://example.org/a_(b)">parens</a>"#),
        "[parens](https://example.org/a_%28b%29)"
    );
    for hostile in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java&#x09;script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "ftp://example.org/x",
    ] {
        let html = format!(r#"<a href="{hostile}">click</a>"#);
        assert_eq!(html_to_markdown(&html), "click", "{hostile}");
    }
    assert_eq!(
        html_to_markdown(r#"<a href="https://x.org"></a>"#),
        "",
        "no text, no link"
    );
    assert_eq!(html_to_markdown(r#"<a>no href</a>"#), "no href");
    assert_eq!(
        html_to_markdown(r#"<a href="https://a.org">one <a href="https://b.org">two</a>"#),
        "[one](https://a.org) [two](https://b.org)",
        "links do not nest"
    );
}

#[test]
fn html_to_markdown_drops_what_it_must() {
    assert_eq!(
        html_to_markdown(
            "<p>a<script>alert('<p>x</p>')</script>b</p><style>.x{}</style>\
             <iframe src=\"https://evil.example\">fallback</iframe><img src=x onerror=alert(1)>c"
        ),
        "ab\n\nc"
    );
    assert_eq!(
        html_to_markdown("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
        "a b\n\nc"
    );
}

#[test]
fn html_to_markdown_escapes_text() {
    // Text that looks like markup stays text.
    assert_eq!(
        html_to_markdown("&lt;b&gt;bold&lt;/b&gt;"),
        "\\<b>bold\\</b>"
    );
    assert_eq!(
        html_to_markdown("[x](javascript:alert(1)) *a* _b_ `c` ~d~ \\"),
        "\\[x\\](javascript:alert(1)) \\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\\\"
    );
    assert_eq!(html_to_markdown("&amp;amp; AT&amp;T"), "\\&amp; AT\\&T");
    assert_eq!(
        html_to_markdown("<p># not a heading</p>"),
        "\\# not a heading"
    );
    assert_eq!(html_to_markdown("<p>- not a list</p>"), "\\- not a list");
    assert_eq!(
        html_to_markdown("<p>&gt; not a quote</p>"),
        "\\> not a quote"
    );
    assert_eq!(html_to_markdown("<p>1984. A year</p>"), "1984\\. A year");
    assert_eq!(html_to_markdown("<li>- nested?</li>"), "- \\- nested?");

    // And the renderer reads it back as the same text.
    for (html, text) in [
        ("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("&amp;amp; *a* 1. b", "&amp; *a* 1. b"),
        ("# - &gt; ~x~", "# - > ~x~"),
    ] {
        let blocks = parse_markdown(&html_to_markdown(html));
        assert_eq!(
            blocks.into_iter().map(merge_text).collect::<Vec<_>>(),
            vec![Block::Paragraph(vec![Inline::Text(text.to_owned())])],
            "{html}"
        );
    }
}

/// Joins adjacent text inlines (the Markdown parser splits text at escapes).
fn merge_text(block: Block) -> Block {
    match block {
        Block::Paragraph(inlines) => {
            let mut merged: Vec<Inline> = Vec::new();
            for inline in inlines {
                match (merged.last_mut(), inline) {
                    (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
                    (_, inline) => merged.push(inline),
                }
            }
            Block::Paragraph(merged)
        }
        other => other,
    }
}

#[test]
fn html_to_markdown_survives_malformed_html() {
    assert_eq!(html_to_markdown("a < b <3 c"), "a \\< b \\<3 c");
    assert_eq!(html_to_markdown("<p>unclosed <em>em"), "unclosed *em*");
    assert_eq!(
        html_to_markdown("text <a href=\"https://x.org\"cut"),
        "text"
    );
    assert_eq!(
        html_to_markdown(r#"<a href="https://x.org/?q=a>b" title='>'>quoted</a>"#),
        "[quoted](https://x.org/?q=a%3Eb)"
    );
    assert_eq!(html_to_markdown("</li></ul></blockquote>after"), "after");
    assert_eq!(html_to_markdown("<<p>>x"), "\\<\n\n\\>x");
    let deep = "<b><i>".repeat(10_000) + "deep";
    assert!(html_to_markdown(&deep).contains("deep"));
    let quotes = "<blockquote>".repeat(1_000) + "<p>q</p>";
    assert_eq!(html_to_markdown(&quotes), format!("{}q", "> ".repeat(8)));
    // Hostile input stays linear: these would take minutes if it were not.
    let started = std::time::Instant::now();
    for hostile in [
        "<b>".repeat(50_000) + &"</a>".repeat(50_000),
        "</a ".repeat(50_000),
        "<a href='x' ".repeat(50_000),
        "<blockquote>".repeat(50_000) + &"<p>x</p>".repeat(50_000),
    ] {
        let _ = html_to_markdown(&hostile);
        let _ = html_to_text(&hostile);
    }
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    let comments = "<!---->".repeat(100_000) + "end";
    assert_eq!(html_to_markdown(&comments), "end");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn html_conversion_never_panics(html in "[<>/!\\-=\"' a-zA-Z&#;x0-9\\[\\]*_é]{0,80}") {
        let text = html_to_text(&html);
        prop_assert_eq!(text.trim(), text.as_str());
        let markdown = html_to_markdown(&html);
        // Whatever came in, nothing but safe links come out.
        for address in addresses(&parse_markdown(&markdown)) {
            prop_assert!(address.starts_with("https:") || address.starts_with("http:")
                || address.starts_with("mailto:") || !address.contains(':'), "{}", address);
        }
    }

    #[test]
    fn html_conversion_of_tag_soup(parts in prop::collection::vec(prop::sample::select(vec![
        "<p>", "</p>", "<b>", "</b>", "<i>", "</em>", "<a href=\"https://x.org\">", "<a href='javascript:x'>",
        "</a>", "<li>", "</ul>", "<ol>", "<blockquote>", "</blockquote>", "<br>", "<h2>", "</h3>",
        "<script>", "</script>", "<!--", "-->", "text", " ", "&amp;", "&#", "<", ">", "\"", "Заява",
    ]), 0..40)) {
        let html = parts.concat();
        let _ = html_to_text(&html);
        let markdown = html_to_markdown(&html);
        prop_assert!(!markdown.contains("javascript"), "{}", markdown);
    }
}

// ---------------------------------------------------------------------------------------------
// No unsafe address survives any conversion

#[test]
fn no_converted_address_is_javascript_or_data() {
    let hostile_feed = feed(
        r#"
        { "id": "a", "title": "A", "date_published": "2022-01-01", "url": "javascript:alert(1)" },
        { "id": "b", "title": "B", "date_published": "2022-01-01", "external_url": " data:text/html,x" },
        { "id": "c", "title": "C", "date_published": "2022-01-01",
          "content_html": "<a href=\"javascript:alert(1)\">x</a><a href=\"DATA:text/html,x\">y</a><a href=\"https://ok.example\">ok</a>" },
        { "id": "d", "title": "D", "date_published": "2022-01-01", "banner_image": "javascript:alert(1)" }
        "#,
    );
    let hostile_timeline = r#"{ "events": [
        { "start_date": { "year": 2020 }, "text": { "headline": "A", "text": "<a href='javascript:alert(1)'>x</a>" },
          "media": { "url": "javascript:alert(1)" } },
        { "start_date": { "year": 2020 }, "text": { "headline": "B" }, "media": { "url": "data:image/png;base64,AAAA.png" } } ] }"#;
    let hostile_wordpress = r#"[ { "slug": "a", "date_gmt": "2022-01-01T00:00:00",
        "title": { "rendered": "A" }, "link": "vbscript:x",
        "content": { "rendered": "<a href=\"javascript:alert(1)\">x</a>" } },
        { "slug": "b", "date_gmt": "2022-01-01T00:00:00", "title": { "rendered": "B" },
        "content": { "rendered": "<a href=\" javascript:alert(1)\">x</a>" } } ]"#;
    let mut kept = 0;
    for text in [
        JSON_FEED,
        WORDPRESS,
        TIMELINE,
        hostile_feed.as_str(),
        hostile_timeline,
        hostile_wordpress,
    ] {
        let (_, loaded) = read_any(text).unwrap();
        for r in &loaded.dataset.releases {
            kept += 1;
            let mut all: Vec<String> = Vec::new();
            all.extend(r.url.as_ref().map(ToString::to_string));
            all.extend(
                r.image
                    .as_ref()
                    .and_then(|i| i.src.as_ref())
                    .map(ToString::to_string),
            );
            all.extend(addresses(&parse_markdown(r.body.as_deref().unwrap_or(""))));
            for address in all {
                let lower = address.trim().to_ascii_lowercase();
                assert!(
                    lower.starts_with("http:")
                        || lower.starts_with("https:")
                        || lower.starts_with("mailto:")
                        || lower.starts_with('/')
                        || !lower.contains(':'),
                    "{address} kept in {}",
                    r.id
                );
            }
            if let Some(body) = &r.body {
                assert!(
                    !body.to_ascii_lowercase().contains("javascript:alert(1))"),
                    "{body}"
                );
            }
        }
        for problem in &loaded.problems {
            // Hostile addresses are reported, never silently kept (and a picture kept without
            // its alternative text is said to be).
            assert!(
                matches!(
                    problem.kind,
                    ProblemKind::UnsafeUrl { .. } | ProblemKind::MissingRecommended { .. }
                ),
                "{problem}"
            );
        }
    }
    assert!(kept >= 13 + 3, "the harmless records are kept ({kept})");
}

#[test]
fn rss_and_atom_feeds_are_read_like_the_other_formats() {
    let rss = include_str!("../../../tests/fixtures/formats/rss.xml");
    let atom = include_str!("../../../tests/fixtures/formats/atom.xml");
    let (format, loaded) = pressline_core::formats::read_any(rss).unwrap();
    assert_eq!(format, SourceFormat::Rss);
    assert_eq!(format.label(), "RSS 2.0 feed");
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["detained-journalists", "energy-report", "mariupol-theatre"]
    );
    // The fourth item's date cannot be read: reported, not lost.
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].field, "date");
    let first = &loaded.dataset.releases[0];
    assert_eq!(first.kind, "Press Release");
    assert!(
        !first.body.as_deref().unwrap_or("").contains("alert"),
        "no script survives"
    );
    assert_eq!(loaded.dataset.title, "Rights Watch — Newsroom");

    let (format, loaded) = pressline_core::formats::read_any(atom).unwrap();
    assert_eq!(format, SourceFormat::Atom);
    assert_eq!(loaded.dataset.releases.len(), 3);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let summary = loaded.dataset.releases[0].summary.as_deref().unwrap_or("");
    assert!(
        summary.contains("screened") && !summary.contains("javascript"),
        "{summary}"
    );

    // Anything else that is not JSON is still "not valid JSON".
    let error = pressline_core::formats::read_any("<html><body>hi</body></html>").unwrap_err();
    assert_eq!(error.kind, pressline_core::FormatErrorKind::NotJson);
}

#[test]
fn a_single_wordpress_post_is_read_as_a_list_of_one() {
    let posts: serde_json::Value = serde_json::from_str(WORDPRESS).unwrap();
    let first = posts.as_array().unwrap()[0].clone();
    let one = first.to_string();
    assert_eq!(detect(&first), Some(SourceFormat::WordPress));
    let (format, loaded) = pressline_core::formats::read_any(&one).unwrap();
    assert_eq!(format, SourceFormat::WordPress);
    let (_, all) = pressline_core::formats::read_any(WORDPRESS).unwrap();
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert_eq!(loaded.dataset.releases[0], all.dataset.releases[0]);
    // An object that is no post is still nothing Pressline reads.
    assert_eq!(detect(&serde_json::json!({"slug": "x"})), None);
}

#[test]
fn a_json_feed_without_ids_and_with_rfc_2822_dates_keeps_every_item() {
    let text = r#"{ "version": "https://jsonfeed.org/version/1", "title": "Blog",
        "items": [
            { "url": "https://example.org/posts/first", "title": "First",
              "date_published": "Fri, 31 May 2019 12:17:58 -0700", "content_text": "One." },
            { "url": "https://example.org/posts/second", "title": "Second",
              "date_published": "Sat, 1 Jun 2019 08:00:00 GMT", "content_text": "Two." },
            { "url": "https://example.org/posts/third", "title": "Third",
              "date_published": "2019-06-02T10:00:00Z", "content_text": "Three." } ] }"#;
    let (format, loaded) = pressline_core::formats::read_any(text).unwrap();
    assert_eq!(format, SourceFormat::JsonFeed);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["first", "second", "third"]);
    assert_eq!(
        loaded.dataset.releases[0].date.to_iso(),
        "2019-05-31T12:17:58-07:00"
    );
}

#[test]
fn timelinejs_older_files_are_read_with_their_date_keys() {
    // TimelineJS 2: a `timeline` object, events under `date`, dates as "year,month,day[,h,m,s]".
    let version_2 = r#"{ "timeline": { "headline": "Campaign <b>history</b>", "type": "default",
        "text": "<p>Ten years</p>", "startDate": "2012",
        "date": [
          { "startDate": "2012,1,26", "endDate": "2012,1,27", "headline": "Launch",
            "text": "<p>Day one</p>", "tag": "Milestone",
            "asset": { "media": "https://example.org/launch.jpg", "credit": "Example Trust",
                       "caption": "The first march" } },
          { "startDate": "2013,6,1,14,30,0", "headline": "Second" },
          { "startDate": "-541000000,1,1", "headline": "Cambrian" },
          { "startDate": "soon", "headline": "Undated" },
          { "headline": "No start" }
        ] } }"#;
    let loaded = read(version_2, SourceFormat::TimelineJs);
    assert_eq!(loaded.dataset.title, "Campaign history");
    assert_eq!(loaded.dataset.description.as_deref(), Some("Ten years"));
    assert_eq!(ids(&loaded), vec!["launch", "second"]);
    let launch = &loaded.dataset.releases[0];
    assert_eq!(launch.date, date("2012-01-26"));
    assert_eq!(launch.kind, "Milestone", "the tag is the group");
    let image = launch.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://example.org/launch.jpg"
    );
    assert_eq!(image.credit.as_deref(), Some("Example Trust"));
    assert_eq!(image.alt.as_deref(), Some("The first march"));
    assert_eq!(
        loaded.dataset.releases[1].date,
        date("2013-06-01T14:30:00Z")
    );
    let reasons: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(
        reasons[0].contains("the year -541000000 is outside the dates a press timeline can show"),
        "{reasons:#?}"
    );
    assert!(
        reasons[1].contains("unparseable date \"soon\""),
        "{reasons:#?}"
    );
    assert!(reasons[2].contains("field `date`: missing"), "{reasons:#?}");

    // TimelineJS 3 events that name their start `date`, as an object or as text.
    let older_key = r#"{ "events": [
        { "date": { "year": 2020, "month": 5, "day": 4 }, "text": { "headline": "Object" } },
        { "date": "2021,7,9", "text": { "headline": "Commas" } },
        { "date": "2022-03-22T10:00:00+02:00", "text": { "headline": "Moment" } },
        { "start_date": { "year": 2019 }, "date": "2000", "text": { "headline": "Both" } }
    ] }"#;
    let loaded = read(older_key, SourceFormat::TimelineJs);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let dates: Vec<ReleaseDate> = loaded.dataset.releases.iter().map(|r| r.date).collect();
    assert_eq!(
        dates,
        [
            date("2020-05-04"),
            date("2021-07-09"),
            date("2022-03-22T10:00:00+02:00"),
            date("2019-01-01")
        ],
        "start_date wins over date when both are given"
    );
}
