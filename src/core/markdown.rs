//! Release bodies: Markdown read into a small tree of safe blocks. Raw HTML in the data is never
//! interpreted: inline tags are dropped (their text stays), HTML blocks become plain text, and
//! links and images keep only addresses [`SafeUrl`] accepts.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::SafeUrl;

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

/// An open container while the event stream is read.
enum Open {
    Blocks(Vec<Block>),
    Inlines(Vec<Inline>),
    Items(Vec<Vec<Block>>),
}

/// Reads a Markdown body into safe blocks.
///
/// ```
/// use pressline::core::markdown::{parse_markdown, Block, Inline};
/// let blocks = parse_markdown("Hi <script>alert(1)</script> [x](javascript:alert(1))");
/// let Block::Paragraph(inlines) = &blocks[0] else { panic!() };
/// assert!(inlines.iter().all(|i| !matches!(i, Inline::Link { href: Some(_), .. })));
/// ```
pub fn parse_markdown(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_STRIKETHROUGH;
    // Each open tag pushes a frame; closing it folds the frame into its parent.
    let mut stack: Vec<(Option<Tag<'_>>, Open)> = vec![(None, Open::Blocks(Vec::new()))];
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                let frame = match &tag {
                    Tag::List(_) => Open::Items(Vec::new()),
                    Tag::Item | Tag::BlockQuote(_) => Open::Blocks(Vec::new()),
                    _ => Open::Inlines(Vec::new()),
                };
                stack.push((Some(tag), frame));
            }
            Event::End(end) => {
                let (tag, frame) = stack.pop().expect("every end has a start");
                close(&mut stack, tag, end, frame);
            }
            Event::Text(text) => push_inline(&mut stack, Inline::Text(text.into_string())),
            Event::Code(code) => push_inline(&mut stack, Inline::Code(code.into_string())),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text(" ".to_owned())),
            Event::HardBreak => push_inline(&mut stack, Inline::LineBreak),
            Event::Rule => push_block(&mut stack, Block::Rule),
            // Inline tags are dropped; the text between them arrives as Text events.
            Event::InlineHtml(_) => {}
            // HTML blocks are gathered raw and turned into plain text when the block ends.
            Event::Html(html) => push_inline(&mut stack, Inline::Text(html.into_string())),
            Event::FootnoteReference(label) => {
                push_inline(&mut stack, Inline::Text(format!("[{label}]")))
            }
            Event::TaskListMarker(done) => push_inline(
                &mut stack,
                Inline::Text(if done { "☑ " } else { "☐ " }.to_owned()),
            ),
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                push_inline(&mut stack, Inline::Text(math.into_string()))
            }
        }
    }
    match stack.pop() {
        Some((_, Open::Blocks(blocks))) => blocks,
        _ => Vec::new(),
    }
}

fn close<'a>(
    stack: &mut Vec<(Option<Tag<'a>>, Open)>,
    tag: Option<Tag<'a>>,
    end: TagEnd,
    frame: Open,
) {
    let inlines = |frame: Open| match frame {
        Open::Inlines(inlines) => inlines,
        Open::Blocks(blocks) => blocks_to_inlines(blocks),
        Open::Items(items) => items.into_iter().flat_map(blocks_to_inlines).collect(),
    };
    let blocks = |frame: Open| match frame {
        Open::Blocks(blocks) => blocks,
        Open::Inlines(inlines) if inlines.is_empty() => Vec::new(),
        Open::Inlines(inlines) => vec![Block::Paragraph(inlines)],
        Open::Items(items) => items.into_iter().flatten().collect(),
    };
    match (tag, end) {
        (_, TagEnd::Paragraph) => push_block(stack, Block::Paragraph(inlines(frame))),
        (_, TagEnd::HtmlBlock) => {
            let plain = strip_tags(&plain_text(&inlines(frame)));
            let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
            if !plain.is_empty() {
                push_block(stack, Block::Paragraph(vec![Inline::Text(plain)]));
            }
        }
        (_, TagEnd::Heading(level)) => {
            let level = match level {
                HeadingLevel::H1 => 2,
                HeadingLevel::H2 => 3,
                HeadingLevel::H3 => 4,
                HeadingLevel::H4 => 5,
                _ => 6,
            };
            push_block(
                stack,
                Block::Heading {
                    level,
                    content: inlines(frame),
                },
            );
        }
        (_, TagEnd::BlockQuote(_)) => push_block(stack, Block::Quote(blocks(frame))),
        (_, TagEnd::CodeBlock) => {
            let text = inlines(frame)
                .into_iter()
                .map(|inline| match inline {
                    Inline::Text(text) | Inline::Code(text) => text,
                    _ => String::new(),
                })
                .collect();
            push_block(stack, Block::Preformatted(text));
        }
        (Some(Tag::List(start)), TagEnd::List(_)) => {
            let items = match frame {
                Open::Items(items) => items,
                other => vec![blocks(other)],
            };
            push_block(stack, Block::List { start, items });
        }
        (_, TagEnd::Item) => {
            let item = blocks(frame);
            match stack.last_mut().map(|(_, open)| open) {
                Some(Open::Items(items)) => items.push(item),
                _ => {
                    for block in item {
                        push_block(stack, block);
                    }
                }
            }
        }
        (_, TagEnd::Emphasis) => push_inline(stack, Inline::Emphasis(inlines(frame))),
        (_, TagEnd::Strong) => push_inline(stack, Inline::Strong(inlines(frame))),
        (_, TagEnd::Strikethrough) => push_inline_all(stack, inlines(frame)),
        (Some(Tag::Link { dest_url, .. }), TagEnd::Link) => {
            let href = SafeUrl::parse_link(&dest_url);
            push_inline(
                stack,
                Inline::Link {
                    href,
                    content: inlines(frame),
                },
            );
        }
        (Some(Tag::Image { dest_url, .. }), TagEnd::Image) => {
            let alt = plain_text(&inlines(frame));
            match SafeUrl::parse_resource(&dest_url) {
                Some(src) => push_inline(stack, Inline::Image { src, alt }),
                None => push_inline(stack, Inline::Text(alt)),
            }
        }
        // Anything else (tables are not enabled, metadata, definition lists) keeps its content.
        (_, _) => match frame {
            Open::Inlines(inlines) => push_inline_all(stack, inlines),
            other => {
                for block in blocks(other) {
                    push_block(stack, block);
                }
            }
        },
    }
}

fn push_inline(stack: &mut [(Option<Tag<'_>>, Open)], inline: Inline) {
    match stack.last_mut().map(|(_, open)| open) {
        Some(Open::Inlines(inlines)) => inlines.push(inline),
        Some(Open::Items(items)) => items.push(vec![Block::Paragraph(vec![inline])]),
        // Tight list items hold text directly: wrap it in a paragraph.
        Some(Open::Blocks(blocks)) => match blocks.last_mut() {
            Some(Block::Paragraph(inlines)) => inlines.push(inline),
            _ => blocks.push(Block::Paragraph(vec![inline])),
        },
        None => {}
    }
}

fn push_inline_all(stack: &mut [(Option<Tag<'_>>, Open)], inlines: Vec<Inline>) {
    for inline in inlines {
        push_inline(stack, inline);
    }
}

fn push_block(stack: &mut [(Option<Tag<'_>>, Open)], block: Block) {
    match stack.last_mut().map(|(_, open)| open) {
        Some(Open::Blocks(blocks)) => blocks.push(block),
        Some(Open::Inlines(inlines)) => inlines.extend(blocks_to_inlines(vec![block])),
        Some(Open::Items(items)) => items.push(vec![block]),
        None => {}
    }
}

fn blocks_to_inlines(blocks: Vec<Block>) -> Vec<Inline> {
    blocks
        .into_iter()
        .flat_map(|block| match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => inlines,
            Block::Preformatted(text) => vec![Inline::Text(text)],
            Block::Quote(blocks) => blocks_to_inlines(blocks),
            Block::List { items, .. } => items.into_iter().flat_map(blocks_to_inlines).collect(),
            Block::Rule => Vec::new(),
        })
        .collect()
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
