//! Native tests of the RSS 2.0 and Atom 1.0 readers: every mapped field, CDATA and entities,
//! HTML made safe, RFC 822 dates, encodings, malformed XML, and that every item ends up either
//! a release or a reported problem.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::formats::feed::{
    convert, decode, looks_like_feed, rfc822_to_rfc3339, FeedKind,
};
use pressline_core::{parse_dataset, FormatErrorKind, LoadedDataset, ProblemKind};
use proptest::prelude::*;
use serde_json::Value;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>ACME &amp; Co. newsroom</title>
    <link>https://acme.example/newsroom/</link>
    <description><![CDATA[Press releases from <b>ACME</b>]]></description>
    <language>en-GB</language>
    <dc:publisher>ACME Corporation</dc:publisher>
    <item>
      <title><![CDATA[ACME&#8217;s <em>new</em> plant & more]]></title>
      <link>https://acme.example/newsroom/2019/new-plant/</link>
      <guid isPermaLink="false">acme-1001</guid>
      <pubDate>Fri, 31 May 2019 12:17:58 -0700</pubDate>
      <dc:creator>Jane Doe</dc:creator>
      <dc:creator><![CDATA[Ángel Ruiz]]></dc:creator>
      <category>Press Release</category>
      <category>Energy</category>
      <category><![CDATA[Jobs &amp; growth]]></category>
      <category>Uncategorized</category>
      <description>The plant opens &amp;mdash; 200 jobs&#8217; worth.</description>
      <content:encoded><![CDATA[<p>ACME opens a <strong>plant</strong>.</p><script>alert("x")</script><p>More <a href="javascript:evil()">here</a>.</p>]]></content:encoded>
      <enclosure url="https://acme.example/img/plant.jpg" length="12345" type="image/jpeg"/>
      <media:credit>Photo: J. Smith</media:credit>
    </item>
    <item>
      <title>Statement on the merger</title>
      <guid>https://acme.example/?p=77</guid>
      <pubDate>3 Jun 2019 09:00 GMT</pubDate>
      <category>statement</category>
      <description>&lt;p&gt;We welcome it.&lt;/p&gt;</description>
      <media:content url="https://acme.example/img/merger.png" medium="image">
        <media:credit>ACME archive</media:credit>
      </media:content>
    </item>
    <item>
      <title></title>
      <link>https://acme.example/newsroom/2019/untitled</link>
      <dc:date>2019-06-04T10:00:00Z</dc:date>
      <description>An item whose title is empty, so its summary names it.</description>
      <author>press@acme.example (Press Office)</author>
    </item>
    <item>
      <description></description>
      <link>https://acme.example/newsroom/nothing</link>
    </item>
    <item>
      <title>Bad date</title>
      <pubDate>sometime in June</pubDate>
    </item>
  </channel>
</rss>
"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">
  <title type="text">Example Agency</title>
  <subtitle type="html">News &amp;lt;from&amp;gt; the agency</subtitle>
  <link rel="self" href="https://agency.example/feed.atom"/>
  <link href="https://agency.example/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2022-11-10T18:30:02Z</updated>
  <author><name>Example Agency</name></author>
  <entry>
    <title type="html">Report &lt;i&gt;on&lt;/i&gt; rivers</title>
    <link rel="self" href="https://agency.example/api/1"/>
    <link rel="alternate" type="text/html" href="https://agency.example/reports/rivers-2022"/>
    <link rel="enclosure" type="image/webp" href="https://agency.example/img/river.webp"/>
    <id>tag:agency.example,2022:1</id>
    <published>2022-11-10T09:30:00-05:00</published>
    <updated>2022-11-11T09:30:00-05:00</updated>
    <author><name>Sam Lee</name></author>
    <category term="report" label="Report"/>
    <category term="water"/>
    <summary type="html">&lt;p&gt;Rivers are &lt;b&gt;cleaner&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h2>Findings</h2><p>Nitrates fell by <em>20%</em>.</p><script>y()</script></div></content>
  </entry>
  <entry xml:lang="fr">
    <title>Deuxième note</title>
    <id>tag:agency.example,2022:2</id>
    <updated>2022-12-01T08:00:00Z</updated>
    <content type="text">Line one.
Line two &lt;b&gt;bold?&lt;/b&gt;</content>
  </entry>
  <entry>
    <id>tag:agency.example,2022:3</id>
    <summary>No title, no date.</summary>
  </entry>
</feed>
"#;

/// The small feed of the encoding tests, in UTF-8, with a placeholder for its declaration.
const SMALL: &str = "<?xml version=\"1.0\" encoding=\"ENC\"?>\n<rss version=\"2.0\"><channel><title>Caf\u{e9} news</title>\n<item><title>Caf\u{e9} opens \u{2019}today\u{2019}</title><link>https://cafe.example/opens</link><pubDate>Mon, 2 Jan 2023 10:00:00 +0100</pubDate><description>Cr\u{e8}me br\u{fb}l\u{e9}e \u{2013} \u{20ac}5</description></item>\n</channel></rss>\n";

fn convert_and_load(text: &str) -> (Value, LoadedDataset) {
    let converted = convert(text).expect("a readable feed");
    let mut loaded = parse_dataset(&converted.dataset.to_string()).expect("a valid dataset");
    let mut problems = converted.problems;
    problems.append(&mut loaded.problems);
    loaded.problems = problems;
    (converted.dataset, loaded)
}

fn record(dataset: &Value, index: usize) -> &Value {
    &dataset["releases"][index]
}

/// Every item is a release or a skipped record with a problem naming it: none vanish.
fn assert_all_accounted(dataset: &Value, loaded: &LoadedDataset, items: usize) {
    assert_eq!(dataset["releases"].as_array().unwrap().len(), items);
    assert_eq!(
        loaded.dataset.releases.len() + loaded.skipped_record_count(),
        items,
        "{:#?}",
        loaded.problems
    );
}

#[test]
fn rss_items_become_releases() {
    let (dataset, loaded) = convert_and_load(RSS);
    assert_eq!(dataset["title"], "ACME & Co. newsroom");
    assert_eq!(dataset["description"], "Press releases from ACME");
    assert_eq!(dataset["organization"]["name"], "ACME Corporation");
    assert_eq!(
        dataset["organization"]["url"],
        "https://acme.example/newsroom/"
    );

    let first = loaded.dataset.release("new-plant").expect("the first item");
    assert_eq!(first.title, "ACME\u{2019}s new plant & more");
    assert_eq!(first.kind, "Press Release");
    assert_eq!(first.topics, ["Energy", "Jobs & growth"]);
    assert_eq!(record(&dataset, 0)["date"], "2019-05-31T12:17:58-07:00");
    assert_eq!(
        first.summary.as_deref(),
        Some("The plant opens \u{2014} 200 jobs\u{2019} worth.")
    );
    let body = first.body.as_deref().unwrap();
    assert_eq!(body, "ACME opens a **plant**.\n\nMore here.");
    assert!(!body.contains("script") && !body.contains("alert") && !body.contains("javascript"));
    let names: Vec<&str> = first.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Jane Doe", "\u{c1}ngel Ruiz"]);
    let image = first.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://acme.example/img/plant.jpg"
    );
    // The credit is passed on as written; validation drops the "Photo:" label.
    assert_eq!(record(&dataset, 0)["image"]["credit"], "Photo: J. Smith");
    assert_eq!(image.credit.as_deref(), Some("J. Smith"));
    assert_eq!(image.alt.as_deref(), Some(first.title.as_str()));
    assert_eq!(
        first.url.as_ref().unwrap().as_str(),
        "https://acme.example/newsroom/2019/new-plant/"
    );
    assert_eq!(first.lang.as_deref(), Some("en-GB"));

    // No link: the guid that is an address gives the link and the id.
    let second = &loaded.dataset.releases[1];
    assert_eq!(second.id, "p-77");
    assert_eq!(second.kind, "statement");
    assert!(second.topics.is_empty());
    assert_eq!(record(&dataset, 1)["date"], "2019-06-03T09:00:00+00:00");
    assert_eq!(second.summary.as_deref(), Some("We welcome it."));
    let image = second.image.as_ref().unwrap();
    assert_eq!(
        image.src.as_ref().unwrap().as_str(),
        "https://acme.example/img/merger.png"
    );
    assert_eq!(image.credit.as_deref(), Some("ACME archive"));

    // An empty title: the summary names it; dc:date is the date; the author's name is kept,
    // never the address.
    let third = loaded.dataset.release("untitled").unwrap();
    assert_eq!(
        third.title,
        "An item whose title is empty, so its summary names it."
    );
    assert_eq!(record(&dataset, 2)["date"], "2019-06-04T10:00:00Z");
    assert_eq!(third.people[0].name, "Press Office");
    assert!(!record(&dataset, 2).to_string().contains("press@"));

    // No title, no text and no date: reported, not dropped. Same for an unreadable date.
    assert_eq!(loaded.dataset.releases.len(), 3);
    let skipped: Vec<(usize, &str)> = loaded
        .problems
        .iter()
        .filter_map(|p| Some((p.record.as_ref()?.index, p.field.as_str())))
        .collect();
    assert!(skipped.contains(&(3, "title")) && skipped.contains(&(3, "date")));
    assert!(loaded.problems.iter().any(|p| {
        p.record.as_ref().is_some_and(|r| r.index == 4)
            && p.kind
                == ProblemKind::UnparseableDate {
                    value: "sometime in June".to_owned(),
                }
    }));
    assert_all_accounted(&dataset, &loaded, 5);
}

#[test]
fn atom_entries_become_releases() {
    let (dataset, loaded) = convert_and_load(ATOM);
    assert_eq!(dataset["title"], "Example Agency");
    assert_eq!(dataset["description"], "News <from> the agency");
    assert_eq!(dataset["organization"]["name"], "Example Agency");
    assert_eq!(dataset["organization"]["url"], "https://agency.example/");

    let first = &loaded.dataset.releases[0];
    assert_eq!(first.id, "rivers-2022");
    assert_eq!(first.title, "Report on rivers");
    assert_eq!(first.kind, "Report");
    assert_eq!(first.topics, ["water"]);
    assert_eq!(record(&dataset, 0)["date"], "2022-11-10T09:30:00-05:00");
    assert_eq!(
        first.url.as_ref().unwrap().as_str(),
        "https://agency.example/reports/rivers-2022"
    );
    assert_eq!(first.summary.as_deref(), Some("Rivers are cleaner."));
    assert_eq!(
        first.body.as_deref(),
        Some("## Findings\n\nNitrates fell by *20%*.")
    );
    assert_eq!(first.people[0].name, "Sam Lee");
    assert_eq!(
        first.image.as_ref().unwrap().src.as_ref().unwrap().as_str(),
        "https://agency.example/img/river.webp"
    );
    assert_eq!(first.lang.as_deref(), Some("en"));

    // No link: the id; only `updated`; text content kept as text; the feed's author.
    let second = &loaded.dataset.releases[1];
    assert_eq!(second.id, "tag-agency.example-2022-2");
    assert_eq!(record(&dataset, 1)["date"], "2022-12-01T08:00:00Z");
    assert_eq!(second.title, "Deuxième note");
    assert_eq!(second.lang.as_deref(), Some("fr"));
    assert_eq!(second.people[0].name, "Example Agency");
    let body = second.body.as_deref().unwrap();
    assert!(
        body.starts_with("Line one.\n\nLine two \\<b>bold?"),
        "{body}"
    );
    assert!(second.url.is_none());

    // No title (the summary gives one) but no date: reported.
    assert_eq!(loaded.dataset.releases.len(), 2);
    assert!(loaded.problems.iter().any(|p| {
        p.record.as_ref().is_some_and(|r| r.index == 2)
            && p.field == "date"
            && p.kind == ProblemKind::Missing
    }));
    assert_all_accounted(&dataset, &loaded, 3);
}

#[test]
fn rfc822_dates() {
    let cases = [
        (
            "Fri, 31 May 2019 12:17:58 -0700",
            "2019-05-31T12:17:58-07:00",
        ),
        (
            "Fri, 31 May 2019 12:17:58 +0000",
            "2019-05-31T12:17:58+00:00",
        ),
        ("Fri, 31 May 2019 12:17:58 GMT", "2019-05-31T12:17:58+00:00"),
        ("Fri, 31 May 2019 12:17:58 UT", "2019-05-31T12:17:58+00:00"),
        ("Fri, 31 May 2019 12:17:58 UTC", "2019-05-31T12:17:58+00:00"),
        ("Fri, 31 May 2019 12:17:58 EST", "2019-05-31T12:17:58-05:00"),
        ("Fri, 31 May 2019 12:17:58 EDT", "2019-05-31T12:17:58-04:00"),
        ("Fri, 31 May 2019 12:17:58 PST", "2019-05-31T12:17:58-08:00"),
        ("Fri, 31 May 2019 12:17:58 pdt", "2019-05-31T12:17:58-07:00"),
        ("Fri, 31 May 2019 12:17 +0530", "2019-05-31T12:17:00+05:30"),
        ("Sat, 1 Jun 2019 08:05:00 GMT", "2019-06-01T08:05:00+00:00"),
        ("1 Jun 2019 08:05:00 GMT", "2019-06-01T08:05:00+00:00"),
        ("Sat,1 June 2019 8:05:00 GMT", "2019-06-01T08:05:00+00:00"),
        ("Sat, 01 Jun 19 08:05:00 GMT", "2019-06-01T08:05:00+00:00"),
        ("Wed, 02 Oct 02 15:00:00 +0200", "2002-10-02T15:00:00+02:00"),
        ("Tue, 10 Sept 2019 10:00:00 Z", "2019-09-10T10:00:00+00:00"),
        (
            "  Fri, 31 May 2019 12:17:58 -0700  ",
            "2019-05-31T12:17:58-07:00",
        ),
        ("31 May 2019", "2019-05-31"),
        ("Fri, 31 May 2019 12:17:58", "2019-05-31T12:17:58+00:00"),
    ];
    for (input, expected) in cases {
        assert_eq!(
            rfc822_to_rfc3339(input).as_deref(),
            Some(expected),
            "{input}"
        );
    }
    for bad in [
        "",
        "2019-05-31T12:17:58Z",
        "Fri, 31 Foo 2019 12:17:58 GMT",
        "Fri, 32 May 2019 12:17:58 GMT",
        "Fri, 31 May 2019 25:17:58 GMT",
        "Fri, 31 May 2019 12:17:58 XYZ",
        "Fri, 31 May 2019 12:17:58 +07",
        "Fri, 31 May 2019 12:17:58 GMT extra",
        "Fri, 30 Feb 2019 12:17:58 GMT",
    ] {
        assert_eq!(rfc822_to_rfc3339(bad), None, "{bad}");
    }
}

/// The releases of a feed, as JSON, for comparing readings.
fn releases_of(text: &str) -> Value {
    let (dataset, loaded) = convert_and_load(text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dataset.releases.len(), 1);
    dataset
}

#[test]
fn encodings_give_the_same_releases() {
    let utf8 = SMALL.replace("ENC", "UTF-8");
    let expected = releases_of(&decode(utf8.as_bytes()).unwrap());
    assert_eq!(expected["releases"][0]["title"], "Café opens ’today’");
    assert_eq!(expected["releases"][0]["summary"], "Crème brûlée – €5");

    // ISO-8859-1: é as 0xE9 (only Latin-1 characters, the rest as character references).
    let latin1_text = SMALL
        .replace("ENC", "ISO-8859-1")
        .replace('\u{2019}', "&#8217;")
        .replace('\u{2013}', "&#x2013;")
        .replace('\u{20ac}', "&#8364;");
    let latin1: Vec<u8> = latin1_text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    assert!(latin1.contains(&0xE9));
    assert_eq!(releases_of(&decode(&latin1).unwrap()), expected);

    // Windows-1252: ’ as 0x92, – as 0x96, € as 0x80.
    let cp1252: Vec<u8> = SMALL
        .replace("ENC", "windows-1252")
        .chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            '\u{2013}' => 0x96,
            '\u{20ac}' => 0x80,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect();
    assert!(cp1252.contains(&0x92));
    assert_eq!(releases_of(&decode(&cp1252).unwrap()), expected);

    // UTF-16 with a BOM, little- and big-endian; UTF-8 with a BOM.
    let utf16_text = SMALL.replace("ENC", "UTF-16");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in utf16_text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    assert_eq!(releases_of(&decode(&le).unwrap()), expected);
    assert_eq!(releases_of(&decode(&be).unwrap()), expected);
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(utf8.as_bytes());
    let text = decode(&bom8).unwrap();
    assert!(!text.starts_with('\u{feff}'));
    assert_eq!(releases_of(&text), expected);
}

#[test]
fn encoding_errors_are_clear() {
    let error = decode(b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss/>").unwrap_err();
    assert!(error.message.contains("\"KOI8-R\""), "{}", error.message);
    assert_eq!(error.line, 1);
    let error = decode(b"<rss>\n<channel>\xE9</channel></rss>").unwrap_err();
    assert!(error.message.contains("UTF-8"));
    assert_eq!((error.line, error.column), (2, 10));
    assert!(decode(&[0xFF, 0xFE, b'<', 0, 0x00, 0xD8]).is_err());
}

#[test]
fn crlf_line_endings() {
    let crlf = RSS.replace('\n', "\r\n");
    let (dataset, loaded) = convert_and_load(&crlf);
    let (lf_dataset, _) = convert_and_load(RSS);
    assert_eq!(dataset, lf_dataset);
    assert!(!dataset.to_string().contains('\r'));
    assert_all_accounted(&dataset, &loaded, 5);
    let atom = ATOM.replace('\n', "\r\n");
    assert_eq!(convert_and_load(&atom).0, convert_and_load(ATOM).0);
}

#[test]
fn malformed_xml_is_an_error_with_a_position() {
    let broken = "<rss version=\"2.0\">\n<channel>\n  <item><title>Open</item>\n</channel></rss>";
    let error = convert(broken).err().expect("an error");
    assert_eq!(error.kind, FormatErrorKind::NotXml);
    assert_eq!(error.line, 3, "{error}");
    assert!(error.column > 1, "{error}");
    assert!(
        error
            .to_string()
            .starts_with("not valid XML (line 3, column"),
        "said for a person: {error}"
    );

    let error = convert("<html><body/></html>").err().expect("an error");
    assert!(error.message.contains("<html>"), "{error}");
    assert!(convert("<rss version=\"2.0\"/>").is_err());
    assert!(convert("").is_err());
    assert!(convert("{\"pressline\": 1}").is_err());
    // An undeclared HTML entity is not XML.
    assert!(convert("<rss><channel><title>&nbsp;</title></channel></rss>").is_err());
}

#[test]
fn detection_by_root_element() {
    assert_eq!(looks_like_feed(RSS), Some(FeedKind::Rss));
    assert_eq!(looks_like_feed(ATOM), Some(FeedKind::Atom));
    assert_eq!(
        looks_like_feed("\u{feff}<!-- hi --><!DOCTYPE rss [<!ENTITY x \"y\">]>\n<rss>"),
        Some(FeedKind::Rss)
    );
    assert_eq!(
        looks_like_feed("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">"),
        Some(FeedKind::Atom)
    );
    assert_eq!(looks_like_feed("<feed>"), None);
    assert_eq!(looks_like_feed("<rdf:RDF>"), None);
    assert_eq!(looks_like_feed("<html>"), None);
    assert_eq!(looks_like_feed("{\"items\": []}"), None);
    assert_eq!(looks_like_feed(""), None);
    assert_eq!(looks_like_feed("<?xml"), None);
}

#[test]
fn ids_are_unique() {
    let feed = "<rss><channel>\
        <item><title>Same</title><link>https://x.example/a/same</link><pubDate>1 Jan 2020 00:00 GMT</pubDate></item>\
        <item><title>Same</title><link>https://x.example/b/same</link><pubDate>1 Jan 2020 00:00 GMT</pubDate></item>\
        <item><title>Заява</title><pubDate>1 Jan 2020 00:00 GMT</pubDate></item>\
        </channel></rss>";
    let (_, loaded) = convert_and_load(feed);
    let ids: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["same", "same-2", "item"]);
}

#[test]
fn an_invalid_channel_language_is_reported_and_dropped() {
    let feed = "<rss><channel><language>english!</language>\
        <item><title>T</title><pubDate>1 Jan 2020 00:00 GMT</pubDate></item></channel></rss>";
    let (_, loaded) = convert_and_load(feed);
    assert_eq!(loaded.dataset.releases.len(), 1);
    assert_eq!(loaded.dataset.releases[0].lang, None);
    assert!(loaded.problems.iter().any(|p| p.record.is_none()
        && p.kind
            == ProblemKind::InvalidLanguageTag {
                value: "english!".to_owned()
            }));
}

/// Converting never panics, and whatever converts makes a dataset `parse_dataset` accepts.
fn check_never_panics(text: &str) {
    let _ = looks_like_feed(text);
    let _ = decode(text.as_bytes());
    if let Ok(converted) = convert(text) {
        let loaded = parse_dataset(&converted.dataset.to_string()).expect("a valid dataset");
        let items = converted.dataset["releases"].as_array().unwrap().len();
        assert_eq!(
            loaded.dataset.releases.len() + loaded.skipped_record_count(),
            items
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        check_never_panics(&text);
        let _ = decode(text.as_bytes());
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(text) = decode(&bytes) {
            check_never_panics(&text);
        }
    }

    #[test]
    fn never_panics_on_mutated_fixtures(
        atom in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12, "[<>&;/\"'\\]\\[a-z!?#x0-9 \r\n]{0,6}"), 1..6),
    ) {
        let mut text = if atom { ATOM } else { RSS }.to_owned();
        for (at, cut, insert) in edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, &insert);
        }
        check_never_panics(&text);
    }
}

#[test]
fn a_latin1_feed_is_read_in_its_declared_encoding() {
    let bytes = include_bytes!("../../../tests/fixtures/formats/rss-latin1.xml");
    assert!(bytes.contains(&0xE9), "the fixture's é is one Latin-1 byte");
    let (format, loaded) = pressline_core::formats::read_encoded(bytes).unwrap();
    assert_eq!(format, pressline_core::formats::SourceFormat::Rss);
    assert_eq!(loaded.dataset.title, "Défense des droits — communiqués");
    let titles: Vec<&str> = loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Kharkiv : l\u{2019}école détruite était un abri",
            "Rapport : Marioupol, un an après",
            "Une déclaration sans titre : son texte en tient lieu."
        ],
        "Windows-1252's curly quote too, as browsers read ISO-8859-1"
    );
    // A category in French is no kind Pressline knows: it is a topic.
    assert_eq!(loaded.dataset.releases[0].kind, "News");
    assert!(loaded.dataset.releases[0]
        .topics
        .contains(&"Communiqué de presse".to_owned()));
    assert_eq!(loaded.dataset.releases[1].kind, "Report");
    assert!(loaded.dataset.releases[0]
        .summary
        .as_deref()
        .unwrap()
        .contains("« une frappe sans avertissement ». Prix : 5 €."));
    // The undated item is reported, so every item is shown or said.
    assert_eq!(loaded.skipped_record_count(), 1);
    assert_eq!(loaded.problems[0].field, "date");
    assert_eq!(loaded.dataset.releases.len() + 1, 4);
}
