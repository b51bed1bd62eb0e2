//! JSON Feed 1.1 (and 1.0) into a Pressline dataset, <https://www.jsonfeed.org/version/1.1/>.
//!
//! | Pressline | JSON Feed |
//! |---|---|
//! | `title`, `description` | the feed's `title`, `description` |
//! | `organization.name` / `.url` | the feed's `authors[0].name` (1.0: `author.name`) / `home_page_url` |
//! | `id` | the item's `id` slugged; for a URL its last path segment (falls back to `url`, `title`, `item`) |
//! | `kind` | the first of `tags` that is a known kind ("Press Release", "Report"…), else "News" |
//! | `date` | `date_published`, else `date_modified`, as written (RFC 3339, or RFC 2822 converted) |
//! | `title` | `title`, else the start of `summary` or of the text (80 characters) |
//! | `summary` | `summary`, else the start of the text (300 characters, at a word boundary) |
//! | `body` | `content_text` as plain paragraphs, else `content_html` as Markdown |
//! | `url` | `url`, else `external_url` |
//! | `image` | `image`, else `banner_image`, with the title as its alt text |
//! | `people` | the item's `authors[].name` (1.0: `author.name`) |
//! | `topics` | the other `tags` |
//! | `lang` | the item's `language`, else the feed's |
//!
//! An invalid feed-level `language` is reported as a dataset problem and not applied to items.

use serde_json::{Map, Value};

use super::html_text::{
    collapse_whitespace, html_to_markdown, html_to_text, plain_text_to_markdown,
};
use super::{
    dataset, excerpt, id_source, is_given, is_known_kind, json_type, put, put_people, shape_error,
    slugify, string_at, text_field, Converted, Ids, DEFAULT_KIND, SUMMARY_LENGTH, TITLE_LENGTH,
};
use crate::validate::is_language_tag;
use crate::{FormatError, Problem, ProblemKind};

/// Converts a detected JSON Feed; an `items` that is not an array is an error for the whole file.
pub(crate) fn convert(text: &str, feed: &Value) -> Result<Converted, FormatError> {
    let empty = Map::new();
    let feed = feed.as_object().unwrap_or(&empty);
    let items = match feed.get("items") {
        Some(Value::Array(items)) => items.as_slice(),
        Some(Value::Null) | None => &[],
        Some(other) => {
            return Err(shape_error(
                text,
                format!(
                    "a JSON Feed's \"items\" must be an array, found {}",
                    json_type(other)
                ),
            ))
        }
    };

    let mut problems = Vec::new();
    let feed_language = match feed.get("language") {
        None | Some(Value::Null) => None,
        Some(Value::String(tag)) if tag.trim().is_empty() => None,
        Some(Value::String(tag)) if is_language_tag(tag.trim()) => Some(tag.trim().to_owned()),
        Some(Value::String(tag)) => {
            problems.push(dataset_problem(ProblemKind::InvalidLanguageTag {
                value: tag.clone(),
            }));
            None
        }
        Some(other) => {
            problems.push(dataset_problem(ProblemKind::WrongType {
                expected: "a string",
                found: json_type(other),
            }));
            None
        }
    };

    let mut organization = Map::new();
    let publisher = first_author_name(feed);
    put(&mut organization, "name", publisher.map(Value::from));
    put(
        &mut organization,
        "url",
        string_at(feed, "home_page_url").map(Value::from),
    );

    let mut ids = Ids::default();
    let releases = items
        .iter()
        .map(|item| release(item, feed_language.as_deref(), &mut ids))
        .collect();
    Ok(Converted {
        dataset: dataset(
            string_at(feed, "title").map(str::to_owned),
            string_at(feed, "description").map(str::to_owned),
            organization,
            releases,
        ),
        problems,
    })
}

fn dataset_problem(kind: ProblemKind) -> Problem {
    Problem {
        record: None,
        field: "language".to_owned(),
        kind,
    }
}

/// An author object's non-blank name.
fn name(author: &Value) -> Option<&str> {
    author
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

/// `authors[0].name` (1.1), else `author.name` (1.0).
fn first_author_name(object: &Map<String, Value>) -> Option<&str> {
    author_names(object).into_iter().next()
}

/// Every author's name: `authors[].name` (1.1), else `author.name` (1.0). Authors with only a
/// URL or an avatar are left out.
fn author_names(object: &Map<String, Value>) -> Vec<&str> {
    match object.get("authors") {
        Some(Value::Array(authors)) if !authors.is_empty() => {
            authors.iter().filter_map(name).collect()
        }
        _ => object.get("author").and_then(name).into_iter().collect(),
    }
}

/// An item as a Pressline release record (see the table above), for validation to check.
fn release(item: &Value, feed_language: Option<&str>, ids: &mut Ids) -> Value {
    // Not an object: passed on for validation to report.
    let Value::Object(item) = item else {
        return item.clone();
    };
    let mut record = Map::new();
    record.insert("id".to_owned(), Value::from(release_id(item, ids)));
    let (kind, topics) = kind_and_topics(item);
    record.insert("kind".to_owned(), Value::from(kind.unwrap_or(DEFAULT_KIND)));
    put(&mut record, "topics", topics);
    put(
        &mut record,
        "date",
        text_field(publication_date(item), |d| {
            // RFC 3339 as the spec says, or the RFC 2822 some feeds write (`Fri, 31 May 2019
            // 12:17:58 -0700`): the intent is clear.
            let d = d.trim();
            super::feed::rfc822_to_rfc3339(d).unwrap_or_else(|| d.to_owned())
        }),
    );
    let content = Content::of(item);
    put(&mut record, "body", content.body.map(Value::from));
    let summary = summary(item, content.plain.as_deref());
    let title = title(item, summary.as_ref(), content.plain.as_deref());
    put(&mut record, "summary", summary);
    put(
        &mut record,
        "url",
        first_given(item, &["url", "external_url"]).cloned(),
    );
    if let Some(src) = first_given(item, &["image", "banner_image"]) {
        record.insert("image".to_owned(), picture(src, title.as_ref()));
    }
    put(&mut record, "title", title);
    put_people(&mut record, author_names(item));
    put(&mut record, "lang", language(item, feed_language));
    Value::Object(record)
}

/// A new release id from the item's `id`, else its address, else its title.
fn release_id(item: &Map<String, Value>, ids: &mut Ids) -> String {
    let source_id = match item.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    let link = string_at(item, "url").or_else(|| string_at(item, "external_url"));
    let candidates = [
        source_id.as_deref().map(|id| slugify(id_source(id))),
        link.map(|url| slugify(id_source(url))),
        string_at(item, "title").map(slugify),
    ];
    ids.allocate(candidates.into_iter().flatten(), "item")
}

/// The kind is the first tag that names one; the other tags are topics (a `tags` that is not
/// an array is passed on as the topics, for validation to report).
fn kind_and_topics(item: &Map<String, Value>) -> (Option<&str>, Option<Value>) {
    match item.get("tags") {
        Some(Value::Array(tags)) => {
            let kind_at = tags
                .iter()
                .position(|tag| tag.as_str().is_some_and(is_known_kind));
            let kind = kind_at.and_then(|i| tags[i].as_str()).map(str::trim);
            let topics: Vec<Value> = tags
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != kind_at)
                .map(|(_, tag)| tag.clone())
                .collect();
            (kind, (!topics.is_empty()).then_some(Value::Array(topics)))
        }
        None | Some(Value::Null) => (None, None),
        Some(other) => (None, Some(other.clone())),
    }
}

/// `date_published` when given, else `date_modified`.
fn publication_date(item: &Map<String, Value>) -> Option<&Value> {
    if is_given(item.get("date_published")) {
        item.get("date_published")
    } else {
        item.get("date_modified")
    }
}

/// What an item's `content_text` or `content_html` gives.
struct Content {
    /// Its text, for a missing summary or title to be taken from; never empty.
    plain: Option<String>,
    /// The release body: `content_text` as plain paragraphs, else `content_html` as Markdown;
    /// never empty.
    body: Option<String>,
}

impl Content {
    fn of(item: &Map<String, Value>) -> Self {
        let content_text = string_at(item, "content_text");
        let content_html = string_at(item, "content_html");
        let plain = content_text
            .map(collapse_whitespace)
            .or_else(|| content_html.map(html_to_text))
            .filter(|text| !text.is_empty());
        let body = if content_text.is_some() {
            content_text.map(plain_text_to_markdown)
        } else {
            content_html.map(html_to_markdown)
        };
        Self {
            plain,
            body: body.filter(|b| !b.is_empty()),
        }
    }
}

/// The item's `summary` when given, else the start of its text.
fn summary(item: &Map<String, Value>, plain: Option<&str>) -> Option<Value> {
    if is_given(item.get("summary")) {
        item.get("summary").cloned()
    } else {
        plain.map(|text| Value::from(excerpt(text, SUMMARY_LENGTH)))
    }
}

/// The item's `title` when given, else the start of its summary or of its text.
fn title(item: &Map<String, Value>, summary: Option<&Value>, plain: Option<&str>) -> Option<Value> {
    if is_given(item.get("title")) {
        item.get("title").cloned()
    } else {
        summary
            .and_then(Value::as_str)
            .map(collapse_whitespace)
            .or_else(|| plain.map(str::to_owned))
            .filter(|text| !text.is_empty())
            .map(|text| Value::from(excerpt(&text, TITLE_LENGTH)))
    }
}

/// The first of `keys` the item gives a value.
fn first_given<'a>(item: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .map(|&key| item.get(key))
        .find(|value| is_given(*value))
        .flatten()
}

/// The release's image: `src`, with the title as its alt text when it is a string.
fn picture(src: &Value, title: Option<&Value>) -> Value {
    let mut picture = Map::new();
    picture.insert("src".to_owned(), src.clone());
    put(
        &mut picture,
        "alt",
        title.filter(|t| t.is_string()).cloned(),
    );
    Value::Object(picture)
}

/// The item's `language` when given, else the feed's.
fn language(item: &Map<String, Value>, feed_language: Option<&str>) -> Option<Value> {
    if is_given(item.get("language")) {
        item.get("language").cloned()
    } else {
        feed_language.map(Value::from)
    }
}
