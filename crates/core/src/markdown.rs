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

mod inlines;

use std::cell::Cell;

use super::SafeUrl;
use inlines::{decode_entities, inline_tag, parse_inlines};

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
