//! Reading other publishing formats: automatic detection, and adapters that map JSON Feed,
//! WordPress REST API posts, TimelineJS3 files, RSS and Atom feeds and spreadsheets (CSV or
//! TSV: the TimelineJS template, or Pressline's own) into Pressline's dataset model.
//!
//! Every adapter writes a Pressline dataset (format version 1) as JSON, one release per source
//! record and in the same order, and hands it to [`parse_dataset`]. So a converted record gets
//! exactly the validation and the problem reports of a Pressline one: `releases[3]` in a problem
//! is the source's fourth item, post, event or spreadsheet row, and its field names are
//! Pressline's (`date`, `url`, `image.src`…). Values an adapter cannot make sense of (an
//! unparseable date, a `javascript:` link, a number where text belongs) are passed on as they
//! are, so validation reports them and skips that record, never the others.
//!
//! Ids are derived with one rule for all formats (see [`slugify`]): lower-case, URL-safe, at
//! most 200 characters, made unique within the file by appending `-2`, `-3`…

pub mod feed;
pub mod html_text;
mod json_feed;
mod spreadsheet;
mod timelinejs;
mod wordpress;

pub use spreadsheet::{looks_like_spreadsheet, SpreadsheetKind};

use std::collections::HashSet;

use serde_json::{Map, Value};

pub(crate) use super::validate::json_type;
use super::validate::DatasetReader;
use super::validate::MAX_ID_LENGTH;
use super::{parse_dataset, FormatError, FormatErrorKind, LoadedDataset, Problem};

/// The formats Pressline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Pressline's own dataset format (version 1).
    Pressline,
    /// A JSON Feed (versions 1 and 1.1), <https://www.jsonfeed.org/version/1.1/>.
    JsonFeed,
    /// An array of posts from the WordPress REST API, `/wp-json/wp/v2/posts?_embed`.
    WordPress,
    /// A TimelineJS3 JSON file, <https://timeline.knightlab.com/docs/json-format.html>.
    TimelineJs,
    /// An RSS 2.0 feed, <https://www.rssboard.org/rss-specification>.
    Rss,
    /// An Atom 1.0 feed, RFC 4287.
    Atom,
    /// A spreadsheet (CSV or TSV) in the TimelineJS Google Sheet template,
    /// <https://timeline.knightlab.com/docs/using-spreadsheets.html>.
    TimelineJsSheet,
    /// A spreadsheet (CSV or TSV) whose columns are Pressline's fields (`id`, `kind`, `date`,
    /// `title`…), as in `docs/templates/pressline-template.csv`.
    PresslineSheet,
    /// A folder of releases written as Markdown files with YAML front matter, and its
    /// `site.yml` (see [`crate::content`]). Read from files, never detected in one text.
    Content,
}

impl SourceFormat {
    /// The format's name as shown to people, e.g. "JSON Feed 1.1".
    pub fn label(self) -> &'static str {
        match self {
            Self::Pressline => "Pressline dataset",
            Self::JsonFeed => "JSON Feed 1.1",
            Self::WordPress => "WordPress REST API posts",
            Self::TimelineJs => "TimelineJS3 JSON",
            Self::Rss => "RSS 2.0 feed",
            Self::Atom => "Atom 1.0 feed",
            Self::TimelineJsSheet => "TimelineJS spreadsheet (CSV)",
            Self::PresslineSheet => "Pressline spreadsheet (CSV)",
            Self::Content => "Markdown files (content folder)",
        }
    }
}

/// What an adapter produced: a Pressline dataset as JSON, plus problems with feed-level fields
/// that the adapter dropped (such as a JSON Feed's invalid `language`).
///
/// The dataset still has to be validated: [`parse_dataset`] on its JSON text gives the releases
/// and the problems of every record that could not be made one.
pub struct Converted {
    /// The Pressline dataset (format version 1), one release record per source record.
    pub dataset: Value,
    /// Problems with dataset-level fields the adapter dropped; they come before the records'.
    pub problems: Vec<Problem>,
}

/// Detects the format of `text` and reads it.
///
/// Pressline text goes straight to [`parse_dataset`] (parsed once). Other formats are converted
/// to a Pressline dataset (format version 1) and then validated by `parse_dataset`, so every
/// record gets the same validation and problem reports: JSON ones by their shape (see
/// [`detect`]), RSS and Atom feeds by their root element (see [`feed::looks_like_feed`]),
/// spreadsheets (CSV or TSV) by their header row (see [`looks_like_spreadsheet`]). Other text
/// that is not JSON gives a [`FormatErrorKind::NotJson`] error with its line and column; JSON
/// of no known shape gives a [`FormatErrorKind::NotThisFormat`] error naming the formats
/// Pressline knows.
///
/// ```
/// use pressline_core::formats::{read_any, SourceFormat};
/// let feed = r#"{ "version": "https://jsonfeed.org/version/1.1", "title": "News",
///     "items": [ { "id": "https://example.org/news/first-one", "title": "First",
///                  "date_published": "2022-11-10T09:30:00-05:00" } ] }"#;
/// let (format, loaded) = read_any(feed).unwrap();
/// assert_eq!(format, SourceFormat::JsonFeed);
/// assert_eq!(loaded.dataset.releases[0].id, "first-one");
/// ```
pub fn read_any(text: &str) -> Result<(SourceFormat, LoadedDataset), FormatError> {
    match start_reading(text)? {
        Reading::Pressline(reader) => Ok((SourceFormat::Pressline, reader.finish())),
        Reading::Other(pressline_error) => read_other(text, pressline_error),
    }
}

/// A dataset being read: a Pressline one record batch by record batch, or another format that
/// is still to be converted.
// Made once per file and matched at once: boxing the reader would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum Reading<'a> {
    /// A Pressline dataset whose records are still to be checked.
    Pressline(DatasetReader<'a>),
    /// Text that is not a Pressline dataset (JSON of another shape, a feed, a spreadsheet):
    /// [`read_other`] converts it if it is another known format (the web app loads that code
    /// only then). The error is the text's error as a Pressline dataset, for when it turns out
    /// to be one after all.
    Other(FormatError),
}

/// Starts reading `text` in whatever format it is, as [`read_any`] does, but leaves a Pressline
/// dataset's records to be checked in batches (see [`DatasetReader`]).
pub fn start_reading(text: &str) -> Result<Reading<'_>, FormatError> {
    // A Pressline dataset is read in one pass; only when that fails is the text looked at again.
    let pressline_error = match DatasetReader::new(text) {
        Ok(reader) => return Ok(Reading::Pressline(reader)),
        // Not JSON: a feed (XML) or a spreadsheet (CSV) is another format; anything else is
        // what the error says. Both looks are at the first lines only.
        Err(error) if error.kind == FormatErrorKind::NotJson => {
            if feed::looks_like_feed(text).is_none() && looks_like_spreadsheet(text).is_none() {
                // A table of other columns is better told so than "not valid JSON".
                return Err(spreadsheet::unknown_table(text).unwrap_or(error));
            }
            error
        }
        Err(error) => error,
    };
    Ok(Reading::Other(pressline_error))
}

/// Reads `text` that [`start_reading`] found not to be a Pressline dataset: converts it from
/// the format its shape shows, then validates it as [`read_any`] does. `pressline_error` is
/// returned if the text is a Pressline dataset after all (its reading failed).
pub fn read_other(
    text: &str,
    pressline_error: FormatError,
) -> Result<(SourceFormat, LoadedDataset), FormatError> {
    // Both looks are cheap, and no JSON text has a spreadsheet's header row.
    let (format, converted) = match (feed::looks_like_feed(text), looks_like_spreadsheet(text)) {
        (Some(feed::FeedKind::Rss), _) => (SourceFormat::Rss, feed::convert(text)?),
        (Some(feed::FeedKind::Atom), _) => (SourceFormat::Atom, feed::convert(text)?),
        (None, Some(kind)) => (kind.format(), spreadsheet::convert(text, kind)?),
        (None, None) => {
            let value: Value = serde_json::from_str(text).map_err(not_json)?;
            let format = detect(&value).ok_or_else(|| unknown_shape(text, &value))?;
            let converted = match format {
                SourceFormat::Pressline => return Err(pressline_error),
                SourceFormat::JsonFeed => json_feed::convert(text, &value)?,
                SourceFormat::WordPress => wordpress::convert(&value),
                SourceFormat::TimelineJs => timelinejs::convert(&value),
                // Feeds (XML) and spreadsheets (CSV) are found above; `detect` never names them.
                SourceFormat::Rss
                | SourceFormat::Atom
                | SourceFormat::TimelineJsSheet
                | SourceFormat::PresslineSheet
                | SourceFormat::Content => return Err(pressline_error),
            };
            (format, converted)
        }
    };
    let mut loaded = parse_dataset(&converted.dataset.to_string())?;
    // Dataset-level problems come first, as parse_dataset lists them.
    let mut problems = converted.problems;
    problems.append(&mut loaded.problems);
    loaded.problems = problems;
    Ok((format, loaded))
}

/// Reads markup that is not UTF-8 text (see [`crate::stream::StreamOutcome::Encoded`]): an
/// XML feed in the encoding its prolog declares (see [`feed::decode`]), then as [`read_any`].
///
/// ```
/// use pressline_core::formats::{read_encoded, SourceFormat};
/// let latin1 = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss version='2.0'><channel>\
///     <item><title>Caf\xe9</title><link>https://example.org/cafe</link>\
///     <pubDate>Tue, 14 Mar 2023 09:00:00 GMT</pubDate></item></channel></rss>";
/// let (format, loaded) = read_encoded(latin1).unwrap();
/// assert_eq!(format, SourceFormat::Rss);
/// assert_eq!(loaded.dataset.releases[0].title, "Caf\u{e9}");
/// ```
pub fn read_encoded(bytes: &[u8]) -> Result<(SourceFormat, LoadedDataset), FormatError> {
    read_any(&feed::decode(bytes)?)
}

/// Recognizes a format by its shape:
///
/// - an object with a `"pressline"` key is a Pressline dataset (whatever its version: reading
///   it reports a wrong one);
/// - an object whose `"version"` starts with `https://jsonfeed.org/version/` and that has
///   `"items"` is a JSON Feed;
/// - an array whose first element is an object with `"slug"` and either a `"title"` object
///   with `"rendered"` or a `"date_gmt"` is a list of WordPress posts (an empty array is
///   nothing), and such an object alone is one post;
/// - an object with an `"events"` array (and, if any, a `"title"` slide object) is a TimelineJS
///   file, and so is an object with a `"timeline"` object holding a `"date"` array (TimelineJS
///   2).
///
/// Only JSON is judged here: feeds and spreadsheets are text of other kinds, recognized by
/// [`feed::looks_like_feed`] and [`looks_like_spreadsheet`].
pub fn detect(value: &Value) -> Option<SourceFormat> {
    match value {
        Value::Object(object) => {
            if object.contains_key("pressline") {
                return Some(SourceFormat::Pressline);
            }
            let feed_version = object
                .get("version")
                .and_then(Value::as_str)
                .is_some_and(|version| version.starts_with("https://jsonfeed.org/version/"));
            if feed_version && object.contains_key("items") {
                return Some(SourceFormat::JsonFeed);
            }
            let title_ok = matches!(
                object.get("title"),
                None | Some(Value::Null | Value::Object(_))
            );
            if title_ok && object.get("events").is_some_and(Value::is_array) {
                return Some(SourceFormat::TimelineJs);
            }
            if timelinejs::is_version_2(object) {
                return Some(SourceFormat::TimelineJs);
            }
            // One post (`/wp/v2/posts/60`), not a list: the intent is clear.
            is_wordpress_post(object).then_some(SourceFormat::WordPress)
        }
        Value::Array(items) => {
            let Some(Value::Object(first)) = items.first() else {
                return None;
            };
            is_wordpress_post(first).then_some(SourceFormat::WordPress)
        }
        _ => None,
    }
}

/// A post as the WordPress REST API gives it: a `slug`, and a rendered title or a GMT date.
fn is_wordpress_post(object: &Map<String, Value>) -> bool {
    let rendered_title = object
        .get("title")
        .and_then(Value::as_object)
        .is_some_and(|title| title.contains_key("rendered"));
    object.contains_key("slug") && (rendered_title || object.contains_key("date_gmt"))
}

/// A `serde_json` syntax error as a [`FormatErrorKind::NotJson`] error.
pub(crate) fn not_json(error: serde_json::Error) -> FormatError {
    let full = error.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |cut| &full[..cut])
        .to_owned();
    FormatError {
        kind: FormatErrorKind::NotJson,
        message,
        line: error.line().max(1),
        column: error.column().max(1),
    }
}

/// The error for JSON of no known shape, pointing at the start of the top-level value.
fn unknown_shape(text: &str, value: &Value) -> FormatError {
    let found = match value {
        Value::Array(items) if items.is_empty() => "found an empty array".to_owned(),
        Value::Array(_) => "found an array whose first element is not a WordPress post".to_owned(),
        Value::Object(_) => "found an object with none of their marks".to_owned(),
        other => format!("found {}", json_type(other)),
    };
    shape_error(
        text,
        format!(
            "expected a Pressline dataset, a JSON Feed, WordPress posts or a TimelineJS file; {found}"
        ),
    )
}

/// A [`FormatErrorKind::NotThisFormat`] error at the first character of the top-level value.
pub(crate) fn shape_error(text: &str, message: String) -> FormatError {
    let offset = text.len() - text.trim_start().len();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FormatError {
        kind: FormatErrorKind::NotThisFormat,
        message,
        line,
        column,
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the adapters

/// The kinds recognized among a source's tags or categories (compared case-insensitively).
pub(crate) const KNOWN_KINDS: [&str; 6] = [
    "press release",
    "report",
    "statement",
    "news",
    "open letter",
    "briefing",
];

/// The kind used when no tag or category names one.
pub(crate) const DEFAULT_KIND: &str = "News";

/// The longest summary derived from a body, in characters (before the "…").
pub(crate) const SUMMARY_LENGTH: usize = 300;

/// The longest title derived from a summary or body, in characters (before the "…").
pub(crate) const TITLE_LENGTH: usize = 80;

/// True when `name` is one of [`KNOWN_KINDS`], whatever its case and surrounding spaces.
pub(crate) fn is_known_kind(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    KNOWN_KINDS.contains(&name.as_str())
}

/// A URL-safe id from any text: percent-escapes decoded, lower-cased, every character outside
/// `[a-z0-9._~-]` replaced by `-`, repeated `-` collapsed, leading characters other than
/// letters and digits and trailing `-` trimmed, at most 200 characters. May be empty (e.g. for
/// text in Cyrillic only).
pub(crate) fn slugify(text: &str) -> String {
    let decoded = percent_decode(text);
    let mut slug = String::with_capacity(decoded.len());
    for c in decoded.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '~') {
            c
        } else {
            '-'
        };
        if c == '-' && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push(c);
    }
    let start = slug
        .find(|c: char| c.is_ascii_alphanumeric())
        .unwrap_or(slug.len());
    let mut slug = slug[start..].to_owned();
    slug.truncate(MAX_ID_LENGTH);
    slug.truncate(slug.trim_end_matches('-').len());
    slug
}

/// The part of an id worth slugging: for a URL (`scheme://…`), its last non-empty path segment,
/// or its query when the path has none; anything else whole.
pub(crate) fn id_source(id: &str) -> &str {
    let id = id.trim();
    let Some((_, after_scheme)) = id.split_once("://") else {
        return id;
    };
    let (before_fragment, _) = after_scheme.split_once('#').unwrap_or((after_scheme, ""));
    let (before_query, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let path = before_query.split_once('/').map_or("", |(_, path)| path);
    match path.split('/').rev().find(|segment| !segment.is_empty()) {
        Some(segment) => segment,
        None if !query.is_empty() => query,
        None => id,
    }
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|b| hex(*b)),
            bytes.get(i + 2).and_then(|b| hex(*b)),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Hands out ids unique within one file.
#[derive(Default)]
pub(crate) struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Marks `id` as taken (an id the source gives as it is), so no allocated id is the same.
    pub(crate) fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_owned());
    }

    /// The first non-empty candidate (already slugged), or `fallback`, made unique with `-2`,
    /// `-3`… while staying within 200 characters.
    pub(crate) fn allocate(
        &mut self,
        candidates: impl IntoIterator<Item = String>,
        fallback: &str,
    ) -> String {
        let base = candidates
            .into_iter()
            .find(|candidate| !candidate.is_empty())
            .unwrap_or_else(|| fallback.to_owned());
        let mut id = base.clone();
        let mut n = 1u64;
        while self.used.contains(&id) {
            n += 1;
            let suffix = format!("-{n}");
            let mut stem = base.clone();
            stem.truncate(MAX_ID_LENGTH - suffix.len());
            stem.truncate(stem.trim_end_matches('-').len());
            id = format!("{stem}{suffix}");
        }
        self.used.insert(id.clone());
        id
    }
}

/// At most `max` characters of `text` (whitespace already collapsed), cut at a word boundary
/// and ended with "…" when anything was cut.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let Some((cut, next)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..cut];
    let head = if next.is_whitespace() {
        head
    } else {
        match head.rfind(char::is_whitespace) {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    let head = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—')
    });
    format!("{head}…")
}

/// A field to copy: `None` when absent or `null`; a string through `convert`; anything else as
/// it is, for validation to report its type.
pub(crate) fn text_field(value: Option<&Value>, convert: impl Fn(&str) -> String) -> Option<Value> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(Value::String(convert(text))),
        Some(other) => Some(other.clone()),
    }
}

/// A non-empty, non-`null` string field, trimmed.
pub(crate) fn string_at<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// `true` for a present field that is neither `null` nor an empty string.
pub(crate) fn is_given(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(_) => true,
    }
}

/// Inserts `value` when there is one.
pub(crate) fn put(record: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        record.insert(key.to_owned(), value);
    }
}

/// Sets `people` to these names (no roles: the source formats have none); nothing when empty.
pub(crate) fn put_people<S: Into<String>>(
    record: &mut Map<String, Value>,
    names: impl IntoIterator<Item = S>,
) {
    let people: Vec<Value> = names
        .into_iter()
        .map(|name| {
            let mut person = Map::new();
            person.insert("name".to_owned(), Value::from(name.into()));
            Value::Object(person)
        })
        .collect();
    if !people.is_empty() {
        record.insert("people".to_owned(), Value::Array(people));
    }
}

/// A dataset envelope around converted releases.
pub(crate) fn dataset(
    title: Option<String>,
    description: Option<String>,
    organization: Map<String, Value>,
    releases: Vec<Value>,
) -> Value {
    let mut dataset = Map::new();
    dataset.insert("pressline".to_owned(), Value::from(1));
    put(&mut dataset, "title", title.map(Value::String));
    put(&mut dataset, "description", description.map(Value::String));
    if !organization.is_empty() {
        dataset.insert("organization".to_owned(), Value::Object(organization));
    }
    dataset.insert("releases".to_owned(), Value::Array(releases));
    Value::Object(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("  Hello, World!  "), "hello-world");
        assert_eq!(slugify("..--a__b"), "a__b");
        assert_eq!(slugify("Заява"), "");
        assert_eq!(slugify("2022-%D0%B7%D0%B0%D1%8F%D0%B2%D0%B0"), "2022");
        assert_eq!(slugify(&"x".repeat(500)).len(), MAX_ID_LENGTH);
        assert_eq!(
            id_source("https://example.org/press/2022/item-one/"),
            "item-one"
        );
        assert_eq!(id_source("https://example.org/?p=12#top"), "p=12");
        assert_eq!(
            id_source("tag:example.org,2022:1"),
            "tag:example.org,2022:1"
        );
    }

    #[test]
    fn ids_are_unique_and_short() {
        let mut ids = Ids::default();
        assert_eq!(ids.allocate([String::new()], "item"), "item");
        assert_eq!(ids.allocate([String::new(), "item".into()], "x"), "item-2");
        let long = "a".repeat(MAX_ID_LENGTH);
        assert_eq!(ids.allocate([long.clone()], "x"), long);
        let second = ids.allocate([long], "x");
        assert_eq!(second.len(), MAX_ID_LENGTH);
        assert!(second.ends_with("a-2"));
    }

    #[test]
    fn excerpts() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("one two three", 9), "one two…");
        assert_eq!(excerpt("one two, three", 8), "one two…");
        assert_eq!(excerpt("abcdefghij", 4), "abcd…");
    }
}
