//! What can be wrong with a dataset, said precisely enough to fix it.

use std::fmt;

/// Which release record a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    /// Position in the file's `releases` array, counting from 0.
    pub index: usize,
    /// The record's `id`, when it has a usable one.
    pub id: Option<String>,
    /// True when the release was kept and only the field was dropped (an optional field such
    /// as `url`, `image.src` or `lang`), or nothing at all (a recommended field missing, see
    /// [`ProblemKind::loses_nothing`]); false when the whole record was skipped (no usable id,
    /// kind, date or title, a duplicate id, an `embargo_until` that cannot be read, or not a
    /// record at all).
    pub kept: bool,
}

/// One problem with one field. A problem with a required field of a release (its id, kind,
/// date or title) means the record was skipped; any other problem means only that field was
/// dropped, from the release ([`RecordRef::kept`]) or from the dataset (no `record`), except a
/// recommended field that is missing, which costs nothing ([`Problem::loses_nothing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The release record, or `None` for a top-level field.
    pub record: Option<RecordRef>,
    /// A path to the field, e.g. `date`, `people[1].name`, `organization.url`.
    pub field: String,
    /// What is wrong with it.
    pub kind: ProblemKind,
}

/// The reasons a field can be rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The record itself is not a JSON object.
    NotAnObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A required field is absent or `null`.
    Missing,
    /// The field has the wrong JSON type.
    WrongType {
        /// What the format expects, e.g. "a string".
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// A required text field is empty or only whitespace.
    Empty,
    /// The date is neither `YYYY-MM-DD` nor an RFC 3339 date-time with offset.
    UnparseableDate {
        /// The text as found.
        value: String,
    },
    /// The `embargo_until` is neither `YYYY-MM-DD` nor an RFC 3339 date-time with offset. The
    /// release is held back (skipped) rather than published without its embargo.
    UnparseableEmbargo {
        /// The text as found.
        value: String,
    },
    /// A release written as a Markdown file (or the `site.yml` beside them) whose front matter
    /// cannot be read as fields: no `---` lines around it, YAML that does not parse, or YAML
    /// that is not a mapping of fields (see [`crate::content`]).
    UnreadableFile {
        /// What is wrong, e.g. "not valid YAML: …".
        reason: String,
        /// 1-based line in that file.
        line: usize,
    },
    /// Another record already uses this id.
    DuplicateId {
        /// The index of the record that keeps the id.
        first_index: usize,
    },
    /// The id has characters that would not survive in a URL path.
    IdNotUrlSafe {
        /// The id as found.
        value: String,
    },
    /// A link or picture address with a scheme that could run code or is not on the web.
    UnsafeUrl {
        /// The address as found.
        value: String,
    },
    /// The language is not a BCP 47 tag.
    InvalidLanguageTag {
        /// The tag as found.
        value: String,
    },
    /// The press address is not an e-mail address.
    InvalidEmail {
        /// The address as found.
        value: String,
    },
    /// The record is not valid JSON (the rest of the file is read without it).
    InvalidJson {
        /// What the JSON parser said.
        message: String,
        /// 1-based line in the file.
        line: usize,
        /// 1-based column in the file.
        column: usize,
    },
    /// The text is longer than the format allows for this field.
    TooLong {
        /// Its length, in characters.
        length: usize,
        /// The most characters the field may have.
        limit: usize,
    },
    /// A field that is optional but recommended is missing, e.g. a picture's `alt`. Nothing is
    /// dropped: the release and its picture are kept ([`ProblemKind::loses_nothing`]).
    MissingRecommended {
        /// Why it matters, e.g. "it tells people who cannot see the picture what it shows".
        why: &'static str,
    },
    /// A count of pixels (a picture's `width` or `height`) that is not a whole number above 0.
    NotPositiveInteger {
        /// The value as found (JSON).
        value: String,
    },
    /// A contact's telephone number has characters other than digits, spaces and `+ ( ) - .`,
    /// or no digit.
    InvalidPhone {
        /// The number as found.
        value: String,
    },
    /// Two versions of one story in the same language: the later release's `translation_key`
    /// is dropped (the release is kept).
    DuplicateTranslation {
        /// The language both are in (the later release's tag).
        lang: String,
        /// The id of the earlier release, which keeps the key.
        first_id: String,
    },
    /// A `translation_key` on a release with no language (no `lang`, and none for the
    /// dataset): versions are told apart by their language, so the key is dropped.
    TranslationWithoutLanguage,
}

/// A value as a problem quotes it: in quotes and escaped, and cut after 80 characters so a
/// multi-megabyte value cannot flood the report.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 80;
        match self.0.char_indices().nth(SHOWN) {
            None => write!(f, "{:?}", self.0),
            Some((cut, _)) => write!(
                f,
                "{:?}… ({} characters)",
                &self.0[..cut],
                self.0.chars().count()
            ),
        }
    }
}

impl Problem {
    /// True when this problem caused a release record to be skipped.
    pub fn skips_record(&self) -> bool {
        self.record.as_ref().is_some_and(|record| !record.kept)
    }

    /// True when this problem left nothing out (a recommended field is missing): it is worth
    /// fixing, but it dropped neither a field nor the release (which another problem of the
    /// same record may still have skipped: see [`Problem::skips_record`]).
    pub fn loses_nothing(&self) -> bool {
        self.kind.loses_nothing()
    }

    /// Where the problem is, e.g. `releases[3] (id "x")` or `dataset`.
    pub fn location(&self) -> String {
        match &self.record {
            Some(RecordRef {
                index,
                id: Some(id),
                ..
            }) => format!("releases[{index}] (id \"{id}\")"),
            Some(RecordRef {
                index, id: None, ..
            }) => format!("releases[{index}] (no id)"),
            None => "dataset".to_owned(),
        }
    }
}

/// What a problem cost, as the command and the app's report say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    /// The release record was skipped.
    Release,
    /// Only the field was dropped, from a kept release or from the dataset.
    Field,
    /// Nothing: a recommended field is missing.
    Nothing,
}

impl Problem {
    /// What this problem cost (see [`Cost`]).
    pub fn cost(&self) -> Cost {
        if self.skips_record() {
            Cost::Release
        } else if self.loses_nothing() {
            Cost::Nothing
        } else {
            Cost::Field
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, field `{}`: {}",
            self.location(),
            self.field,
            self.kind
        )?;
        match (self.cost(), &self.record) {
            (Cost::Release, _) => f.write_str("; the release is skipped"),
            (Cost::Nothing, _) => f.write_str("; nothing is left out"),
            (Cost::Field, Some(_)) => f.write_str("; the field is dropped, the release kept"),
            (Cost::Field, None) => Ok(()),
        }
    }
}

/// The year a date starts with when it is one no Pressline date can have: before year 0 (a
/// minus sign) or past 9999 (five digits or more), e.g. `-541000000` in `-541000000-01-01`.
fn year_out_of_range(value: &str) -> Option<&str> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let length = digits.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &digits[length..];
    let shaped = length > 0 && (rest.is_empty() || rest.starts_with('-'));
    let year = &value[..value.len() - rest.len()];
    // A year of a hundred digits is noise, quoted short as any other value.
    (shaped && (value.starts_with('-') || length > 4) && length <= 18).then_some(year)
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnObject { found } => write!(f, "expected a release object, found {found}"),
            Self::Missing => f.write_str("missing, but required"),
            Self::WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Self::Empty => f.write_str("empty, but required"),
            Self::UnparseableDate { value } => match year_out_of_range(value) {
                // Said for a person: a TimelineJS file about geology reaches -541000000.
                Some(year) => write!(
                    f,
                    "the year {year} is outside the dates a press timeline can show (years 0 \
                     to 9999)"
                ),
                None => write!(
                    f,
                    "unparseable date {}; use YYYY-MM-DD or a date-time with offset such as \
                     2022-11-10T09:30:00-05:00",
                    Quoted(value)
                ),
            },
            Self::UnparseableEmbargo { value } => write!(
                f,
                "unparseable embargo {} (held back rather than published early); use \
                 YYYY-MM-DD (the start of that day, UTC) or a date-time with offset such as \
                 2022-11-10T09:30:00-05:00",
                Quoted(value)
            ),
            Self::UnreadableFile { reason, line } => write!(f, "{reason} (line {line})"),
            Self::DuplicateId { first_index } => {
                write!(f, "duplicate id, already used by releases[{first_index}]")
            }
            Self::IdNotUrlSafe { value } => write!(
                f,
                "id {} is not URL-safe; use letters, digits, '-', '_', '.' or '~', \
                 starting with a letter or digit, at most 200 characters",
                Quoted(value)
            ),
            Self::UnsafeUrl { value } => write!(
                f,
                "refused URL {}; only http:, https: or relative addresses are allowed",
                Quoted(value)
            ),
            Self::InvalidLanguageTag { value } => {
                write!(
                    f,
                    "{} is not a BCP 47 language tag such as \"en\" or \"uk-UA\"",
                    Quoted(value)
                )
            }
            Self::InvalidEmail { value } => {
                write!(f, "{} is not an e-mail address", Quoted(value))
            }
            Self::InvalidJson {
                message,
                line,
                column,
            } => write!(
                f,
                "not valid JSON (line {line}, column {column}): {message}; the rest of the \
                 file is read without it"
            ),
            Self::TooLong { length, limit } => write!(
                f,
                "{length} characters, more than the {limit} this field may have"
            ),
            Self::MissingRecommended { why } => write!(f, "missing, and recommended: {why}"),
            Self::NotPositiveInteger { value } => write!(
                f,
                "{} is not a whole number of pixels above 0",
                Quoted(value)
            ),
            Self::InvalidPhone { value } => write!(
                f,
                "{} is not a telephone number; use digits, spaces and + ( ) - . only, e.g. \
                 \"+1 (212) 555-0100\"",
                Quoted(value)
            ),
            Self::DuplicateTranslation { lang, first_id } => write!(
                f,
                "release {} is already this story's version in {}; one version per language",
                Quoted(first_id),
                Quoted(lang)
            ),
            Self::TranslationWithoutLanguage => f.write_str(
                "a translation needs a language: give the release a `lang`, or the dataset one",
            ),
        }
    }
}

impl ProblemKind {
    /// True for a problem that costs nothing: a recommended field is missing
    /// ([`ProblemKind::MissingRecommended`]). It is reported, but it does not skip a release
    /// or drop a field, and [`skipped_record_count`] does not count it.
    pub fn loses_nothing(&self) -> bool {
        matches!(self, Self::MissingRecommended { .. })
    }
}

/// How many problems a page lists; the rest are counted, and `pressline validate` lists them
/// all. Thousands of broken records must not become thousands of list items.
pub const PROBLEMS_SHOWN: usize = 100;

/// How many of `problems` a page leaves out of its list (past [`PROBLEMS_SHOWN`]), if any.
///
/// ```
/// use pressline_core::problem::{problems_not_shown, PROBLEMS_SHOWN};
/// assert_eq!(problems_not_shown(&[]), None);
/// ```
pub fn problems_not_shown(problems: &[Problem]) -> Option<usize> {
    problems
        .len()
        .checked_sub(PROBLEMS_SHOWN)
        .filter(|&n| n > 0)
}

/// How many release records these problems skipped (a record with several problems counts
/// once; a dropped field and dataset-level problems skip none). Problems come in file order, so a record's are
/// adjacent.
pub fn skipped_record_count(problems: &[Problem]) -> usize {
    let mut indices: Vec<usize> = problems
        .iter()
        .filter(|problem| problem.skips_record())
        .filter_map(|problem| problem.record.as_ref().map(|record| record.index))
        .collect();
    indices.dedup();
    indices.len()
}

/// Why a whole file could not be read as a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Whether the text is not JSON at all, or JSON of another shape.
    pub kind: FormatErrorKind,
    /// What the parser said.
    pub message: String,
    /// 1-based line of the offending character.
    pub line: usize,
    /// 1-based column of the offending character.
    pub column: usize,
}

/// The ways a file can fail as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// The text is not valid JSON (or is cut short).
    NotJson,
    /// Valid JSON, but not a Pressline dataset (wrong shape, missing `pressline`, other version).
    NotThisFormat,
    /// A feed whose XML is not well-formed, or not text in the encoding it declares.
    NotXml,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            FormatErrorKind::NotJson => "not valid JSON",
            FormatErrorKind::NotThisFormat => "not a dataset Pressline can read",
            FormatErrorKind::NotXml => "not valid XML",
        };
        write!(
            f,
            "{what} (line {}, column {}): {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for FormatError {}
