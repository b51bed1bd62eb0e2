//! Reading a dataset file: one clear error if the file as a whole is unusable, otherwise every
//! valid release kept and every invalid one reported with its index, id, field and reason.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::dataset::FORMAT_VERSION;
use super::json_scan::{self, LineCounter};
use super::safe_url::is_email;
use super::{
    Contact, Dataset, FormatError, FormatErrorKind, Image, ImageSize, LoadedDataset, Organization,
    Person, Problem, ProblemKind, RecordRef, Release, ReleaseDate, SafeUrl,
};

/// The longest id accepted: ids end up in URLs and file names.
pub const MAX_ID_LENGTH: usize = 200;

/// The most characters a release's `body` may have (about 80,000 words: a long report).
pub const MAX_BODY_CHARS: usize = 500_000;
/// The most characters a `summary` may have.
pub const MAX_SUMMARY_CHARS: usize = 20_000;
/// The most characters any other text field (title, names, addresses…) may have.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The title shown when a dataset has none.
pub const DEFAULT_TITLE: &str = "Press releases";

/// Parses and validates a Pressline dataset (format version 1).
///
/// ```
/// let text = r#"{ "pressline": 1, "title": "News", "releases": [
///     { "id": "a", "kind": "Report", "date": "2022-06-29", "title": "Kept" },
///     { "id": "b", "kind": "Report", "date": "June", "title": "Skipped" } ] }"#;
/// let loaded = pressline_core::parse_dataset(text).unwrap();
/// assert_eq!(loaded.dataset.releases.len(), 1);
/// assert_eq!(loaded.problems[0].field, "date");
/// ```
pub fn parse_dataset(text: &str) -> Result<LoadedDataset, FormatError> {
    Ok(DatasetReader::new(text)?.finish())
}

/// Reads a Pressline dataset a batch of records at a time, so a browser can stay responsive
/// (and show progress) while a large file is checked.
///
/// ```
/// use pressline_core::validate::DatasetReader;
/// let text = r#"{ "pressline": 1, "releases": [
///     { "id": "a", "kind": "Report", "date": "2022-06-29", "title": "One" },
///     { "id": "b", "kind": "Report", "date": "2022-06-30", "title": "Two" } ] }"#;
/// let mut reader = DatasetReader::new(text).unwrap();
/// assert_eq!(reader.len(), 2);
/// assert_eq!(reader.read(1), 1);
/// assert!(!reader.is_done());
/// assert_eq!(reader.finish().dataset.releases.len(), 2);
/// ```
pub struct DatasetReader<'a> {
    head: Head<Organization, Vec<Contact>>,
    /// The dataset-level problems, reported before the records'.
    head_problems: Vec<Problem>,
    records: Vec<&'a str>,
    checker: RecordChecker,
    text: &'a str,
    lines: LineCounter<'a>,
}

impl<'a> DatasetReader<'a> {
    /// Reads the dataset's top level and finds its records, without checking them yet. Fails
    /// only when the file as a whole is unusable: not JSON around the records, or not a
    /// Pressline dataset. A record the JSON parser cannot get through (a lone surrogate, nesting
    /// too deep, a stray control character) is reported later as that record's problem.
    pub fn new(text: &'a str) -> Result<Self, FormatError> {
        match serde_json::from_str::<Envelope<'a>>(text) {
            Ok(envelope) => {
                let records = envelope.releases.iter().map(|raw| raw.get()).collect();
                Ok(Self::start(text, envelope.head(), records, Vec::new()))
            }
            Err(error) => read_around_records(text, error),
        }
    }

    /// The reader, its dataset-level fields validated, before any record is checked.
    fn start(
        text: &'a str,
        head: RawHead,
        records: Vec<&'a str>,
        mut head_problems: Vec<Problem>,
    ) -> Self {
        Self {
            head: head.validated(&mut head_problems),
            head_problems,
            checker: RecordChecker::with_capacity(records.len()),
            records,
            text,
            lines: LineCounter::new(text),
        }
    }

    /// How many release records the file has, valid or not.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when the file has no release records.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// True when every record has been checked.
    pub fn is_done(&self) -> bool {
        self.checker.checked() == self.records.len()
    }

    /// Checks up to `count` more records; returns how many have been checked so far.
    pub fn read(&mut self, count: usize) -> usize {
        let next = self.checker.checked();
        let end = next.saturating_add(count).min(self.records.len());
        for &raw in &self.records[next..end] {
            let (text, lines) = (self.text, &mut self.lines);
            self.checker.check(raw, || {
                lines.position(raw.as_ptr() as usize - text.as_ptr() as usize)
            });
        }
        end
    }

    /// Checks whatever is left and returns the dataset with every problem found.
    pub fn finish(mut self) -> LoadedDataset {
        self.read(usize::MAX);
        assemble(self.head, self.head_problems, self.checker)
    }
}

/// The per-record work of reading a dataset, shared by [`DatasetReader`] (records found in a
/// whole text) and [`crate::stream::DatasetStream`] (records as they arrive): each record parsed
/// on its own, validated against the ids before it, and kept or reported by its index.
pub(crate) struct RecordChecker {
    releases: Vec<Release>,
    index_of_id: HashMap<String, usize>,
    problems: Vec<Problem>,
    checked: usize,
}

impl RecordChecker {
    pub(crate) fn with_capacity(records: usize) -> Self {
        Self {
            releases: Vec::with_capacity(records),
            index_of_id: HashMap::with_capacity(records),
            problems: Vec::new(),
            checked: 0,
        }
    }

    /// How many records have been checked.
    pub(crate) fn checked(&self) -> usize {
        self.checked
    }

    /// Checks the next record, whose text is `raw`; `start` gives the line and column (in
    /// characters) where it starts in the whole file, asked only when it is not JSON. Returns
    /// false when the JSON parser could not read it.
    pub(crate) fn check(&mut self, raw: &str, start: impl FnOnce() -> (usize, usize)) -> bool {
        let index = self.checked;
        self.checked += 1;
        // One record's JSON tree at a time: the whole file is never held as a tree.
        let value: Value = match serde_json::from_str(raw) {
            Ok(value) => value,
            Err(error) => {
                self.problems.push(Problem {
                    record: Some(RecordRef {
                        index,
                        id: None,
                        kept: false,
                    }),
                    field: "(record)".to_owned(),
                    kind: invalid_json(start(), error),
                });
                return false;
            }
        };
        let (release, mut record_problems) = validate_release(index, &value, &self.index_of_id);
        if let Some(release) = release {
            self.index_of_id.insert(release.id.clone(), index);
            self.releases.push(release);
        }
        self.problems.append(&mut record_problems);
        true
    }
}

/// The dataset from its validated top level and its checked records: the dataset-level
/// problems first, then the records' (with their translations', see [`check_translations`]),
/// then the dataset's `lang`.
pub(crate) fn assemble(
    head: Head<Organization, Vec<Contact>>,
    head_problems: Vec<Problem>,
    records: RecordChecker,
) -> LoadedDataset {
    let RecordChecker {
        mut releases,
        index_of_id,
        problems: record_problems,
        ..
    } = records;
    let mut problems = head_problems;
    let (lang, lang_problem) = match non_blank(head.lang) {
        Some(tag) if !is_language_tag(&tag) => (
            None,
            Some(Problem {
                record: None,
                field: "lang".to_owned(),
                kind: ProblemKind::InvalidLanguageTag { value: tag },
            }),
        ),
        tag => (tag, None),
    };
    let translation_problems = check_translations(&mut releases, lang.as_deref(), &index_of_id);
    problems.extend(merge_by_record(record_problems, translation_problems));
    problems.extend(lang_problem);
    LoadedDataset {
        dataset: Dataset {
            pressline: FORMAT_VERSION,
            title: non_blank(head.title).unwrap_or_else(|| DEFAULT_TITLE.to_owned()),
            description: non_blank(head.description),
            organization: head.organization,
            boilerplate: non_blank(head.boilerplate),
            contacts: head.contacts,
            lang,
            releases,
        },
        problems,
    }
}

/// The versions of one story (one `translation_key`) must each be in their own language (the
/// release's `lang`, else `dataset_lang`; tags compared ignoring case). A later release in a
/// language the key already has, or with no language at all, loses its `translation_key`
/// (and is kept); the problems are returned in record order. `index_of_id` gives each kept
/// release's index in the file.
fn check_translations(
    releases: &mut [Release],
    dataset_lang: Option<&str>,
    index_of_id: &HashMap<String, usize>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if releases
        .iter()
        .all(|release| release.translation_key.is_none())
    {
        return problems;
    }
    // (key, lower-cased language) → the position of the release that has it.
    let mut first_in: HashMap<(String, String), usize> = HashMap::new();
    for position in 0..releases.len() {
        let release = &releases[position];
        let Some(key) = release.translation_key.clone() else {
            continue;
        };
        let kind = match release.lang.as_deref().or(dataset_lang) {
            None => Some(ProblemKind::TranslationWithoutLanguage),
            Some(lang) => match first_in.entry((key, lang.to_ascii_lowercase())) {
                Entry::Occupied(first) => Some(ProblemKind::DuplicateTranslation {
                    lang: lang.to_owned(),
                    first_id: releases[*first.get()].id.clone(),
                }),
                Entry::Vacant(entry) => {
                    entry.insert(position);
                    None
                }
            },
        };
        if let Some(kind) = kind {
            let release = &mut releases[position];
            release.translation_key = None;
            problems.push(Problem {
                record: Some(RecordRef {
                    index: index_of_id.get(&release.id).copied().unwrap_or(position),
                    id: Some(release.id.clone()),
                    kept: true,
                }),
                field: "translation_key".to_owned(),
                kind,
            });
        }
    }
    problems
}

/// Two lists of record problems, each in record order, as one in record order: a record's own
/// problems before the ones added after it was checked.
fn merge_by_record(records: Vec<Problem>, added: Vec<Problem>) -> Vec<Problem> {
    if added.is_empty() {
        return records;
    }
    let index = |problem: &Problem| problem.record.as_ref().map_or(0, |record| record.index);
    let mut merged = Vec::with_capacity(records.len() + added.len());
    let mut added = added.into_iter().peekable();
    for problem in records {
        while let Some(next) = added.next_if(|next| index(next) < index(&problem)) {
            merged.push(next);
        }
        merged.push(problem);
    }
    merged.extend(added);
    merged
}

/// When the parser cannot read the whole file: if the scanner still finds every record, the
/// trouble is inside one of them, so the top level is read without the records (blanked, so
/// positions stay right) and the records are left to be checked one by one.
fn read_around_records(
    text: &str,
    error: serde_json::Error,
) -> Result<DatasetReader<'_>, FormatError> {
    let Ok(Some(array)) = json_scan::releases_array(text) else {
        return Err(format_error(error));
    };
    // The same deserializer reads the blanked text (its array is now empty), so the wasm
    // carries one copy of it.
    match serde_json::from_str::<Envelope<'_>>(&blank(text, array.span)) {
        Ok(envelope) => Ok(DatasetReader::start(
            text,
            envelope.head(),
            array.records,
            Vec::new(),
        )),
        // Broken JSON inside one of the dataset's own fields (a lone surrogate in its title):
        // that field is lost and reported, not every record.
        Err(error) if error.is_syntax() => {
            let mut lines = LineCounter::new(text);
            let (head, problems) =
                read_head_by_member(text, &array.members, &mut |offset| lines.position(offset))
                    .ok_or_else(|| format_error(error))?;
            Ok(DatasetReader::start(text, head, array.records, problems))
        }
        Err(error) => Err(format_error(error)),
    }
}

/// The dataset's own fields read one member at a time, for when the whole top level cannot be
/// read: a member the JSON parser cannot get through becomes a problem naming the field, with
/// its line and column, and is left out. `None` when the `pressline` marker itself is missing
/// or wrong (then the file is not a Pressline dataset and the caller reports why).
pub(crate) fn read_head_by_member(
    text: &str,
    members: &[(&str, &str)],
    position: &mut dyn FnMut(usize) -> (usize, usize),
) -> Option<(RawHead, Vec<Problem>)> {
    let (_, marker) = members.iter().find(|(name, _)| *name == "pressline")?;
    serde_json::from_str::<FormatVersion>(marker).ok()?;
    let mut problems = Vec::new();
    // Every member is checked, known or not, so no broken JSON goes unreported. (As a `Value`:
    // skipping with `IgnoredAny` does not decode strings, so it lets a lone surrogate by.)
    let mut readable: Vec<(&str, &str)> = Vec::with_capacity(members.len());
    for &(name, value) in members {
        match serde_json::from_str::<Value>(value) {
            Ok(_) => readable.push((name, value)),
            Err(error) => problems.push(Problem {
                record: None,
                field: name.chars().take(80).collect(),
                kind: invalid_json(
                    position(value.as_ptr() as usize - text.as_ptr() as usize),
                    error,
                ),
            }),
        }
    }
    let read = |name: &str| {
        readable
            .iter()
            .find(|(member, _)| *member == name)
            .map(|(_, value)| *value)
    };
    // A member that is valid JSON but of the wrong type is still the whole file's error, as it
    // is when nothing else is broken.
    let head = Head {
        title: read("title").map(serde_json::from_str).transpose().ok()?,
        description: read("description")
            .map(serde_json::from_str)
            .transpose()
            .ok()?,
        organization: read("organization")
            .map(serde_json::from_str)
            .transpose()
            .ok()?,
        boilerplate: read("boilerplate")
            .map(serde_json::from_str)
            .transpose()
            .ok()?,
        contacts: read("contacts")
            .map(serde_json::from_str)
            .transpose()
            .ok()?,
        lang: read("lang").map(serde_json::from_str).transpose().ok()?,
    };
    Some((head, problems))
}

/// The problem for a part of the file that the JSON parser could not read: the parser's
/// message, at its line and column in the whole file. `(line, column)` is where the part starts
/// (the column in characters, as [`LineCounter`] counts).
fn invalid_json((line, column): (usize, usize), error: serde_json::Error) -> ProblemKind {
    // The parser counts from the start of `part`: on its first line, columns add up.
    let (line, column) = if error.line() <= 1 {
        (line, column + error.column().saturating_sub(1))
    } else {
        (line + error.line() - 1, error.column())
    };
    ProblemKind::InvalidJson {
        message: format_error(error).message,
        line,
        column,
    }
}

/// A copy of `text` with the inside of the array at `span` replaced by spaces, keeping line
/// breaks so every position after it is unchanged.
pub(crate) fn blank(text: &str, span: (usize, usize)) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for byte in &mut bytes[span.0 + 1..span.1 - 1] {
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The top level, read with serde so a wrong shape is reported with its line and column. Each
/// release stays raw text until it is validated.
#[derive(Deserialize)]
pub(crate) struct Envelope<'a> {
    #[allow(dead_code)] // Read only to check the version.
    pressline: FormatVersion,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    organization: Option<RawOrganization>,
    #[serde(default)]
    boilerplate: Option<String>,
    /// Any JSON: each contact is checked on its own, so a bad one costs only itself.
    #[serde(default)]
    contacts: Option<Value>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(borrow)]
    releases: Vec<&'a RawValue>,
}

impl Envelope<'_> {
    /// The dataset-level fields.
    pub(crate) fn head(self) -> RawHead {
        Head {
            title: self.title,
            description: self.description,
            organization: self.organization,
            boilerplate: self.boilerplate,
            contacts: self.contacts,
            lang: self.lang,
        }
    }
}

/// The dataset-level fields, before (`RawHead`) and after validation (`O` the organization,
/// `C` the contacts).
pub(crate) struct Head<O, C> {
    title: Option<String>,
    description: Option<String>,
    organization: Option<O>,
    boilerplate: Option<String>,
    contacts: C,
    lang: Option<String>,
}

/// The dataset-level fields as read, before validation.
pub(crate) type RawHead = Head<RawOrganization, Option<Value>>;

impl RawHead {
    /// The fields with the organization and the contacts validated, their problems added to
    /// `problems`.
    pub(crate) fn validated(self, problems: &mut Vec<Problem>) -> Head<Organization, Vec<Contact>> {
        Head {
            title: self.title,
            description: self.description,
            organization: self
                .organization
                .map(|raw| validate_organization(raw, problems)),
            boilerplate: self.boilerplate,
            contacts: validate_dataset_contacts(self.contacts, problems),
            lang: self.lang,
        }
    }
}

/// The dataset's `contacts`, each checked as a release's are (see [`Fields::contacts`]); a
/// problem is the dataset's, and costs the contact or its field only.
fn validate_dataset_contacts(raw: Option<Value>, problems: &mut Vec<Problem>) -> Vec<Contact> {
    let Some(value) = raw else {
        return Vec::new();
    };
    let mut object = Map::new();
    object.insert("contacts".to_owned(), value);
    let mut fields = Fields {
        object: &object,
        problems: Vec::new(),
    };
    let contacts = fields.contacts();
    problems.extend(fields.problems.into_iter().map(|(field, kind)| Problem {
        record: None,
        field,
        kind,
    }));
    contacts
}

#[derive(Deserialize)]
pub(crate) struct RawOrganization {
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

pub(crate) fn format_error(error: serde_json::Error) -> FormatError {
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

/// The fields a release cannot be shown without: a problem with one of them skips the record.
/// Every other field is optional, and a problem with it drops only that field.
const REQUIRED_FIELDS: [&str; 4] = ["id", "kind", "date", "title"];

/// Optional fields whose problem still skips the record: the one exception to "a bad optional
/// field costs the field". Dropping an `embargo_until` that cannot be read would publish the
/// release at once, perhaps days early; holding it back until the date is fixed is the safe side.
const HOLDING_FIELDS: [&str; 1] = ["embargo_until"];

/// Checks the release record at `index`: the release, if it has a usable id, kind, date and
/// title, and every problem it has. `index_of_id` holds the ids of the records before it, to
/// report a duplicate. A bad optional field (an unsafe `url`, an invalid `lang`…) is dropped and
/// reported, and the release kept: its text is harmless once escaped. The exception is an
/// `embargo_until` that cannot be read, which skips the record (see [`HOLDING_FIELDS`]).
fn validate_release(
    index: usize,
    value: &Value,
    index_of_id: &HashMap<String, usize>,
) -> (Option<Release>, Vec<Problem>) {
    let Value::Object(object) = value else {
        let problem = Problem {
            record: Some(RecordRef {
                index,
                id: None,
                kept: false,
            }),
            field: "(record)".to_owned(),
            kind: ProblemKind::NotAnObject {
                found: json_type(value),
            },
        };
        return (None, vec![problem]);
    };
    let mut fields = Fields {
        object,
        problems: Vec::new(),
    };
    // Read in this order, which is the order the problems are reported in.
    let id = fields.id(index_of_id);
    let kind = fields.required_text("kind");
    let date = fields.date();
    let embargo_until = fields.embargo_until();
    let title = fields.required_text("title");
    let summary = fields.optional_text("summary");
    let body = fields.optional_text("body");
    let people = fields.people();
    let image = fields.image();
    let images = fields.images();
    let topics = fields.string_list("topics");
    let places = fields.string_list("places");
    let url = fields.optional_url("url", SafeUrl::parse_web);
    let lang = fields.language();
    let translation_key = fields.optional_text("translation_key");
    let contacts = fields.contacts();

    let required_failed = fields.problems.iter().any(|(field, _)| {
        REQUIRED_FIELDS.contains(&field.as_str()) || HOLDING_FIELDS.contains(&field.as_str())
    });
    let release = match (id.clone(), kind, date, title) {
        (Some(id), Some(kind), Some(date), Some(title)) if !required_failed => Some(Release {
            id,
            kind,
            date,
            embargo_until,
            title,
            summary,
            body,
            people,
            image,
            images,
            topics,
            places,
            url,
            lang,
            translation_key,
            contacts,
        }),
        _ => None,
    };
    let kept = release.is_some();
    (release, fields.into_record_problems(index, id, kept))
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
            Value::String(text) => {
                let limit = match path {
                    "body" => MAX_BODY_CHARS,
                    "summary" => MAX_SUMMARY_CHARS,
                    _ => MAX_TEXT_CHARS,
                };
                // Bytes are at least characters, so most texts skip the count.
                if text.len() > limit {
                    let length = text.chars().count();
                    if length > limit {
                        self.report(path, ProblemKind::TooLong { length, limit });
                        return None;
                    }
                }
                Some(without_control_characters(text).trim().to_owned())
            }
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

    /// A nested object's fields, or `None` (reported as a `path` of the wrong type) when
    /// `value` is not an object.
    fn nested(&mut self, path: &str, value: &'a Value, expected: &'static str) -> Option<Self> {
        match value {
            Value::Object(object) => Some(Fields {
                object,
                problems: Vec::new(),
            }),
            other => {
                self.report(
                    path,
                    ProblemKind::WrongType {
                        expected,
                        found: json_type(other),
                    },
                );
                None
            }
        }
    }

    /// The release's lead picture.
    fn image(&mut self) -> Option<Image> {
        let value = self.get("image")?;
        self.picture("image", value)
    }

    /// The release's gallery: each picture checked as `image` is.
    fn images(&mut self) -> Vec<Image> {
        let items = self.array("images");
        let mut images = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if item.is_null() {
                continue;
            }
            if let Some(image) = self.picture(&format!("images[{i}]"), item) {
                images.push(image);
            }
        }
        images
    }

    /// A picture at `path`: kept when it has a usable `src` or a credit. One with a `src` and
    /// no `alt` is reported (recommended; nothing is dropped), and a bad `width`, `height` or
    /// `sizes` entry is dropped.
    fn picture(&mut self, path: &str, value: &'a Value) -> Option<Image> {
        let mut nested = self.nested(
            path,
            value,
            "an object with \"src\", \"alt\" and \"credit\"",
        )?;
        let src = nested.optional_url("src", SafeUrl::parse_resource);
        let alt = nested.optional_text("alt");
        let alt_reported = nested.problems.iter().any(|(field, _)| field == "alt");
        if src.is_some() && alt.is_none() && !alt_reported {
            nested.report(
                "alt",
                ProblemKind::MissingRecommended {
                    why: "it tells people who cannot see the picture what it shows",
                },
            );
        }
        let credit = nested
            .optional_text("credit")
            .and_then(|credit| Image::credit_without_label(&credit));
        let caption = nested.optional_text("caption");
        let width = nested.pixels("width");
        let height = nested.pixels("height");
        let sizes = nested.sizes();
        let original = nested.optional_url("original", SafeUrl::parse_resource);
        self.adopt(path, nested.problems);
        (src.is_some() || credit.is_some()).then_some(Image {
            src,
            alt,
            credit,
            caption,
            width,
            height,
            sizes,
            original,
        })
    }

    /// A count of pixels: a whole number above 0 (and below 2^32).
    fn pixels(&mut self, field: &str) -> Option<u32> {
        let value = self.get(field)?;
        let Value::Number(number) = value else {
            self.report(
                field,
                ProblemKind::WrongType {
                    expected: "a whole number",
                    found: json_type(value),
                },
            );
            return None;
        };
        let pixels = number
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n > 0);
        if pixels.is_none() {
            self.report(
                field,
                ProblemKind::NotPositiveInteger {
                    value: number.to_string(),
                },
            );
        }
        pixels
    }

    /// A picture's other copies: each needs a safe `src` and a `width` above 0, or it is
    /// dropped.
    fn sizes(&mut self) -> Vec<ImageSize> {
        let items = self.array("sizes");
        let mut sizes = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("sizes[{i}]");
            let Some(mut nested) = self.nested(&path, item, "an object with \"src\" and \"width\"")
            else {
                continue;
            };
            for field in ["src", "width"] {
                if nested.get(field).is_none() {
                    nested.report(field, ProblemKind::Missing);
                }
            }
            let src = nested.optional_url("src", SafeUrl::parse_resource);
            let width = nested.pixels("width");
            self.adopt(&path, nested.problems);
            if let (Some(src), Some(width)) = (src, width) {
                sizes.push(ImageSize { src, width });
            }
        }
        sizes
    }

    /// Press contacts (a release's, or the dataset's): a contact without a name is dropped, a
    /// bad e-mail, phone or language only that field (or tag).
    fn contacts(&mut self) -> Vec<Contact> {
        let items = self.array("contacts");
        let mut contacts = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("contacts[{i}]");
            let Some(mut nested) = self.nested(
                &path,
                item,
                "an object with \"name\", \"role\", \"email\", \"phone\" and \"languages\"",
            ) else {
                continue;
            };
            let name = nested.required_text("name");
            let role = nested.optional_text("role");
            let email = nested.optional_text("email").and_then(|value| {
                if is_email(&value) {
                    Some(value)
                } else {
                    nested.report("email", ProblemKind::InvalidEmail { value });
                    None
                }
            });
            let phone = nested.optional_text("phone").and_then(|value| {
                if is_phone(&value) {
                    Some(value)
                } else {
                    nested.report("phone", ProblemKind::InvalidPhone { value });
                    None
                }
            });
            let languages = nested.language_list("languages");
            self.adopt(&path, nested.problems);
            if let Some(name) = name {
                contacts.push(Contact {
                    name,
                    role,
                    email,
                    phone,
                    languages,
                });
            }
        }
        contacts
    }

    /// A list of language tags: one that is not a tag is dropped, a repeated one folded
    /// (ignoring case).
    fn language_list(&mut self, field: &str) -> Vec<String> {
        let items = self.array(field);
        let mut tags: Vec<String> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{field}[{i}]");
            let Some(tag) = self.text_at(&path, item).filter(|tag| !tag.is_empty()) else {
                continue;
            };
            if !is_language_tag(&tag) {
                self.report(&path, ProblemKind::InvalidLanguageTag { value: tag });
            } else if !tags.iter().any(|known| known.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        tags
    }

    /// Takes a nested object's problems, prefixing their field paths.
    fn adopt(&mut self, prefix: &str, problems: Vec<(String, ProblemKind)>) {
        self.problems.extend(
            problems
                .into_iter()
                .map(|(field, kind)| (format!("{prefix}.{field}"), kind)),
        );
    }

    /// The release's `id`, when it is URL-safe; a duplicate of an earlier record's (in
    /// `index_of_id`) is reported but still read, so the record is named by it.
    fn id(&mut self, index_of_id: &HashMap<String, usize>) -> Option<String> {
        let id = self.required_text("id").and_then(|id| {
            if is_url_safe_id(&id) {
                Some(id)
            } else {
                self.report("id", ProblemKind::IdNotUrlSafe { value: id });
                None
            }
        });
        if let Some(first_index) = id.as_ref().and_then(|id| index_of_id.get(id)) {
            self.report(
                "id",
                ProblemKind::DuplicateId {
                    first_index: *first_index,
                },
            );
        }
        id
    }

    /// The release's `date`, when it parses.
    fn date(&mut self) -> Option<ReleaseDate> {
        self.required_text("date").and_then(|text| {
            let date = ReleaseDate::parse(&text);
            if date.is_none() {
                self.report("date", ProblemKind::UnparseableDate { value: text });
            }
            date
        })
    }

    /// The release's `embargo_until`, when it has one that parses (as `date` does). One that
    /// is there but cannot be read is reported, and skips the record (see [`HOLDING_FIELDS`]).
    fn embargo_until(&mut self) -> Option<ReleaseDate> {
        self.optional_text("embargo_until").and_then(|text| {
            let until = ReleaseDate::parse(&text);
            if until.is_none() {
                self.report(
                    "embargo_until",
                    ProblemKind::UnparseableEmbargo { value: text },
                );
            }
            until
        })
    }

    /// The release's `lang`, when it is a language tag.
    fn language(&mut self) -> Option<String> {
        self.optional_text("lang").and_then(|tag| {
            if is_language_tag(&tag) {
                Some(tag)
            } else {
                self.report("lang", ProblemKind::InvalidLanguageTag { value: tag });
                None
            }
        })
    }

    /// The problems found, as the problems of the record at `index`, named by its `id` when it
    /// has one worth showing, even if refused; `kept` says whether the release was kept.
    fn into_record_problems(self, index: usize, id: Option<String>, kept: bool) -> Vec<Problem> {
        let shown_id = id.or_else(|| {
            self.object
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| !id.trim().is_empty())
                .map(|id| id.chars().take(MAX_ID_LENGTH).collect())
        });
        self.problems
            .into_iter()
            .map(|(field, kind)| Problem {
                record: Some(RecordRef {
                    index,
                    id: shown_id.clone(),
                    kept,
                }),
                field,
                kind,
            })
            .collect()
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

/// A telephone number as a contact may give it: digits, spaces and `+ ( ) - .` only, with at
/// least one digit, e.g. `+1 (212) 555-0100` or `044 123 45 67`.
///
/// ```
/// use pressline_core::validate::is_phone;
/// assert!(is_phone("+1 (212) 555-0100"));
/// assert!(!is_phone("call +1 212"));
/// assert!(!is_phone("+ ( )"));
/// ```
pub fn is_phone(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-' | '.'))
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

/// The text without C0 control characters other than tab and line breaks, and without DEL:
/// invisible, never meant, and not allowed in the XML feeds that publishing writes.
fn without_control_characters(text: &str) -> Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r') && c <= '\u{7f}';
    if text.contains(unwanted) {
        Cow::Owned(text.chars().filter(|c| !unwanted(*c)).collect())
    } else {
        // Most text has none: no copy before the caller's trim.
        Cow::Borrowed(text)
    }
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
