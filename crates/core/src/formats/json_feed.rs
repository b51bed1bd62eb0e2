//! JSON Feed 1.1 (and 1.0) into a Pressline dataset, <https://www.jsonfeed.org/version/1.1/>.
//!
//! | Pressline | JSON Feed |
//! |---|---|
//! | `title`, `description` | the feed's `title`, `description` |
//! | `organization.name` / `.url` | the feed's `authors[0].name` (1.0: `author.name`) / `home_page_url` |
//! | `id` | the item's `id` slugged; for a URL its last path segment (falls back to `url`, `title`, `item`) |
//! | `kind` | the first of `tags` that is a known kind ("Press Release", "Report"…), else "News" |
//! | `date` | `date_published`, else `date_modified`, as written (RFC 3339) |
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

fn release(item: &Value, feed_language: Option<&str>, ids: &mut Ids) -> Value {
    // Not an object: passed on for validation to report.
    let Value::Object(item) = item else {
        return item.clone();
    };
    let mut record = Map::new();

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
    record.insert(
        "id".to_owned(),
        Value::from(ids.allocate(candidates.into_iter().flatten(), "item")),
    );

    // The kind is the first tag that names one; the other tags are topics.
    let (kind, topics) = match item.get("tags") {
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
    };
    record.insert("kind".to_owned(), Value::from(kind.unwrap_or(DEFAULT_KIND)));
    put(&mut record, "topics", topics);

    let date = if is_given(item.get("date_published")) {
        item.get("date_published")
    } else {
        item.get("date_modified")
    };
    put(
        &mut record,
        "date",
        text_field(date, |d| d.trim().to_owned()),
    );

    let content_text = string_at(item, "content_text");
    let content_html = string_at(item, "content_html");
    // The text the summary and, failing everything else, the title are taken from.
    let plain = content_text
        .map(collapse_whitespace)
        .or_else(|| content_html.map(html_to_text))
        .filter(|text| !text.is_empty());

    let body = if content_text.is_some() {
        content_text.map(plain_text_to_markdown)
    } else {
        content_html.map(html_to_markdown)
    };
    put(
        &mut record,
        "body",
        body.filter(|b| !b.is_empty()).map(Value::from),
    );

    let summary = if is_given(item.get("summary")) {
        item.get("summary").cloned()
    } else {
        plain
            .as_deref()
            .map(|text| Value::from(excerpt(text, SUMMARY_LENGTH)))
    };
    let title = if is_given(item.get("title")) {
        item.get("title").cloned()
    } else {
        summary
            .as_ref()
            .and_then(Value::as_str)
            .map(collapse_whitespace)
            .or_else(|| plain.clone())
            .filter(|text| !text.is_empty())
            .map(|text| Value::from(excerpt(&text, TITLE_LENGTH)))
    };
    put(&mut record, "summary", summary);

    let url = ["url", "external_url"]
        .into_iter()
        .map(|key| item.get(key))
        .find(|value| is_given(*value))
        .flatten();
    put(&mut record, "url", url.cloned());

    let image = ["image", "banner_image"]
        .into_iter()
        .map(|key| item.get(key))
        .find(|value| is_given(*value))
        .flatten();
    if let Some(src) = image {
        let mut picture = Map::new();
        picture.insert("src".to_owned(), src.clone());
        put(
            &mut picture,
            "alt",
            title.as_ref().filter(|t| t.is_string()).cloned(),
        );
        record.insert("image".to_owned(), Value::Object(picture));
    }
    put(&mut record, "title", title);

    put_people(&mut record, author_names(item));

    let lang = if is_given(item.get("language")) {
        item.get("language").cloned()
    } else {
        feed_language.map(Value::from)
    };
    put(&mut record, "lang", lang);

    Value::Object(record)
}
