//! Reading a Pressline dataset as its bytes arrive, without ever holding the whole text.
//!
//! A large dataset is almost all one array, `"releases"`. [`DatasetStream`] keeps the text
//! before that array (the head), checks each record as soon as its last byte has arrived and
//! then drops its bytes, and keeps the text after the array (the tail). So while a file
//! downloads, memory holds the head, one record and what the records became, never the text
//! beside the dataset (in the browser, wasm memory never shrinks: the peak is what stays).
//!
//! The result is exactly [`crate::formats::read_any`]'s for the same text: the same releases,
//! the same problems at the same lines and columns, the same error for a broken file. Text
//! that is not a Pressline dataset the stream can read this way (another format, no
//! `"pressline"` marker before the records, a broken top level) is kept whole and handed back
//! for [`crate::formats::start_reading`].
//!
//! ```
//! use pressline_core::stream::{DatasetStream, StreamOutcome};
//! let text = r#"{ "pressline": 1, "title": "News", "releases": [
//!     { "id": "a", "kind": "Report", "date": "2022-06-29", "title": "Kept" },
//!     { "id": "b", "kind": "Report", "date": "June", "title": "Skipped" } ] }"#;
//! let mut stream = DatasetStream::new();
//! for chunk in text.as_bytes().chunks(7) {
//!     stream.push(chunk).unwrap();
//! }
//! assert_eq!(stream.records_checked(), 2);
//! let StreamOutcome::Pressline(loaded) = stream.finish().unwrap() else { panic!() };
//! assert_eq!(loaded.dataset.releases.len(), 1);
//! assert_eq!(loaded.problems[0].field, "date");
//! ```

use std::fmt;

use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::Value;

use super::formats::not_json;
use super::json_scan::{self, LineCounter};
use super::validate::{
    assemble, blank, format_error, read_head_by_member, Envelope, RawHead, RecordChecker,
};
use super::{FormatError, FormatErrorKind, LoadedDataset, Problem};

/// Records nested at least this deep are parsed again inside a dataset's two levels, whose
/// nesting counts towards the JSON parser's limit (128) when the whole file is parsed.
const DEEP_RECORD: usize = 120;

/// A record buffer grown larger than this (one huge record) is given back after that record.
const RECORD_BUFFER_KEPT: usize = 1 << 20;

/// What a finished stream holds.
#[derive(Debug, Clone, PartialEq)]
// Made once per file and matched at once: boxing the dataset would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum StreamOutcome {
    /// A Pressline dataset read as it arrived, every record checked: what
    /// [`crate::formats::read_any`] returns for [`crate::formats::SourceFormat::Pressline`].
    Pressline(LoadedDataset),
    /// The whole text, kept because it is not a Pressline dataset the stream could read record
    /// by record (another format, no `"pressline"` marker before the records, a broken top
    /// level). Read it with [`crate::formats::start_reading`] as any text.
    Whole(String),
    /// Markup that is not UTF-8 (an XML feed whose prolog declares ISO-8859-1, Windows-1252 or
    /// UTF-16), as its bytes: [`crate::formats::read_encoded`] decodes and reads it.
    Encoded(Vec<u8>),
}

/// Why a stream cannot give a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// The bytes are not UTF-8 text.
    NotText {
        /// The byte offset of the first invalid byte (as
        /// `String::from_utf8(all).unwrap_err().utf8_error().valid_up_to()`).
        offset: usize,
    },
    /// The text is not a usable dataset: the error [`crate::formats::read_any`] gives for it.
    Format(FormatError),
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotText { offset } => write!(f, "not UTF-8 text (invalid byte at {offset})"),
            Self::Format(error) => write!(f, "{error:?}"),
        }
    }
}

impl std::error::Error for StreamError {}

/// Reads a dataset fed chunk by chunk (any sizes, split anywhere, even inside a character or an
/// escape). See the [module documentation](self).
///
/// Drive it with [`push`](Self::push) for each chunk of the body, then [`finish`](Self::finish);
/// on [`StreamOutcome::Whole`], read the text as before.
pub struct DatasetStream {
    phase: Phase,
    /// Bytes taken in (UTF-8 checked), not counting `pending`.
    received: usize,
    /// The first bytes of a character cut by the end of the last chunk.
    pending: Vec<u8>,
    /// Where the next byte is, in the whole text.
    at: Position,
}

enum Phase {
    /// Before the `releases` array: the text is kept and scanned for it.
    Head(HeadScan),
    /// Inside the array and after it.
    Records(Box<Records>),
    /// Not a dataset to stream: every byte is kept as it came, and checked as text at the end
    /// (markup may declare an encoding other than UTF-8).
    Whole(Vec<u8>),
    /// The bytes were not UTF-8.
    NotText(usize),
}

impl Default for DatasetStream {
    fn default() -> Self {
        Self::new()
    }
}

impl DatasetStream {
    /// An empty stream, waiting for the first bytes.
    pub fn new() -> Self {
        Self {
            phase: Phase::Head(HeadScan::default()),
            received: 0,
            pending: Vec::new(),
            at: Position::default(),
        }
    }

    /// Takes the next chunk of the text. Records completed by it are checked now. Fails only
    /// when the bytes so far are not UTF-8 (then every later call fails the same way); any
    /// other trouble is reported by [`finish`](Self::finish), as reading the whole text would.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), StreamError> {
        if let Phase::NotText(offset) = self.phase {
            return Err(StreamError::NotText { offset });
        }
        // A UTF-16 byte order mark can only start markup (JSON is UTF-8): keep the bytes whole.
        if self.received == 0
            && self.pending.is_empty()
            && matches!(chunk.first(), Some(0xFE | 0xFF))
        {
            self.phase = Phase::Whole(Vec::new());
        }
        if let Phase::Whole(kept) = &mut self.phase {
            let pending = std::mem::take(&mut self.pending);
            kept.extend_from_slice(&pending);
            kept.extend_from_slice(chunk);
            self.received += pending.len() + chunk.len();
            return Ok(());
        }
        // The few bytes of a character cut by the previous chunk go first.
        let joined;
        let bytes = if self.pending.is_empty() {
            chunk
        } else {
            let mut bytes = std::mem::take(&mut self.pending);
            bytes.extend_from_slice(chunk);
            joined = bytes;
            &joined[..]
        };
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(error) if error.error_len().is_none() => {
                self.pending = bytes[error.valid_up_to()..].to_vec();
                error.valid_up_to()
            }
            Err(error) => {
                // Markup may declare another encoding: keep it whole, checked at the end.
                if let Phase::Head(head) = &mut self.phase {
                    if is_markup(&[&head.text[..], bytes].concat()) {
                        let mut kept = std::mem::take(&mut head.text);
                        kept.extend_from_slice(bytes);
                        self.received += bytes.len();
                        self.phase = Phase::Whole(kept);
                        return Ok(());
                    }
                }
                let offset = self.received + error.valid_up_to();
                // Nothing read so far is of use any more.
                self.phase = Phase::NotText(offset);
                return Err(StreamError::NotText { offset });
            }
        };
        self.take(&bytes[..valid]);
        self.received += valid;
        Ok(())
    }

    /// How many release records have been checked so far (valid or not).
    pub fn records_checked(&self) -> usize {
        match &self.phase {
            Phase::Records(records) => records.checker.checked(),
            _ => 0,
        }
    }

    /// How many bytes of text have been taken in so far.
    pub fn bytes_received(&self) -> usize {
        self.received + self.pending.len()
    }

    /// How many bytes of the text the stream holds now: the head, the record being received
    /// and the tail while reading records; everything when the text is kept whole.
    pub fn buffered_bytes(&self) -> usize {
        self.pending.len()
            + match &self.phase {
                Phase::Head(head) => head.text.len(),
                Phase::Records(records) => {
                    records.head.len() + records.record.len() + records.tail.len()
                }
                Phase::Whole(text) => text.len(),
                Phase::NotText(_) => 0,
            }
    }

    /// Ends the text: the dataset, every record checked; or the whole text when it is not a
    /// Pressline dataset the stream could read; or why the text cannot be used.
    pub fn finish(self) -> Result<StreamOutcome, StreamError> {
        if let Phase::NotText(offset) = self.phase {
            return Err(StreamError::NotText { offset });
        }
        if !self.pending.is_empty() && !matches!(self.phase, Phase::Whole(_)) {
            // The text ends inside a character.
            return Err(StreamError::NotText {
                offset: self.received,
            });
        }
        let kept = match self.phase {
            Phase::Head(head) => head.text,
            Phase::Whole(mut text) => {
                text.extend_from_slice(&self.pending);
                text
            }
            Phase::Records(records) => {
                return records
                    .finish(self.at)
                    .map(StreamOutcome::Pressline)
                    .map_err(StreamError::Format)
            }
            Phase::NotText(_) => unreachable!("handled above"),
        };
        match String::from_utf8(kept) {
            Ok(text) => Ok(StreamOutcome::Whole(text)),
            Err(error) if is_markup(error.as_bytes()) => {
                Ok(StreamOutcome::Encoded(error.into_bytes()))
            }
            Err(error) => Err(StreamError::NotText {
                offset: error.utf8_error().valid_up_to(),
            }),
        }
    }

    /// Takes bytes that are UTF-8 text (possibly cut inside a character only at the chunk's
    /// end, which `push` holds back).
    fn take(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            match &mut self.phase {
                Phase::Head(head) => {
                    let (used, found) = head.scan(bytes, &mut self.at);
                    bytes = &bytes[used..];
                    match found {
                        Found::Nothing => {}
                        Found::NotStreamable => {
                            let text = std::mem::take(&mut head.text);
                            self.phase = Phase::Whole(text);
                        }
                        Found::Releases { has_marker } => {
                            let head = std::mem::take(&mut head.text);
                            self.phase = match Records::start(head, self.at, has_marker) {
                                Ok(records) => {
                                    // The `[` is taken here: the records start after it.
                                    self.at.advance(b'[');
                                    bytes = &bytes[1..];
                                    Phase::Records(Box::new(records))
                                }
                                Err(head) => Phase::Whole(head),
                            };
                        }
                    }
                }
                Phase::Records(records) => {
                    records.take(bytes, &mut self.at);
                    bytes = &[];
                }
                Phase::Whole(text) => {
                    text.extend_from_slice(bytes);
                    bytes = &[];
                }
                Phase::NotText(_) => bytes = &[],
            }
        }
    }
}

/// True for bytes that start as markup does (`<`, after a byte order mark and spaces, in UTF-8
/// or UTF-16): an XML document, which may declare its own encoding.
fn is_markup(bytes: &[u8]) -> bool {
    let utf16 = |low: u8, high: u8| low == b'<' && high == 0;
    match bytes {
        [0xFF, 0xFE, low, high, ..] => utf16(*low, *high),
        [0xFE, 0xFF, high, low, ..] => utf16(*low, *high),
        _ => {
            let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
        }
    }
}

/// A place in the text: its line, and its column counted both in characters (as problems
/// report it, see [`LineCounter`]) and in bytes (as the JSON parser's errors do), from 0.
#[derive(Debug, Clone, Copy)]
struct Position {
    line: usize,
    chars: usize,
    bytes: usize,
}

impl Default for Position {
    fn default() -> Self {
        Self {
            line: 1,
            chars: 0,
            bytes: 0,
        }
    }
}

impl Position {
    fn advance(&mut self, byte: u8) {
        if byte == b'\n' {
            self.line += 1;
            self.chars = 0;
            self.bytes = 0;
        } else {
            self.bytes += 1;
            // Not a UTF-8 continuation byte: the start of a character.
            if byte & 0xC0 != 0x80 {
                self.chars += 1;
            }
        }
    }

    fn advance_over(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.advance(byte);
        }
    }

    /// Where a JSON parser's error at `(line, column)` in a small document is in the whole
    /// text, when that document is `prefix_len` bytes followed by the text from here on.
    fn relocate(self, prefix_len: usize, (line, column): (usize, usize)) -> (usize, usize) {
        if line <= 1 {
            (self.line, (column + self.bytes).saturating_sub(prefix_len))
        } else {
            (self.line + line - 1, column)
        }
    }
}

/// A JSON parser's error, as [`format_error`] (or [`not_json`]) makes it, moved by `place`.
fn relocated(
    error: serde_json::Error,
    make: fn(serde_json::Error) -> FormatError,
    place: impl FnOnce((usize, usize)) -> (usize, usize),
) -> FormatError {
    let (line, column) = place((error.line(), error.column()));
    FormatError {
        line: line.max(1),
        column: column.max(1),
        ..make(error)
    }
}

// ---------------------------------------------------------------------------------------------
// The head: finding the `releases` array

enum Found {
    Nothing,
    NotStreamable,
    /// The `[` of the top-level `releases` array is the next byte.
    Releases {
        has_marker: bool,
    },
}

/// Where the top-level scan is, as [`json_scan::releases_array`] reads a top level.
#[derive(Default, Clone, Copy, PartialEq)]
enum Top {
    #[default]
    Start,
    /// After `{`: a member name or `}`.
    FirstMember,
    /// After `,`: a member name.
    Member,
    Key,
    KeyEscape,
    Colon,
    Value,
    InValue,
    AfterValue,
}

#[derive(Default)]
struct HeadScan {
    text: Vec<u8>,
    top: Top,
    key_start: usize,
    key_is_releases: bool,
    has_marker: bool,
    value: Skipper,
}

impl HeadScan {
    /// Scans `bytes` until the `releases` array's `[` (not taken) or a sign that this is no
    /// dataset to stream; returns how many bytes were taken.
    fn scan(&mut self, bytes: &[u8], at: &mut Position) -> (usize, Found) {
        for (used, &byte) in bytes.iter().enumerate() {
            match self.step(byte) {
                Step::More => {}
                Step::Done => {
                    // Not the releases: this byte starts them.
                    return (
                        used,
                        Found::Releases {
                            has_marker: self.has_marker,
                        },
                    );
                }
                // Kept with the rest: the whole text is read as it is today.
                Step::DoneBefore | Step::Broken => return (used, Found::NotStreamable),
            }
            self.text.push(byte);
            at.advance(byte);
        }
        (bytes.len(), Found::Nothing)
    }

    /// One byte of the top level: `Done` at the releases array's `[`, `Broken` when the text
    /// is not to be streamed, `More` otherwise.
    fn step(&mut self, byte: u8) -> Step {
        let space = matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
        match self.top {
            Top::Start if space => {}
            Top::Start if byte == b'{' => self.top = Top::FirstMember,
            Top::FirstMember | Top::Member if space => {}
            Top::FirstMember | Top::Member if byte == b'"' => {
                self.top = Top::Key;
                self.key_start = self.text.len() + 1;
            }
            Top::Key => match byte {
                b'\\' => self.top = Top::KeyEscape,
                b'"' => {
                    // Names compared as written, as the scanner does.
                    let key = &self.text[self.key_start..];
                    self.key_is_releases = key == b"releases";
                    self.has_marker |= key == b"pressline";
                    self.top = Top::Colon;
                }
                _ => {}
            },
            Top::KeyEscape => self.top = Top::Key,
            Top::Colon if space => {}
            Top::Colon if byte == b':' => self.top = Top::Value,
            Top::Value if space => {}
            Top::Value if self.key_is_releases && byte == b'[' => return Step::Done,
            Top::Value | Top::InValue => {
                if self.top == Top::Value {
                    self.value.reset();
                }
                self.top = Top::InValue;
                match self.value.feed(byte) {
                    Step::More => {}
                    Step::Done => self.top = Top::AfterValue,
                    Step::DoneBefore => {
                        self.top = Top::AfterValue;
                        return self.step(byte);
                    }
                    Step::Broken => return Step::Broken,
                }
            }
            Top::AfterValue if space => {}
            Top::AfterValue if byte == b',' => self.top = Top::Member,
            // The object ends without a releases array, or the text is broken: not streamed.
            _ => return Step::Broken,
        }
        Step::More
    }
}

// ---------------------------------------------------------------------------------------------
// The records

#[derive(Clone, Copy, PartialEq)]
enum Array {
    /// After `[`.
    First,
    /// Inside an element.
    Element,
    /// After an element.
    AfterElement,
    /// After `,`.
    Next,
    /// The array's structure is broken: everything from `record_start` on is kept, to find
    /// the JSON parser's error there.
    Broken(&'static str),
    /// After `]`: the tail.
    Closed,
}

struct Records {
    /// The text before the array's `[`.
    head: String,
    /// Where the `[` is.
    open: Position,
    /// Where the `]` is, once seen.
    close: Position,
    array: Array,
    /// The text of the element being received (or, when broken, of the rest).
    record: Vec<u8>,
    record_start: Position,
    scanner: Skipper,
    checker: RecordChecker,
    /// The error parsing the whole text stops at when a record is not even JSON for the
    /// parser's skipping (what the whole-text reader meets first): the first such record's.
    skip_error: Option<(Category, FormatError)>,
    /// The error parsing the whole text as a JSON value stops at, when a record's is the
    /// first: the first such record's.
    value_error: Option<FormatError>,
    /// A record the whole text's parser would stop in, waiting for the bytes after it.
    stopper: Option<Stopper>,
    tail: Vec<u8>,
}

/// A record the whole text's parser would stop in. Where, and with which message, can depend
/// on the bytes after it: the parser reads a `\u` escape's four digits at once and the byte
/// after a bare word, so a few of them are kept.
struct Stopper {
    record: String,
    start: Position,
    after: Vec<u8>,
    /// Whether it stops skipping the record (what reading the dataset meets).
    skip: bool,
    /// Whether it stops reading the record as a value (what reading any JSON meets).
    value: bool,
}

impl Stopper {
    /// The bytes the parser may read past a record.
    const AFTER: usize = 4;

    /// Takes the bytes after the record it still needs; true when it has them all.
    fn fill(&mut self, bytes: &[u8]) -> bool {
        let wanted = Self::AFTER - self.after.len();
        self.after
            .extend_from_slice(&bytes[..wanted.min(bytes.len())]);
        self.after.len() == Self::AFTER
    }
}

impl Records {
    /// Starts reading the records if the head is a dataset's whose every error the whole-text
    /// reader would meet after the records; otherwise gives the head back, to be kept whole.
    fn start(head: Vec<u8>, open: Position, has_marker: bool) -> Result<Self, Vec<u8>> {
        // Without the marker the text may be another format that has a `releases` member.
        if !has_marker {
            return Err(head);
        }
        let head = match String::from_utf8(head) {
            Ok(head) => head,
            Err(error) => return Err(error.into_bytes()),
        };
        // An error in the head (a broken dataset title, a wrong version…) is reported, or read
        // around, the way the whole-text reader does: that needs the whole text, and such a
        // file is rare. Errors after the `[` are the records' and the tail's, found at the end.
        let probe = format!("{head}[]}}");
        let before =
            |error: serde_json::Error| (error.line(), error.column()) <= (open.line, open.bytes);
        let head_broken = serde_json::from_str::<Envelope<'_>>(&probe)
            .err()
            .is_some_and(before)
            || serde_json::from_str::<Value>(&probe)
                .err()
                .is_some_and(before);
        if head_broken {
            return Err(head.into_bytes());
        }
        Ok(Self {
            head,
            open,
            close: open,
            array: Array::First,
            record: Vec::new(),
            record_start: open,
            scanner: Skipper::default(),
            checker: RecordChecker::with_capacity(0),
            skip_error: None,
            value_error: None,
            stopper: None,
            tail: Vec::new(),
        })
    }

    /// Takes the bytes from the array's `[` on, splitting the array as
    /// [`json_scan::releases_array`] does and checking each element when it is complete.
    fn take(&mut self, bytes: &[u8], at: &mut Position) {
        if let Some(mut stopper) = self.stopper.take() {
            if stopper.fill(bytes) {
                self.resolve(stopper);
            } else {
                self.stopper = Some(stopper);
            }
        }
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            let space = matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
            match self.array {
                Array::First | Array::Next if space => {}
                Array::First if byte == b']' => {
                    self.close = *at;
                    self.array = Array::Closed;
                }
                Array::First | Array::Next => {
                    self.array = Array::Element;
                    self.record_start = *at;
                    self.scanner.reset();
                    // The element's first byte is read as part of it.
                    continue;
                }
                Array::Element => {
                    // The element's bytes go into the buffer a run at a time.
                    let run_start = i;
                    loop {
                        let Some(&byte) = bytes.get(i) else {
                            self.record.extend_from_slice(&bytes[run_start..]);
                            return;
                        };
                        match self.scanner.feed(byte) {
                            Step::More => {
                                at.advance(byte);
                                i += 1;
                            }
                            Step::Done => {
                                at.advance(byte);
                                i += 1;
                                self.record.extend_from_slice(&bytes[run_start..i]);
                                self.complete(&bytes[i..]);
                                self.array = Array::AfterElement;
                                break;
                            }
                            Step::DoneBefore => {
                                self.record.extend_from_slice(&bytes[run_start..i]);
                                self.complete(&bytes[i..]);
                                self.array = Array::AfterElement;
                                break;
                            }
                            Step::Broken => {
                                self.record.extend_from_slice(&bytes[run_start..i]);
                                let prefix = if self.checker.checked() == 0 {
                                    "["
                                } else {
                                    "[0,"
                                };
                                self.array = Array::Broken(prefix);
                                break;
                            }
                        }
                    }
                    continue;
                }
                Array::AfterElement if space => {}
                Array::AfterElement if byte == b',' => self.array = Array::Next,
                Array::AfterElement if byte == b']' => {
                    self.close = *at;
                    self.array = Array::Closed;
                }
                Array::AfterElement => {
                    self.record.clear();
                    self.record_start = *at;
                    self.array = Array::Broken("[0 ");
                    continue;
                }
                Array::Broken(_) => {
                    self.record.extend_from_slice(&bytes[i..]);
                    at.advance_over(&bytes[i..]);
                    return;
                }
                Array::Closed => {
                    self.tail.extend_from_slice(&bytes[i..]);
                    return;
                }
            }
            at.advance(byte);
            i += 1;
        }
    }

    /// Checks the element just received; `after` is the rest of the chunk, the bytes after it.
    fn complete(&mut self, after: &[u8]) {
        if let Some(stopper) = self.stopper.take() {
            // Not expected: a record takes more bytes than a stopper waits for.
            self.resolve(stopper);
        }
        let start = self.record_start;
        // Element boundaries are ASCII delimiters, so the element is whole UTF-8 text.
        let raw = std::str::from_utf8(&self.record).unwrap_or_default();
        let parsed = self.checker.check(raw, || (start.line, start.chars + 1));
        let deep = self.scanner.deepest >= DEEP_RECORD;
        if (!parsed || deep) && (self.skip_error.is_none() || self.value_error.is_none()) {
            // Would the whole text's parser stop in this element, skipping it (inside an
            // array) or reading it as a value (inside the dataset's object and array)?
            let skip = !parsed
                && self.skip_error.is_none()
                && serde_json::from_str::<Vec<&RawValue>>(&format!("[{raw}]")).is_err();
            let value = self.value_error.is_none()
                && serde_json::from_str::<Value>(&format!("{{\"\":[{raw}]}}")).is_err();
            if skip || value {
                let mut stopper = Stopper {
                    record: raw.to_owned(),
                    start,
                    after: Vec::new(),
                    skip,
                    value,
                };
                if stopper.fill(after) {
                    self.resolve(stopper);
                } else {
                    self.stopper = Some(stopper);
                }
            }
        }
        self.record.clear();
        if self.record.capacity() > RECORD_BUFFER_KEPT {
            self.record = Vec::new();
        }
    }

    /// Finds where and why the whole text's parser stops in the stopper's record.
    fn resolve(&mut self, stopper: Stopper) {
        let Stopper {
            record,
            start,
            after,
            skip,
            value,
        } = stopper;
        // The bytes kept may end inside a character: the parser stops before them anyway.
        let after = match std::str::from_utf8(&after) {
            Ok(after) => after,
            Err(error) => std::str::from_utf8(&after[..error.valid_up_to()]).unwrap_or_default(),
        };
        if skip && self.skip_error.is_none() {
            let skipped = format!("[{record}{after}]");
            if let Err(error) = serde_json::from_str::<Vec<&RawValue>>(&skipped) {
                let category = error.classify();
                let error = relocated(error, format_error, |at| start.relocate(1, at));
                self.skip_error = Some((category, error));
            }
        }
        if value && self.value_error.is_none() {
            let nested = format!("{{\"\":[{record}{after}]}}");
            if let Err(error) = serde_json::from_str::<Value>(&nested) {
                self.value_error = Some(relocated(error, not_json, |at| start.relocate(5, at)));
            }
        }
    }

    /// The dataset, read as the whole-text reader reads it (see `read_any`), from what was
    /// kept: the head and the tail around the array, the checked records, and the errors the
    /// records would have made the whole text's parser stop at. `end` is the text's end.
    fn finish(mut self, end: Position) -> Result<LoadedDataset, FormatError> {
        if let Some(stopper) = self.stopper.take() {
            self.resolve(stopper);
        }
        let Array::Closed = self.array else {
            // The array never closed, so the whole text's parser stopped in it: at the first
            // record it cannot skip, or where the array breaks or ends.
            if let Some((_, error)) = self.skip_error {
                return Err(error);
            }
            let (prefix, start) = match self.array {
                Array::Broken(prefix) => (prefix, self.record_start),
                Array::Element if self.checker.checked() == 0 => ("[", self.record_start),
                Array::Element => ("[0,", self.record_start),
                Array::First => ("[", end),
                Array::Next => ("[0,", end),
                _ => ("[0 ", end),
            };
            let mut rest = prefix.as_bytes().to_vec();
            rest.extend_from_slice(&self.record);
            let rest = String::from_utf8_lossy(&rest);
            return Err(match serde_json::from_str::<Vec<&RawValue>>(&rest) {
                Err(error) => relocated(error, format_error, |at| start.relocate(prefix.len(), at)),
                // Not expected: the scanner refuses less than the parser.
                Ok(_) => FormatError {
                    kind: FormatErrorKind::NotJson,
                    message: "EOF while parsing a list".to_owned(),
                    line: end.line,
                    column: end.bytes.max(1),
                },
            });
        };
        let skeleton = Skeleton::new(&self.head, self.open, self.close, &self.tail);
        let text = skeleton.text.as_str();
        let parsed = serde_json::from_str::<Envelope<'_>>(text)
            .map_err(|error| (error.classify(), skeleton.moved(format_error(error))));
        let parsed = match parsed {
            Ok(envelope) if self.skip_error.is_none() => {
                return Ok(self.assemble(envelope.head(), Vec::new()))
            }
            parsed => parsed,
        };
        // What parsing the whole text gives: a record's error comes before the tail's.
        let whole_error = match (&self.skip_error, &parsed) {
            (Some((_, error)), _) | (None, Err((_, error))) => error.clone(),
            (None, Ok(_)) => unreachable!("read above"),
        };
        // The whole text's scan: it finds this array (and its records) only if the tail scans.
        let array = match json_scan::releases_array(text) {
            Ok(Some(array)) if array.span.0 == self.head.len() => array,
            Ok(Some(later)) => return self.read_later_array(&skeleton, &later),
            _ => return Err(self.read_other(&skeleton, whole_error)),
        };
        // It did: the top level is read without the records, as the whole-text reader does.
        match parsed {
            Ok(envelope) => Ok(self.assemble(envelope.head(), Vec::new())),
            Err((Category::Syntax, error)) => {
                // A broken member of the dataset's own: read around it, member by member.
                let mut lines = LineCounter::new(text);
                let mut position = |offset| skeleton.position(&mut lines, offset);
                match read_head_by_member(text, &array.members, &mut position) {
                    Some((head, problems)) => Ok(self.assemble(head, problems)),
                    None => Err(error),
                }
            }
            Err((_, error)) => Err(self.read_other(&skeleton, error)),
        }
    }

    /// What the whole-text reader makes of a text with a second `releases` array after the
    /// first (its scan finds the last): the records are that array's, and the top level is
    /// read with it blanked and the first one in place.
    fn read_later_array(
        mut self,
        skeleton: &Skeleton,
        array: &json_scan::ReleasesArray<'_>,
    ) -> Result<LoadedDataset, FormatError> {
        let text = skeleton.text.as_str();
        let blanked = blank(text, array.span);
        let parsed = match self.skip_error.take() {
            Some(error) => Err(error),
            None => serde_json::from_str::<Envelope<'_>>(&blanked)
                .map(Envelope::head)
                .map_err(|error| (error.classify(), skeleton.moved(format_error(error)))),
        };
        let mut lines = LineCounter::new(text);
        let mut position = |offset| skeleton.position(&mut lines, offset);
        let (head, problems) = match parsed {
            Ok(head) => (head, Vec::new()),
            Err((Category::Syntax, error)) => {
                read_head_by_member(text, &array.members, &mut position).ok_or(error)?
            }
            Err((_, error)) => return Err(self.read_other(skeleton, error)),
        };
        // The records already checked were the first array's: these are checked instead.
        self.checker = RecordChecker::with_capacity(array.records.len());
        for &record in &array.records {
            let offset = record.as_ptr() as usize - text.as_ptr() as usize;
            self.checker.check(record, || position(offset));
        }
        Ok(self.assemble(head, problems))
    }

    /// The dataset from its top level as read, and the records checked.
    fn assemble(self, head: RawHead, mut problems: Vec<Problem>) -> LoadedDataset {
        let head = head.validated(&mut problems);
        assemble(head, problems, self.checker)
    }

    /// What `start_reading` and then `read_other` make of the whole text when reading it as a
    /// Pressline dataset failed with `error`: that error if it is a syntax error; otherwise the
    /// text is parsed as a JSON value, and being a Pressline dataset (its marker is in the
    /// head) it gives `error` again, unless that parse fails.
    fn read_other(&self, skeleton: &Skeleton, error: FormatError) -> FormatError {
        if error.kind == FormatErrorKind::NotJson {
            return error;
        }
        if let Some(value_error) = &self.value_error {
            return value_error.clone();
        }
        match serde_json::from_str::<Value>(&skeleton.text) {
            Err(value_error) => skeleton.moved(not_json(value_error)),
            Ok(_) => error,
        }
    }
}

/// The whole text with the array's inside left out but for one line break when it had any:
/// what the whole-text reader blanks, read the same by the JSON parser (white space is all it
/// was). Every position before the array is the whole text's; after it, [`Skeleton::moved`]
/// and [`Skeleton::position`] add the lines left out and, on the `]` line, the bytes or the
/// characters left out before it. (Not spaces in their place: a minified file is one line, and
/// they would cost as much as the text.)
struct Skeleton {
    text: String,
    /// The byte offset of the `]`.
    close_offset: usize,
    /// The line of the `]` here.
    close_line: usize,
    /// The byte column (from 0) of the `]` here.
    close_column: usize,
    /// Lines left out.
    lines: usize,
    /// Bytes left out before the `]` on its line.
    bytes: usize,
    /// Characters left out before the `]` on its line.
    chars: usize,
}

impl Skeleton {
    fn new(head: &str, open: Position, close: Position, tail: &[u8]) -> Self {
        let mut text = String::with_capacity(head.len() + 3 + tail.len());
        text.push_str(head);
        text.push('[');
        let (close_column, close_chars) = if close.line > open.line {
            text.push('\n');
            (0, 0)
        } else {
            (open.bytes + 1, open.chars + 1)
        };
        let close_offset = text.len();
        text.push(']');
        // The tail is UTF-8: it was checked as it came, and it starts after an ASCII `]`.
        text.push_str(&String::from_utf8_lossy(tail));
        let close_line = if close.line > open.line {
            open.line + 1
        } else {
            open.line
        };
        Self {
            close_offset,
            close_line,
            close_column,
            lines: close.line - close_line,
            bytes: close.bytes - close_column,
            chars: close.chars - close_chars,
            text,
        }
    }

    /// An error found in this text, at its place in the whole text (the JSON parser counts
    /// columns in bytes).
    fn moved(&self, mut error: FormatError) -> FormatError {
        if error.line == self.close_line && error.column > self.close_column {
            error.column += self.bytes;
        }
        if error.line >= self.close_line {
            error.line += self.lines;
        }
        error
    }

    /// The line and column (in characters) in the whole text of `offset` in this one.
    fn position(&self, lines: &mut LineCounter<'_>, offset: usize) -> (usize, usize) {
        let (line, column) = lines.position(offset);
        if offset <= self.close_offset {
            return (line, column);
        }
        let column = if line == self.close_line {
            column + self.chars
        } else {
            column
        };
        (line + self.lines, column)
    }
}

// ---------------------------------------------------------------------------------------------
// Skipping one value, a byte at a time

/// What a byte did to the value being skipped.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    /// The value goes on.
    More,
    /// The byte ended the value.
    Done,
    /// The value ended just before the byte (a bare word or number ends at a delimiter).
    DoneBefore,
    /// The value is broken here.
    Broken,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Token {
    #[default]
    Between,
    String,
    Escape,
    Bare,
}

/// Skips one JSON value fed a byte at a time, as lenient as `json_scan`'s `skip_value`: brackets
/// must balance and strings must close, everything else is left for the JSON parser. Its stack
/// is on the heap, so any nesting is fine.
#[derive(Default)]
struct Skipper {
    open: Vec<u8>,
    token: Token,
    /// The deepest nesting seen.
    deepest: usize,
}

impl Skipper {
    fn reset(&mut self) {
        self.open.clear();
        self.token = Token::Between;
        self.deepest = 0;
    }

    fn feed(&mut self, byte: u8) -> Step {
        match self.token {
            Token::String => {
                match byte {
                    b'\\' => self.token = Token::Escape,
                    b'"' => {
                        self.token = Token::Between;
                        return self.closed();
                    }
                    _ => {}
                }
                return Step::More;
            }
            // Whatever follows a backslash is skipped, a quote too.
            Token::Escape => {
                self.token = Token::String;
                return Step::More;
            }
            Token::Bare if !is_delimiter(byte) => return Step::More,
            Token::Bare => {
                self.token = Token::Between;
                if self.open.is_empty() {
                    return Step::DoneBefore;
                }
            }
            Token::Between => {}
        }
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => Step::More,
            b'"' => {
                self.token = Token::String;
                Step::More
            }
            b'{' | b'[' => {
                self.open.push(if byte == b'{' { b'}' } else { b']' });
                self.deepest = self.deepest.max(self.open.len());
                Step::More
            }
            b'}' | b']' => {
                if self.open.pop() == Some(byte) {
                    self.closed()
                } else {
                    Step::Broken
                }
            }
            b',' | b':' if self.open.is_empty() => Step::Broken,
            b',' | b':' => Step::More,
            _ => {
                self.token = Token::Bare;
                Step::More
            }
        }
    }

    fn closed(&self) -> Step {
        if self.open.is_empty() {
            Step::Done
        } else {
            Step::More
        }
    }
}

fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'"' | b'[' | b']' | b'{' | b'}'
    )
}
