//! TimelineJS3 JSON into a Pressline dataset,
//! <https://timeline.knightlab.com/docs/json-format.html>.
//!
//! | Pressline | TimelineJS |
//! |---|---|
//! | `title`, `description` | the title slide's `text.headline`, `text.text`, as text |
//! | `id` | the event's `unique_id` slugged, else its title slugged, else `event` |
//! | `date` | `start_date`: see below |
//! | `title` | `text.headline` as text (else the start of `text.text`) |
//! | `body` | `text.text` as Markdown |
//! | `summary` | the start of `text.text` as text (300 characters, at a word boundary) |
//! | `kind` | `group`, else "Event" |
//! | `image` | `media.url` when it names a picture (`.jpg`, `.jpeg`, `.png`, `.gif`, `.webp`, `.svg`), with `media.alt` (else `media.caption`) and `media.credit` |
//! | `url` | `media.url` when it is not a picture but an `http(s)` address (a video, a tweet…) |
//!
//! Dates: `year` is required; a missing `month` or `day` counts as 1, so a year-only event is
//! dated January 1st of that year (Pressline has no partial dates: the date is `YYYY-MM-DD`,
//! and `display_date` is not kept). With an `hour` the date is an RFC 3339 moment in UTC
//! (`Z`), minutes and seconds defaulting to 0. Numbers may be JSON numbers or strings, as
//! TimelineJS accepts both. A year Pressline cannot represent (negative, or past 9999) or a
//! part that is not a number is passed on as written, so validation reports the date as
//! unparseable; an event without a year is reported as missing its date. `end_date`, `eras`,
//! `background` and the title slide's media are not mapped.
//!
//! The TimelineJS spreadsheet template (CSV) is read into the same events first, and so gets
//! the same mapping (see `super::spreadsheet`). So are older files:
//!
//! - an event whose start is under the key `date` (an object as `start_date`, or text such as
//!   `"2014,03,22"` or `"2014-03-22"`) when it has no `start_date`;
//! - a TimelineJS 2 file, `{"timeline": {"headline", "text", "date": [events]}}`, whose events
//!   carry `startDate` (`"2014,3,22"`, optionally `,hh,mm,ss`), `headline`, `text`, `tag` (the
//!   group) and `asset` (`media`, `credit`, `caption`).

use serde_json::{Map, Value};

use super::html_text::{html_to_markdown, html_to_text};
use super::{dataset, excerpt, put, slugify, Converted, Ids, SUMMARY_LENGTH, TITLE_LENGTH};
use crate::SafeUrl;

/// The kind of an event without a `group`.
const EVENT_KIND: &str = "Event";

/// Picture file endings recognized in a media URL.
const IMAGE_EXTENSIONS: [&str; 6] = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"];

/// Converts a detected TimelineJS file (version 3, or version 2's `timeline` object).
pub(crate) fn convert(timeline: &Value) -> Converted {
    if let Some(legacy) = timeline.get("timeline").filter(|t| t.is_object()) {
        let events: Vec<Value> = legacy
            .get("date")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(from_version_2)
            .collect();
        let title = serde_json::json!({ "text": {
            "headline": legacy.get("headline"),
            "text": legacy.get("text"),
        } });
        return convert_events(Some(&title), &events);
    }
    let events = timeline
        .get("events")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    convert_events(timeline.get("title"), events)
}

/// True for a TimelineJS 2 file: a `timeline` object with a `date` array of events.
pub(crate) fn is_version_2(object: &Map<String, Value>) -> bool {
    object
        .get("timeline")
        .and_then(Value::as_object)
        .is_some_and(|timeline| timeline.get("date").is_some_and(Value::is_array))
}

/// A TimelineJS 2 event as a version 3 one (anything else is passed on for validation to name).
fn from_version_2(event: &Value) -> Value {
    let Value::Object(old) = event else {
        return event.clone();
    };
    let asset = old.get("asset").and_then(Value::as_object);
    let asset_field = |key: &str| asset.and_then(|a| a.get(key)).cloned();
    serde_json::json!({
        "start_date": old.get("startDate"),
        "text": { "headline": old.get("headline"), "text": old.get("text") },
        "media": { "url": asset_field("media"), "credit": asset_field("credit"), "caption": asset_field("caption") },
        "group": old.get("tag"),
    })
}

/// A start date written as text, `"2014,3,22"` (TimelineJS 2, optionally `,hh,mm,ss`) or
/// `"2014-03-22"`, as a version 3 date object; `None` when it is neither.
fn date_from_text(text: &str) -> Option<Value> {
    let separator = if text.contains(',') { ',' } else { '-' };
    // A leading minus is a year before 0 (refused later, in words), not a separator.
    let (sign, digits) = match text.trim().strip_prefix('-') {
        Some(rest) if separator == '-' => ("-", rest),
        _ => ("", text.trim()),
    };
    let parts: Vec<&str> = digits.split(separator).map(str::trim).collect();
    if parts.is_empty() || parts.len() > 6 || parts.iter().any(|p| p.parse::<i64>().is_err()) {
        return None;
    }
    let mut date = Map::new();
    for (key, part) in ["year", "month", "day", "hour", "minute", "second"]
        .into_iter()
        .zip(&parts)
    {
        let value = if key == "year" {
            format!("{sign}{part}")
        } else {
            (*part).to_owned()
        };
        date.insert(key.to_owned(), Value::from(value));
    }
    Some(Value::Object(date))
}

/// Converts TimelineJS3 events, one release record each and in order, and the title slide,
/// whose `text.headline` and `text.text` give the dataset's title and description. A JSON file
/// and a spreadsheet (see `super::spreadsheet`) both come here, so they map the same way.
pub(crate) fn convert_events(title_slide: Option<&Value>, events: &[Value]) -> Converted {
    let slide_text = |key: &str| {
        title_slide
            .and_then(|slide| slide.pointer(&format!("/text/{key}")))
            .and_then(Value::as_str)
            .map(html_to_text)
            .filter(|text| !text.is_empty())
    };
    let mut ids = Ids::default();
    let releases = events
        .iter()
        .map(|event| release(event, &mut ids))
        .collect();
    Converted {
        dataset: dataset(
            slide_text("headline"),
            slide_text("text"),
            Map::new(),
            releases,
        ),
        problems: Vec::new(),
    }
}

fn release(event: &Value, ids: &mut Ids) -> Value {
    let Value::Object(event) = event else {
        return event.clone();
    };
    let mut record = Map::new();
    let text = event.get("text").and_then(Value::as_object);
    let text_field = |key: &str| text.and_then(|t| t.get(key)).and_then(Value::as_str);

    let headline = text_field("headline")
        .map(html_to_text)
        .filter(|h| !h.is_empty());

    let kind = event
        .get("group")
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|group| !group.is_empty());
    record.insert(
        "kind".to_owned(),
        Value::from(kind.unwrap_or_else(|| EVENT_KIND.to_owned())),
    );
    put(
        &mut record,
        "date",
        start_of(event)
            .and_then(|start| date(&start))
            .map(Value::from),
    );

    let body_html = text_field("text");
    let plain = body_html.map(html_to_text).filter(|t| !t.is_empty());
    let title = headline.or_else(|| plain.as_deref().map(|t| excerpt(t, TITLE_LENGTH)));
    let candidates = [
        number_or_text(event.get("unique_id")).map(|id| slugify(&id)),
        title.as_deref().map(slugify),
    ];
    record.insert(
        "id".to_owned(),
        Value::from(ids.allocate(candidates.into_iter().flatten(), "event")),
    );
    put(&mut record, "title", title.map(Value::from));
    put(
        &mut record,
        "summary",
        plain.map(|t| Value::from(excerpt(&t, SUMMARY_LENGTH))),
    );
    put(
        &mut record,
        "body",
        body_html
            .map(html_to_markdown)
            .filter(|b| !b.is_empty())
            .map(Value::from),
    );

    if let Some(media) = event.get("media").and_then(Value::as_object) {
        let url = media
            .get("url")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|u| !u.is_empty());
        match url {
            Some(url) if is_image_url(url) => {
                let mut image = Map::new();
                image.insert("src".to_owned(), Value::from(url));
                let alt = media
                    .get("alt")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|alt| !alt.is_empty())
                    .map(str::to_owned)
                    .or_else(|| {
                        media
                            .get("caption")
                            .and_then(Value::as_str)
                            .map(html_to_text)
                            .filter(|c| !c.is_empty())
                    });
                put(&mut image, "alt", alt.map(Value::from));
                let credit = media
                    .get("credit")
                    .and_then(Value::as_str)
                    .map(html_to_text)
                    .filter(|c| !c.is_empty());
                put(&mut image, "credit", credit.map(Value::from));
                record.insert("image".to_owned(), Value::Object(image));
            }
            // A video, a map, a tweet…: linked, if it is on the web; anything else is dropped.
            Some(url) => put(
                &mut record,
                "url",
                SafeUrl::parse_web(url).map(|u| Value::from(u.as_str())),
            ),
            None => {}
        }
    }
    Value::Object(record)
}

/// A number given as a JSON number or as a string, as text (`None` when absent or blank).
fn number_or_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Number(number) => Some(match number.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => number.to_string(),
        }),
        _ => None,
    }
}

/// A date part as an integer, or as written when it is not one.
enum Part {
    Number(i64),
    Text(String),
}

fn part(value: Option<&Value>) -> Option<Part> {
    let text = number_or_text(value)?;
    Some(match text.parse::<i64>() {
        Ok(number) => Part::Number(number),
        Err(_) => Part::Text(text),
    })
}

/// Writes a part zero-padded to `width` digits when it is a number in range, as written
/// otherwise (so the date stays unparseable and is reported).
fn write_part(part: Option<Part>, width: usize, default: i64, max: i64) -> String {
    match part.unwrap_or(Part::Number(default)) {
        Part::Number(n) if (0..=max).contains(&n) => format!("{n:0width$}"),
        Part::Number(n) => n.to_string(),
        Part::Text(text) => text,
    }
}

/// A `start_date` object as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`; `None` without a year.
/// An event's start: `start_date`, else the older `date` key. Text is read by
/// [`date_from_text`], or passed on as written (it may be a Pressline date already; if not,
/// validation quotes it).
fn start_of(event: &Map<String, Value>) -> Option<Value> {
    match event.get("start_date").or_else(|| event.get("date"))? {
        Value::String(text) => {
            Some(date_from_text(text).unwrap_or_else(|| Value::from(text.trim())))
        }
        other => Some(other.clone()),
    }
}

fn date(start: &Value) -> Option<String> {
    if let Value::String(text) = start {
        return Some(text.clone());
    }
    let start = start.as_object()?;
    let get = |key: &str| part(start.get(key));
    let year = get("year")?;
    let year = match year {
        Part::Number(n) if (0..=9999).contains(&n) => format!("{n:04}"),
        // Cannot be a Pressline date: passed on as written, for validation to report.
        Part::Number(n) => n.to_string(),
        Part::Text(text) => text,
    };
    let mut date = format!(
        "{year}-{}-{}",
        write_part(get("month"), 2, 1, 99),
        write_part(get("day"), 2, 1, 99)
    );
    if let Some(hour) = get("hour") {
        date.push_str(&format!(
            "T{}:{}:{}Z",
            write_part(Some(hour), 2, 0, 99),
            write_part(get("minute"), 2, 0, 99),
            write_part(get("second"), 2, 0, 99)
        ));
    }
    Some(date)
}

/// True when the address ends with a picture file extension, whatever its case, ignoring any
/// query string or fragment.
fn is_image_url(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    IMAGE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
}
