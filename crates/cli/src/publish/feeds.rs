//! The newest releases as an Atom feed (RFC 4287) and a JSON Feed (version 1.1), for feed
//! readers and newsroom monitoring tools.

use std::fmt::Write;

use serde_json::{json, Map, Value};

use super::escape::xml;
use super::Deploy;
use pressline_core::route::release_path;
use pressline_core::shards::resolve_url;
use pressline_core::{Dataset, Release, ReleaseDate};
use pressline_web::prerender::markdown_html as markdown_body;

/// The Atom feed's file name in the deploy.
pub const ATOM_FILE: &str = "feed.xml";
/// The JSON Feed's file name in the deploy.
pub const JSON_FEED_FILE: &str = "feed.json";

/// A date as RFC 3339, as both formats require: a bare day is taken as its midnight UTC.
///
/// ```
/// use pressline_core::ReleaseDate;
/// use pressline::publish::feeds::feed_date;
/// assert_eq!(feed_date(&ReleaseDate::parse("2022-11-10").unwrap()), "2022-11-10T00:00:00Z");
/// assert_eq!(
///     feed_date(&ReleaseDate::parse("2022-11-10T09:30:00-05:00").unwrap()),
///     "2022-11-10T09:30:00-05:00"
/// );
/// ```
pub fn feed_date(date: &ReleaseDate) -> String {
    match date {
        ReleaseDate::Day(_) => format!("{}T00:00:00Z", date.to_iso()),
        ReleaseDate::Moment(_) => date.to_iso(),
    }
}

/// The Atom feed of `newest` (indices into the dataset's releases, newest first). Its
/// `updated` is the newest release's date, so publishing the same data twice gives the same
/// file.
pub fn atom(dataset: &Dataset, newest: &[usize], deploy: &Deploy) -> String {
    let releases = &dataset.releases;
    let author = dataset.organization_name().unwrap_or(&dataset.title);
    let updated = newest.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |&i| feed_date(&releases[i].date),
    );
    let mut out = String::with_capacity(1024 + newest.len() * 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let lang = dataset
        .lang
        .as_deref()
        .map_or_else(String::new, |lang| format!(" xml:lang=\"{}\"", xml(lang)));
    let _ = writeln!(
        out,
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{}"{lang}>"#,
        xml(deploy.base_url())
    );
    let _ = writeln!(out, "  <id>{}</id>", xml(deploy.base_url()));
    let _ = writeln!(out, "  <title>{}</title>", xml(&dataset.title));
    if let Some(description) = &dataset.description {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", xml(description));
    }
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(
        out,
        r#"  <link rel="alternate" type="text/html" href="{}"/>"#,
        xml(deploy.base_url())
    );
    let _ = writeln!(
        out,
        r#"  <link rel="self" type="application/atom+xml" href="{}"/>"#,
        xml(&deploy.url(ATOM_FILE))
    );
    let _ = write!(out, "  <author><name>{}</name>", xml(author));
    if let Some(url) = dataset.organization.as_ref().and_then(|o| o.url.as_ref()) {
        let _ = write!(out, "<uri>{}</uri>", xml(url.as_str()));
    }
    out.push_str("</author>\n  <generator>Pressline</generator>\n");
    for &i in newest {
        atom_entry(&mut out, dataset, &releases[i], deploy);
    }
    out.push_str("</feed>\n");
    out
}

fn atom_entry(out: &mut String, dataset: &Dataset, release: &Release, deploy: &Deploy) {
    let url = deploy.url(&release_path(&release.id));
    let date = feed_date(&release.date);
    let lang = match (&release.lang, &dataset.lang) {
        (Some(lang), other) if Some(lang) != other.as_ref() => {
            format!(" xml:lang=\"{}\"", xml(lang))
        }
        _ => String::new(),
    };
    let _ = writeln!(out, "  <entry{lang}>");
    let _ = writeln!(out, "    <id>{}</id>", xml(&url));
    let _ = writeln!(out, "    <title>{}</title>", xml(&release.title));
    let _ = writeln!(
        out,
        r#"    <link rel="alternate" type="text/html" href="{}"/>"#,
        xml(&url)
    );
    let _ = writeln!(out, "    <published>{date}</published>");
    let _ = writeln!(out, "    <updated>{date}</updated>");
    if let Some(summary) = &release.summary {
        let _ = writeln!(out, "    <summary>{}</summary>", xml(summary));
    }
    if let Some(body) = &release.body {
        let _ = writeln!(
            out,
            r#"    <content type="html">{}</content>"#,
            xml(&markdown_body(body))
        );
    }
    let _ = writeln!(out, "    <category term=\"{}\"/>", xml(&release.kind));
    for topic in &release.topics {
        let _ = writeln!(out, "    <category term=\"{}\"/>", xml(topic));
    }
    out.push_str("  </entry>\n");
}

/// The JSON Feed 1.1 of `newest` (indices into the dataset's releases, newest first).
pub fn json_feed(dataset: &Dataset, newest: &[usize], deploy: &Deploy) -> String {
    let releases = &dataset.releases;
    let mut author = Map::new();
    author.insert(
        "name".into(),
        json!(dataset.organization_name().unwrap_or(&dataset.title)),
    );
    if let Some(url) = dataset.organization.as_ref().and_then(|o| o.url.as_ref()) {
        author.insert("url".into(), json!(url.as_str()));
    }
    let mut feed = Map::new();
    feed.insert("version".into(), json!("https://jsonfeed.org/version/1.1"));
    feed.insert("title".into(), json!(dataset.title));
    feed.insert("home_page_url".into(), json!(deploy.base_url()));
    feed.insert("feed_url".into(), json!(deploy.url(JSON_FEED_FILE)));
    if let Some(description) = &dataset.description {
        feed.insert("description".into(), json!(description));
    }
    if let Some(lang) = &dataset.lang {
        feed.insert("language".into(), json!(lang));
    }
    feed.insert("authors".into(), json!([Value::Object(author)]));
    let items: Vec<Value> = newest
        .iter()
        .map(|&i| json_feed_item(&releases[i], deploy))
        .collect();
    feed.insert("items".into(), Value::Array(items));
    let mut text =
        serde_json::to_string_pretty(&Value::Object(feed)).expect("JSON values serialize");
    text.push('\n');
    text
}

fn json_feed_item(release: &Release, deploy: &Deploy) -> Value {
    let url = deploy.url(&release_path(&release.id));
    let mut item = Map::new();
    item.insert("id".into(), json!(url));
    item.insert("url".into(), json!(url));
    item.insert("title".into(), json!(release.title));
    // The spec requires content_html or content_text.
    match (&release.body, &release.summary) {
        (Some(body), _) => {
            item.insert("content_html".into(), json!(markdown_body(body)));
        }
        (None, summary) => {
            item.insert(
                "content_text".into(),
                json!(summary.as_deref().unwrap_or(&release.title)),
            );
        }
    }
    if let Some(summary) = &release.summary {
        item.insert("summary".into(), json!(summary));
    }
    if let Some(src) = release.image.as_ref().and_then(|image| image.src.as_ref()) {
        item.insert(
            "image".into(),
            json!(resolve_url(deploy.base_url(), src.as_str())),
        );
    }
    item.insert("date_published".into(), json!(feed_date(&release.date)));
    let tags: Vec<&str> = std::iter::once(release.kind.as_str())
        .chain(release.topics.iter().map(String::as_str))
        .collect();
    item.insert("tags".into(), json!(tags));
    if let Some(lang) = &release.lang {
        item.insert("language".into(), json!(lang));
    }
    if let Some(url) = &release.url {
        item.insert("external_url".into(), json!(url.as_str()));
    }
    Value::Object(item)
}
