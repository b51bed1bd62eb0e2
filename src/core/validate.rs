//! Reading a dataset file: one clear error if the file as a whole is unusable, otherwise every
//! valid release kept and every invalid one reported with its index, id, field and reason.

use std::collections::HashMap;

use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::dataset::FORMAT_VERSION;
use super::safe_url::is_email;
use super::{
    Dataset, FormatError, FormatErrorKind, Image, LoadedDataset, Organization, Person, Problem,
    ProblemKind, RecordRef, Release, ReleaseDate, SafeUrl,
};

/// The longest id accepted: ids end up in URLs and file names.
pub const MAX_ID_LENGTH: usize = 200;

/// The title shown when a dataset has none.
pub const DEFAULT_TITLE: &str = "Press releases";

/// Parses and validates a Pressline dataset (format version 1).
///
/// ```
/// let text = r#"{ "pressline": 1, "title": "News", "releases": [
///     { "id": "a", "kind": "Report", "date": "2022-06-29", "title": "Kept" },
///     { "id": "b", "kind": "Report", "date": "June", "title": "Skipped" } ] }"#;
/// let loaded = pressline::core::parse_dataset(text).unwrap();
/// assert_eq!(loaded.dataset.releases.len(), 1);
/// assert_eq!(loaded.problems[0].field, "date");
/// ```
pub fn parse_dataset(text: &str) -> Result<LoadedDataset, FormatError> {
    let envelope: Envelope<'_> = serde_json::from_str(text).map_err(format_error)?;
    let mut problems = Vec::new();
    let organization = envelope
        .organization
        .map(|raw| validate_organization(raw, &mut problems));

    let mut releases = Vec::with_capacity(envelope.releases.len());
    let mut index_of_id: HashMap<String, usize> = HashMap::with_capacity(envelope.releases.len());
    for (index, raw) in envelope.releases.iter().enumerate() {
        // One record's JSON tree at a time: the whole file is never held as a tree.
        let value: Value = serde_json::from_str(raw.get()).map_err(format_error)?;
        match validate_release(index, &value, &index_of_id) {
            Ok(release) => {
                index_of_id.insert(release.id.clone(), index);
                releases.push(release);
            }
            Err(mut record_problems) => problems.append(&mut record_problems),
        }
    }

    Ok(LoadedDataset {
        dataset: Dataset {
            pressline: FORMAT_VERSION,
            title: non_blank(envelope.title).unwrap_or_else(|| DEFAULT_TITLE.to_owned()),
            description: non_blank(envelope.description),
            organization,
            lang: non_blank(envelope.lang).and_then(|tag| {
                if is_language_tag(&tag) {
                    Some(tag)
                } else {
                    problems.push(Problem {
                        record: None,
                        field: "lang".to_owned(),
                        kind: ProblemKind::InvalidLanguageTag { value: tag },
                    });
                    None
                }
            }),
            releases,
        },
        problems,
    })
}

/// The top level, read with serde so a wrong shape is reported with its line and column. Each
/// release stays raw text until it is validated.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[allow(dead_code)] // Read only to check the version.
    pressline: FormatVersion,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    organization: Option<RawOrganization>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(borrow)]
    releases: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawOrganization {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    press_email: Option<String>,
}

/// The `pressline` marker; any value but 1 is refused with a message saying so.
struct FormatVersion;

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        match value.as_u64() {
            Some(FORMAT_VERSION) => Ok(FormatVersion),
            _ => Err(de::Error::custom(format!(
                "unsupported \"pressline\" format version {value}; this build reads version \
                 {FORMAT_VERSION}"
            ))),
        }
    }
}

fn format_error(error: serde_json::Error) -> FormatError {
    let kind = match error.classify() {
        serde_json::error::Category::Data => FormatErrorKind::NotThisFormat,
        _ => FormatErrorKind::NotJson,
    };
    // serde_json appends " at line L column C"; the position is reported separately.
    let full = error.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |cut| &full[..cut])
        .to_owned();
    FormatError {
        kind,
        message,
        line: error.line().max(1),
        column: error.column().max(1),
    }
}

fn validate_organization(raw: RawOrganization, problems: &mut Vec<Problem>) -> Organization {
    let mut dataset_problem = |field: &str, kind| {
        problems.push(Problem {
            record: None,
            field: field.to_owned(),
            kind,
        });
    };
    let url = non_blank(raw.url).and_then(|value| {
        let url = SafeUrl::parse_web(&value);
        if url.is_none() {
            dataset_problem("organization.url", ProblemKind::UnsafeUrl { value });
        }
        url
    });
    let press_email = non_blank(raw.press_email).and_then(|value| {
        if is_email(&value) {
            Some(value.trim().to_owned())
        } else {
            dataset_problem(
                "organization.press_email",
                ProblemKind::InvalidEmail { value },
            );
            None
        }
    });
    Organization {
        name: non_blank(raw.name),
        url,
        press_email,
    }
}

fn validate_release(
    index: usize,
    value: &Value,
    index_of_id: &HashMap<String, usize>,
) -> Result<Release, Vec<Problem>> {
    let Value::Object(object) = value else {
        return Err(vec![Problem {
            record: Some(RecordRef { index, id: None }),
            field: "(record)".to_owned(),
            kind: ProblemKind::NotAnObject {
                found: json_type(value),
            },
        }]);
    };
    let mut fields = Fields {
        object,
        problems: Vec::new(),
    };

    let id = fields.required_text("id").and_then(|id| {
        if is_url_safe_id(&id) {
            Some(id)
        } else {
            fields.report("id", ProblemKind::IdNotUrlSafe { value: id });
            None
        }
    });
    if let Some(first_index) = id.as_ref().and_then(|id| index_of_id.get(id)) {
        fields.report(
            "id",
            ProblemKind::DuplicateId {
                first_index: *first_index,
            },
        );
    }
    let kind = fields.required_text("kind");
    let date = fields.required_text("date").and_then(|text| {
        let date = ReleaseDate::parse(&text);
        if date.is_none() {
            fields.report("date", ProblemKind::UnparseableDate { value: text });
        }
        date
    });
    let title = fields.required_text("title");
    let summary = fields.optional_text("summary");
    let body = fields.optional_text("body");
    let people = fields.people();
    let image = fields.image();
    let topics = fields.string_list("topics");
    let places = fields.string_list("places");
    let url = fields.optional_url("url", SafeUrl::parse_web);
    let lang = fields.optional_text("lang").and_then(|tag| {
        if is_language_tag(&tag) {
            Some(tag)
        } else {
            fields.report("lang", ProblemKind::InvalidLanguageTag { value: tag });
            None
        }
    });

    match (id, kind, date, title) {
        (Some(id), Some(kind), Some(date), Some(title)) if fields.problems.is_empty() => {
            Ok(Release {
                id,
                kind,
                date,
                title,
                summary,
                body,
                people,
                image,
                topics,
                places,
                url,
                lang,
            })
        }
        (id, ..) => {
            // Name the record by its id when it has one worth showing, even if refused.
            let shown_id = id.or_else(|| {
                object
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !id.trim().is_empty())
                    .map(|id| id.chars().take(MAX_ID_LENGTH).collect())
            });
            Err(fields
                .problems
                .into_iter()
                .map(|(field, kind)| Problem {
                    record: Some(RecordRef {
                        index,
                        id: shown_id.clone(),
                    }),
                    field,
                    kind,
                })
                .collect())
        }
    }
}

/// Reads one release object's fields, collecting every problem rather than stopping at the first.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    problems: Vec<(String, ProblemKind)>,
}

impl<'a> Fields<'a> {
    fn report(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push((field.to_owned(), kind));
    }

    /// A present, non-`null` field.
    fn get(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|value| !value.is_null())
    }

    fn text_at(&mut self, path: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => Some(text.trim().to_owned()),
            other => {
                self.report(
                    path,
                    ProblemKind::WrongType {
                        expected: "a string",
                        found: json_type(other),
                    },
                );
                None
            }
        }
    }

    fn required_text(&mut self, field: &str) -> Option<String> {
        let Some(value) = self.get(field) else {
            self.report(field, ProblemKind::Missing);
            return None;
        };
        let text = self.text_at(field, value)?;
        if text.is_empty() {
            self.report(field, ProblemKind::Empty);
            return None;
        }
        Some(text)
    }

    fn optional_text(&mut self, field: &str) -> Option<String> {
        let value = self.get(field)?;
        self.text_at(field, value).filter(|text| !text.is_empty())
    }

    fn optional_url(&mut self, path: &str, parse: fn(&str) -> Option<SafeUrl>) -> Option<SafeUrl> {
        let value = self.get(path)?;
        let text = self.text_at(path, value).filter(|text| !text.is_empty())?;
        let url = parse(&text);
        if url.is_none() {
            self.report(path, ProblemKind::UnsafeUrl { value: text });
        }
        url
    }

    fn array(&mut self, field: &str) -> &'a [Value] {
        let object = self.object;
        match object.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report(
                    field,
                    ProblemKind::WrongType {
                        expected: "an array",
                        found: json_type(other),
                    },
                );
                &[]
            }
        }
    }

    fn string_list(&mut self, field: &str) -> Vec<String> {
        let items = self.array(field);
        let mut list = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(text) = self.text_at(&format!("{field}[{i}]"), item) {
                if !text.is_empty() && !list.contains(&text) {
                    list.push(text);
                }
            }
        }
        list
    }

    fn people(&mut self) -> Vec<Person> {
        let items = self.array("people");
        let mut people = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("people[{i}]");
            let Value::Object(person) = item else {
                self.report(
                    &path,
                    ProblemKind::WrongType {
                        expected: "an object with \"name\" and \"role\"",
                        found: json_type(item),
                    },
                );
                continue;
            };
            let mut nested = Fields {
                object: person,
                problems: Vec::new(),
            };
            let name = nested.required_text("name");
            let role = nested.optional_text("role");
            self.adopt(&path, nested.problems);
            if let Some(name) = name {
                people.push(Person { name, role });
            }
        }
        people
    }

    fn image(&mut self) -> Option<Image> {
        let value = self.get("image")?;
        let Value::Object(image) = value else {
            self.report(
                "image",
                ProblemKind::WrongType {
                    expected: "an object with \"src\", \"alt\" and \"credit\"",
                    found: json_type(value),
                },
            );
            return None;
        };
        let mut nested = Fields {
            object: image,
            problems: Vec::new(),
        };
        let src = nested.optional_url("src", SafeUrl::parse_resource);
        let alt = nested.optional_text("alt");
        let credit = nested.optional_text("credit");
        self.adopt("image", nested.problems);
        (src.is_some() || credit.is_some()).then_some(Image { src, alt, credit })
    }

    /// Takes a nested object's problems, prefixing their field paths.
    fn adopt(&mut self, prefix: &str, problems: Vec<(String, ProblemKind)>) {
        self.problems.extend(
            problems
                .into_iter()
                .map(|(field, kind)| (format!("{prefix}.{field}"), kind)),
        );
    }
}

/// Ids go into URL paths and file names: unreserved URL characters only, starting with a letter
/// or digit (so never `.` or `..`), and not too long.
pub fn is_url_safe_id(id: &str) -> bool {
    id.len() <= MAX_ID_LENGTH
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}

/// A syntactic BCP 47 check: a 2–3 letter (or 4–8 letter registered) language subtag, then
/// subtags of 1–8 letters or digits, e.g. `en`, `uk-UA`, `zh-Hant-TW`, `sr-Latn`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language_ok = subtags
        .next()
        .is_some_and(|s| (2..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn non_blank(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The JSON type of a value, as problem reports name it ("a string", "an array"…).
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
