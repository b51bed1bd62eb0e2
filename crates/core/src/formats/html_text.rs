//! HTML from other publishing systems turned into plain text or into the Markdown a release body
//! holds.
//!
//! A small hand-written tag scanner: no HTML parser, no regular expressions. It never panics,
//! whatever the input (unclosed tags, a stray `<`, `>` inside quoted attribute values, a comment
//! that never ends). The contents of `<script>`, `<style>`, `<iframe>`, `<noscript>`,
//! `<template>`, `<svg>`, `<math>` and `<object>` are dropped. Entities are decoded: the common
//! named ones and every numeric one.
//!
//! The Markdown keeps only paragraphs, headings, list items, block quotes, bold, italic and links
//! whose address [`SafeUrl::parse_link`] accepts (`http(s)`, `mailto:`, relative). Text is
//! escaped so that it stays text: `&lt;b&gt;` becomes `\<b>`, never a tag, and a literal
//! `[x](javascript:…)` never becomes a link.

use std::borrow::Cow;

use crate::SafeUrl;

/// Elements whose whole content is dropped.
const SKIPPED: [&str; 8] = [
    "script", "style", "iframe", "noscript", "template", "svg", "math", "object",
];

/// Elements that end the current paragraph.
const BLOCKS: [&str; 38] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
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
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML fragment: tags stripped, script and style contents dropped, entities
/// decoded, whitespace collapsed to single spaces and trimmed.
///
/// ```
/// use pressline_core::formats::html_text::html_to_text;
/// assert_eq!(
///     html_to_text("<p>War &amp; Peace</p><script>x()</script><p>&#8220;Now&#8221;</p>"),
///     "War & Peace \u{201c}Now\u{201d}"
/// );
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    for token in Tokens::new(html) {
        match token {
            Token::Text(raw) => text.push_str(&decode_entities(raw)),
            Token::Open { name, .. } | Token::Close { name } => {
                if is_block(&name) || name == "td" || name == "th" {
                    text.push(' ');
                }
            }
        }
    }
    collapse_whitespace(&text)
}

/// An HTML fragment as Markdown: paragraphs (from `p`, `div`, `br` and other blocks) separated
/// by blank lines, headings as `## `, list items as `- ` (or `1. ` in an `<ol>`), block quotes
/// as `> `, `**bold**`, `*italic*` and `[text](address)` for safe addresses only. Everything
/// else is dropped, its text kept.
///
/// ```
/// use pressline_core::formats::html_text::html_to_markdown;
/// assert_eq!(
///     html_to_markdown(r#"<h2>Now</h2><p>Read <a href="https://x.org/a">this</a> &lt;b&gt;</p>"#),
///     "## Now\n\nRead [this](https://x.org/a) \\<b>"
/// );
/// ```
pub fn html_to_markdown(html: &str) -> String {
    let mut writer = MarkdownWriter::default();
    for token in Tokens::new(html) {
        match token {
            Token::Text(raw) => writer.text(&decode_entities(raw)),
            Token::Open { name, attributes } => writer.open(&name, &attributes),
            Token::Close { name } => writer.close(&name),
        }
    }
    writer.finish()
}

/// Plain text (e.g. a JSON Feed `content_text`) as Markdown: each non-blank line a paragraph,
/// Markdown-significant characters escaped so the text reads exactly as written.
pub(crate) fn plain_text_to_markdown(text: &str) -> String {
    let mut paragraphs = Vec::new();
    for line in text.lines() {
        let mut escaped = String::with_capacity(line.len());
        let collapsed = collapse_whitespace(line);
        push_escaped(&mut escaped, &collapsed);
        if !escaped.is_empty() {
            paragraphs.push(escape_block_start(escaped));
        }
    }
    paragraphs.join("\n\n")
}

/// Single spaces between words, no control characters, trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

/// How many inline elements may be open at once; deeper ones are ignored (their text kept), so
/// hostile nesting costs nothing.
const MAX_INLINE_DEPTH: usize = 32;

/// How many `> ` a line may start with, so that deep quotes cannot blow up the output.
const MAX_QUOTE_DEPTH: usize = 8;

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// A piece of the HTML: raw text (entities still encoded) or a tag.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Open {
        /// Lower-cased.
        name: String,
        /// Lower-cased names, raw (still entity-encoded) values.
        attributes: Vec<(String, &'a str)>,
    },
    Close {
        /// Lower-cased.
        name: String,
    },
}

/// Splits HTML into tokens. Comments, doctypes and processing instructions are skipped, as are
/// the contents of [`SKIPPED`] elements. A tag cut off by the end of the input is dropped, as
/// browsers do.
struct Tokens<'a> {
    html: &'a str,
    /// The same text, ASCII-lower-cased (same byte offsets), to find end tags.
    lower: String,
    at: usize,
    /// A tag found after some text; returned on the next call.
    pending: Option<Token<'a>>,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Self {
            html,
            lower: html.to_ascii_lowercase(),
            at: 0,
            pending: None,
        }
    }

    /// Reads the markup starting at `start` (a `<`): `Some((token, end))` for a tag,
    /// `Some((None, end))` for markup that is skipped, `None` when the `<` is just text.
    fn markup(&self, start: usize) -> Option<(Option<Token<'a>>, usize)> {
        let bytes = self.html.as_bytes();
        let len = bytes.len();
        match bytes.get(start + 1).copied() {
            Some(b'!') if self.html[start..].starts_with("<!--") => {
                let end = self.html[start + 4..]
                    .find("-->")
                    .map_or(len, |i| start + 4 + i + 3);
                Some((None, end))
            }
            Some(b'!' | b'?') => {
                let end = self.html[start..].find('>').map_or(len, |i| start + i + 1);
                Some((None, end))
            }
            Some(b'/') if bytes.get(start + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, after_name) = self.name_at(start + 2);
                let (_, end) = self.attributes_at(after_name);
                // Cut off by the end of the input: drop the rest (and never scan it again).
                let Some(end) = end else {
                    return Some((None, len));
                };
                Some((Some(Token::Close { name }), end))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, after_name) = self.name_at(start + 1);
                let (attributes, end) = self.attributes_at(after_name);
                // Cut off by the end of the input: drop the rest.
                let Some(end) = end else {
                    return Some((None, len));
                };
                // `<svg/>` and `<math/>` really are empty; `<script/>` is not, in HTML.
                let self_closing =
                    bytes[end - 2] == b'/' && matches!(name.as_str(), "svg" | "math");
                if SKIPPED.contains(&name.as_str()) && !self_closing {
                    let end_tag = format!("</{name}");
                    let end = match self.lower[end..].find(&end_tag) {
                        Some(i) => {
                            let close = end + i;
                            self.html[close..].find('>').map_or(len, |j| close + j + 1)
                        }
                        None => len,
                    };
                    return Some((None, end));
                }
                Some((Some(Token::Open { name, attributes }), end))
            }
            _ => None,
        }
    }

    /// A tag name: ASCII letters, digits, `-` and `:`.
    fn name_at(&self, start: usize) -> (String, usize) {
        let bytes = self.html.as_bytes();
        let mut end = start;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'-' | b':'))
        {
            end += 1;
        }
        (self.lower[start..end].to_owned(), end)
    }

    /// Attributes up to the tag's closing `>`, which may not appear inside quoted values.
    /// The end is `None` when the input ends first.
    fn attributes_at(&self, mut at: usize) -> (Vec<(String, &'a str)>, Option<usize>) {
        let html: &'a str = self.html;
        let bytes = html.as_bytes();
        let len = bytes.len();
        let mut attributes = Vec::new();
        loop {
            while at < len && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                at += 1;
            }
            if at >= len {
                return (attributes, None);
            }
            if bytes[at] == b'>' {
                return (attributes, Some(at + 1));
            }
            // The name: at least one byte (a leading `=` belongs to it, as in HTML).
            let name_start = at;
            at += 1;
            while at < len
                && !bytes[at].is_ascii_whitespace()
                && !matches!(bytes[at], b'/' | b'>' | b'=')
            {
                at += 1;
            }
            let name = self.lower[name_start..at].to_owned();
            while at < len && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = "";
            if at < len && bytes[at] == b'=' {
                at += 1;
                while at < len && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                if at < len && matches!(bytes[at], b'"' | b'\'') {
                    let quote = bytes[at];
                    let value_start = at + 1;
                    match bytes[value_start..].iter().position(|&b| b == quote) {
                        Some(i) => {
                            value = &html[value_start..value_start + i];
                            at = value_start + i + 1;
                        }
                        None => return (attributes, None),
                    }
                } else {
                    let value_start = at;
                    while at < len && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                        at += 1;
                    }
                    value = &html[value_start..at];
                }
            }
            attributes.push((name, value));
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(token) = self.pending.take() {
            return Some(token);
        }
        let html = self.html;
        // Skipped markup (comments, dropped elements) is passed over in this loop, never by
        // recursion, so a million comments in a row cannot overflow the stack.
        loop {
            let text_start = self.at;
            let mut search = self.at;
            let found = loop {
                let Some(open) = html[search..].find('<').map(|i| search + i) else {
                    break None;
                };
                match self.markup(open) {
                    None => search = open + 1,
                    Some((token, end)) => break Some((open, token, end)),
                }
            };
            let Some((open, token, end)) = found else {
                self.at = html.len();
                return (text_start < html.len()).then(|| Token::Text(&html[text_start..]));
            };
            self.at = end;
            let text = &html[text_start..open];
            match (text.is_empty(), token) {
                (true, Some(token)) => return Some(token),
                (true, None) => continue,
                (false, token) => {
                    self.pending = token;
                    return Some(Token::Text(text));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Entities

/// Decodes character references: the common named ones and every numeric one (`&#8217;`,
/// `&#x1F600;`). Unknown names stay as written; invalid code points become U+FFFD.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match entity(after) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads one reference after its `&`: the character and how many bytes it used.
fn entity(after: &str) -> Option<(char, usize)> {
    if let Some(numeric) = after.strip_prefix('#') {
        let (digits, radix, skip) = match numeric.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (numeric, 10, 1),
        };
        let count = digits
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let digit_count = digits[..count]
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if digit_count == 0 {
            return None;
        }
        let number = u32::from_str_radix(&digits[..digit_count.min(8)], radix).unwrap_or(u32::MAX);
        let number = if digit_count > 8 { u32::MAX } else { number };
        let semicolon = usize::from(digits[digit_count..].starts_with(';'));
        return Some((numeric_char(number), skip + digit_count + semicolon));
    }
    let name_len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if name_len == 0 || !after[name_len..].starts_with(';') {
        return None;
    }
    let decoded = match &after[..name_len] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "times" => '×',
        "shy" => '\u{ad}',
        _ => return None,
    };
    Some((decoded, name_len + 1))
}

/// A numeric reference's character, as browsers read it: 0x80–0x9F are Windows-1252,
/// nothing invalid survives.
fn numeric_char(number: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match number {
        0 => '\u{fffd}',
        0x80..=0x9f => WINDOWS_1252[(number - 0x80) as usize],
        _ => char::from_u32(number).unwrap_or('\u{fffd}'),
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Characters escaped wherever they appear in text.
fn push_escaped(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` written as text must not turn back into `&`.
            '&' if chars
                .peek()
                .is_some_and(|next| *next == '#' || next.is_ascii_alphabetic()) =>
            {
                out.push_str("\\&");
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Escapes what would make a line a heading, quote, list item or setext underline.
fn escape_block_start(block: String) -> String {
    match block.chars().next() {
        Some('#' | '>' | '-' | '+' | '=') => format!("\\{block}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = block.bytes().take_while(u8::is_ascii_digit).count();
            match block.as_bytes().get(digits) {
                Some(b'.' | b')') => format!("{}\\{}", &block[..digits], &block[digits..]),
                _ => block,
            }
        }
        _ => block,
    }
}

/// An address as a Markdown link destination: characters that would end it are
/// percent-encoded.
fn link_destination(url: &SafeUrl) -> String {
    let mut out = String::with_capacity(url.as_str().len());
    for c in url.as_str().chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// An open inline element and the Markdown written inside it so far.
struct Frame {
    kind: InlineKind,
    content: String,
}

#[derive(Clone, PartialEq)]
enum InlineKind {
    Strong,
    Emphasis,
    Link(Option<SafeUrl>),
}

impl InlineKind {
    fn from_tag(name: &str) -> Option<Self> {
        match name {
            "b" | "strong" => Some(Self::Strong),
            "i" | "em" => Some(Self::Emphasis),
            _ => None,
        }
    }

    fn same_element(&self, other: &Self) -> bool {
        matches!(
            (self, other),
            (Self::Strong, Self::Strong)
                | (Self::Emphasis, Self::Emphasis)
                | (Self::Link(_), Self::Link(_))
        )
    }
}

/// Builds the Markdown one block at a time. Whitespace is held back until the next word so
/// that it never ends up just inside a `**` or `*`, where Markdown would not see emphasis.
#[derive(Default)]
struct MarkdownWriter {
    blocks: Vec<String>,
    /// The current block's content outside any open inline element.
    block: String,
    frames: Vec<Frame>,
    pending_space: bool,
    /// `## `, `- ` or `1. ` for the current block.
    marker: Option<String>,
    quote_depth: usize,
    /// Open lists: `None` for `<ul>`, the next number for `<ol>`.
    lists: Vec<Option<u64>>,
}

impl MarkdownWriter {
    fn text(&mut self, text: &str) {
        let mut word = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                self.word(&word);
                word.clear();
                self.pending_space = true;
            } else {
                word.push(c);
            }
        }
        self.word(&word);
    }

    fn word(&mut self, word: &str) {
        if word.chars().all(char::is_control) {
            return;
        }
        if std::mem::take(&mut self.pending_space) && self.has_content() {
            // Into the innermost element that already has content, so that `a<b> b</b>` gives
            // `a **b**`.
            let empty_from = self
                .frames
                .iter()
                .rposition(|frame| !frame.content.is_empty())
                .map_or(0, |i| i + 1);
            match empty_from.checked_sub(1) {
                Some(i) => self.frames[i].content.push(' '),
                None => self.block.push(' '),
            }
        }
        let target = match self.frames.last_mut() {
            Some(frame) => &mut frame.content,
            None => &mut self.block,
        };
        push_escaped(target, word);
    }

    fn has_content(&self) -> bool {
        !self.block.is_empty() || self.frames.iter().rev().any(|f| !f.content.is_empty())
    }

    fn open(&mut self, name: &str, attributes: &[(String, &str)]) {
        if let Some(kind) = InlineKind::from_tag(name) {
            if self.frames.len() < MAX_INLINE_DEPTH {
                self.frames.push(Frame {
                    kind,
                    content: String::new(),
                });
            }
            return;
        }
        match name {
            "a" => {
                // Links do not nest: a new one closes the open one.
                self.close_inline(&InlineKind::Link(None));
                if self.frames.len() >= MAX_INLINE_DEPTH {
                    return;
                }
                let href = attributes
                    .iter()
                    .find(|(attribute, _)| attribute == "href")
                    .and_then(|(_, value)| SafeUrl::parse_link(&decode_entities(value)));
                self.frames.push(Frame {
                    kind: InlineKind::Link(href),
                    content: String::new(),
                });
            }
            "td" | "th" => self.pending_space = true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = usize::from(name.as_bytes()[1] - b'0').max(2);
                self.marker = Some(format!("{} ", "#".repeat(level)));
            }
            "li" => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(next)) => {
                        let marker = format!("{next}. ");
                        *next = next.saturating_add(1);
                        marker
                    }
                    _ => "- ".to_owned(),
                };
                self.marker = Some(marker);
            }
            "ul" | "ol" => {
                self.flush();
                let start = attributes
                    .iter()
                    .find(|(attribute, _)| attribute == "start")
                    .and_then(|(_, value)| value.trim().parse::<u64>().ok())
                    .unwrap_or(1)
                    .min(999_999_999);
                self.lists.push((name == "ol").then_some(start));
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
            }
            // A paragraph right after `<li>` belongs to the item: keep its marker.
            _ if is_block(name) && self.has_content() => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(kind) = InlineKind::from_tag(name) {
            self.close_inline(&kind);
            return;
        }
        match name {
            "a" => self.close_inline(&InlineKind::Link(None)),
            "td" | "th" => self.pending_space = true,
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            _ if is_block(name) => self.flush(),
            _ => {}
        }
    }

    /// Closes the innermost open element of this kind and everything opened inside it; a
    /// closing tag with nothing to close is ignored.
    fn close_inline(&mut self, kind: &InlineKind) {
        if let Some(index) = self.frames.iter().rposition(|f| f.kind.same_element(kind)) {
            while self.frames.len() > index {
                self.close_top();
            }
        }
    }

    fn close_top(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let content = frame.content;
        let rendered = if content.is_empty() {
            String::new()
        } else {
            match frame.kind {
                InlineKind::Strong => format!("**{content}**"),
                InlineKind::Emphasis => format!("*{content}*"),
                InlineKind::Link(Some(href)) => format!("[{content}]({})", link_destination(&href)),
                InlineKind::Link(None) => content,
            }
        };
        match self.frames.last_mut() {
            Some(parent) => parent.content.push_str(&rendered),
            None => self.block.push_str(&rendered),
        }
    }

    /// Ends the current block, closing any inline element left open.
    fn flush(&mut self) {
        while !self.frames.is_empty() {
            self.close_top();
        }
        let block = std::mem::take(&mut self.block);
        let marker = self.marker.take();
        self.pending_space = false;
        if block.is_empty() {
            return;
        }
        let mut line = "> ".repeat(self.quote_depth.min(MAX_QUOTE_DEPTH));
        line.push_str(marker.as_deref().unwrap_or(""));
        line.push_str(&escape_block_start(block));
        self.blocks.push(line);
    }

    fn finish(mut self) -> String {
        self.flush();
        self.blocks.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_awkward_markup() {
        let tokens: Vec<_> = Tokens::new(r#"a<b title="x>y">c</b>< d<!-- e -->f<?x?>g"#).collect();
        assert_eq!(
            tokens,
            vec![
                Token::Text("a"),
                Token::Open {
                    name: "b".into(),
                    attributes: vec![("title".into(), "x>y")]
                },
                Token::Text("c"),
                Token::Close { name: "b".into() },
                Token::Text("< d"),
                Token::Text("f"),
                Token::Text("g"),
            ]
        );
    }

    #[test]
    fn numeric_references() {
        assert_eq!(
            decode_entities("&#0;&#150;&#x1F600;&#xD800;&#99999999999;"),
            "\u{fffd}–😀\u{fffd}\u{fffd}"
        );
        assert_eq!(
            decode_entities("&#39 &# &#x; &unknown; &amp"),
            "' &# &#x; &unknown; &amp"
        );
    }
}
