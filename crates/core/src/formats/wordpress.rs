//! WordPress REST API v2 posts into a Pressline dataset: the array that
//! `/wp-json/wp/v2/posts?_embed` returns.
//!
//! | Pressline | WordPress post |
//! |---|---|
//! | `id` | `slug` (percent-escapes decoded, then slugged; else `post-{id}`, else the title) |
//! | `date` | `date_gmt` + `Z`; without it, the `YYYY-MM-DD` part of the local `date` |
//! | `title` | `title.rendered` as text (else the start of the excerpt or the text) |
//! | `summary` | `excerpt.rendered` as text, WordPress's trailing ` […]` made `…` |
//! | `body` | `content.rendered` as Markdown |
//! | `url` | `link` |
//! | `kind` | the first category that is a known kind ("Press Release", "Report"…), else "News" |
//! | `topics` | the other categories (but "Uncategorized") and the tags |
//! | `places` | the terms of any taxonomy whose name contains place, location, country or region |
//! | `image` | `_embedded["wp:featuredmedia"][0]`: `source_url`, `alt_text`, `caption.rendered` as the credit |
//! | `people` | `_embedded.author[].name` |
//!
//! Terms, titles and names arrive HTML-escaped ("War &amp;amp; Peace") and are decoded. Without
//! `_embed` there are no term names, pictures or authors to read: only the post itself is mapped.

use serde_json::{Map, Value};

use super::html_text::{html_to_markdown, html_to_text};
use super::{
    dataset, excerpt, is_known_kind, put, put_people, slugify, string_at, text_field, Converted,
    Ids, DEFAULT_KIND, SUMMARY_LENGTH, TITLE_LENGTH,
};

/// Converts a detected array of posts.
pub(crate) fn convert(posts: &Value) -> Converted {
    // A list of posts, or one post (`/wp/v2/posts/60`).
    let posts = match posts {
        Value::Array(posts) => posts.as_slice(),
        Value::Object(_) => std::slice::from_ref(posts),
        _ => &[],
    };
    let mut ids = Ids::default();
    let releases = posts.iter().map(|post| release(post, &mut ids)).collect();
    Converted {
        dataset: dataset(None, None, Map::new(), releases),
        problems: Vec::new(),
    }
}

/// A rendered field: `{"rendered": "…"}` as the API gives it, or a bare string.
fn rendered<'a>(post: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    match post.get(key) {
        Some(Value::Object(field)) => field.get("rendered"),
        other => other,
    }
}

/// A rendered field's text, `None` when absent or empty.
fn rendered_text(post: &Map<String, Value>, key: &str) -> Option<String> {
    rendered(post, key)
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|text| !text.is_empty())
}

fn release(post: &Value, ids: &mut Ids) -> Value {
    let Value::Object(post) = post else {
        return post.clone();
    };
    let mut record = Map::new();
    let embedded = post.get("_embedded").and_then(Value::as_object);

    let title = text_field(rendered(post, "title"), html_to_text);
    let title_text = title.as_ref().and_then(Value::as_str).unwrap_or("");
    let candidates = [
        string_at(post, "slug").map(slugify),
        post.get("id")
            .and_then(Value::as_u64)
            .map(|id| format!("post-{id}")),
        Some(slugify(title_text)),
    ];
    record.insert(
        "id".to_owned(),
        Value::from(ids.allocate(candidates.into_iter().flatten(), "post")),
    );
    put(&mut record, "date", date(post));

    let body_html = rendered(post, "content").and_then(Value::as_str);
    let summary = rendered_text(post, "excerpt")
        .map(|excerpt| without_more_marker(&excerpt))
        .or_else(|| {
            body_html
                .map(html_to_text)
                .filter(|text| !text.is_empty())
                .map(|text| excerpt(&text, SUMMARY_LENGTH))
        });
    let title = match title {
        Some(Value::String(text)) if text.is_empty() => None,
        other => other,
    }
    .or_else(|| {
        summary
            .as_deref()
            .map(|summary| Value::from(excerpt(summary, TITLE_LENGTH)))
    });
    put(&mut record, "title", title);
    put(&mut record, "summary", summary.map(Value::from));
    put(
        &mut record,
        "body",
        body_html
            .map(html_to_markdown)
            .filter(|body| !body.is_empty())
            .map(Value::from),
    );
    put(
        &mut record,
        "url",
        post.get("link").filter(|l| !l.is_null()).cloned(),
    );

    let terms = Terms::of(embedded);
    let kind_at = terms.categories.iter().position(|name| is_known_kind(name));
    let kind = kind_at.map_or(DEFAULT_KIND, |i| terms.categories[i].as_str());
    record.insert("kind".to_owned(), Value::from(kind));
    let topics: Vec<Value> = terms
        .categories
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != kind_at)
        .map(|(_, name)| name)
        .chain(&terms.tags)
        .map(|name| Value::from(name.as_str()))
        .collect();
    if !topics.is_empty() {
        record.insert("topics".to_owned(), Value::Array(topics));
    }
    if !terms.places.is_empty() {
        record.insert("places".to_owned(), Value::from(terms.places));
    }

    put(&mut record, "image", embedded.and_then(featured_image));
    let authors = embedded
        .and_then(|e| e.get("author"))
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|author| author.get("name").and_then(Value::as_str))
        .map(html_to_text)
        .filter(|name| !name.is_empty());
    put_people(&mut record, authors);
    Value::Object(record)
}

/// `date_gmt` is UTC without an offset: add `Z`. A post that was never published has none (or
/// all zeros); then the local `date` gives the day, its time being in an unknown zone.
fn date(post: &Map<String, Value>) -> Option<Value> {
    let gmt = string_at(post, "date_gmt").filter(|date| !date.starts_with("0000-00-00"));
    if let Some(gmt) = gmt {
        let has_offset = gmt
            .get(10..)
            .is_some_and(|time| time.contains(['Z', 'z', '+', '-']));
        return Some(Value::from(if has_offset || gmt.len() < 19 {
            gmt.to_owned()
        } else {
            format!("{gmt}Z")
        }));
    }
    match post.get("date") {
        Some(Value::String(local)) => {
            let local = local.trim();
            Some(Value::from(local.get(..10).unwrap_or(local)))
        }
        None | Some(Value::Null) => None,
        Some(other) => Some(other.clone()),
    }
}

/// An excerpt's trailing `[…]` (WordPress's "more" marker) as a plain `…`.
fn without_more_marker(excerpt: &str) -> String {
    for marker in ["[…]", "[...]"] {
        if let Some(text) = excerpt.strip_suffix(marker) {
            let text = text.trim_end();
            return if text.ends_with('…') {
                text.to_owned()
            } else {
                format!("{text}…")
            };
        }
    }
    excerpt.to_owned()
}

/// The names of a post's embedded terms, decoded, by role.
#[derive(Default)]
struct Terms {
    categories: Vec<String>,
    tags: Vec<String>,
    places: Vec<String>,
}

impl Terms {
    fn of(embedded: Option<&Map<String, Value>>) -> Self {
        let mut terms = Self::default();
        let groups = embedded
            .and_then(|e| e.get("wp:term"))
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for term in groups.iter().filter_map(Value::as_array).flatten() {
            let Some(term) = term.as_object() else {
                continue;
            };
            let Some(name) = term.get("name").and_then(Value::as_str).map(html_to_text) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let taxonomy = term
                .get("taxonomy")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_lowercase();
            let slug = term.get("slug").and_then(Value::as_str).unwrap_or("");
            let list = match taxonomy.as_str() {
                "category" if slug == "uncategorized" => continue,
                "category" => &mut terms.categories,
                "post_tag" => &mut terms.tags,
                t if ["place", "location", "country", "region"]
                    .iter()
                    .any(|word| t.contains(word)) =>
                {
                    &mut terms.places
                }
                _ => continue,
            };
            list.push(name);
        }
        terms
    }
}

/// The first featured media item, when it has an address (an item the site does not expose is
/// embedded as an error object without one).
fn featured_image(embedded: &Map<String, Value>) -> Option<Value> {
    let media = embedded
        .get("wp:featuredmedia")?
        .as_array()?
        .first()?
        .as_object()?;
    let src = media.get("source_url").filter(|src| !src.is_null())?;
    let mut image = Map::new();
    image.insert("src".to_owned(), src.clone());
    let alt = media
        .get("alt_text")
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|alt| !alt.is_empty());
    put(&mut image, "alt", alt.map(Value::from));
    put(
        &mut image,
        "credit",
        rendered_text(media, "caption").map(Value::from),
    );
    Some(Value::Object(image))
}
