//! Inline content: a paragraph's (or a heading's, or a link label's) text read into
//! [`Inline`]s. An [`InlineReader`] reads it left to right, one construct at a time, into pieces;
//! emphasis is then matched over the delimiter runs among them, as CommonMark does.

use std::cell::Cell;
use std::collections::HashMap;

use super::{
    nested, plain_text, Inline, INLINE_DEPTH, MAX_DESTINATION_BYTES, MAX_DESTINATION_PARENS,
    MAX_EMPHASIS_RUNS, MAX_INLINE_NESTING, MAX_TAG_BYTES,
};
use crate::SafeUrl;

/// A piece of inline content before emphasis is matched.
enum Piece {
    Done(Inline),
    /// A run of `*`, `_` or `~`.
    Run {
        mark: u8,
        count: usize,
        original: usize,
        opens: bool,
        closes: bool,
    },
}

/// Reads inline content into [`Inline`]s.
pub(super) fn parse_inlines(text: &str) -> Vec<Inline> {
    let mut reader = InlineReader::new(text);
    while reader.at < text.len() {
        reader.read_next();
    }
    reader.finish()
}

/// Reading one text's inline content, left to right: each construct's method reads it at `at`
/// and moves past it, adding to the text read so far or ending it with a piece of its own.
struct InlineReader<'a> {
    text: &'a str,
    /// The text's bytes: every construct starts with an ASCII character.
    bytes: &'a [u8],
    /// Where reading is.
    at: usize,
    backticks: BacktickMemo,
    /// Every `[` paired with its `]` (see [`bracket_pairs`]).
    brackets: HashMap<usize, usize>,
    /// False at the deepest nesting of links and images, where they stay text.
    links_allowed: bool,
    /// Where the next `>` is, found once per `>` rather than once per `<`.
    next_close: usize,
    pieces: Vec<Piece>,
    /// Text read since the last piece.
    plain: String,
}

impl<'a> InlineReader<'a> {
    fn new(text: &'a str) -> Self {
        let mut backticks = BacktickMemo::default();
        let brackets = bracket_pairs(text, &mut backticks);
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            backticks,
            brackets,
            links_allowed: INLINE_DEPTH.with(Cell::get) < MAX_INLINE_NESTING,
            next_close: 0,
            pieces: Vec::new(),
            plain: String::new(),
        }
    }

    /// Reads the construct, or the run of plain text, at `at`.
    fn read_next(&mut self) {
        match self.bytes[self.at] {
            b'\\' => self.backslash(),
            b'\n' => self.line_end(),
            b'`' => self.backticks(),
            b'&' => self.character_reference(),
            b'<' => self.angle_bracket(),
            b'[' | b'!' => self.link_or_image(),
            mark @ (b'*' | b'_' | b'~') => self.delimiter_run(mark),
            _ => self.plain_run(),
        }
    }

    /// The pieces read, with emphasis matched (unless there are too many runs), as inlines.
    fn finish(mut self) -> Vec<Inline> {
        self.end_text();
        let runs = self
            .pieces
            .iter()
            .filter(|piece| matches!(piece, Piece::Run { .. }))
            .count();
        if runs <= MAX_EMPHASIS_RUNS {
            match_emphasis(&mut self.pieces);
        }
        let mut out: Vec<Inline> = Vec::new();
        collect(self.pieces, &mut out);
        out
    }

    /// Ends the text read so far with a piece of its own.
    fn end_text(&mut self) {
        if !self.plain.is_empty() {
            let text = std::mem::take(&mut self.plain);
            self.pieces.push(Piece::Done(Inline::Text(text)));
        }
    }

    /// Adds `inline` after the text read so far.
    fn push(&mut self, inline: Inline) {
        self.end_text();
        self.pieces.push(Piece::Done(inline));
    }

    /// Keeps the `length` bytes at `at` as text, as they are written.
    fn keep(&mut self, length: usize) {
        self.plain.push_str(&self.text[self.at..self.at + length]);
        self.at += length;
    }

    /// `\`: a hard break before a line end, an escaped punctuation character, or itself.
    fn backslash(&mut self) {
        match self.bytes.get(self.at + 1) {
            Some(b'\n') => {
                self.push(Inline::LineBreak);
                self.at += 2;
            }
            Some(&escaped) if escaped.is_ascii_punctuation() => {
                self.plain.push(escaped as char);
                self.at += 2;
            }
            _ => self.keep(1),
        }
    }

    /// A line end: a hard break after two spaces, otherwise a space; the next line's leading
    /// spaces go.
    fn line_end(&mut self) {
        let trimmed = self.plain.trim_end_matches(' ').len();
        let hard = self.plain.len() - trimmed >= 2;
        self.plain.truncate(trimmed);
        if hard {
            self.push(Inline::LineBreak);
        } else {
            self.plain.push(' ');
        }
        self.at += 1;
        while self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
    }

    /// A backtick run: a code span up to the next run as long, or the backticks as typed.
    fn backticks(&mut self) {
        let run = run_length(&self.bytes[self.at..], b'`');
        match self.backticks.closing(self.text, self.at + run, run) {
            Some((content, after)) => {
                self.push(Inline::Code(code_span(content)));
                self.at += run + after;
            }
            None => self.keep(run),
        }
    }

    /// `&`: a character reference, or the ampersand itself.
    fn character_reference(&mut self) {
        match entity(&self.text[self.at..]) {
            Some((decoded, length)) => {
                self.plain.push_str(&decoded);
                self.at += length;
            }
            None => self.keep(1),
        }
    }

    /// `<`: an autolink, an inline HTML tag, or the `<` itself.
    fn angle_bracket(&mut self) {
        let rest = &self.text[self.at..];
        if self.next_close < self.at {
            self.next_close = rest.find('>').map_or(usize::MAX, |n| self.at + n);
        }
        if self.next_close - self.at > MAX_TAG_BYTES {
            self.keep(1);
        } else if let Some((address, length)) = autolink(rest) {
            self.push(autolink_inline(address));
            self.at += length;
        } else if let Some(length) = inline_tag(rest) {
            self.at += length; // Raw HTML is never interpreted: the tag goes, text stays.
        } else {
            self.keep(1);
        }
    }

    /// `[` or `!`: a link, or an image (`![`), when the label's `]` has a destination after it;
    /// otherwise the character itself.
    fn link_or_image(&mut self) {
        let image = self.bytes[self.at] == b'!';
        let open = if image { self.at + 1 } else { self.at };
        let found = if !self.links_allowed || image && self.bytes.get(open) != Some(&b'[') {
            None
        } else {
            self.brackets
                .get(&open)
                .and_then(|&close| link_after(self.text, open, close))
        };
        match found {
            Some((label, destination, end)) => {
                self.push(link_inline(label, &destination, image));
                self.at = end;
            }
            None => self.keep(1),
        }
    }

    /// A run of `*`, `_` or `~`: a piece of its own, which emphasis matching may pair.
    fn delimiter_run(&mut self, mark: u8) {
        let count = run_length(&self.bytes[self.at..], mark);
        let before = self.text[..self.at].chars().next_back();
        let after = self.text[self.at + count..].chars().next();
        let (opens, closes) = opens_and_closes(mark, count, before, after);
        self.end_text();
        self.pieces.push(Piece::Run {
            mark,
            count,
            original: count,
            opens,
            closes,
        });
        self.at += count;
    }

    /// Text up to the next character that may start a construct.
    fn plain_run(&mut self) {
        let next = self.bytes[self.at + 1..]
            .iter()
            .position(|b| b"\\\n`&<[!*_~".contains(b))
            .map_or(self.bytes.len(), |n| self.at + 1 + n);
        self.keep(next - self.at);
    }
}

/// How many of `bytes` are `byte` from the start.
fn run_length(bytes: &[u8], byte: u8) -> usize {
    bytes.iter().take_while(|&&b| b == byte).count()
}

/// An autolink's inline: an address without a scheme is an email address.
fn autolink_inline(address: String) -> Inline {
    let href = if address.contains(':') {
        SafeUrl::parse_link(&address)
    } else {
        SafeUrl::parse_link(&format!("mailto:{address}"))
    };
    Inline::Link {
        href,
        content: vec![Inline::Text(address)],
    }
}

/// A link's or image's inline: the label is read for its own inlines, one level deeper (at the
/// deepest, it stays text); an image whose address is refused becomes its alt text.
fn link_inline(label: &str, destination: &str, image: bool) -> Inline {
    let content = nested(&INLINE_DEPTH, MAX_INLINE_NESTING, || parse_inlines(label))
        .unwrap_or_else(|| vec![Inline::Text(label.to_owned())]);
    if image {
        let alt = plain_text(&content);
        match SafeUrl::parse_resource(destination) {
            Some(src) => Inline::Image { src, alt },
            None => Inline::Text(alt),
        }
    } else {
        Inline::Link {
            href: SafeUrl::parse_link(destination),
            content,
        }
    }
}

/// Whether a run of `count` `mark`s between `before` and `after` may open and may close
/// emphasis: CommonMark's flanking rules, stricter for `_` inside words; `~~~` and longer never
/// strike through.
fn opens_and_closes(
    mark: u8,
    count: usize,
    before: Option<char>,
    after: Option<char>,
) -> (bool, bool) {
    let left = flanking(after, before);
    let right = flanking(before, after);
    match mark {
        b'_' => (
            left && (!right || before.is_some_and(is_punctuation)),
            right && (!left || after.is_some_and(is_punctuation)),
        ),
        b'~' if count > 2 => (false, false),
        _ => (left, right),
    }
}

/// True when a delimiter run with `next` on one side and `previous` on the other is flanking
/// on the side of `next` (CommonMark's left-flanking when `next` follows the run).
fn flanking(next: Option<char>, previous: Option<char>) -> bool {
    match next {
        None => false,
        Some(next) if next.is_whitespace() => false,
        Some(next) if is_punctuation(next) => {
            previous.is_none_or(|p| p.is_whitespace() || is_punctuation(p))
        }
        Some(_) => true,
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Pairs emphasis runs, innermost first, as CommonMark's "process emphasis" does.
fn match_emphasis(pieces: &mut Vec<Piece>) {
    let mut closer = 0;
    while closer < pieces.len() {
        let Piece::Run {
            mark,
            count,
            original,
            opens: closer_opens,
            closes: true,
        } = pieces[closer]
        else {
            closer += 1;
            continue;
        };
        if count == 0 {
            closer += 1;
            continue;
        }
        let opener = (0..closer).rev().find(|&o| match pieces[o] {
            Piece::Run {
                mark: m,
                count: c,
                original: oo,
                opens: true,
                closes,
            } if m == mark && c > 0 => {
                if mark == b'~' {
                    return c == count;
                }
                // The "rule of three" keeps `*a**b*` from pairing the wrong runs.
                !((closes || closer_opens)
                    && (oo + original) % 3 == 0
                    && (oo % 3 != 0 || original % 3 != 0))
            }
            _ => false,
        });
        let Some(opener) = opener else {
            closer += 1;
            continue;
        };
        let Piece::Run {
            count: open_count, ..
        } = pieces[opener]
        else {
            unreachable!()
        };
        let used = if mark == b'~' {
            count
        } else if open_count >= 2 && count >= 2 {
            2
        } else {
            1
        };
        let inner: Vec<Piece> = pieces.drain(opener + 1..closer).collect();
        let mut content = Vec::new();
        collect(inner, &mut content);
        let inline = match (mark, used) {
            (b'~', _) => None, // Strikethrough keeps its text.
            (_, 2) => Some(Inline::Strong(content.clone())),
            _ => Some(Inline::Emphasis(content.clone())),
        };
        let replacement: Vec<Piece> = match inline {
            Some(inline) => vec![Piece::Done(inline)],
            None => content.into_iter().map(Piece::Done).collect(),
        };
        let added = replacement.len();
        pieces.splice(opener + 1..opener + 1, replacement);
        for at in [opener, opener + 1 + added] {
            if let Piece::Run { count, .. } = &mut pieces[at] {
                *count -= used;
            }
        }
        closer = opener + 1 + added;
    }
}

/// Turns pieces into inlines: unmatched runs become their characters; text is merged.
fn collect(pieces: Vec<Piece>, out: &mut Vec<Inline>) {
    for piece in pieces {
        let inline = match piece {
            Piece::Done(inline) => inline,
            Piece::Run { count: 0, .. } => continue,
            Piece::Run { mark, count, .. } => {
                Inline::Text(String::from_utf8(vec![mark; count]).unwrap_or_default())
            }
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
            (_, inline) => out.push(inline),
        }
    }
}

/// Remembers, per backtick run length, from where on no closing run exists: a failed search
/// covers everything after its start, so a later search for the same length can stop at once
/// (without this, `` `a``a```a… `` would be quadratic).
#[derive(Default)]
struct BacktickMemo(HashMap<usize, usize>);

impl BacktickMemo {
    /// The code span opened by `run` backticks ending at `from` in `text`: its content and the
    /// bytes after `from` up to its end.
    fn closing<'a>(&mut self, text: &'a str, from: usize, run: usize) -> Option<(&'a str, usize)> {
        if self
            .0
            .get(&run)
            .is_some_and(|&missing_from| from >= missing_from)
        {
            return None;
        }
        let found = closing_backticks(&text[from..], run);
        if found.is_none() {
            let entry = self.0.entry(run).or_insert(from);
            *entry = (*entry).min(from);
        }
        found
    }
}

/// The content of a code span opened by `run` backticks, and the bytes up to its end.
fn closing_backticks(after: &str, run: usize) -> Option<(&str, usize)> {
    let bytes = after.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let length = run_length(&bytes[i..], b'`');
            if length == run {
                return Some((&after[..i], i + length));
            }
            i += length;
        } else {
            i += 1;
        }
    }
    None
}

fn code_span(content: &str) -> String {
    let content = content.replace('\n', " ");
    let stripped = content
        .strip_prefix(' ')
        .and_then(|c| c.strip_suffix(' '))
        .filter(|_| !content.trim().is_empty());
    stripped.map_or(content.clone(), str::to_owned)
}

/// `<https://...>` or `<name@example.org>`: the address and the bytes it spans.
fn autolink(text: &str) -> Option<(String, usize)> {
    let end = text.bytes().take(MAX_TAG_BYTES).position(|b| b == b'>')?;
    let inner = &text[1..end];
    if inner.is_empty() || inner.contains(|c: char| c.is_whitespace() || c == '<') {
        return None;
    }
    let scheme_ok = inner.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let email_ok = !scheme_ok
        && inner.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && user
                    .chars()
                    .chain(domain.chars())
                    .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
        });
    (scheme_ok || email_ok).then(|| (inner.to_owned(), end + 1))
}

/// The length of an inline HTML tag, comment or declaration at the start of `text`.
pub(super) fn inline_tag(text: &str) -> Option<usize> {
    let rest = &text[1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        // Bounded like tags: `<!--` repeated with no end must not rescan the whole body.
        return comment
            .as_bytes()
            .windows(3)
            .take(MAX_TAG_BYTES)
            .position(|w| w == b"-->")
            .map(|end| 4 + end + 3);
    }
    let starts_tag = rest.starts_with(|c: char| c.is_ascii_alphabetic())
        || rest.starts_with('/') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        || rest.starts_with(['!', '?']);
    if !starts_tag {
        return None;
    }
    // Quoted attribute values may contain `>`.
    let mut quote = None;
    for (i, c) in rest.char_indices().take_while(|(i, _)| *i < MAX_TAG_BYTES) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(1 + i + 1),
            _ => {}
        }
    }
    None
}

/// Every `[` of `text` paired with its `]`, in one pass: backslash escapes and code spans are
/// skipped, nesting is counted. (Searching from each `[` instead made `[[[[…` quadratic.)
fn bracket_pairs(text: &str, backticks: &mut BacktickMemo) -> HashMap<usize, usize> {
    let bytes = text.as_bytes();
    let mut pairs = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = run_length(&bytes[i..], b'`');
                match backticks.closing(text, i + run, run) {
                    Some((_, after)) => i += run + after - 1,
                    None => i += run - 1,
                }
            }
            b'[' => open.push(i),
            b']' => {
                if let Some(start) = open.pop() {
                    pairs.insert(start, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    pairs
}

/// A link or image whose label spans `open..=close`: its label, its decoded destination, and
/// where it ends.
fn link_after(text: &str, open: usize, close: usize) -> Option<(&str, String, usize)> {
    let label = &text[open + 1..close];
    let after = text.get(close + 1..)?;
    let inside = after.strip_prefix('(')?;
    let (destination, used) = link_destination(inside)?;
    Some((label, destination, close + 2 + used))
}

/// Reads `destination "title")` after a link's `(`; the decoded destination and the bytes used.
fn link_destination(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut i = skip_space(text, 0);
    let mut raw = String::new();
    if bytes.get(i) == Some(&b'<') {
        let end = text[i + 1..].find(['>', '\n', '<'])? + i + 1;
        if bytes[end] != b'>' {
            return None;
        }
        raw.push_str(&text[i + 1..end]);
        i = end + 1;
    } else {
        let mut depth = 0;
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if i - start > MAX_DESTINATION_BYTES {
                return None;
            }
            match b {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                b'(' if depth == MAX_DESTINATION_PARENS => return None,
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b if b.is_ascii_control() || b == b' ' => break,
                _ => {}
            }
            i += 1;
        }
        raw.push_str(&text[start..i]);
    }
    let before_title = i;
    i = skip_space(text, i);
    if i > before_title {
        if let Some(&quote @ (b'"' | b'\'' | b'(')) = bytes.get(i) {
            let close = if quote == b'(' { b')' } else { quote };
            let mut j = i + 1;
            while bytes.get(j)? != &close {
                // A title in parentheses cannot hold an unescaped `(` (CommonMark), which also
                // keeps `[](a (` repeated from scanning the whole window at every link.
                if j - i > MAX_DESTINATION_BYTES || quote == b'(' && bytes[j] == b'(' {
                    return None;
                }
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            i = skip_space(text, j + 1);
        }
    }
    if bytes.get(i) != Some(&b')') {
        return None;
    }
    Some((decode_entities(&unescape(&raw)), i + 1))
}

/// Skips spaces, tabs and at most one line end.
fn skip_space(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut newlines = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' => {}
            b'\n' if newlines == 0 => newlines += 1,
            _ => break,
        }
        i += 1;
    }
    i
}

/// Removes backslash escapes before ASCII punctuation.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Decodes every character reference in `text`.
pub(super) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match entity(&rest[at..]) {
            Some((decoded, length)) => {
                out.push_str(&decoded);
                rest = &rest[at + length..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The named references a press release plausibly contains; the rest stay as written.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bdquo", '„'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("deg", '°'),
    ("shy", '\u{ad}'),
    ("sect", '§'),
    ("para", '¶'),
];

/// A character reference at the start of `text`: what it stands for and its length.
fn entity(text: &str) -> Option<(String, usize)> {
    // The longest reference is 32 bytes: looking further would make `&&&&…` quadratic.
    let end = text.as_bytes()[1..]
        .iter()
        .take(33)
        .position(|&b| b == b';')?
        + 1;
    let name = &text[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if (1..=6).contains(&hex.len()) => u32::from_str_radix(hex, 16).ok()?,
            None if (1..=7).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit()) =>
            {
                number.parse().ok()?
            }
            _ => return None,
        };
        char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((decoded.to_string(), end + 1))
}
