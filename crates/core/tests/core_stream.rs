//! Native tests of the streaming dataset reader: for every fixture and every way of cutting its
//! bytes into chunks, streaming (then reading the kept text where the stream hands it back)
//! gives exactly what reading the whole text gives, and the stream holds no record's text
//! once that record is checked.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::formats::{read_any, read_encoded, SourceFormat};
use pressline_core::stream::{DatasetStream, StreamError, StreamOutcome};
use pressline_core::{FormatError, LoadedDataset};
use proptest::prelude::*;

type Read = Result<(SourceFormat, LoadedDataset), FormatError>;

/// What reading the whole body gives: the first invalid byte's offset when it is not UTF-8,
/// unless it is XML, which is read in the encoding it declares.
fn whole(bytes: &[u8]) -> Result<Read, usize> {
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok(read_any(&text)),
        Err(_) if bytes.starts_with(b"<") || bytes.starts_with(&[0xFF, 0xFE]) => {
            Ok(read_encoded(bytes))
        }
        Err(error) => Err(error.utf8_error().valid_up_to()),
    }
}

/// How the stream ended: read record by record, kept whole, or refused.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Route {
    Streamed,
    KeptWhole,
    Refused,
}

/// Streams `bytes` in chunks of the given sizes (repeated until the bytes run out), reading the
/// text the stream hands back as the web app does.
fn streamed(bytes: &[u8], sizes: &[usize]) -> (Result<Read, usize>, Route) {
    let mut stream = DatasetStream::new();
    let mut rest = bytes;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, after) = rest.split_at((*size).clamp(1, rest.len()));
        rest = after;
        if let Err(error) = stream.push(chunk) {
            let StreamError::NotText { offset } = error else {
                panic!("push fails only on bytes that are not text: {error:?}");
            };
            // Every later call says the same.
            assert_eq!(stream.push(b"{}"), Err(StreamError::NotText { offset }));
            assert_eq!(stream.finish(), Err(StreamError::NotText { offset }));
            return (Err(offset), Route::Refused);
        }
    }
    assert_eq!(stream.bytes_received(), bytes.len());
    match stream.finish() {
        Ok(StreamOutcome::Pressline(loaded)) => {
            (Ok(Ok((SourceFormat::Pressline, loaded))), Route::Streamed)
        }
        Ok(StreamOutcome::Whole(text)) => {
            assert_eq!(text.as_bytes(), bytes, "the kept text is the text");
            (Ok(read_any(&text)), Route::KeptWhole)
        }
        Ok(StreamOutcome::Encoded(kept)) => {
            assert_eq!(kept, bytes, "the kept bytes are the bytes");
            (Ok(read_encoded(&kept)), Route::KeptWhole)
        }
        Err(StreamError::Format(error)) => (Ok(Err(error)), Route::Streamed),
        Err(StreamError::NotText { offset }) => (Err(offset), Route::Refused),
    }
}

fn dataset(releases: &str) -> String {
    format!(
        "{{\n  \"pressline\": 1,\n  \"title\": \"News\",\n  \"releases\": [\n{releases}\n  ]\n}}\n"
    )
}

const GOOD: &str = r#"    { "id": "a", "kind": "Report", "date": "2022-06-29", "title": "One" }"#;
const GOOD_2: &str =
    r#"    { "id": "b", "kind": "Statement", "date": "2022-07-01", "title": "Two" }"#;

/// A valid dataset with every dataset-level field and releases with most fields.
fn valid() -> String {
    r#"{
  "pressline": 1,
  "lang": "en",
  "title": "Ukraine: news",
  "description": "Reports, \"quotes\" and a back\\slash",
  "organization": { "name": "Example", "url": "https://example.org", "press_email": "press@example.org" },
  "releases": [
    {
      "id": "first",
      "kind": "Press Release",
      "date": "2022-11-10",
      "title": "First \"quoted\" \\ title",
      "summary": "A summary with \\\" escapes \\\\ at odd places \u00e9",
      "body": "Line one\n\nLine two",
      "people": [ { "name": "Ann Example", "role": "Director" } ],
      "image": { "src": "https://example.org/a.jpg", "alt": "A picture", "credit": "Photo: Someone" },
      "topics": [ "war", "law" ],
      "places": [ "Kyiv" ],
      "url": "https://example.org/first",
      "lang": "en"
    },
    { "id": "second", "kind": "Report", "date": "2022-06-01", "title": "Second" },
    { "id": "third", "kind": "Statement", "date": "2022-01-02", "title": "Third", "topics": [] }
  ]
}
"#
    .to_owned()
}

/// The Atom fixture as UTF-16 (little-endian, with its byte order mark), as Windows tools write.
fn utf16_atom() -> Vec<u8> {
    let text = include_str!("../../../tests/fixtures/formats/atom.xml")
        .replacen("encoding=\"utf-8\"", "encoding=\"UTF-16\"", 1)
        .replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// Every fixture, named, with whether the stream must read it record by record.
fn fixtures() -> Vec<(&'static str, Vec<u8>, Route)> {
    let deep = format!(
        r#"    {{ "id": "deep", "kind": "Report", "date": "2022-01-01", "title": "Deep", "x": {}{} }}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    // Fine alone, too deep for the JSON parser inside a dataset's object and array.
    let deep_127 = format!(
        r#"    {{ "id": "d127", "kind": "Report", "date": "2022-01-01", "title": "Deep", "x": {}{} }}"#,
        "[".repeat(126),
        "]".repeat(126)
    );
    let many: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"id":"r{i}","kind":"Report","date":"2022-01-{:02}","title":"Record {i}"}}"#,
                i % 28 + 1
            )
        })
        .collect();
    let mut fixtures: Vec<(&'static str, Vec<u8>, Route)> = vec![
        ("valid", valid().into_bytes(), Route::Streamed),
        (
            "valid fixture file",
            include_bytes!("../../../tests/fixtures/valid.json").to_vec(),
            Route::Streamed,
        ),
        (
            "press kit fixture file",
            include_bytes!("../../../tests/fixtures/press-kit.json").to_vec(),
            Route::Streamed,
        ),
        (
            // Two versions in one language, one without any: the dataset's `lang`, which
            // decides, comes after the records.
            "translations checked against a language given after the records",
            br#"{"pressline": 1, "releases": [
                {"id": "a", "kind": "R", "date": "2024-01-01", "title": "A", "translation_key": "k"},
                {"id": "b", "kind": "R", "date": "soon", "title": "B", "translation_key": "k"},
                {"id": "c", "kind": "R", "date": "2024-01-02", "title": "C", "translation_key": "k",
                 "image": {"src": "c.jpg"}},
                {"id": "d", "kind": "R", "date": "2024-01-03", "title": "D", "lang": "EN",
                 "translation_key": "k", "contacts": [{"role": "no name"}]}
            ], "lang": "en", "contacts": [{"name": "Press", "phone": "call us"}]}"#
                .to_vec(),
            Route::Streamed,
        ),
        (
            "broken records fixture file",
            include_bytes!("../../../tests/fixtures/broken-records.json").to_vec(),
            Route::Streamed,
        ),
        (
            "broken JSON records fixture file",
            include_bytes!("../../../tests/fixtures/broken-json-records.json").to_vec(),
            Route::Streamed,
        ),
        (
            "hostile body fixture file",
            include_bytes!("../../../tests/fixtures/hostile-body.json").to_vec(),
            Route::Streamed,
        ),
        (
            "bundled dataset",
            include_bytes!("../../../public/data/releases.json").to_vec(),
            Route::Streamed,
        ),
        ("many on one line", dataset(&many.join(",")).into_bytes(), Route::Streamed),
        (
            "problems",
            dataset(&[
                GOOD,
                r#"    { "id": "bad-date", "kind": "Report", "date": "June", "title": "Bad date" }"#,
                r#"    { "id": "a", "kind": "Report", "date": "2022-01-01", "title": "Duplicate" }"#,
                r#"    { "id": "untitled", "kind": "Report", "date": "2022-01-01" }"#,
                r#"    { "id": "unsafe", "kind": "Report", "date": "2022-01-01", "title": "Unsafe", "url": "javascript:alert(1)" }"#,
                r#"    { "id": "bad id!", "kind": "Report", "date": "2022-01-01", "title": "x", "lang": "not a tag" }"#,
                r#"    "a string", 12, null, [1, 2]"#,
                GOOD_2,
            ]
            .join(",\n"))
            .into_bytes(),
            Route::Streamed,
        ),
        (
            "lone surrogate",
            dataset(&[GOOD, r#"    { "id": "s", "kind": "Report", "date": "2022-01-01", "title": "\ud800" }"#, GOOD_2].join(",\n")).into_bytes(),
            Route::Streamed,
        ),
        ("nested 10,000 deep", dataset(&[GOOD, &deep, GOOD_2].join(",\n")).into_bytes(), Route::Streamed),
        ("nested 127 deep", dataset(&[GOOD, &deep_127, GOOD_2].join(",\n")).into_bytes(), Route::Streamed),
        (
            "nested 127 deep, then a wrong title type after the records",
            format!(
                "{{ \"pressline\": 1, \"releases\": [\n{GOOD},\n{deep_127}\n], \"title\": 5 }}"
            )
            .into_bytes(),
            Route::Streamed,
        ),
        (
            "stray control character",
            dataset(&[GOOD, "    { \"id\": \"c\", \"kind\": \"Report\", \"date\": \"2022-01-01\", \"title\": \"a\u{1}b\" }", GOOD_2].join(",\n")).into_bytes(),
            Route::Streamed,
        ),
        (
            "multi-byte text, and broken records after it on the same line",
            dataset(concat!(
                r#"    { "id": "uk", "kind": "Заява", "date": "2022-03-01", "title": "Київ — «новини» 🇺🇦" }, "#,
                r#"{ "id": "ar", "kind": "تقرير", "date": "2022-03-02", "title": "بيان صحفي 😀" }, "#,
                r#"{ "id": "bad", "title": "😀😀" "kind": 1 }, { "id": "s", "title": "\udc00" }"#
            ))
            .into_bytes(),
            Route::Streamed,
        ),
        (
            "CRLF line endings",
            dataset(&[GOOD, r#"    { "id": "s", "title": "\ud800" }"#, GOOD_2].join(",\n"))
                .replace('\n', "\r\n")
                .into_bytes(),
            Route::Streamed,
        ),
        (
            "escapes at every edge",
            dataset(r#"    { "id": "e", "kind": "Report", "date": "2022-01-01", "title": "\"\\\"\\\\\"\\", "summary": "\\\\\\\"\u0041\/" }"#)
                .into_bytes(),
            Route::Streamed,
        ),
        (
            "broken dataset title in the head",
            format!("{{ \"pressline\": 1, \"title\": \"\\ud800\", \"releases\": [\n{GOOD}\n] }}").into_bytes(),
            Route::KeptWhole,
        ),
        (
            "broken dataset title after the records, on the line of their end",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD},\n    {{ \"id\": \"é\" }}, \"Київ\" ], \"title\": \"\\ud800\",\n \"lang\": \"\\udfff\" }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "broken dataset title after records on one line",
            "{ \"pressline\": 1, \"releases\": [ \"é\", \"😀\" ], \"description\": 5, \"title\": \"\\ud800\" }".as_bytes().to_vec(),
            Route::Streamed,
        ),
        (
            "one line, a wrong type after the records",
            format!("{{\"pressline\":1,\"releases\":[{GOOD},{GOOD_2}, \"Київ\"],\"title\":5}}").into_bytes(),
            Route::Streamed,
        ),
        (
            "one line, broken after the records",
            format!("{{\"pressline\":1,\"releases\":[{GOOD},\"é😀\"] \"title\":\"x\"}}").into_bytes(),
            Route::Streamed,
        ),
        (
            "one line, broken members after the records",
            format!("{{\"pressline\":1,\"releases\":[{GOOD},\"é😀\"],\"x\":[1,\"\\ud800\"],\"title\":\"\\udc00\"}}").into_bytes(),
            Route::Streamed,
        ),
        (
            "members after the records",
            format!(
                "{{ \"pressline\": 1, \"releases\": [\n{GOOD},\n{GOOD_2}\n  ],\n  \"title\": \"After\",\n  \"description\": \"Дописи\",\n  \"organization\": {{ \"name\": \"Org\", \"url\": \"javascript:x\", \"press_email\": \"nope\" }},\n  \"lang\": \"not a tag\",\n  \"extra\": [1, {{\"a\": null}}]\n}}"
            )
            .into_bytes(),
            Route::Streamed,
        ),
        ("empty releases", b"{ \"pressline\": 1, \"releases\": [] }".to_vec(), Route::Streamed),
        ("blank releases", b"{ \"pressline\": 1, \"releases\": [ \r\n\t ] }".to_vec(), Route::Streamed),
        (
            "bare records",
            dataset("1, tru, \"x\", null, -, 1.5e3, [tru\n], {\"a\" 1}, nul\n").into_bytes(),
            Route::Streamed,
        ),
        (
            "a bare record broken by a newline",
            dataset("    tru\n, 1").into_bytes(),
            Route::Streamed,
        ),
        (
            "a bare record broken by a newline, then an unbalanced one",
            dataset("    tru\n, { ] }").into_bytes(),
            Route::Streamed,
        ),
        (
            "a bare record broken by a newline, then a wrong title type",
            "{ \"pressline\": 1, \"releases\": [ 1, nul\r\n], \"title\": 5 }".as_bytes().to_vec(),
            Route::Streamed,
        ),
        (
            "wrong version",
            dataset(GOOD).replace("\"pressline\": 1", "\"pressline\": 2").into_bytes(),
            Route::KeptWhole,
        ),
        (
            "wrong version after the records",
            format!("{{ \"releases\": [\n{GOOD}\n], \"pressline\": 2 }}").into_bytes(),
            Route::KeptWhole,
        ),
        (
            "wrong title type after the records",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}\n], \"title\": 5 }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "lone surrogate record and a wrong title type after the records",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}, \"\\ud800\"\n], \"title\": 5 }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "lone surrogate after the records, then a wrong type",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}\n], \"x\": \"\\ud800\", \"title\": 5 }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "two releases arrays",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}\n], \"releases\": [\n{GOOD_2}\n] }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "two releases arrays, the first with broken records",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}, \"\\ud800\", tru\n], \"releases\": [\n{GOOD_2}, \"\\udc00\"\n] }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "two releases arrays and a broken title between them",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}, \"\\ud800\"\n], \"title\": \"\\ud800\", \"releases\": [\n{GOOD_2}\n] }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "escaped releases name",
            format!("{{ \"pressline\": 1, \"rel\\u0065ases\": [\n{GOOD}\n] }}").into_bytes(),
            Route::KeptWhole,
        ),
        (
            "unbalanced record",
            dataset(&[GOOD, "    { \"id\": ] }", GOOD_2].join(",\n")).into_bytes(),
            Route::Streamed,
        ),
        (
            "control character record before an unbalanced one",
            dataset(&[GOOD, "    \"a\u{2}\"", "    { \"id\": ] }", GOOD_2].join(",\n")).into_bytes(),
            Route::Streamed,
        ),
        (
            "garbage between records",
            dataset(&[GOOD, GOOD_2].join(" x ")).into_bytes(),
            Route::Streamed,
        ),
        (
            "trailing comma",
            dataset(&format!("{GOOD},\n")).into_bytes(),
            Route::Streamed,
        ),
        (
            "trailing characters",
            format!("{}  x", dataset(GOOD)).into_bytes(),
            Route::Streamed,
        ),
        (
            "broken after the records",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}\n] \"title\": \"x\" }}").into_bytes(),
            Route::Streamed,
        ),
        (
            "truncated after the records",
            format!("{{ \"pressline\": 1, \"releases\": [\n{GOOD}\n], \"title\": \"x").into_bytes(),
            Route::Streamed,
        ),
        (
            "JSON Feed",
            include_bytes!("../../../tests/fixtures/formats/json-feed.json").to_vec(),
            Route::KeptWhole,
        ),
        (
            "WordPress posts",
            include_bytes!("../../../tests/fixtures/formats/wordpress-posts.json").to_vec(),
            Route::KeptWhole,
        ),
        (
            "TimelineJS",
            include_bytes!("../../../tests/fixtures/formats/timelinejs.json").to_vec(),
            Route::KeptWhole,
        ),
        (
            "JSON Feed with a releases array",
            br#"{ "version": "https://jsonfeed.org/version/1.1", "title": "T", "releases": [1], "items": [ { "id": "x", "content_text": "Hello" } ] }"#.to_vec(),
            Route::KeptWhole,
        ),
        ("not JSON", b"Hello, world\n".to_vec(), Route::KeptWhole),
        ("RSS", include_bytes!("../../../tests/fixtures/formats/rss.xml").to_vec(), Route::KeptWhole),
        (
            "RSS in ISO-8859-1",
            include_bytes!("../../../tests/fixtures/formats/rss-latin1.xml").to_vec(),
            Route::KeptWhole,
        ),
        ("Atom in UTF-16", utf16_atom(), Route::KeptWhole),
        (
            "RSS in ISO-8859-1 that says UTF-8",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><item><title>Caf\xe9</title></item></channel></rss>".to_vec(),
            Route::KeptWhole,
        ),
        ("HTML", b"<!doctype html>\n<html><body>Not found</body></html>".to_vec(), Route::KeptWhole),
        ("not Pressline", include_bytes!("../../../tests/fixtures/not-pressline.json").to_vec(), Route::KeptWhole),
        ("empty", Vec::new(), Route::KeptWhole),
        ("invalid UTF-8 in the head", b"{ \"pressline\": 1, \"title\": \"\xff\", \"releases\": [] }".to_vec(), Route::Refused),
        (
            "invalid UTF-8 in a record",
            [dataset(&[GOOD, "    { \"id\": \"X", GOOD_2].join(",\n")).as_bytes()]
                .concat()
                .into_iter()
                .map(|byte| if byte == b'X' { 0xC3 } else { byte })
                .collect(),
            Route::Refused,
        ),
        ("invalid UTF-8 after broken JSON", b"{ \"pressline\": 1, \"releases\": [ {] }, \"\xe2\x82\" ] }".to_vec(), Route::Refused),
        ("text ending inside a character", b"{ \"pressline\": 1, \"releases\": [ \"\xf0\x9f\x98".to_vec(), Route::Refused),
        (
            "an overlong encoding",
            [&b"{ \"pressline\": 1, \"releases\": [ \""[..], b"\xc0\xaf", b"\" ] }"].concat(),
            Route::Refused,
        ),
    ];
    // Truncated anywhere: inside the head, a record, a string, an escape, a character, the tail.
    let text = valid();
    for cut in [
        1,
        20,
        150,
        221,
        380,
        430,
        431,
        600,
        900,
        text.len() - 40,
        text.len() - 3,
    ] {
        let mut cut_at = cut.min(text.len());
        while !text.is_char_boundary(cut_at) {
            cut_at -= 1;
        }
        fixtures.push((
            "truncated",
            text.as_bytes()[..cut_at].to_vec(),
            Route::Streamed,
        ));
    }
    fixtures
}

#[test]
fn fixtures_read_as_the_whole_text_reads_them() {
    for (name, bytes, route) in fixtures() {
        let expected = whole(&bytes);
        for sizes in [
            &[usize::MAX][..],
            &[1],
            &[2],
            &[3],
            &[7],
            &[64],
            &[1, 5, 2, 9],
        ] {
            let (got, got_route) = streamed(&bytes, sizes);
            assert_eq!(got, expected, "{name}, chunks of {sizes:?}");
            // Where the text is cut in the head, the stream never reaches the records.
            if name != "truncated" || got_route == Route::Streamed {
                assert_eq!(got_route, route, "{name}, chunks of {sizes:?}");
            }
        }
    }
}

#[test]
fn small_fixtures_cut_in_two_anywhere() {
    for (name, bytes, _) in fixtures() {
        if bytes.len() > 3_000 {
            continue;
        }
        let expected = whole(&bytes);
        for cut in 0..=bytes.len() {
            let (got, _) = streamed(&bytes, &[cut.max(1), usize::MAX]);
            assert_eq!(got, expected, "{name}, cut at {cut}");
        }
    }
}

#[test]
fn the_expected_outcomes_are_what_they_should_be() {
    // Guards against a fixture that says nothing (e.g. one that is not streamed for a typo).
    let expected = |name: &str| {
        let (_, bytes, _) = fixtures().into_iter().find(|(n, ..)| *n == name).unwrap();
        whole(&bytes)
    };
    let Ok(Ok((_, loaded))) = expected("valid") else {
        panic!()
    };
    assert_eq!(loaded.dataset.releases.len(), 3);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let Ok(Ok((_, loaded))) = expected("lone surrogate") else {
        panic!()
    };
    assert_eq!(loaded.dataset.releases.len(), 2);
    assert_eq!(loaded.problems.len(), 1);
    let Ok(Ok((_, loaded))) =
        expected("broken dataset title after the records, on the line of their end")
    else {
        panic!()
    };
    assert!(loaded.problems.iter().any(|p| p.field == "title"));
    assert!(matches!(
        expected("truncated after the records"),
        Ok(Err(_))
    ));
    assert!(expected("invalid UTF-8 in a record").is_err());
    let Ok(Err(error)) = expected("lone surrogate record and a wrong title type after the records")
    else {
        panic!()
    };
    assert_eq!(error.kind, pressline_core::FormatErrorKind::NotJson);
}

fn chunk_sizes() -> impl Strategy<Value = Vec<usize>> {
    prop_oneof![
        Just(vec![1]),
        prop::collection::vec(1usize..8, 1..40),
        prop::collection::vec(1usize..300, 1..20),
        prop::collection::vec(1usize..70_000, 1..4),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_chunks_read_as_the_whole_text_reads(
        pick in any::<prop::sample::Index>(),
        sizes in chunk_sizes(),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let fixtures = fixtures();
        let (name, bytes, _) = &fixtures[pick.index(fixtures.len())];
        // Sometimes the text is cut short anywhere, even inside a character.
        let bytes = match cut {
            Some(cut) => &bytes[..cut.index(bytes.len() + 1)],
            None => &bytes[..],
        };
        let (got, _) = streamed(bytes, &sizes);
        prop_assert_eq!(got, whole(bytes), "{}", name);
    }
}

/// A dataset of `count` records, each about 300 bytes, pretty-printed.
fn large(count: usize) -> (String, usize) {
    let record = |i: usize| {
        format!(
            "    {{\n      \"id\": \"release-{i}\",\n      \"kind\": \"Report\",\n      \"date\": \"2022-01-{:02}\",\n      \"title\": \"Release number {i} — «заява» 😀\",\n      \"summary\": \"{}\"\n    }}",
            i % 28 + 1,
            "word ".repeat(30)
        )
    };
    let largest = (0..count).map(|i| record(i).len()).max().unwrap_or(0);
    let records: Vec<String> = (0..count).map(record).collect();
    (dataset(&records.join(",\n")), largest)
}

#[test]
fn records_text_is_dropped_once_checked() {
    let (text, largest) = large(1_000);
    let head = text.find('[').unwrap();
    let mut stream = DatasetStream::new();
    let mut peak = 0;
    for chunk in text.as_bytes().chunks(64 * 1024) {
        stream.push(chunk).unwrap();
        if stream.records_checked() < 1_000 {
            peak = peak.max(stream.buffered_bytes());
        }
    }
    assert_eq!(stream.records_checked(), 1_000);
    assert!(
        peak < head + 2 * largest,
        "held {peak} bytes inside the array; the head is {head}, a record at most {largest}"
    );
    assert!(
        text.len() > 100 * peak,
        "the test's text is large enough to tell"
    );
    let Ok(StreamOutcome::Pressline(loaded)) = stream.finish() else {
        panic!("a dataset")
    };
    assert_eq!(loaded.dataset.releases.len(), 1_000);
    assert_eq!(Ok((SourceFormat::Pressline, loaded)), read_any(&text));
}

#[test]
fn one_byte_at_a_time_holds_at_most_one_record() {
    let (text, largest) = large(50);
    let head = text.find('[').unwrap() + 1;
    let mut stream = DatasetStream::new();
    for (i, byte) in text.as_bytes().iter().enumerate() {
        stream.push(&[*byte]).unwrap();
        if i >= head && stream.records_checked() < 50 {
            assert!(stream.buffered_bytes() <= head + largest, "at byte {i}");
        }
    }
    assert!(matches!(stream.finish(), Ok(StreamOutcome::Pressline(_))));
}

#[test]
fn progress_counts_records_as_they_complete() {
    let text = dataset(&[GOOD, GOOD_2].join(",\n"));
    let second = text.find(GOOD_2).unwrap();
    let mut stream = DatasetStream::new();
    stream.push(&text.as_bytes()[..second]).unwrap();
    assert_eq!(stream.records_checked(), 1);
    stream.push(&text.as_bytes()[second..]).unwrap();
    assert_eq!(stream.records_checked(), 2);
    assert_eq!(stream.bytes_received(), text.len());
}

/// Bytes that matter to JSON's structure, and a few that do not.
fn structural_byte() -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(vec![
        &b"\""[..],
        b"\\",
        b"[",
        b"]",
        b"{",
        b"}",
        b",",
        b":",
        b" ",
        b"\n",
        b"a",
        b"1",
        b"-",
        "é".as_bytes(),
        b"\\u",
        b"d800",
        b"\x01",
        b"\"releases\":[",
        b"\"pressline\":1,",
        b"\"title\":",
    ])
    .prop_map(<[u8]>::to_vec)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// Damaged datasets: a few bytes inserted or removed anywhere still read the same.
    #[test]
    fn damaged_datasets_read_as_the_whole_text_reads(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), structural_byte()), 1..4),
        sizes in chunk_sizes(),
    ) {
        let mut bytes = format!(
            "{{ \"pressline\": 1, \"releases\": [\n{GOOD},\n  \"é\", 12, [1, {{\"a\": \"\\\\\"}}],\n{GOOD_2}\n  ],\n  \"title\": \"Київ\" }}"
        )
        .into_bytes();
        for (at, insert, text) in edits {
            let at = at.index(bytes.len() + 1);
            if insert {
                bytes.splice(at..at, text);
            } else {
                let end = (at + text.len()).min(bytes.len());
                bytes.drain(at..end);
            }
        }
        let (got, _) = streamed(&bytes, &sizes);
        prop_assert_eq!(got, whole(&bytes), "{}", String::from_utf8_lossy(&bytes));
    }
}
