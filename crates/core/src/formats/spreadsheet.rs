//! Spreadsheets (CSV or TSV) into a Pressline dataset: the TimelineJS Google Sheet template,
//! and Pressline's own template whose columns are the dataset's fields.
//!
//! The header row tells the template (see [`looks_like_spreadsheet`]); its names are compared
//! case-insensitively, trimmed, with `_`, `-` and runs of spaces alike (`End_Year` is
//! `End Year`), and a UTF-8 byte order mark is ignored. Columns in any order; unknown columns
//! are ignored; when a name appears twice, the first column counts. Every data row is one
//! release record, in order, so `releases[3]` in a problem is the fourth release row (rows
//! whose cells are all empty are not records, nor are a TimelineJS sheet's title and era
//! rows).
//!
//! The cells are split by comma, or by tab (TSV) or `;` (what Excel writes where the decimal
//! separator is a comma) when the header row has those and no comma outside quotes. Quoting is
//! RFC 4180's, for TSV too: a quoted cell may hold the separator, line breaks (CRLF or LF) and
//! doubled quotes. A row with fewer cells than the header has empty ones.
//!
//! **TimelineJS template** (`Year`, `Month`, `Day`, `Time`, `End Year`, `End Month`, `End Day`,
//! `End Time`, `Display Date`, `Headline`, `Text`, `Media`, `Media Credit`, `Media Caption`,
//! `Media Thumbnail`, `Type`, `Group`, `Background`). Each row becomes the TimelineJS3 event
//! it stands for, and then a release exactly as a TimelineJS JSON file's event does (see
//! `super::timelinejs`):
//!
//! | TimelineJS3 event | column |
//! |---|---|
//! | `start_date.year`, `.month`, `.day` | `Year`, `Month`, `Day` (spaces and thousands commas removed, as TimelineJS does: `2,022` is 2022) |
//! | `start_date.hour`, `.minute`, `.second` | `Time`: `HH:MM`, `HH:MM:SS`, `HHMM`, with `AM`/`PM` if any; anything else is passed on as written, so the date is reported |
//! | `text.headline`, `text.text` | `Headline`, `Text` (HTML allowed) |
//! | `media.url`, `.credit`, `.caption` | `Media`, `Media Credit`, `Media Caption` |
//! | `group` | `Group` (else `Tag`, the older template's name) |
//!
//! The first row whose `Type` is `title` is the title slide: its `Headline` and `Text` give
//! the dataset's title and description. Rows whose `Type` is `era` are backgrounds, not
//! events. Neither is a release record; a second `title` row is read as an event, as TimelineJS
//! shows it. End dates, `Display Date`, `Media Thumbnail` and `Background` are not mapped.
//!
//! **Pressline template** (`id`, `kind`, `date`, `title`, `summary`, `body`, `people`,
//! `topics`, `places`, `image`, `image_alt`, `image_credit`, `url`, `lang`):
//!
//! | Pressline | column |
//! |---|---|
//! | `id` | `id` as written; when the column or the cell is empty, the title slugged (else `release`), unique within the file |
//! | `kind` | `kind`; "News" when there is no such column (an empty cell is reported) |
//! | `date`, `title`, `summary`, `url`, `lang` | the column of that name, as written |
//! | `body` | `body`, as Markdown |
//! | `people` | `people`: a list; `Name (Role)` is a person with a role |
//! | `topics`, `places` | `topics`, `places`: lists |
//! | `image.src`, `.alt`, `.credit` | `image`, `image_alt`, `image_credit` (or `photo_credit`, the name Pressline's CSV download writes) |
//!
//! Lists are separated by `|`, or by `;` when the cell has no `|` (commas are not separators:
//! "Kyiv, Ukraine" is one place). Empty items are dropped. A cell that Pressline's CSV
//! download guarded against spreadsheet formulas (`'` before `=`, `+`, `-` or `@`) is read
//! without the `'`, so a download can be edited and read again.
//!
//! Nothing is judged here: a date that cannot be read, a `javascript:` link, an id that is not
//! URL-safe or used twice, an empty required cell are passed on as written, and validation
//! reports them and skips that record, never the others.

use std::borrow::Cow;
use std::collections::HashMap;

use csv::StringRecord;
use serde_json::{Map, Value};

use super::{dataset, put, slugify, timelinejs, Converted, Ids, SourceFormat, DEFAULT_KIND};
use crate::{FormatError, FormatErrorKind};

/// The two spreadsheet templates Pressline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpreadsheetKind {
    /// The TimelineJS Google Sheet template: its header row has `Year` and `Headline`.
    TimelineJs,
    /// Pressline's template, whose columns are the dataset's fields: its header row has
    /// `title` and `date`, and neither `Year` nor `Headline`.
    Pressline,
}

impl SpreadsheetKind {
    /// The format a spreadsheet of this kind is reported as.
    pub fn format(self) -> SourceFormat {
        match self {
            Self::TimelineJs => SourceFormat::TimelineJsSheet,
            Self::Pressline => SourceFormat::PresslineSheet,
        }
    }
}

/// The longest header row looked at, in bytes: a first line longer than this is no header.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The template of the spreadsheet `text` is, judged by its header row only (its first
/// non-empty line): `Year` and `Headline` make a TimelineJS sheet; `title` and `date`, and
/// neither of those two, a Pressline one. Names are compared ignoring case, surrounding space
/// and a byte order mark, with `_`, `-` and spaces alike; cells are split at commas, or at
/// tabs or `;` when the line has those and no comma outside quotes. Cheap: it splits that one
/// line, quote-aware, and never reads the rows (nor needs the CSV reader, which the web app
/// loads only with the other formats' code). JSON, XML and prose have no such line, so they
/// are `None`.
///
/// ```
/// use pressline_core::formats::{looks_like_spreadsheet, SpreadsheetKind};
/// assert_eq!(
///     looks_like_spreadsheet("Year,Month,Day,Headline,Text\n2022,2,24,Invasion,\n"),
///     Some(SpreadsheetKind::TimelineJs)
/// );
/// assert_eq!(
///     looks_like_spreadsheet("\u{feff}\"Title\"\tDate\tKind\n"),
///     Some(SpreadsheetKind::Pressline)
/// );
/// assert_eq!(looks_like_spreadsheet("{\"title\": \"A\", \"date\": \"2022-01-01\"}"), None);
/// ```
pub fn looks_like_spreadsheet(text: &str) -> Option<SpreadsheetKind> {
    let line = header_line(text)?;
    let names: Vec<String> = split_line(line, delimiter(line))
        .map(|cell| column_name(&unquote(cell)))
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("year") && has("headline") {
        Some(SpreadsheetKind::TimelineJs)
    } else if has("title") && has("date") && !has("year") && !has("headline") {
        Some(SpreadsheetKind::Pressline)
    } else {
        None
    }
}

/// The error for text that is a table (a first line of at least three short, non-empty cells
/// that is not JSON or markup) of neither template, naming the columns each needs; `None` for
/// text that does not look like a table at all.
pub(crate) fn unknown_table(text: &str) -> Option<FormatError> {
    let line = header_line(text)?;
    if line.trim_start().starts_with(['{', '[', '<']) {
        return None;
    }
    let cells: Vec<Cow<'_, str>> = split_line(line, delimiter(line)).map(unquote).collect();
    let table = cells.len() >= 3
        && cells
            .iter()
            .all(|cell| !cell.is_empty() && cell.chars().count() <= 40);
    table.then(|| FormatError {
        kind: FormatErrorKind::NotThisFormat,
        message: "a spreadsheet whose header row has neither the columns of Pressline's \
                  template (at least title and date) nor TimelineJS's (at least Year and \
                  Headline); see docs/templates/"
            .to_owned(),
        line: 1,
        column: 1,
    })
}

/// Converts a spreadsheet detected as `kind` (see [`looks_like_spreadsheet`]).
pub(crate) fn convert(text: &str, kind: SpreadsheetKind) -> Result<Converted, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(header_line(text).map_or(b',', delimiter))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut columns = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        match columns {
            None => columns = Some(Columns::new(&record)),
            Some(_) => rows.push(record),
        }
    }
    let columns = columns.unwrap_or_default();
    Ok(match kind {
        SpreadsheetKind::TimelineJs => timeline(&columns, &rows),
        SpreadsheetKind::Pressline => pressline(&columns, &rows),
    })
}

/// An error of the CSV reader, at the line of the record it was reading. (Not expected: read
/// flexibly from text, every byte sequence is some rows. Kept so one would be shown, not lost.)
fn csv_error(error: csv::Error) -> FormatError {
    let line = error.position().map_or(1, |position| position.line());
    FormatError {
        kind: FormatErrorKind::NotThisFormat,
        message: format!("a spreadsheet row cannot be read: {error}"),
        line: usize::try_from(line).unwrap_or(usize::MAX).max(1),
        column: 1,
    }
}

// ---------------------------------------------------------------------------------------------
// The header row

/// The first non-empty line of `text` (after a byte order mark), up to its unquoted line
/// break; `None` when there is none within [`MAX_HEADER_BYTES`].
fn header_line(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.trim_start_matches(['\r', '\n']);
    let mut quoted = false;
    for (at, byte) in text.bytes().enumerate().take(MAX_HEADER_BYTES) {
        match byte {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => return Some(&text[..at]),
            _ => {}
        }
    }
    (!text.is_empty() && text.len() <= MAX_HEADER_BYTES).then_some(text)
}

/// The cell separator the header row shows: tab or `;` when it has one of them and no comma
/// outside quotes, else comma.
fn delimiter(line: &str) -> u8 {
    let (mut commas, mut tabs, mut semicolons) = (0, 0, 0);
    let mut quoted = false;
    for byte in line.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b'\t' if !quoted => tabs += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    match (commas, tabs, semicolons) {
        (0, 1.., _) => b'\t',
        (0, 0, 1..) => b';',
        _ => b',',
    }
}

/// The cells of one line, split at `delimiter` outside quotes, still quoted.
fn split_line(line: &str, delimiter: u8) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    line.split(move |c: char| {
        if c == '"' {
            quoted = !quoted;
        }
        !quoted && c.is_ascii() && c as u8 == delimiter
    })
}

/// A header cell without its quotes (doubled quotes inside made single).
fn unquote(cell: &str) -> Cow<'_, str> {
    let cell = cell.trim();
    match cell.strip_prefix('"') {
        Some(inner) => {
            let inner = inner.strip_suffix('"').unwrap_or(inner);
            Cow::Owned(inner.replace("\"\"", "\""))
        }
        None => Cow::Borrowed(cell),
    }
}

/// A header cell as compared: lower-case, words separated by one space (`_`, `-` and white
/// space alike), without a byte order mark.
fn column_name(cell: &str) -> String {
    let mut name = String::with_capacity(cell.len());
    let words = cell
        .split(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '\u{feff}'))
        .filter(|word| !word.is_empty());
    for word in words {
        if !name.is_empty() {
            name.push(' ');
        }
        name.extend(word.chars().flat_map(char::to_lowercase));
    }
    name
}

/// Where each named column is.
#[derive(Default)]
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn new(header: &StringRecord) -> Self {
        let mut index = HashMap::new();
        for (at, cell) in header.iter().enumerate() {
            index.entry(column_name(cell)).or_insert(at);
        }
        Self { index }
    }

    fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The cell of `row` in the column `name`, with line breaks made `\n`; empty when there is
    /// no such column or the row is shorter.
    fn cell<'r>(&self, row: &'r StringRecord, name: &str) -> Cow<'r, str> {
        let cell = self
            .index
            .get(name)
            .and_then(|&at| row.get(at))
            .unwrap_or("");
        if cell.contains('\r') {
            Cow::Owned(cell.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(cell)
        }
    }
}

/// Inserts `text` as a string when it is not blank.
fn put_text(object: &mut Map<String, Value>, key: &str, text: &str) {
    if !text.trim().is_empty() {
        object.insert(key.to_owned(), Value::from(text));
    }
}

// ---------------------------------------------------------------------------------------------
// The TimelineJS template

/// The rows as TimelineJS3 events, converted as a TimelineJS file's are.
fn timeline(columns: &Columns, rows: &[StringRecord]) -> Converted {
    let mut title_slide = None;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        let row_type = columns.cell(row, "type").trim().to_lowercase();
        match row_type.as_str() {
            "era" => {}
            "title" if title_slide.is_none() => title_slide = Some(event(columns, row)),
            _ => events.push(event(columns, row)),
        }
    }
    timelinejs::convert_events(title_slide.as_ref(), &events)
}

/// One row as the TimelineJS3 event (JSON) it stands for.
fn event(columns: &Columns, row: &StringRecord) -> Value {
    let cell = |name: &str| columns.cell(row, name);
    let mut event = Map::new();

    // Every TimelineJS date has a year: without one the event has none, and is reported.
    let year = whole_number(&cell("year"));
    if !year.is_empty() {
        let mut start = Map::new();
        start.insert("year".to_owned(), Value::from(year));
        put_text(&mut start, "month", &whole_number(&cell("month")));
        put_text(&mut start, "day", &whole_number(&cell("day")));
        let time = cell("time");
        let time = time.trim();
        if !time.is_empty() {
            match clock(time) {
                Some((hour, minute, second)) => {
                    start.insert("hour".to_owned(), Value::from(hour));
                    start.insert("minute".to_owned(), Value::from(minute));
                    start.insert("second".to_owned(), Value::from(second));
                }
                // As written: the date made of it is unparseable, and reported.
                None => {
                    start.insert("hour".to_owned(), Value::from(time));
                }
            }
        }
        event.insert("start_date".to_owned(), Value::Object(start));
    }

    let mut text = Map::new();
    put_text(&mut text, "headline", &cell("headline"));
    put_text(&mut text, "text", &cell("text"));
    if !text.is_empty() {
        event.insert("text".to_owned(), Value::Object(text));
    }

    let mut media = Map::new();
    put_text(&mut media, "url", &cell("media"));
    put_text(&mut media, "credit", &cell("media credit"));
    put_text(&mut media, "caption", &cell("media caption"));
    if !media.is_empty() {
        event.insert("media".to_owned(), Value::Object(media));
    }

    let group = cell("group");
    let group = if group.trim().is_empty() {
        cell("tag")
    } else {
        group
    };
    put_text(&mut event, "group", &group);
    Value::Object(event)
}

/// A date part as TimelineJS reads it: white space and (thousands) commas removed.
fn whole_number(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect()
}

/// A `Time` cell as (hour, minute, second): `HH:MM`, `HH:MM:SS`, `HH.MM`, `HHMM` or `H`, with
/// `AM`/`PM` (also `a.m.`, any case) if any; `None` when it is none of these.
fn clock(time: &str) -> Option<(u32, u32, u32)> {
    let lower = time.to_ascii_lowercase();
    let (digits, period) = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
        .iter()
        .find_map(|suffix| {
            lower
                .strip_suffix(suffix)
                .map(|rest| (rest.trim_end(), Some(suffix.starts_with('p'))))
        })
        .unwrap_or((lower.as_str(), None));
    let number = |part: &str| {
        (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = if digits.contains(':') {
        digits.split(':').collect()
    } else if digits.contains('.') {
        digits.split('.').collect()
    } else if digits.len() > 2 {
        // `0930`: the last two digits are the minutes.
        let cut = digits.len().checked_sub(2)?;
        if !digits.is_char_boundary(cut) {
            return None;
        }
        vec![&digits[..cut], &digits[cut..]]
    } else {
        vec![digits]
    };
    let (hour, minute, second) = match parts.as_slice() {
        [hour] if period.is_some() => (number(hour)?, 0, 0),
        [hour, minute] => (number(hour)?, number(minute)?, 0),
        [hour, minute, second] => (number(hour)?, number(minute)?, number(second)?),
        _ => return None,
    };
    let hour = match period {
        None if hour <= 23 => hour,
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        _ => return None,
    };
    (minute <= 59 && second <= 59).then_some((hour, minute, second))
}

// ---------------------------------------------------------------------------------------------
// The Pressline template

/// The rows as Pressline release records.
fn pressline(columns: &Columns, rows: &[StringRecord]) -> Converted {
    let mut ids = Ids::default();
    // Ids written in the sheet are kept as they are (a duplicate is reported): ids derived
    // from titles keep clear of every one of them, wherever it comes.
    for row in rows {
        let id = unguarded(columns, row, "id");
        if !id.trim().is_empty() {
            ids.reserve(id.trim());
        }
    }
    let releases = rows
        .iter()
        .map(|row| release(columns, row, &mut ids))
        .collect();
    Converted {
        dataset: dataset(None, None, Map::new(), releases),
        problems: Vec::new(),
    }
}

/// A Pressline cell, without the `'` Pressline's CSV download puts before a cell a
/// spreadsheet would take for a formula.
fn unguarded<'r>(columns: &Columns, row: &'r StringRecord, name: &str) -> Cow<'r, str> {
    match columns.cell(row, name) {
        Cow::Borrowed(text) => Cow::Borrowed(unguard(text)),
        Cow::Owned(text) => Cow::Owned(unguard(&text).to_owned()),
    }
}

fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// One row as a release record (see the table in the [module documentation](self)).
fn release(columns: &Columns, row: &StringRecord, ids: &mut Ids) -> Value {
    let text = |name: &str| unguarded(columns, row, name).trim().to_owned();
    let mut record = Map::new();

    let title = text("title");
    let id = match text("id") {
        id if id.is_empty() => ids.allocate([slugify(&title)], "release"),
        id => id,
    };
    record.insert("id".to_owned(), Value::from(id));
    // A required field's column, when there is one, gives it even empty: validation says so.
    let kind = if columns.has("kind") {
        text("kind")
    } else {
        DEFAULT_KIND.to_owned()
    };
    record.insert("kind".to_owned(), Value::from(kind));
    for field in ["date", "title"] {
        if columns.has(field) {
            record.insert(field.to_owned(), Value::from(text(field)));
        }
    }
    for field in ["summary", "body", "url", "lang"] {
        put_text(&mut record, field, &unguarded(columns, row, field));
    }

    let people: Vec<Value> = list(&unguarded(columns, row, "people"))
        .into_iter()
        .map(person)
        .collect();
    put(
        &mut record,
        "people",
        (!people.is_empty()).then_some(Value::Array(people)),
    );
    for field in ["topics", "places"] {
        let cell = unguarded(columns, row, field);
        let items = list(&cell);
        put(
            &mut record,
            field,
            (!items.is_empty()).then(|| Value::from(items)),
        );
    }

    let mut image = Map::new();
    put_text(&mut image, "src", &text("image"));
    put_text(&mut image, "alt", &text("image alt"));
    let credit = match text("image credit") {
        credit if credit.is_empty() => text("photo credit"),
        credit => credit,
    };
    put_text(&mut image, "credit", &credit);
    if !image.is_empty() {
        record.insert("image".to_owned(), Value::Object(image));
    }
    Value::Object(record)
}

/// A list cell's items: split at `|`, or at `;` when there is no `|`; trimmed, empty ones
/// dropped.
fn list(cell: &str) -> Vec<&str> {
    let separator = if cell.contains('|') { '|' } else { ';' };
    cell.split(separator)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

/// A person: `Name (Role)` gives both (the role may hold parentheses of its own), anything
/// else is a name. An empty name is passed on, for validation to report.
fn person(item: &str) -> Value {
    let mut person = Map::new();
    let (name, role) = match item.strip_suffix(')').and_then(|rest| rest.split_once('(')) {
        Some((name, role)) => (name.trim(), role.trim()),
        None => (item, ""),
    };
    person.insert("name".to_owned(), Value::from(name));
    put_text(&mut person, "role", role);
    Value::Object(person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        assert_eq!(clock("05:30"), Some((5, 30, 0)));
        assert_eq!(clock("14:05:09"), Some((14, 5, 9)));
        assert_eq!(clock("0930"), Some((9, 30, 0)));
        assert_eq!(clock("9.30"), Some((9, 30, 0)));
        assert_eq!(clock("2:30 PM"), Some((14, 30, 0)));
        assert_eq!(clock("12:00 a.m."), Some((0, 0, 0)));
        assert_eq!(clock("12 pm"), Some((12, 0, 0)));
        assert_eq!(clock("7"), None);
        assert_eq!(clock("24:00"), None);
        assert_eq!(clock("13:00 PM"), None);
        assert_eq!(clock("10:60"), None);
        assert_eq!(clock("noon"), None);
        assert_eq!(clock("1:2:3:4"), None);
        assert_eq!(clock("ééé"), None);
    }

    #[test]
    fn header_lines() {
        assert_eq!(header_line("\u{feff}\r\n\na,b\r\nc"), Some("a,b"));
        assert_eq!(header_line("\"a\nb\",c\nd"), Some("\"a\nb\",c"));
        assert_eq!(header_line(""), None);
        assert_eq!(delimiter("a\tb,c"), b',');
        assert_eq!(delimiter("a\t\"b,c\""), b'\t');
        assert_eq!(delimiter("a;b\tc"), b'\t');
        assert_eq!(delimiter("a;b"), b';');
        assert_eq!(column_name(" End_Year "), "end year");
        assert_eq!(column_name("\u{feff}Media  Credit"), "media credit");
    }

    #[test]
    fn lists_and_people() {
        assert_eq!(list(" a | b;c || "), vec!["a", "b;c"]);
        assert_eq!(list("a; b ;"), vec!["a", "b"]);
        assert_eq!(
            person("Jane Doe (Director (Europe))"),
            serde_json::json!({ "name": "Jane Doe", "role": "Director (Europe)" })
        );
        assert_eq!(
            person("Press office"),
            serde_json::json!({ "name": "Press office" })
        );
        assert_eq!(
            person("(Spokesperson)"),
            serde_json::json!({ "name": "", "role": "Spokesperson" })
        );
    }
}
