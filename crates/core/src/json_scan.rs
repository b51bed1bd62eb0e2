//! Finding where each release record starts and ends without parsing it, so that one broken
//! record (a lone surrogate, nesting 10,000 levels deep, a stray control character) costs only
//! that record and never the others.
//!
//! The scanner is iterative (a heap stack, never recursion), so no input can overflow the call
//! stack, and it is linear in the text's length. It is lenient inside a record: serde_json reads
//! each record afterwards and reports whatever is wrong with it, with its position.

/// Where the scan stopped and why, as a byte offset into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    /// The byte offset of the offending character (or the text's length when it was cut short).
    pub offset: usize,
    /// What was expected there.
    pub message: &'static str,
}

/// The `releases` array of a dataset's top-level object, found by scanning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleasesArray<'a> {
    /// Byte offsets of the array's `[` and of the byte just past its `]`.
    pub span: (usize, usize),
    /// Each element's text, in order (a sub-slice of the scanned text).
    pub records: Vec<&'a str>,
    /// The top-level object's other members, `(name as written, value text)`, in order: what
    /// is left to read the dataset's own fields one by one when one of them is broken.
    pub members: Vec<(&'a str, &'a str)>,
}

/// Scans a top-level JSON object for its `"releases"` member and splits that array into its
/// elements. `Ok(None)` when the object has no `releases` array (the caller's parser then says
/// what is wrong with the shape); an error when the text's structure around the records is
/// broken.
///
/// ```
/// use pressline_core::json_scan::releases_array;
/// let text = r#"{ "pressline": 1, "releases": [ {"id": "a"}, {"id": [[["deep"]]]} ] }"#;
/// let array = releases_array(text).unwrap().unwrap();
/// assert_eq!(array.records, [r#"{"id": "a"}"#, r#"{"id": [[["deep"]]]}"#]);
/// assert_eq!(array.members, [("pressline", "1")]);
/// ```
pub fn releases_array(text: &str) -> Result<Option<ReleasesArray<'_>>, ScanError> {
    let bytes = text.as_bytes();
    let mut at = skip_whitespace(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return Ok(None);
    }
    at = skip_whitespace(bytes, at + 1);
    if bytes.get(at) == Some(&b'}') {
        return Ok(None);
    }
    let mut found: Option<ReleasesArray<'_>> = None;
    let mut members = Vec::new();
    loop {
        if bytes.get(at) != Some(&b'"') {
            return Err(error(bytes, at, "expected a member name in double quotes"));
        }
        let key_end = skip_string(bytes, at)?;
        let key = &text[at + 1..key_end - 1];
        at = skip_whitespace(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return Err(error(bytes, at, "expected `:` after a member name"));
        }
        at = skip_whitespace(bytes, at + 1);
        if key == "releases" && bytes.get(at) == Some(&b'[') {
            let (records, end) = split_array(text, at)?;
            found = Some(ReleasesArray {
                span: (at, end),
                records,
                members: Vec::new(),
            });
            at = end;
        } else {
            let end = skip_value(bytes, at)?;
            members.push((key, &text[at..end]));
            at = end;
        }
        at = skip_whitespace(bytes, at);
        match bytes.get(at) {
            Some(b',') => at = skip_whitespace(bytes, at + 1),
            Some(b'}') => break,
            _ => return Err(error(bytes, at, "expected `,` or `}` after a member")),
        }
    }
    if skip_whitespace(bytes, at + 1) != bytes.len() {
        return Err(error(
            bytes,
            skip_whitespace(bytes, at + 1),
            "trailing characters",
        ));
    }
    Ok(found.map(|array| ReleasesArray { members, ..array }))
}

/// Splits the array starting at `start` (a `[`) into its elements' texts; returns them and the
/// offset just past the closing `]`.
fn split_array(text: &str, start: usize) -> Result<(Vec<&str>, usize), ScanError> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut at = skip_whitespace(bytes, start + 1);
    if bytes.get(at) == Some(&b']') {
        return Ok((records, at + 1));
    }
    loop {
        let end = skip_value(bytes, at)?;
        records.push(&text[at..end]);
        at = skip_whitespace(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = skip_whitespace(bytes, at + 1),
            Some(b']') => return Ok((records, at + 1)),
            _ => return Err(error(bytes, at, "expected `,` or `]` after a record")),
        }
    }
}

/// The offset just past the JSON value starting at `start`. Brackets must balance and strings
/// must close; everything else is left for the parser.
fn skip_value(bytes: &[u8], start: usize) -> Result<usize, ScanError> {
    let mut open: Vec<u8> = Vec::new();
    let mut at = start;
    loop {
        at = skip_whitespace(bytes, at);
        let Some(&byte) = bytes.get(at) else {
            return Err(error(bytes, at, "the text ends inside a value"));
        };
        match byte {
            b'"' => at = skip_string(bytes, at)?,
            b'{' => {
                open.push(b'}');
                at += 1;
            }
            b'[' => {
                open.push(b']');
                at += 1;
            }
            b'}' | b']' => {
                if open.pop() != Some(byte) {
                    return Err(error(bytes, at, "a closing bracket that does not match"));
                }
                at += 1;
            }
            b',' | b':' if !open.is_empty() => at += 1,
            _ => {
                let length = bytes[at..]
                    .iter()
                    .position(|b| is_delimiter(*b))
                    .unwrap_or(bytes.len() - at);
                if length == 0 {
                    return Err(error(bytes, at, "expected a value"));
                }
                at += length;
            }
        }
        if open.is_empty() {
            return Ok(at);
        }
    }
}

/// The offset just past the string whose opening quote is at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Result<usize, ScanError> {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return Ok(at + 1),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    Err(error(bytes, bytes.len(), "the text ends inside a string"))
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at
}

fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'"' | b'[' | b']' | b'{' | b'}'
    )
}

fn error(bytes: &[u8], offset: usize, message: &'static str) -> ScanError {
    ScanError {
        offset: offset.min(bytes.len()),
        message,
    }
}

/// Turns byte offsets into 1-based line and column numbers, for offsets visited in increasing
/// order: each call only counts the lines since the previous one, so reporting thousands of
/// broken records stays linear in the text's length.
#[derive(Debug, Clone)]
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
    /// Characters between the start of the line and `offset`.
    column: usize,
}

impl<'a> LineCounter<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// The line and column (in characters) of `offset`. An offset before the previous one
    /// starts counting again from the beginning.
    pub fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
            self.column = 0;
        }
        for byte in &self.bytes[self.offset..offset] {
            if *byte == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: the start of a character.
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column + 1)
    }
}
