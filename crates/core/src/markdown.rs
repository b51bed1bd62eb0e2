//! Release bodies: Markdown read into a small tree of safe blocks. Raw HTML in the data is never
//! interpreted: inline tags are dropped (their text stays), HTML blocks become plain text, and
//! links and images keep only addresses [`SafeUrl`] accepts.
//!
//! The reader covers what press releases use, following CommonMark: paragraphs, ATX and setext
//! headings, bulleted and numbered lists, block quotes, fenced and indented code, rules,
//! emphasis, strong emphasis, code spans, inline links and images, autolinks, hard breaks,
//! backslash escapes and character references; `~~strikethrough~~` keeps its text. It leaves
//! out reference-style links, tables and footnotes (their text shows as written). It is written
//! here rather than taken from a crate because a full CommonMark parser, with its table of 2,000
//! HTML entities, was the largest single part of the browser's download.

use std::cell::Cell;
use std::collections::HashMap;

use super::SafeUrl;

// Limits that keep hostile bodies (a release body may have 500,000 characters) linear and
// shallow: no input can make the reader quadratic or overflow the stack, in the parser, in
// the view that renders its tree, or in dropping it.

/// How deeply block quotes and lists may nest; deeper markers are read as text.
pub const MAX_BLOCK_NESTING: usize = 16;
/// How deeply links and images may nest (a label is read again for its own inlines).
pub const MAX_INLINE_NESTING: usize = 8;
/// Past this many emphasis delimiter runs in one paragraph, the runs stay as typed.
pub const MAX_EMPHASIS_RUNS: usize = 200;
/// The longest autolink or inline HTML tag looked for; a longer one stays text.
pub const MAX_TAG_BYTES: usize = 1_000;
/// The longest link destination or title looked for; a longer one leaves the link as text.
pub const MAX_DESTINATION_BYTES: usize = 2_048;
/// How deeply parentheses may nest in a link destination (CommonMark allows a limit; without
/// one, `[](` repeated made every link scan the whole 2 KB window).
pub const MAX_DESTINATION_PARENS: usize = 32;

thread_local! {
    static BLOCK_DEPTH: Cell<usize> = const { Cell::new(0) };
    static INLINE_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` one nesting level deeper on `counter`, or returns `None` at `limit`.
fn nested<T>(
    counter: &'static std::thread::LocalKey<Cell<usize>>,
    limit: usize,
    f: impl FnOnce() -> T,
) -> Option<T> {
    let depth = counter.with(Cell::get);
    if depth >= limit {
        return None;
    }
    counter.with(|c| c.set(depth + 1));
    let result = f();
    counter.with(|c| c.set(depth));
    Some(result)
}

/// A block of a release body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading, already shifted one level down (a body's `#` is an `<h2>`: the page's `<h1>` is
    /// the release title).
    Heading {
        /// 2 to 6.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A list of items, each made of blocks.
    List {
        /// The first number of an ordered list; `None` for a bulleted list.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// Preformatted text (code blocks, and HTML blocks shown as text).
    Preformatted(String),
    /// A thematic break.
    Rule,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasis (`*a*`).
    Emphasis(Vec<Inline>),
    /// Strong emphasis (`**a**`).
    Strong(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link; `href` is `None` when the address was refused, so only the text remains.
    Link {
        /// The checked address.
        href: Option<SafeUrl>,
        /// The link text.
        content: Vec<Inline>,
    },
    /// An image with a checked address; refused images become their alt text.
    Image {
        /// The checked address.
        src: SafeUrl,
        /// The alternative text.
        alt: String,
    },
    /// A hard line break.
    LineBreak,
}

/// Reads a Markdown body into safe blocks.
///
/// ```
/// use pressline_core::markdown::{parse_markdown, Block, Inline};
/// let blocks = parse_markdown("Hi <script>alert(1)</script> [x](javascript:alert(1))");
/// let Block::Paragraph(inlines) = &blocks[0] else { panic!() };
/// assert!(inlines.iter().all(|i| !matches!(i, Inline::Link { href: Some(_), .. })));
/// ```
pub fn parse_markdown(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text.split('\n').map(expand_leading_tabs).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    parse_blocks(&lines)
}

// ---------- Blocks ----------

/// Tabs in the indentation count to the next multiple of four columns; later tabs stay.
fn expand_leading_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        match c {
            ' ' => out.push(' '),
            '\t' => out.push_str(&"    "[out.len() % 4..]),
            _ => break,
        }
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

/// Leading spaces and the rest of the line.
fn indentation(line: &str) -> (usize, &str) {
    let rest = line.trim_start_matches(' ');
    (line.len() - rest.len(), rest)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn parse_blocks(lines: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let (indent, rest) = indentation(line);
        if is_blank(line) {
            flush_paragraph(&mut paragraph, &mut blocks);
            i += 1;
            continue;
        }
        if indent >= 4 {
            if paragraph.is_empty() {
                i = indented_code(lines, i, &mut blocks);
            } else {
                paragraph.push(rest); // A lazy continuation of the paragraph.
                i += 1;
            }
            continue;
        }
        if !paragraph.is_empty() {
            if let Some(level) = setext_level(rest) {
                let text = paragraph.join("\n");
                paragraph.clear();
                blocks.push(Block::Heading {
                    level,
                    content: parse_inlines(text.trim()),
                });
                i += 1;
                continue;
            }
        }
        if let Some(fence) = fence_start(rest) {
            flush_paragraph(&mut paragraph, &mut blocks);
            i = fenced_code(lines, i, indent, fence, &mut blocks);
            continue;
        }
        if let Some((level, content)) = atx_heading(rest) {
            flush_paragraph(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading {
                level,
                content: parse_inlines(content),
            });
            i += 1;
            continue;
        }
        if is_rule(rest) {
            flush_paragraph(&mut paragraph, &mut blocks);
            blocks.push(Block::Rule);
            i += 1;
            continue;
        }
        let may_nest = BLOCK_DEPTH.with(Cell::get) < MAX_BLOCK_NESTING;
        if may_nest && rest.starts_with('>') {
            flush_paragraph(&mut paragraph, &mut blocks);
            i = block_quote(lines, i, &mut blocks);
            continue;
        }
        if let Some(marker) = list_marker(line).filter(|_| may_nest) {
            // Only a bulleted item or an item numbered 1, with content, interrupts a paragraph.
            if paragraph.is_empty()
                || (marker.start.is_none_or(|n| n == 1) && !is_blank(marker.content))
            {
                flush_paragraph(&mut paragraph, &mut blocks);
                i = list(lines, i, &mut blocks);
                continue;
            }
        }
        if let Some(end) = html_block_start(rest, paragraph.is_empty()) {
            flush_paragraph(&mut paragraph, &mut blocks);
            i = html_block(lines, i, end, &mut blocks);
            continue;
        }
        paragraph.push(rest);
        i += 1;
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    blocks
}

fn flush_paragraph(paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>) {
    if paragraph.is_empty() {
        return;
    }
    let text = paragraph.join("\n");
    paragraph.clear();
    let inlines = parse_inlines(text.trim_end());
    if !inlines.is_empty() {
        blocks.push(Block::Paragraph(inlines));
    }
}

/// `===` under a paragraph makes it a level-1 heading, `---` a level-2 one (shifted down one).
fn setext_level(rest: &str) -> Option<u8> {
    let line = rest.trim_end();
    let first = line.bytes().next()?;
    (matches!(first, b'=' | b'-') && line.bytes().all(|b| b == first)).then_some(if first == b'=' {
        2
    } else {
        3
    })
}

fn atx_heading(rest: &str) -> Option<(u8, &str)> {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    let after = &rest[hashes..];
    if !(1..=6).contains(&hashes) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut content = after.trim();
    // An optional closing sequence of #s, after a space.
    let without = content.trim_end_matches('#');
    if without.is_empty() || without.ends_with([' ', '\t']) {
        content = without.trim_end();
    }
    Some(((hashes as u8 + 1).min(6), content))
}

fn is_rule(rest: &str) -> bool {
    let marks: Vec<u8> = rest
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\t'))
        .collect();
    marks.len() >= 3
        && matches!(marks[0], b'-' | b'*' | b'_')
        && marks.iter().all(|&b| b == marks[0])
}

/// A code fence: its character, its length, and whether an info string follows.
fn fence_start(rest: &str) -> Option<(u8, usize)> {
    let first = *rest.as_bytes().first()?;
    if !matches!(first, b'`' | b'~') {
        return None;
    }
    let length = rest.bytes().take_while(|&b| b == first).count();
    // A backtick fence's info string may not contain backticks (it would be a code span).
    let info_ok = first == b'~' || !rest[length..].contains('`');
    (length >= 3 && info_ok).then_some((first, length))
}

fn fenced_code(
    lines: &[&str],
    start: usize,
    indent: usize,
    (fence, length): (u8, usize),
    blocks: &mut Vec<Block>,
) -> usize {
    let mut text = String::new();
    let mut i = start + 1;
    while i < lines.len() {
        let (closing_indent, rest) = indentation(lines[i]);
        let run = rest.bytes().take_while(|&b| b == fence).count();
        if closing_indent < 4 && run >= length && rest[run..].trim().is_empty() {
            i += 1;
            break;
        }
        let (line_indent, _) = indentation(lines[i]);
        text.push_str(&lines[i][line_indent.min(indent)..]);
        text.push('\n');
        i += 1;
    }
    blocks.push(Block::Preformatted(text));
    i
}

fn indented_code(lines: &[&str], start: usize, blocks: &mut Vec<Block>) -> usize {
    let mut end = start;
    let mut i = start;
    while i < lines.len() && (is_blank(lines[i]) || indentation(lines[i]).0 >= 4) {
        if !is_blank(lines[i]) {
            end = i + 1;
        }
        i += 1;
    }
    let mut text = String::new();
    for line in &lines[start..end] {
        text.push_str(line.get(4..).unwrap_or(""));
        text.push('\n');
    }
    blocks.push(Block::Preformatted(text));
    end
}

fn block_quote(lines: &[&str], start: usize, blocks: &mut Vec<Block>) -> usize {
    let mut inner: Vec<&str> = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let (indent, rest) = indentation(lines[i]);
        if indent < 4 && rest.starts_with('>') {
            let quoted = &rest[1..];
            inner.push(quoted.strip_prefix(' ').unwrap_or(quoted));
        } else if !is_blank(lines[i])
            && inner.last().is_some_and(|last| !is_blank(last))
            && !starts_block(lines[i])
        {
            inner.push(rest); // A lazy continuation of the quoted paragraph.
        } else {
            break;
        }
        i += 1;
    }
    let quoted = nested(&BLOCK_DEPTH, MAX_BLOCK_NESTING, || parse_blocks(&inner));
    blocks.push(Block::Quote(quoted.unwrap_or_default()));
    i
}

/// True for a line that starts a block other than a paragraph (it ends a lazy continuation).
fn starts_block(line: &str) -> bool {
    let (indent, rest) = indentation(line);
    indent < 4
        && (rest.starts_with('>')
            || is_rule(rest)
            || atx_heading(rest).is_some()
            || fence_start(rest).is_some()
            || list_marker(line).is_some())
}

/// A list item's marker.
struct Marker<'a> {
    /// The number of an ordered item; `None` for a bullet.
    start: Option<u64>,
    /// `-`, `+` or `*` for bullets; `.` or `)` for numbers.
    delimiter: u8,
    /// The column where the item's content starts.
    content_column: usize,
    /// The rest of the line.
    content: &'a str,
}

fn list_marker(line: &str) -> Option<Marker<'_>> {
    let (indent, rest) = indentation(line);
    if indent >= 4 {
        return None;
    }
    let bytes = rest.as_bytes();
    let (start, delimiter, width) = match bytes.first()? {
        b @ (b'-' | b'+' | b'*') => (None, *b, 1),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimiter = *bytes.get(digits)?;
            if digits > 9 || !matches!(delimiter, b'.' | b')') {
                return None;
            }
            (rest[..digits].parse().ok(), delimiter, digits + 1)
        }
        _ => return None,
    };
    let after = &rest[width..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let spaces = after.bytes().take_while(|&b| b == b' ').count();
    // Five or more spaces: the content is indented code, one space after the marker.
    let spaces = if spaces == 0 || spaces > 4 || spaces == after.len() {
        1.min(after.len())
    } else {
        spaces
    };
    Some(Marker {
        start,
        delimiter,
        content_column: indent + width + spaces.max(1),
        content: &after[spaces..],
    })
}

fn list(lines: &[&str], start: usize, blocks: &mut Vec<Block>) -> usize {
    let Some(first) = list_marker(lines[start]) else {
        return start + 1;
    };
    let same_list = |marker: &Marker| {
        marker.delimiter == first.delimiter && marker.start.is_some() == first.start.is_some()
    };
    let mut items = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let Some(marker) = list_marker(lines[i]).filter(|m| same_list(m)) else {
            break;
        };
        if is_rule(indentation(lines[i]).1) {
            break;
        }
        let column = marker.content_column;
        let mut item: Vec<&str> = vec![marker.content];
        i += 1;
        while i < lines.len() {
            let line = lines[i];
            let (indent, rest) = indentation(line);
            if is_blank(line) {
                // A blank line continues the item only if indented content follows it.
                let next = lines[i..].iter().position(|l| !is_blank(l)).map(|n| i + n);
                match next {
                    Some(n) if indentation(lines[n]).0 >= column => {
                        item.extend(std::iter::repeat_n("", n - i));
                        i = n;
                    }
                    _ => break,
                }
            } else if indent >= column {
                item.push(&line[column..]);
                i += 1;
            } else if starts_block(line) || item.last().is_some_and(|last| is_blank(last)) {
                break;
            } else {
                item.push(rest); // A lazy continuation of the item's paragraph.
                i += 1;
            }
        }
        items.push(
            nested(&BLOCK_DEPTH, MAX_BLOCK_NESTING, || parse_blocks(&item)).unwrap_or_default(),
        );
        // Blank lines between items of the same list.
        let next = lines[i..].iter().position(|l| !is_blank(l)).map(|n| i + n);
        match next {
            Some(n) if list_marker(lines[n]).is_some_and(|m| same_list(&m)) => i = n,
            _ => break,
        }
    }
    blocks.push(Block::List {
        start: first.start,
        items,
    });
    i
}

/// Block-level HTML tags (CommonMark's list, shortened to those still in use).
const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// How an HTML block ends: at a line containing this text, or at a blank line (`None`).
fn html_block_start(rest: &str, may_be_any_tag: bool) -> Option<Option<&'static str>> {
    let lower = rest.to_ascii_lowercase();
    for (open, close) in [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        if lower.starts_with(open)
            && lower[open.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
            || lower == open
        {
            return Some(Some(close));
        }
    }
    if lower.starts_with("<!--") {
        return Some(Some("-->"));
    }
    if lower.starts_with("<?") {
        return Some(Some("?>"));
    }
    if lower.starts_with("<![cdata[") {
        return Some(Some("]]>"));
    }
    if lower.starts_with("<!") && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(Some(">"));
    }
    let name_start = if lower.starts_with("</") { 2 } else { 1 };
    if !lower.starts_with('<') {
        return None;
    }
    let name: String = lower[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let after = &lower[name_start + name.len()..];
    let ends_name = after.is_empty() || after.starts_with(['>', ' ', '\t', '/']);
    if ends_name && HTML_BLOCK_TAGS.contains(&name.as_str()) {
        return Some(None);
    }
    // Any other complete tag alone on its line starts a block, but not inside a paragraph.
    let tag_alone = ends_name
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && inline_tag(rest) == Some(rest.trim_end().len());
    (may_be_any_tag && tag_alone).then_some(None)
}

/// Reads an HTML block as plain text: tags dropped, script and style contents removed.
fn html_block(
    lines: &[&str],
    start: usize,
    end: Option<&'static str>,
    blocks: &mut Vec<Block>,
) -> usize {
    let mut raw = String::new();
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        if end.is_none() && is_blank(line) {
            break;
        }
        raw.push_str(line);
        raw.push('\n');
        i += 1;
        if end.is_some_and(|end| line.to_ascii_lowercase().contains(end)) {
            break;
        }
    }
    let plain = strip_tags(&decode_entities(&raw));
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if !plain.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(plain)]));
    }
    i
}

// ---------- Inlines ----------

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

fn parse_inlines(text: &str) -> Vec<Inline> {
    let mut backticks = BacktickMemo::default();
    let brackets = bracket_pairs(text, &mut backticks);
    let links_allowed = INLINE_DEPTH.with(Cell::get) < MAX_INLINE_NESTING;
    let mut next_close = 0;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut plain = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let text_piece = |plain: &mut String, pieces: &mut Vec<Piece>| {
        if !plain.is_empty() {
            pieces.push(Piece::Done(Inline::Text(std::mem::take(plain))));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => match bytes.get(i + 1) {
                Some(b'\n') => {
                    text_piece(&mut plain, &mut pieces);
                    pieces.push(Piece::Done(Inline::LineBreak));
                    i += 2;
                }
                Some(b) if b.is_ascii_punctuation() => {
                    plain.push(*b as char);
                    i += 2;
                }
                _ => {
                    plain.push('\\');
                    i += 1;
                }
            },
            b'\n' => {
                // Two spaces before a line end make a hard break; otherwise it is a space.
                let trimmed = plain.trim_end_matches(' ');
                let hard = plain.len() - trimmed.len() >= 2;
                plain.truncate(trimmed.len());
                if hard {
                    text_piece(&mut plain, &mut pieces);
                    pieces.push(Piece::Done(Inline::LineBreak));
                } else {
                    plain.push(' ');
                }
                i += 1;
                while i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                }
            }
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                match backticks.closing(text, i + run, run) {
                    Some((content, after)) => {
                        text_piece(&mut plain, &mut pieces);
                        pieces.push(Piece::Done(Inline::Code(code_span(content))));
                        i += run + after;
                    }
                    None => {
                        plain.push_str(&text[i..i + run]);
                        i += run;
                    }
                }
            }
            b'&' => match entity(&text[i..]) {
                Some((decoded, length)) => {
                    plain.push_str(&decoded);
                    i += length;
                }
                None => {
                    plain.push('&');
                    i += 1;
                }
            },
            b'<' => {
                // Where the next `>` is, found once per `>` rather than once per `<`.
                if next_close < i {
                    next_close = text[i..].find('>').map_or(usize::MAX, |n| i + n);
                }
                if next_close - i > MAX_TAG_BYTES {
                    plain.push('<');
                    i += 1;
                } else if let Some((url, length)) = autolink(&text[i..]) {
                    text_piece(&mut plain, &mut pieces);
                    let href = if url.contains(':') {
                        SafeUrl::parse_link(&url)
                    } else {
                        SafeUrl::parse_link(&format!("mailto:{url}"))
                    };
                    pieces.push(Piece::Done(Inline::Link {
                        href,
                        content: vec![Inline::Text(url)],
                    }));
                    i += length;
                } else if let Some(length) = inline_tag(&text[i..]) {
                    i += length; // Raw HTML is never interpreted: the tag goes, text stays.
                } else {
                    plain.push('<');
                    i += 1;
                }
            }
            b'[' | b'!' => {
                let image = bytes[i] == b'!';
                let open = if image { i + 1 } else { i };
                let found = if !links_allowed || image && bytes.get(open) != Some(&b'[') {
                    None
                } else {
                    brackets
                        .get(&open)
                        .and_then(|&close| link_after(text, open, close))
                };
                match found {
                    Some((label, destination, end)) => {
                        text_piece(&mut plain, &mut pieces);
                        let content =
                            nested(&INLINE_DEPTH, MAX_INLINE_NESTING, || parse_inlines(label))
                                .unwrap_or_else(|| vec![Inline::Text(label.to_owned())]);
                        pieces.push(Piece::Done(if image {
                            let alt = plain_text(&content);
                            match SafeUrl::parse_resource(&destination) {
                                Some(src) => Inline::Image { src, alt },
                                None => Inline::Text(alt),
                            }
                        } else {
                            Inline::Link {
                                href: SafeUrl::parse_link(&destination),
                                content,
                            }
                        }));
                        i = end;
                    }
                    None => {
                        plain.push(bytes[i] as char);
                        i += 1;
                    }
                }
            }
            mark @ (b'*' | b'_' | b'~') => {
                let count = bytes[i..].iter().take_while(|&&b| b == mark).count();
                let before = text[..i].chars().next_back();
                let after = text[i + count..].chars().next();
                let left = flanking(after, before);
                let right = flanking(before, after);
                let (opens, closes) = match mark {
                    b'_' => (
                        left && (!right || before.is_some_and(is_punctuation)),
                        right && (!left || after.is_some_and(is_punctuation)),
                    ),
                    b'~' if count > 2 => (false, false),
                    _ => (left, right),
                };
                text_piece(&mut plain, &mut pieces);
                pieces.push(Piece::Run {
                    mark,
                    count,
                    original: count,
                    opens,
                    closes,
                });
                i += count;
            }
            _ => {
                let next = bytes[i + 1..]
                    .iter()
                    .position(|b| b"\\\n`&<[!*_~".contains(b))
                    .map_or(bytes.len(), |n| i + 1 + n);
                plain.push_str(&text[i..next]);
                i = next;
            }
        }
    }
    text_piece(&mut plain, &mut pieces);
    let runs = pieces
        .iter()
        .filter(|piece| matches!(piece, Piece::Run { .. }))
        .count();
    if runs <= MAX_EMPHASIS_RUNS {
        match_emphasis(&mut pieces);
    }
    let mut out: Vec<Inline> = Vec::new();
    collect(pieces, &mut out);
    out
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
            let length = bytes[i..].iter().take_while(|&&b| b == b'`').count();
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
fn inline_tag(text: &str) -> Option<usize> {
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
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
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
fn decode_entities(text: &str) -> String {
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

/// The text of inline content, without formatting.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Code(text) => text.clone(),
            Inline::Emphasis(inner) | Inline::Strong(inner) => plain_text(inner),
            Inline::Link { content, .. } => plain_text(content),
            Inline::Image { alt, .. } => alt.clone(),
            Inline::LineBreak => " ".to_owned(),
        })
        .collect()
}

/// Removes `<...>` tags and the contents of `<script>` and `<style>` elements.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(open) = html[at..].find('<').map(|i| i + at) {
        out.push_str(&html[at..open]);
        let close = html[open..].find('>').map_or(html.len(), |i| open + i + 1);
        let tag = &lower[open..close];
        at = close;
        for element in ["script", "style"] {
            if tag.starts_with(&format!("<{element}")) {
                let end_tag = format!("</{element}");
                at = lower[close..]
                    .find(&end_tag)
                    .map_or(html.len(), |i| close + i);
            }
        }
    }
    out.push_str(&html[at.min(html.len())..]);
    out
}
