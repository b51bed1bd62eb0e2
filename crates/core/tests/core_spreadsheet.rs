//! Native tests of the spreadsheet reader (CSV and TSV): the TimelineJS Google Sheet template
//! and Pressline's own, every mapped field, the CSV details spreadsheets write (quotes, line
//! breaks inside cells, CRLF, a byte order mark, ragged and blank rows, `;` and tab
//! separators), detection by the header row, and that every data row ends up either a release
//! or a reported problem.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::export::to_csv;
use pressline_core::formats::{
    looks_like_spreadsheet, read_any, start_reading, Reading, SourceFormat, SpreadsheetKind,
};
use pressline_core::{FormatErrorKind, LoadedDataset, ProblemKind};
use proptest::prelude::*;
use serde_json::{json, Value};

const TIMELINE_SHEET: &str = include_str!("../../../tests/fixtures/formats/timelinejs-sheet.csv");
const PRESSLINE_SHEET: &str = include_str!("../../../tests/fixtures/formats/pressline-sheet.csv");
const PRESSLINE_TSV: &str = include_str!("../../../tests/fixtures/formats/pressline-sheet.tsv");
const TIMELINE_TEMPLATE: &str = include_str!("../../../docs/templates/timelinejs-template.csv");
const PRESSLINE_TEMPLATE: &str = include_str!("../../../docs/templates/pressline-template.csv");

const TIMELINE_HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,\
    Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";
const PRESSLINE_HEADER: &str = "id,kind,date,title,summary,body,people,topics,places,image,\
    image_alt,image_credit,url,lang";

fn read(text: &str, expected: SourceFormat) -> LoadedDataset {
    let (format, loaded) = read_any(text).expect("a readable spreadsheet");
    assert_eq!(format, expected);
    loaded
}

/// Every release as JSON, for exact comparison of every mapped field.
fn releases(loaded: &LoadedDataset) -> Vec<Value> {
    loaded
        .dataset
        .releases
        .iter()
        .map(|release| serde_json::to_value(release).unwrap())
        .collect()
}

/// The problems as (record index, field, kind).
fn problems(loaded: &LoadedDataset) -> Vec<(Option<usize>, &str, &ProblemKind)> {
    loaded
        .problems
        .iter()
        .map(|p| {
            (
                p.record.as_ref().map(|r| r.index),
                p.field.as_str(),
                &p.kind,
            )
        })
        .collect()
}

/// Every data row is a release or a skipped record: none vanish.
fn assert_all_accounted(loaded: &LoadedDataset, rows: usize) {
    assert_eq!(
        loaded.dataset.releases.len() + loaded.skipped_record_count(),
        rows,
        "{:#?}",
        loaded.problems
    );
}

// ---------------------------------------------------------------------------------------------
// The TimelineJS template

#[test]
fn timelinejs_sheet_rows_become_releases() {
    let loaded = read(TIMELINE_SHEET, SourceFormat::TimelineJsSheet);
    // The title row gives the dataset's title and description, as text.
    assert_eq!(loaded.dataset.title, "Clean Rivers Campaign: ten years");
    assert_eq!(
        loaded.dataset.description.as_deref(),
        Some("Milestones of the Clean Rivers campaign, 2014–2023.")
    );
    assert_eq!(
        releases(&loaded),
        vec![
            // Year only: January 1st.
            json!({
                "id": "campaign-launched", "kind": "Milestone", "date": "2014-01-01",
                "title": "Campaign launched",
                "summary": "The campaign starts with three river partners.",
                "body": "The campaign starts with three river partners."
            }),
            // Year and month; HTML in Text made text and Markdown, its script dropped; an
            // image with its credit (label removed) and its caption as the alt text.
            json!({
                "id": "first-river-report", "kind": "Report", "date": "2016-03-01",
                "title": "First river report",
                "summary": "Our first report finds two in five samples polluted.",
                "body": "Our first report finds *two in five* samples polluted.",
                "image": {
                    "src": "https://example.org/img/report-cover.jpg",
                    "alt": "The report’s cover",
                    "credit": "Example River Trust"
                }
            }),
            // A full date with a time (UTC, as TimelineJS's); a CRLF inside the quoted Text; a
            // YouTube address is the source link.
            json!({
                "id": "statement-on-the-spill", "kind": "Statement",
                "date": "2019-06-05T14:30:00+00:00", "title": "Statement on the spill",
                "summary": "Line one of the statement. Line two, after a line break.",
                "body": "Line one of the statement.\n\nLine two, after a line break.",
                "url": "https://www.youtube.com/watch?v=abc123XYZ"
            }),
            // No headline: the title is the start of the text.
            json!({
                "id": "volunteers-cleaned-40-km-of-riverbank-in-one-weekend-a-record-for-the-campaign.",
                "kind": "Event", "date": "2021-11-02",
                "title": "Volunteers cleaned 40 km of riverbank in one weekend, a record for the campaign.",
                "summary": "Volunteers cleaned 40 km of riverbank in one weekend, a record for the campaign.",
                "body": "Volunteers cleaned 40 km of riverbank in one weekend, a record for the campaign."
            }),
            // "2,022" is 2022 (as TimelineJS reads it); 9:05 AM.
            json!({
                "id": "annual-report-2021", "kind": "Report",
                "date": "2022-01-15T09:05:00+00:00", "title": "Annual report 2021",
                "summary": "Read the annual report.",
                "body": "Read the [annual report](https://example.org/annual-2021)."
            }),
            // A ragged row of ten cells.
            json!({
                "id": "short-row", "kind": "Event", "date": "2023-04-01", "title": "Short row"
            }),
        ]
    );
    // The Cambrian event is the fourth release row (the title and era rows are not records).
    assert_eq!(
        problems(&loaded),
        vec![(
            Some(3),
            "date",
            &ProblemKind::UnparseableDate {
                value: "-541000000-01-01".to_owned()
            }
        )]
    );
    assert!(loaded.problems[0]
        .to_string()
        .contains("outside the dates a press timeline can show"));
    assert_eq!(
        loaded.problems[0].record.as_ref().unwrap().id.as_deref(),
        Some("cambrian-explosion")
    );
    // Eleven rows under the header: a title, an era, seven events, two blank.
    assert_all_accounted(&loaded, 7);
}

#[test]
fn timelinejs_sheet_title_era_type_and_group() {
    let sheet = "year,headline,type,tag,group\n\
                 ,First title,Title,,\n\
                 2020,An era,ERA,,\n\
                 2021,Second title,title,,\n\
                 2022,Tagged,,Old tag,\n\
                 2023,Grouped,,Old tag,New group\n";
    let loaded = read(sheet, SourceFormat::TimelineJsSheet);
    assert_eq!(loaded.dataset.title, "First title");
    let kinds: Vec<(&str, &str)> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| (r.title.as_str(), r.kind.as_str()))
        .collect();
    // A second title row is an event, as TimelineJS shows it.
    assert_eq!(
        kinds,
        [
            ("Second title", "Event"),
            ("Tagged", "Old tag"),
            ("Grouped", "New group")
        ]
    );
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
}

#[test]
fn timelinejs_sheet_dates_and_times() {
    let sheet = "Year,Month,Day,Time,Headline\n\
                 2022,2,24,05:30:15,Seconds\n\
                 2022,2,24,0530,No separator\n\
                 2022,2,24,2:05 p.m.,Afternoon\n\
                 2022,2,24,noon,Words\n\
                 ,3,1,,No year\n\
                 2022,13,1,,Month 13\n\
                 2022,x,1,,Month x\n\
                 10000,1,1,,Far future\n";
    let loaded = read(sheet, SourceFormat::TimelineJsSheet);
    let dates: Vec<(String, String)> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| (r.title.clone(), r.date.to_iso()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Seconds".to_owned(), "2022-02-24T05:30:15+00:00".to_owned()),
            (
                "No separator".to_owned(),
                "2022-02-24T05:30:00+00:00".to_owned()
            ),
            (
                "Afternoon".to_owned(),
                "2022-02-24T14:05:00+00:00".to_owned()
            ),
        ]
    );
    let unparseable = |value: &str| ProblemKind::UnparseableDate {
        value: value.to_owned(),
    };
    assert_eq!(
        problems(&loaded),
        vec![
            // A time that is not one is passed on as written, and reported.
            (Some(3), "date", &unparseable("2022-02-24Tnoon:00:00Z")),
            (Some(4), "date", &ProblemKind::Missing),
            (Some(5), "date", &unparseable("2022-13-01")),
            (Some(6), "date", &unparseable("2022-x-01")),
            (Some(7), "date", &unparseable("10000-01-01")),
        ]
    );
    assert_all_accounted(&loaded, 8);
}

// ---------------------------------------------------------------------------------------------
// The Pressline template

#[test]
fn pressline_sheet_rows_become_releases() {
    let loaded = read(PRESSLINE_SHEET, SourceFormat::PresslineSheet);
    assert_eq!(loaded.dataset.title, "Press releases");
    let all = releases(&loaded);
    // Every column; quotes and commas inside cells; `|` lists, an empty item dropped.
    assert_eq!(
        all[0],
        json!({
            "id": "rivers-report-2022", "kind": "Report", "date": "2022-03-22",
            "title": "Rivers report 2022: \"the worst year\" on record",
            "summary": "Samples from 120 sites, in 14 regions, over 12 months.",
            "body": "## Findings\n\nTwo in five samples were **polluted**.\n\n- Nitrates, phosphates\n- Plastics",
            "people": [
                { "name": "Jane Doe", "role": "Press officer" },
                { "name": "John Roe", "role": "Head of research, Example River Trust" }
            ],
            "image": {
                "src": "https://example.org/img/rivers-2022.jpg",
                "alt": "A river at dawn",
                "credit": "Example River Trust"
            },
            "topics": ["Water quality", "Pollution"],
            "places": ["Vale, Northern region", "River Vale"],
            "url": "https://example.org/press/rivers-report-2022",
            "lang": "en"
        })
    );
    // No id: the title's slug, kept clear of the id a later row writes ("volunteer-day");
    // `;` lists; a person without a role; a date-time with its offset.
    assert_eq!(
        all[1],
        json!({
            "id": "volunteer-day-2", "kind": "Statement", "date": "2022-06-01T09:30:00+02:00",
            "title": "Volunteer Day", "summary": "Statement on the volunteer day.",
            "people": [{ "name": "Jane Doe", "role": "Press officer" }, { "name": "John Roe" }],
            "topics": ["Volunteering", "Rivers"],
            "places": ["Capital City"],
            "url": "https://example.org/press/volunteer-day-statement"
        })
    );
    let last = all.last().unwrap();
    assert_eq!(
        last,
        &json!({ "id": "minimum", "kind": "News", "date": "2023-01-05", "title": "Minimum row" })
    );
    assert_eq!(
        problems(&loaded),
        vec![
            (Some(2), "id", &ProblemKind::DuplicateId { first_index: 0 }),
            (
                Some(3),
                "url",
                &ProblemKind::UnsafeUrl {
                    value: "javascript:alert(1)".to_owned()
                }
            ),
            (
                Some(4),
                "date",
                &ProblemKind::UnparseableDate {
                    value: "10/11/2022".to_owned()
                }
            ),
            // A present `kind` column's empty cell is reported, not defaulted.
            (Some(5), "kind", &ProblemKind::Empty),
        ]
    );
    assert_eq!(
        loaded.problems[3].record.as_ref().unwrap().id.as_deref(),
        Some("year-in-review")
    );
    // Never a `javascript:` link, whether its release is kept without it or skipped.
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| *id != "volunteer-day")
        .collect();
    assert_eq!(ids, ["rivers-report-2022", "volunteer-day-2", "minimum"]);
    if let Some(release) = loaded.dataset.release("volunteer-day") {
        assert!(release.url.is_none());
    }
    assert_all_accounted(&loaded, 7);
}

#[test]
fn tsv_in_other_case_and_order() {
    let loaded = read(PRESSLINE_TSV, SourceFormat::PresslineSheet);
    assert_eq!(
        releases(&loaded),
        vec![
            json!({
                "id": "rivers-report-2022", "kind": "Report", "date": "2022-03-22",
                "title": "Rivers report 2022",
                "people": [{ "name": "Jane Doe", "role": "Press officer" }],
                "topics": ["Water quality", "Pollution"],
                "places": ["River Vale"],
                "url": "https://example.org/press/rivers-report-2022"
            }),
            // A quoted cell holds tabs and doubled quotes; the empty id is derived.
            json!({
                "id": "tabs-and-quotes", "kind": "Statement", "date": "2022-06-01",
                "title": "Tabs\tand \"quotes\"",
                "topics": ["Volunteering", "Rivers"]
            }),
        ]
    );
    assert_eq!(
        problems(&loaded),
        vec![(Some(2), "date", &ProblemKind::Empty)]
    );
    assert_all_accounted(&loaded, 3);
}

#[test]
fn without_a_kind_column_the_kind_is_news() {
    let loaded = read(
        "Title,Date\nOne,2022-01-01\nTwo,2022-01-02\n",
        SourceFormat::PresslineSheet,
    );
    assert_eq!(
        releases(&loaded),
        vec![
            json!({ "id": "one", "kind": "News", "date": "2022-01-01", "title": "One" }),
            json!({ "id": "two", "kind": "News", "date": "2022-01-02", "title": "Two" }),
        ]
    );
}

#[test]
fn ids_from_titles_are_unique_and_fall_back() {
    let loaded = read(
        "title,date\nSame,2022-01-01\nSame,2022-01-02\nЗаява,2022-01-03\n,2022-01-04\n",
        SourceFormat::PresslineSheet,
    );
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["same", "same-2", "release"]);
    // The last row has an id but no title: reported, with its id.
    assert_eq!(
        problems(&loaded),
        vec![(Some(3), "title", &ProblemKind::Empty)]
    );
    assert_eq!(
        loaded.problems[0].record.as_ref().unwrap().id.as_deref(),
        Some("release-2")
    );
}

#[test]
fn people_lists_and_roles() {
    let sheet = "title,date,people,topics,places\n\
                 A,2022-01-01,\"Jane Doe (Director (Europe)) | (Spokesperson)\",\" | a ; b | \",x;y;;z\n";
    let loaded = read(sheet, SourceFormat::PresslineSheet);
    let release = &loaded.dataset.releases[0];
    assert_eq!(release.people.len(), 1);
    assert_eq!(release.people[0].name, "Jane Doe");
    assert_eq!(release.people[0].role.as_deref(), Some("Director (Europe)"));
    // `|` wins: `;` is then part of the item.
    assert_eq!(release.topics, ["a ; b"]);
    assert_eq!(release.places, ["x", "y", "z"]);
    // A person without a name is passed on, and validation reports it.
    assert_eq!(
        problems(&loaded),
        vec![(Some(0), "people[1].name", &ProblemKind::Empty)]
    );
}

#[test]
fn pressline_csv_downloads_read_back() {
    let loaded = read(PRESSLINE_SHEET, SourceFormat::PresslineSheet);
    let ids: Vec<u32> = (0..loaded.dataset.releases.len() as u32).collect();
    let mut dataset = loaded.dataset.clone();
    // A title a spreadsheet would take for a formula: the download guards it with `'`.
    dataset.releases[0].title = "-5 degrees: rivers froze".to_owned();
    let download = to_csv(&dataset, &ids);
    assert!(download.contains(",'-5 degrees"), "{download}");
    let again = read(&download, SourceFormat::PresslineSheet);
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.dataset.releases.len(), dataset.releases.len());
    for (before, after) in dataset.releases.iter().zip(&again.dataset.releases) {
        // The download has no body, nor picture address or alt text.
        assert_eq!(after.id, before.id);
        assert_eq!(after.kind, before.kind);
        assert_eq!(after.date, before.date);
        assert_eq!(after.title, before.title);
        assert_eq!(after.summary, before.summary);
        assert_eq!(after.people, before.people);
        assert_eq!(after.topics, before.topics);
        assert_eq!(after.places, before.places);
        assert_eq!(after.url, before.url);
        assert_eq!(after.lang, before.lang);
        assert_eq!(
            after.image.as_ref().and_then(|i| i.credit.clone()),
            before.image.as_ref().and_then(|i| i.credit.clone())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// CSV details

#[test]
fn crlf_inside_quoted_cells_and_at_line_ends() {
    let lf = "title,date,body,summary\n\"Two\nlines\",2022-01-01,\"First\n\nSecond\",\"a\nb\"\n";
    let crlf = lf.replace('\n', "\r\n");
    let from_lf = read(lf, SourceFormat::PresslineSheet);
    let from_crlf = read(&crlf, SourceFormat::PresslineSheet);
    assert_eq!(from_lf, from_crlf);
    let release = &from_crlf.dataset.releases[0];
    // Line breaks in cells are `\n`, whatever the file used.
    assert_eq!(release.title, "Two\nlines");
    assert_eq!(release.body.as_deref(), Some("First\n\nSecond"));
    assert_eq!(release.summary.as_deref(), Some("a\nb"));
    // A lone CR (old Mac line ends) too.
    let cr = lf.replace('\n', "\r");
    assert_eq!(read(&cr, SourceFormat::PresslineSheet), from_lf);
}

#[test]
fn ragged_rows_have_empty_cells() {
    let sheet = "id,kind,date,title,url,lang\n\
                 short,News,2022-01-01,Short\n\
                 long,News,2022-01-02,Long,https://example.org/long,en,extra,cells\n\
                 cut,News\n";
    let loaded = read(sheet, SourceFormat::PresslineSheet);
    assert_eq!(
        releases(&loaded),
        vec![
            json!({ "id": "short", "kind": "News", "date": "2022-01-01", "title": "Short" }),
            json!({
                "id": "long", "kind": "News", "date": "2022-01-02", "title": "Long",
                "url": "https://example.org/long", "lang": "en"
            }),
        ]
    );
    assert_eq!(
        problems(&loaded),
        vec![
            (Some(2), "date", &ProblemKind::Empty),
            (Some(2), "title", &ProblemKind::Empty),
        ]
    );
    assert_all_accounted(&loaded, 3);
}

#[test]
fn semicolon_separated_as_excel_writes_it() {
    let sheet = "\u{feff}id;kind;date;title;topics;summary\r\n\
                 one;Report;2022-01-01;\"Rivers; lakes\";\"Water | Law\";\"1,5 million litres\"\r\n\
                 two;News;2022-01-02;Two;\"a;b\";\r\n";
    let loaded = read(sheet, SourceFormat::PresslineSheet);
    assert_eq!(
        releases(&loaded),
        vec![
            json!({
                "id": "one", "kind": "Report", "date": "2022-01-01", "title": "Rivers; lakes",
                "summary": "1,5 million litres", "topics": ["Water", "Law"]
            }),
            json!({
                "id": "two", "kind": "News", "date": "2022-01-02", "title": "Two",
                "topics": ["a", "b"]
            }),
        ]
    );
}

#[test]
fn blank_rows_are_not_records() {
    let sheet = "\n\ntitle,date\n,\n  ,  \nOne,2022-01-01\n\n,,,\nTwo,2022-01-02\n,\n\n\n";
    let loaded = read(sheet, SourceFormat::PresslineSheet);
    assert_eq!(loaded.dataset.releases.len(), 2);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let timeline = format!("{TIMELINE_HEADER}\r\n,,,,,,,,,,,,,,,,,\r\n2022,,,,,,,,,One,,,,,,,,\r\n,,,,,,,,,,,,,,,,,\r\n");
    let loaded = read(&timeline, SourceFormat::TimelineJsSheet);
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
}

#[test]
fn header_only_files_have_no_releases() {
    for (text, format) in [
        (TIMELINE_HEADER.to_owned(), SourceFormat::TimelineJsSheet),
        (
            format!("{TIMELINE_HEADER}\r\n"),
            SourceFormat::TimelineJsSheet,
        ),
        (
            format!("\u{feff}{PRESSLINE_HEADER}\n"),
            SourceFormat::PresslineSheet,
        ),
        ("title\tdate".to_owned(), SourceFormat::PresslineSheet),
    ] {
        let loaded = read(&text, format);
        assert!(loaded.dataset.releases.is_empty());
        assert!(loaded.problems.is_empty());
    }
}

#[test]
fn labels() {
    assert_eq!(
        SourceFormat::TimelineJsSheet.label(),
        "TimelineJS spreadsheet (CSV)"
    );
    assert_eq!(
        SourceFormat::PresslineSheet.label(),
        "Pressline spreadsheet (CSV)"
    );
    assert_eq!(
        SpreadsheetKind::TimelineJs.format(),
        SourceFormat::TimelineJsSheet
    );
    assert_eq!(
        SpreadsheetKind::Pressline.format(),
        SourceFormat::PresslineSheet
    );
}

// ---------------------------------------------------------------------------------------------
// Detection

#[test]
fn detection_by_the_header_row() {
    let timeline = Some(SpreadsheetKind::TimelineJs);
    let pressline = Some(SpreadsheetKind::Pressline);
    for (text, expected) in [
        (TIMELINE_SHEET, timeline),
        (PRESSLINE_SHEET, pressline),
        (PRESSLINE_TSV, pressline),
        (TIMELINE_TEMPLATE, timeline),
        (PRESSLINE_TEMPLATE, pressline),
        // Other case and order, spaces, quotes, `_` for spaces, a BOM, blank lines first.
        ("HEADLINE,text,YEAR\n", timeline),
        ("  \"Headline\" ; \"Year\"\n", timeline),
        ("\u{feff}\r\n\r\nmedia_credit\theadline\tyear", timeline),
        ("Date,Title\n", pressline),
        ("\"DATE\";\"TITLE\";\"Image Alt\"", pressline),
        ("lang\ttitle\tdate\n", pressline),
        ("\"ti\"\"tle\",date\n", None),
        // A quoted header cell holding the separator is one cell.
        ("\"title,date\",x\n", None),
        // Not spreadsheets of either template.
        ("title,when\n", None),
        ("year,title\n", None),
        ("Year,Headline,Title,Date\n", timeline),
        ("headline,title,date\n", None),
        ("title date\n", None),
        ("", None),
        ("\n\n", None),
        ("Hello, world. This is the title and the date.\n", None),
        ("{\"title\": \"A\", \"date\": \"2022-01-01\", \"releases\": []}", None),
        ("[\"title\",\"date\"]", None),
        ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title></channel></rss>", None),
    ] {
        assert_eq!(looks_like_spreadsheet(text), expected, "{text:?}");
    }
    for fixture in [
        include_str!("../../../tests/fixtures/formats/json-feed.json"),
        include_str!("../../../tests/fixtures/formats/timelinejs.json"),
        include_str!("../../../tests/fixtures/formats/wordpress-posts.json"),
        include_str!("../../../tests/fixtures/formats/rss.xml"),
        include_str!("../../../tests/fixtures/formats/atom.xml"),
        include_str!("../../../tests/fixtures/valid.json"),
        include_str!("../../../tests/fixtures/not-json.json"),
    ] {
        assert_eq!(looks_like_spreadsheet(fixture), None);
    }
    // A header row longer than 64 KiB is none.
    let long = format!("title,date,{}\n", "x".repeat(70_000));
    assert_eq!(looks_like_spreadsheet(&long), None);
}

#[test]
fn spreadsheets_are_read_as_other_formats_and_other_text_is_still_not_json() {
    assert!(matches!(
        start_reading(TIMELINE_SHEET),
        Ok(Reading::Other(error)) if error.kind == FormatErrorKind::NotJson
    ));
    assert!(matches!(
        start_reading(PRESSLINE_SHEET),
        Ok(Reading::Other(_))
    ));
    for text in ["just some words", "a\tb\n", "Hello, world\n"] {
        let error = read_any(text).expect_err("not a dataset");
        assert_eq!(error.kind, FormatErrorKind::NotJson, "{text:?}");
    }
    // A table of other columns is said to be one, with the columns each template needs.
    for text in ["title,when,who\nA,2022-01-01,B\n", "Name;Date;Place\n"] {
        let error = read_any(text).expect_err("not a dataset");
        assert_eq!(error.kind, FormatErrorKind::NotThisFormat, "{text:?}");
        assert!(
            error.to_string().contains("at least title and date")
                && error.to_string().contains("Year and Headline"),
            "{error}"
        );
    }
}

#[test]
fn the_templates_read_without_problems() {
    let loaded = read(TIMELINE_TEMPLATE, SourceFormat::TimelineJsSheet);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(!loaded.dataset.releases.is_empty());
    assert_ne!(loaded.dataset.title, "Press releases");
    let loaded = read(PRESSLINE_TEMPLATE, SourceFormat::PresslineSheet);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(!loaded.dataset.releases.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Never a panic

/// Reading never panics, and whatever it keeps is a usable release.
fn check(text: &str) -> Option<LoadedDataset> {
    let _ = looks_like_spreadsheet(text);
    let (_, loaded) = read_any(text).ok()?;
    for release in &loaded.dataset.releases {
        assert!(pressline_core::validate::is_url_safe_id(&release.id));
        assert!(!release.title.trim().is_empty());
    }
    Some(loaded)
}

/// A cell of a generated sheet: quotes, separators, line breaks, HTML, list marks, dates.
const CELL: &str = "(\"|,|;|\t|\r|\n|\\||\\(|\\)|<p>|</b>|&amp;|'=|-|2022|-03|-15|T10:00:00Z|:|title|date|x|é|\u{feff}| ){0,6}";

/// A cell without quotes, separators or line breaks, so the rows can be counted.
const PLAIN_CELL: &str = "[a-zA-Z0-9 ()|:.'=-]{0,8}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_after_either_header(
        timeline in any::<bool>(),
        rest in "(\\PC|\n|\r|\t|\"|,|;|\\|){0,300}",
    ) {
        let header = if timeline { TIMELINE_HEADER } else { PRESSLINE_HEADER };
        let text = format!("{header}\n{rest}");
        prop_assert!(looks_like_spreadsheet(&text).is_some());
        prop_assert!(check(&text).is_some());
    }

    #[test]
    fn never_panics_on_arbitrary_cells(
        timeline in any::<bool>(),
        separator in prop::sample::select(vec![",", "\t", ";"]),
        line_end in prop::sample::select(vec!["\n", "\r\n"]),
        rows in prop::collection::vec(prop::collection::vec(CELL, 0..20), 0..8),
    ) {
        let header = if timeline { TIMELINE_HEADER } else { PRESSLINE_HEADER };
        let mut text = header.replace(',', separator);
        for row in rows {
            text.push_str(line_end);
            text.push_str(&row.join(separator));
        }
        let _ = check(&text);
    }

    #[test]
    fn every_row_is_a_release_or_a_problem(
        timeline in any::<bool>(),
        rows in prop::collection::vec(prop::collection::vec(PLAIN_CELL, 0..20), 0..12),
    ) {
        let header = if timeline { TIMELINE_HEADER } else { PRESSLINE_HEADER };
        let type_column = TIMELINE_HEADER.split(',').position(|c| c == "Type").unwrap();
        let mut text = header.to_owned();
        let mut records = 0;
        for row in &rows {
            text.push('\n');
            text.push_str(&row.join(","));
            let blank = row.iter().all(|cell| cell.trim().is_empty());
            let row_type = row.get(type_column).map(|t| t.trim().to_lowercase());
            let not_event = timeline
                && matches!(row_type.as_deref(), Some("title" | "era"));
            if !blank && !not_event {
                records += 1;
            }
        }
        let loaded = check(&text).expect("a spreadsheet");
        // With a generated title row, the first one is the title slide: one event fewer.
        let title_rows = rows.iter().filter(|row| {
            timeline && row.get(type_column).map(|t| t.trim().to_lowercase()).as_deref() == Some("title")
        }).count();
        let records = records + title_rows.saturating_sub(1);
        prop_assert_eq!(
            loaded.dataset.releases.len() + loaded.skipped_record_count(),
            records
        );
    }
}
