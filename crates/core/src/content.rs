//! Releases written as Markdown files: a folder that press officers edit instead of JSON.
//!
//! ```text
//! content/
//!   site.yml              the dataset's own fields: title, description, lang, organization,
//!                         boilerplate, contacts
//!   releases/
//!     kyiv-briefing.md    one release: YAML front matter between `---` lines, then Markdown
//! ```
//!
//! Like the other formats' adapters (see [`crate::formats`]), [`read_content`] builds a
//! Pressline dataset as JSON (one record per file, files in path order) and validates it with
//! [`parse_dataset`], so a release file gets exactly a JSON record's checks. What it adds is
//! where: every problem is named by its file, its line (the line of the field's key in the
//! front matter) and its field ([`ContentRead::describe`]). A file whose front matter cannot be
//! read at all costs that file only.
//!
//! This module is pure: it is handed texts, and gives texts back ([`write_content`]); reading
//! and writing the folder is the caller's (the `pressline` command's).
//!
//! ```
//! use pressline_core::content::{read_content, ContentFile};
//! let file = |path: &str, text: &str| ContentFile { path: path.into(), text: text.into() };
//! let read = read_content(
//!     Some(&file("content/site.yml", "title: Newsroom\n")),
//!     &[
//!         file("content/releases/kyiv.md", "---\nkind: Statement\ndate: 2022-11-10\ntitle: Kyiv\n---\n\nThe *body*.\n"),
//!         file("content/releases/later.md", "---\nkind: Report\ndate: soon\ntitle: Later\n---\n"),
//!     ],
//! );
//! let dataset = &read.loaded.dataset;
//! assert_eq!(dataset.title, "Newsroom");
//! assert_eq!(dataset.releases[0].id, "kyiv");
//! assert_eq!(dataset.releases[0].body.as_deref(), Some("The *body*."));
//! assert_eq!(
//!     read.describe(&read.loaded.problems[0]),
//!     "content/releases/later.md, line 3, field `date`: unparseable date \"soon\"; use \
//!      YYYY-MM-DD or a date-time with offset such as 2022-11-10T09:30:00-05:00; the release \
//!      is skipped"
//! );
//! ```

use std::borrow::Cow;
use std::collections::HashSet;

use saphyr::{MarkedYaml, Scalar, ScalarStyle, ScanError, Tag, YamlData, YamlLoader};
use serde_json::{Map, Number, Value};

use crate::dataset::FORMAT_VERSION;
use crate::validate::{is_url_safe_id, json_type, DEFAULT_TITLE};
use crate::{
    parse_dataset, Contact, Dataset, Image, LoadedDataset, Problem, ProblemKind, RecordRef,
    Release, ReleaseDate,
};

/// The dataset's own fields, in the content folder.
pub const SITE_FILE: &str = "site.yml";
/// The folder of release files, in the content folder.
pub const RELEASES_DIR: &str = "releases";
/// The extension of a release file; other files in [`RELEASES_DIR`] are ignored.
pub const RELEASE_EXTENSION: &str = ".md";

/// The deepest nesting read from front matter (a release needs 3 levels: `people[0].name`).
/// Deeper YAML is refused, so nothing reaches the JSON parser's own limit.
const MAX_DEPTH: usize = 16;

/// What a problem with a whole file is filed under, for a release file and for `site.yml`.
const FRONT_MATTER_FIELD: &str = "(front matter)";
const SITE_FIELD: &str = "(site.yml)";

/// One file of a content folder, as the caller read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    /// Its path as the caller names it (e.g. `content/releases/kyiv.md`); problems quote it,
    /// and a release's id is its file name without `.md` unless the front matter gives one.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// Where a record or the dataset's fields came from: a file, and the line of each field in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOrigin {
    /// The file's path, as given.
    pub path: String,
    /// True when the release's id is its file name (the front matter gives no `id`).
    pub id_from_file_name: bool,
    /// The id of the release read from this file, when it was kept.
    pub release: Option<String>,
    /// The line of each field read, by its path (`date`, `people[1]`, `people[1].name`).
    lines: Vec<(String, usize)>,
}

impl FileOrigin {
    fn new(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            id_from_file_name: false,
            release: None,
            lines: Vec::new(),
        }
    }

    /// The line of `field` (a problem's field path): its key's line, else the nearest enclosing
    /// field's (`people[1].name` missing: the line of `people[1]`), else line 1.
    pub fn line_of(&self, field: &str) -> usize {
        let mut path = field;
        loop {
            if let Some((_, line)) = self.lines.iter().find(|(known, _)| known == path) {
                return *line;
            }
            match path.rfind(['.', '[']) {
                Some(cut) if cut > 0 => path = &path[..cut],
                _ => return 1,
            }
        }
    }
}

/// A content folder read: the validated dataset, and where each of its records came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentRead {
    /// The dataset and every problem. A problem's `record.index` is the release file's position
    /// in [`ContentOrigins::releases`] (and `DuplicateId::first_index` the first file's).
    pub loaded: LoadedDataset,
    /// The files the dataset was read from, to name its problems by.
    pub origins: ContentOrigins,
}

impl ContentRead {
    /// `problem` named by file, line and field (see [`ContentOrigins::describe`]).
    pub fn describe(&self, problem: &Problem) -> String {
        self.origins.describe(problem)
    }
}

/// The files of a content folder, each with its fields' lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentOrigins {
    /// Every release file (`.md`), in path order, readable or not.
    pub releases: Vec<FileOrigin>,
    /// `site.yml`, when there is one.
    pub site: Option<FileOrigin>,
}

/// Where a problem is: a file and a line in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// The file's path, as given to [`read_content`].
    pub file: &'a str,
    /// 1-based line in the file.
    pub line: usize,
}

impl ContentOrigins {
    /// The file a release was read from.
    pub fn file_of(&self, id: &str) -> Option<&str> {
        self.releases
            .iter()
            .find(|file| file.release.as_deref() == Some(id))
            .map(|file| file.path.as_str())
    }

    /// The file and line `problem` is about; `None` for a dataset-level problem without a
    /// `site.yml` (none arises).
    pub fn origin(&self, problem: &Problem) -> Option<Origin<'_>> {
        let file = match &problem.record {
            Some(record) => self.releases.get(record.index)?,
            None => self.site.as_ref()?,
        };
        let line = match &problem.kind {
            ProblemKind::UnreadableFile { line, .. } => *line,
            _ => file.line_of(&problem.field),
        };
        Some(Origin {
            file: &file.path,
            line,
        })
    }

    /// `problem` said for whoever edits the files: file, line, field, reason and what it cost,
    /// e.g. ``content/releases/kyiv.md, line 4, field `date`: unparseable date "soon"…; the
    /// release is skipped``.
    pub fn describe(&self, problem: &Problem) -> String {
        let place = match self.origin(problem) {
            Some(origin) => format!("{}, line {}", origin.file, origin.line),
            None => problem.location(),
        };
        let field = match problem.field.as_str() {
            FRONT_MATTER_FIELD | SITE_FIELD => String::new(),
            field => format!(", field `{field}`"),
        };
        let from_file_name = problem
            .record
            .as_ref()
            .and_then(|record| self.releases.get(record.index))
            .is_some_and(|file| file.id_from_file_name);
        let reason = match &problem.kind {
            ProblemKind::UnreadableFile { reason, .. } => reason.clone(),
            ProblemKind::DuplicateId { first_index } => {
                let id = problem.record.as_ref().and_then(|r| r.id.as_deref());
                let first = self
                    .releases
                    .get(*first_index)
                    .map_or("an earlier file", |file| file.path.as_str());
                format!(
                    "duplicate id \"{}\", already used by {first}",
                    id.unwrap_or("")
                )
            }
            kind @ ProblemKind::IdNotUrlSafe { .. } if from_file_name => format!(
                "{kind}; the id is the file's name: rename the file, or give an `id` in its \
                 front matter"
            ),
            kind => kind.to_string(),
        };
        let cost = match &problem.record {
            Some(record) if !record.kept => "; the release is skipped",
            _ if problem.loses_nothing() => "; nothing is left out",
            Some(_) => "; the field is dropped, the release kept",
            None if problem.field == SITE_FIELD => "; the site's fields are left out",
            None => "; the field is dropped",
        };
        format!("{place}{field}: {reason}{cost}")
    }
}

/// Reads a content folder from its files' texts: `site` is `site.yml` (`None` when the folder
/// has none: the dataset then has the defaults, as a JSON dataset without a title), `releases`
/// the files of `releases/` (any that do not end in `.md` are ignored).
///
/// Each release file becomes one record, in path order; its problems are validation's, named
/// by file and line (see [`ContentRead::describe`]). A file without its `---` lines, whose
/// front matter is not YAML or not a mapping, is reported and skipped, and every other file is
/// read. A `site.yml` that cannot be read is reported, and the dataset gets the defaults.
pub fn read_content(site: Option<&ContentFile>, releases: &[ContentFile]) -> ContentRead {
    let mut problems = Vec::new();
    let (head, site) = match site {
        Some(file) => {
            let (head, origin) = read_site(file, &mut problems);
            (head, Some(origin))
        }
        None => (Map::new(), None),
    };
    let mut files: Vec<&ContentFile> = releases
        .iter()
        .filter(|file| file.path.ends_with(RELEASE_EXTENSION))
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let records = read_release_files(&files);

    let mut dataset = head;
    dataset.insert("pressline".to_owned(), Value::from(FORMAT_VERSION));
    dataset.insert("releases".to_owned(), Value::Array(records.values));
    let mut loaded = validate_records(dataset);
    let mut origins = records.origins;
    name_files(&mut loaded, &records.file_of_record, &mut origins);
    // The dataset's problems first, then every file's in path order (a file's own order kept).
    let mut record_problems = records.problems;
    problems.extend(
        loaded
            .problems
            .iter()
            .filter(|p| p.record.is_none())
            .cloned(),
    );
    record_problems.extend(loaded.problems.into_iter().filter(|p| p.record.is_some()));
    record_problems.sort_by_key(|problem| problem.record.as_ref().map(|r| r.index));
    problems.extend(record_problems);
    loaded.problems = problems;
    ContentRead {
        loaded,
        origins: ContentOrigins {
            releases: origins,
            site,
        },
    }
}

/// The release files read: a record for each readable one, the problem of each that is not.
struct ReleaseRecords {
    /// The records handed to validation.
    values: Vec<Value>,
    /// The file index of each record.
    file_of_record: Vec<usize>,
    /// Each file's origin, in path order.
    origins: Vec<FileOrigin>,
    /// The files that could not be read.
    problems: Vec<Problem>,
}

fn read_release_files(files: &[&ContentFile]) -> ReleaseRecords {
    let mut records = ReleaseRecords {
        values: Vec::with_capacity(files.len()),
        file_of_record: Vec::with_capacity(files.len()),
        origins: Vec::with_capacity(files.len()),
        problems: Vec::new(),
    };
    for (index, file) in files.iter().enumerate() {
        let mut origin = FileOrigin::new(&file.path);
        match read_release(file, &mut origin) {
            Ok(record) => {
                records.values.push(Value::Object(record));
                records.file_of_record.push(index);
            }
            Err((reason, line)) => {
                records.problems.push(Problem {
                    record: Some(RecordRef {
                        index,
                        id: Some(file_stem(&file.path).to_owned()).filter(|id| is_url_safe_id(id)),
                        kept: false,
                    }),
                    field: FRONT_MATTER_FIELD.to_owned(),
                    kind: ProblemKind::UnreadableFile { reason, line },
                });
            }
        }
        records.origins.push(origin);
    }
    records
}

/// Validates the dataset built from the files, as any Pressline dataset.
fn validate_records(dataset: Map<String, Value>) -> LoadedDataset {
    match parse_dataset(&Value::Object(dataset).to_string()) {
        Ok(loaded) => loaded,
        // The head's fields are checked for their types above and the records may be anything,
        // so this does not happen; if it did, it is said rather than panicked on.
        Err(error) => LoadedDataset {
            dataset: empty_dataset(),
            problems: vec![Problem {
                record: None,
                field: SITE_FIELD.to_owned(),
                kind: ProblemKind::UnreadableFile {
                    reason: error.to_string(),
                    line: 1,
                },
            }],
        },
    }
}

/// Validation numbers the records it was given: its problems are renumbered by file, and each
/// file's origin learns the release it became.
fn name_files(loaded: &mut LoadedDataset, file_of_record: &[usize], origins: &mut [FileOrigin]) {
    for problem in &mut loaded.problems {
        if let Some(record) = &mut problem.record {
            record.index = file_of_record[record.index];
        }
        if let ProblemKind::DuplicateId { first_index } = &mut problem.kind {
            *first_index = file_of_record[*first_index];
        }
    }
    // Records are kept in order.
    let skipped: HashSet<usize> = loaded
        .problems
        .iter()
        .filter(|problem| problem.skips_record())
        .filter_map(|problem| problem.record.as_ref().map(|record| record.index))
        .collect();
    let mut kept = loaded.dataset.releases.iter();
    for &index in file_of_record
        .iter()
        .filter(|index| !skipped.contains(index))
    {
        origins[index].release = kept.next().map(|release| release.id.clone());
    }
}

/// A dataset with no fields and no releases.
fn empty_dataset() -> Dataset {
    Dataset {
        pressline: FORMAT_VERSION,
        title: DEFAULT_TITLE.to_owned(),
        description: None,
        organization: None,
        boilerplate: None,
        contacts: Vec::new(),
        lang: None,
        releases: Vec::new(),
    }
}

/// The file's name without its folder and `.md`.
fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(RELEASE_EXTENSION).unwrap_or(name)
}

/// A release file's record: its front matter's fields, its body, and its id from the file name
/// when the front matter has none. `Err` is why the file cannot be read, and the line.
fn read_release(
    file: &ContentFile,
    origin: &mut FileOrigin,
) -> Result<Map<String, Value>, (String, usize)> {
    let parts = split_front_matter(&file.text)?;
    let mut record = read_mapping(parts.yaml, parts.first_line, &mut origin.lines)?;
    if record.get("id").is_none_or(Value::is_null) {
        // Validation reports a file name that is not a URL-safe id, as it would an `id`.
        record.insert("id".to_owned(), Value::from(file_stem(&file.path)));
        origin.id_from_file_name = true;
    }
    let body = parts.body.trim();
    if !body.is_empty() {
        record.insert("body".to_owned(), Value::from(body));
        origin
            .lines
            .retain(|(field, _)| field != "body" && !field.starts_with("body."));
        origin.lines.push(("body".to_owned(), parts.body_line));
    }
    Ok(record)
}

/// A release file cut into its front matter and its body.
struct Parts<'a> {
    /// The YAML between the `---` lines.
    yaml: &'a str,
    /// The file's line number of the YAML's first line.
    first_line: usize,
    /// Everything after the closing `---` line.
    body: &'a str,
    /// The file's line number of the body's first non-blank line.
    body_line: usize,
}

/// Finds the front matter: a first line `---`, then YAML, then a `---` line. `Err` says which
/// is missing, at line 1.
fn split_front_matter(text: &str) -> Result<Parts<'_>, (String, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let is_marker = |line: &str| line.trim_end() == "---";
    let mut lines = text.split_inclusive('\n');
    if !lines.next().is_some_and(is_marker) {
        return Err((
            "the file does not start with a `---` line: a release file starts with its front \
             matter (`key: value` lines) between two `---` lines"
                .to_owned(),
            1,
        ));
    }
    let yaml_start = text.find('\n').map_or(text.len(), |end| end + 1);
    let mut offset = yaml_start;
    let mut line_number = 1;
    for line in lines {
        line_number += 1;
        if is_marker(line) {
            let body = &text[offset + line.len()..];
            let leading_blank_lines = body
                .split_inclusive('\n')
                .take_while(|line| line.trim().is_empty())
                .count();
            return Ok(Parts {
                yaml: &text[yaml_start..offset],
                first_line: 2,
                body,
                body_line: line_number + 1 + leading_blank_lines,
            });
        }
        offset += line.len();
    }
    Err((
        format!(
            "the front matter opened by the `---` on line 1 is not closed: no `---` line after \
             it (the file ends on line {line_number})"
        ),
        1,
    ))
}

/// YAML that must be a mapping of fields (a release's front matter, `site.yml`) as a JSON
/// object, each field's line (counted in the file: the YAML's first line is `first_line`)
/// added to `lines`. Empty YAML is an empty mapping.
fn read_mapping(
    yaml: &str,
    first_line: usize,
    lines: &mut Vec<(String, usize)>,
) -> Result<Map<String, Value>, (String, usize)> {
    let in_file = |yaml_line: usize| yaml_line + first_line - 1;
    let documents = load_yaml(yaml).map_err(|error| {
        let marker = error.marker();
        // An error at the very end (a quote never closed) is on the last line, not after it.
        let last_line = yaml.lines().count().max(1);
        let at = if marker.line() > last_line {
            "at the end".to_owned()
        } else {
            format!("column {}", marker.col() + 1)
        };
        (
            format!("not valid YAML: {} ({at})", error.info()),
            in_file(marker.line().clamp(1, last_line)),
        )
    })?;
    let mut documents = documents.iter();
    let Some(root) = documents.next() else {
        return Ok(Map::new());
    };
    if let Some(second) = documents.next() {
        return Err((
            "a second YAML document starts here; the fields are one mapping".to_owned(),
            in_file(second.span.start.line()),
        ));
    }
    let root = untagged(root);
    let line = in_file(root.span.start.line().max(1));
    let found = match &root.data {
        YamlData::Mapping(_) => None,
        YamlData::Sequence(_) => Some("a list"),
        // An empty document, or `~`: no fields.
        YamlData::BadValue => return Ok(Map::new()),
        _ => match to_json(root, "", &in_file, &mut Vec::new(), 0)? {
            Value::Null => return Ok(Map::new()),
            _ => Some("a single value"),
        },
    };
    if let Some(found) = found {
        return Err((
            format!("the fields are {found}, not a mapping of `key: value` lines"),
            line,
        ));
    }
    match to_json(root, "", &in_file, lines, 0)? {
        Value::Object(object) => Ok(object),
        _ => unreachable!("a mapping converts to an object"),
    }
}

/// The YAML documents in `yaml`, their scalars left unresolved ([`YamlData::Representation`],
/// resolved by [`scalar_to_json`]), so that no tag turns a date into nothing.
fn load_yaml(yaml: &str) -> Result<Vec<MarkedYaml<'_>>, ScanError> {
    let mut loader = YamlLoader::<MarkedYaml<'_>>::default();
    loader.early_parse(false);
    saphyr_parser::Parser::new_from_str(yaml).load(&mut loader, true)?;
    if let Some(error) = loader.error() {
        return Err(error.clone());
    }
    Ok(loader.into_documents())
}

/// The node inside any tags (`!custom value`): tags carry nothing a release uses.
fn untagged<'a, 'input>(mut node: &'a MarkedYaml<'input>) -> &'a MarkedYaml<'input> {
    while let YamlData::Tagged(_, inner) = &node.data {
        node = inner;
    }
    node
}

/// A YAML node as JSON: text stays text (YAML 1.2, so `2022-11-10` and `no` are strings),
/// numbers and booleans stay what they are for validation to report where text belongs. Each
/// mapping key's and list item's line is added to `lines` under its field path.
fn to_json(
    node: &MarkedYaml<'_>,
    path: &str,
    in_file: &dyn Fn(usize) -> usize,
    lines: &mut Vec<(String, usize)>,
    depth: usize,
) -> Result<Value, (String, usize)> {
    let node = untagged(node);
    if depth > MAX_DEPTH {
        return Err((
            format!("nested deeper than {MAX_DEPTH} levels"),
            in_file(node.span.start.line()),
        ));
    }
    Ok(match &node.data {
        YamlData::Value(scalar) => value_to_json(scalar),
        YamlData::Representation(text, style, tag) => scalar_to_json(text, *style, tag.as_deref()),
        YamlData::Sequence(items) => {
            let mut array = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                lines.push((item_path.clone(), in_file(item.span.start.line())));
                array.push(to_json(item, &item_path, in_file, lines, depth + 1)?);
            }
            Value::Array(array)
        }
        YamlData::Mapping(mapping) => {
            let mut object = Map::new();
            for (key, value) in mapping {
                // A key that is a list or a mapping names no field: left out.
                let Some(name) = key_name(untagged(key)) else {
                    continue;
                };
                // `date` and `"date"` are one key (the loader compares them as written).
                if object.contains_key(&name) {
                    return Err((
                        format!("not valid YAML: duplicated key `{name}` in mapping"),
                        in_file(key.span.start.line()),
                    ));
                }
                let field = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                lines.push((field.clone(), in_file(key.span.start.line())));
                object.insert(name, to_json(value, &field, in_file, lines, depth + 1)?);
            }
            Value::Object(object)
        }
        // Aliases are resolved by the loader, and a value its tag refuses (`!!int ten`) is
        // nothing: as if absent.
        YamlData::Alias(_) | YamlData::BadValue | YamlData::Tagged(..) => Value::Null,
    })
}

/// A mapping key as a field name: a scalar's text, as written.
fn key_name(key: &MarkedYaml<'_>) -> Option<String> {
    match &key.data {
        YamlData::Representation(text, ..) => Some(text.to_string()),
        YamlData::Value(scalar) => match value_to_json(scalar) {
            Value::String(text) => Some(text),
            other => Some(other.to_string()),
        },
        _ => None,
    }
}

/// A scalar as written, resolved by the YAML 1.2 core schema (as `saphyr` does when it loads),
/// except that YAML 1.1's `!!timestamp` is its text (a Pressline date is text), and a tag the
/// text does not fit (`!!int ten`) leaves the text for validation to judge.
fn scalar_to_json(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let timestamp = tag.is_some_and(|tag| tag.is_yaml_core_schema() && tag.suffix == "timestamp");
    if timestamp {
        return Value::from(text);
    }
    let tag = tag.map(Cow::Borrowed);
    match Scalar::parse_from_cow_and_metadata(Cow::Borrowed(text), style, tag.as_ref()) {
        Some(scalar) => value_to_json(&scalar),
        None => Value::from(text),
    }
}

fn value_to_json(scalar: &Scalar<'_>) -> Value {
    match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(value) => Value::Bool(*value),
        Scalar::Integer(value) => Value::from(*value),
        // `.inf` and `.nan` have no JSON number: their text, which no field accepts anyway.
        Scalar::FloatingPoint(value) => Number::from_f64(value.0)
            .map_or_else(|| Value::from(value.0.to_string()), Value::Number),
        Scalar::String(text) => Value::from(text.as_ref()),
    }
}

/// `site.yml` as the dataset's top-level fields (each of the wrong type reported and left out,
/// so validation never refuses the whole dataset for it), and its fields' lines.
fn read_site(file: &ContentFile, problems: &mut Vec<Problem>) -> (Map<String, Value>, FileOrigin) {
    let mut origin = FileOrigin::new(&file.path);
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let fields = match read_mapping(text, 1, &mut origin.lines) {
        Ok(fields) => fields,
        Err((reason, line)) => {
            problems.push(Problem {
                record: None,
                field: SITE_FIELD.to_owned(),
                kind: ProblemKind::UnreadableFile { reason, line },
            });
            return (Map::new(), origin);
        }
    };
    let mut head = Map::new();
    let mut wrong_type = |field: &str, expected: &'static str, value: &Value| {
        problems.push(Problem {
            record: None,
            field: field.to_owned(),
            kind: ProblemKind::WrongType {
                expected,
                found: json_type(value),
            },
        });
    };
    for key in ["title", "description", "lang", "boilerplate"] {
        match fields.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => {
                head.insert(key.to_owned(), Value::from(text.as_str()));
            }
            Some(other) => wrong_type(key, "a string", other),
        }
    }
    match fields.get("organization") {
        None | Some(Value::Null) => {}
        Some(Value::Object(organization)) => {
            let mut kept = Map::new();
            for key in ["name", "url", "press_email"] {
                match organization.get(key) {
                    None | Some(Value::Null) => {}
                    Some(Value::String(text)) => {
                        kept.insert(key.to_owned(), Value::from(text.as_str()));
                    }
                    Some(other) => wrong_type(&format!("organization.{key}"), "a string", other),
                }
            }
            head.insert("organization".to_owned(), Value::Object(kept));
        }
        Some(other) => wrong_type(
            "organization",
            "a mapping with `name`, `url` and `press_email`",
            other,
        ),
    }
    // Each contact is checked by validation, which costs a bad one only itself.
    match fields.get("contacts") {
        None | Some(Value::Null) => {}
        Some(contacts) => {
            head.insert("contacts".to_owned(), contacts.clone());
        }
    }
    (head, origin)
}

// ---------------------------------------------------------------------------------------------
// Writing

/// A dataset as a content folder: `site.yml`, then `releases/<id>.md` for each release, paths
/// relative to the folder. Front matter fields come in one fixed order (`kind`, `date`,
/// `embargo_until`, `title`, `summary`, `people`, `topics`, `places`, `image`, `images`, `url`,
/// `lang`, `translation_key`, `contacts`), the body after it. Reading the files back ([`read_content`]) gives the same releases, in the
/// files' path order.
pub fn write_content(dataset: &Dataset) -> Vec<ContentFile> {
    let mut files = vec![ContentFile {
        path: SITE_FILE.to_owned(),
        text: site_file(dataset),
    }];
    // Ids differing only in case would be one file on macOS and Windows: the later one gets
    // another name, and its id in its front matter.
    let mut names = HashSet::new();
    for release in &dataset.releases {
        let mut stem = release.id.clone();
        let mut n = 1;
        while !names.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{}-{n}", release.id);
        }
        files.push(ContentFile {
            path: format!("{RELEASES_DIR}/{stem}{RELEASE_EXTENSION}"),
            text: release_file(release, stem != release.id),
        });
    }
    files
}

/// `site.yml` for `dataset`'s own fields.
pub fn site_file(dataset: &Dataset) -> String {
    let mut yaml = Yaml::default();
    yaml.field(0, "title", Some(&dataset.title));
    yaml.field(0, "description", dataset.description.as_deref());
    yaml.field(0, "lang", dataset.lang.as_deref());
    if let Some(organization) = &dataset.organization {
        let empty = organization.name.is_none()
            && organization.url.is_none()
            && organization.press_email.is_none();
        if empty {
            // `organization:` alone would read back as no organization at all.
            yaml.0.push_str("organization: {}\n");
        } else {
            yaml.key(0, "organization");
            yaml.field(1, "name", organization.name.as_deref());
            yaml.field(1, "url", organization.url.as_ref().map(|url| url.as_str()));
            yaml.field(1, "press_email", organization.press_email.as_deref());
        }
    }
    yaml.field(0, "boilerplate", dataset.boilerplate.as_deref());
    yaml.contacts(&dataset.contacts);
    yaml.0
}

/// A release as a Markdown file: its front matter (with its `id` only when `with_id`: the file
/// name says it otherwise), then its body.
pub fn release_file(release: &Release, with_id: bool) -> String {
    let mut yaml = Yaml::default();
    if with_id {
        yaml.field(0, "id", Some(&release.id));
    }
    yaml.field(0, "kind", Some(&release.kind));
    yaml.field(0, "date", Some(&release.date.to_iso()));
    yaml.field(
        0,
        "embargo_until",
        release
            .embargo_until
            .as_ref()
            .map(ReleaseDate::to_iso)
            .as_deref(),
    );
    yaml.field(0, "title", Some(&release.title));
    yaml.field(0, "summary", release.summary.as_deref());
    if !release.people.is_empty() {
        yaml.key(0, "people");
        for person in &release.people {
            yaml.item_field("name", &person.name);
            yaml.field(2, "role", person.role.as_deref());
        }
    }
    yaml.list("topics", &release.topics);
    yaml.list("places", &release.places);
    if let Some(image) = &release.image {
        yaml.key(0, "image");
        for line in image_lines(image) {
            yaml.0.push_str(&format!("  {line}\n"));
        }
    }
    if !release.images.is_empty() {
        yaml.key(0, "images");
        let mut lines = Vec::new();
        for image in &release.images {
            push_item(&mut lines, image_lines(image));
        }
        yaml.lines(&lines);
    }
    yaml.field(0, "url", release.url.as_ref().map(|url| url.as_str()));
    yaml.field(0, "lang", release.lang.as_deref());
    yaml.field(0, "translation_key", release.translation_key.as_deref());
    yaml.contacts(&release.contacts);
    let mut text = format!("---\n{}---\n", yaml.0);
    if let Some(body) = &release.body {
        text.push('\n');
        text.push_str(body);
        text.push('\n');
    }
    text
}

/// Block-style YAML written line by line, two spaces a level.
#[derive(Default)]
struct Yaml(String);

impl Yaml {
    fn indent(&mut self, level: usize) {
        self.0.push_str(&"  ".repeat(level));
    }

    fn key(&mut self, level: usize, key: &str) {
        self.indent(level);
        self.0.push_str(key);
        self.0.push_str(":\n");
    }

    fn field(&mut self, level: usize, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.indent(level);
            self.0.push_str(&format!("{key}: {}\n", scalar(value)));
        }
    }

    /// A list item that is a mapping, with its first field on the dash's line.
    fn item_field(&mut self, key: &str, value: &str) {
        self.0.push_str(&format!("  - {key}: {}\n", scalar(value)));
    }

    fn list(&mut self, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.key(0, key);
        for item in items {
            self.0.push_str(&format!("  - {}\n", scalar(item)));
        }
    }

    /// Lines made by [`image_lines`] or [`contact_lines`], at the top level.
    fn lines(&mut self, lines: &[String]) {
        for line in lines {
            self.0.push_str(line);
            self.0.push('\n');
        }
    }

    /// `contacts:` and a mapping per contact, when there are any.
    fn contacts(&mut self, contacts: &[Contact]) {
        if contacts.is_empty() {
            return;
        }
        self.key(0, "contacts");
        let mut lines = Vec::new();
        for contact in contacts {
            push_item(&mut lines, contact_lines(contact));
        }
        self.lines(&lines);
    }
}

/// `key: value` as a line of a mapping, when there is a value.
fn push_field(lines: &mut Vec<String>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        lines.push(format!("{key}: {}", scalar(value)));
    }
}

/// A mapping's lines (`item`) as an item of the list whose key is the line before: indented
/// one level, its first line after the dash.
fn push_item(lines: &mut Vec<String>, item: Vec<String>) {
    for (i, line) in item.into_iter().enumerate() {
        let dash = if i == 0 { "- " } else { "  " };
        lines.push(format!("  {dash}{line}"));
    }
}

/// A picture's fields as the lines of a mapping (not indented): `src`, `alt`, `credit`,
/// `caption`, `width`, `height`, `sizes`, `original`.
fn image_lines(image: &Image) -> Vec<String> {
    let mut lines = Vec::new();
    push_field(
        &mut lines,
        "src",
        image.src.as_ref().map(|src| src.as_str()),
    );
    push_field(&mut lines, "alt", image.alt.as_deref());
    push_field(&mut lines, "credit", image.credit.as_deref());
    push_field(&mut lines, "caption", image.caption.as_deref());
    for (key, pixels) in [("width", image.width), ("height", image.height)] {
        if let Some(pixels) = pixels {
            lines.push(format!("{key}: {pixels}"));
        }
    }
    if !image.sizes.is_empty() {
        lines.push("sizes:".to_owned());
        for size in &image.sizes {
            push_item(
                &mut lines,
                vec![
                    format!("src: {}", scalar(size.src.as_str())),
                    format!("width: {}", size.width),
                ],
            );
        }
    }
    push_field(
        &mut lines,
        "original",
        image.original.as_ref().map(|original| original.as_str()),
    );
    lines
}

/// A contact's fields as the lines of a mapping (not indented): `name`, `role`, `email`,
/// `phone`, `languages`.
fn contact_lines(contact: &Contact) -> Vec<String> {
    let mut lines = Vec::new();
    push_field(&mut lines, "name", Some(&contact.name));
    push_field(&mut lines, "role", contact.role.as_deref());
    push_field(&mut lines, "email", contact.email.as_deref());
    push_field(&mut lines, "phone", contact.phone.as_deref());
    if !contact.languages.is_empty() {
        lines.push("languages:".to_owned());
        for tag in &contact.languages {
            lines.push(format!("  - {}", scalar(tag)));
        }
    }
    lines
}

/// Text as a YAML scalar: as it is when YAML reads it back as that same text (most titles,
/// dates, names), else in single quotes (`'` doubled), else, for line breaks and control
/// characters, in double quotes with JSON's escapes (which YAML's double quotes share).
fn scalar(text: &str) -> String {
    let printable = |c: char| !c.is_control() && !matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}');
    if !text.chars().all(printable) {
        return serde_json::to_string(text).expect("a string serializes");
    }
    if is_plain(text) {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', "''"))
}

/// True when `text` written bare is read back as the same text, by YAML 1.2 and by the older
/// YAML 1.1 readers other tools use (for which `yes`, `off` or `~` are not text).
fn is_plain(text: &str) -> bool {
    const YAML_1_1_WORDS: [&str; 12] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<",
    ];
    let Some(first) = text.chars().next() else {
        return false;
    };
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    !indicator
        && text.trim_matches([' ', '\t']) == text
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !YAML_1_1_WORDS.contains(&text.to_lowercase().as_str())
        && matches!(
            Scalar::parse_from_cow(Cow::Borrowed(text)),
            Scalar::String(_)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> ContentFile {
        ContentFile {
            path: path.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "Plain title",
            "2022-11-10",
            "2022-11-10T09:30:00+02:00",
            "1984",
            "3.5",
            "true",
            "No",
            "~",
            "null",
            "",
            " padded ",
            "said:",
            "Фото: Pavlo",
            "- dash",
            "#tag",
            "a # b",
            "it's \"quoted\"",
            "line\nbreak",
            "tab\there",
            "0x1F",
            ".inf",
            "[list]",
            "{map}",
            "& anchor",
            "* alias",
            "!tag",
            "%directive",
            "@at",
            "`tick`",
            "| pipe",
            "> fold",
            "?question",
            "x: y",
            "\u{2028}",
            "a\u{85}b",
            "a\u{2029}b",
            "a\u{feff}b",
            "a\rb",
            "\u{a0}non-breaking\u{a0}",
            "\u{1F600} emoji",
            "trailing\\",
            "C:\\path",
        ] {
            let yaml = format!("value: {}\n", scalar(text));
            let mut lines = Vec::new();
            let read =
                read_mapping(&yaml, 1, &mut lines).unwrap_or_else(|e| panic!("{yaml}: {e:?}"));
            assert_eq!(read["value"], Value::from(text), "{yaml}");
        }
        assert_eq!(scalar("Plain title"), "Plain title");
        assert_eq!(scalar("2022-11-10"), "2022-11-10");
        assert_eq!(scalar("yes"), "'yes'");
    }

    #[test]
    fn field_lines_are_counted_in_the_file() {
        let read = read_content(
            None,
            &[file(
                "r/x.md",
                "---\nkind: Report\ndate: 2022-01-01\ntitle: T\npeople:\n  - name: A\n  - role: B\n---\n",
            )],
        );
        let origin = &read.origins.releases[0];
        assert_eq!(origin.line_of("kind"), 2);
        assert_eq!(origin.line_of("people"), 5);
        assert_eq!(origin.line_of("people[1].name"), 7);
        assert_eq!(origin.line_of("people[1].role"), 7);
        assert_eq!(origin.line_of("summary"), 1);
        assert_eq!(read.loaded.problems[0].field, "people[1].name");
        assert_eq!(
            read.origins.origin(&read.loaded.problems[0]).unwrap().line,
            7
        );
        assert_eq!(read.origins.file_of("x"), Some("r/x.md"));
    }
}
