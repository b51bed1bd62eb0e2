//! Mirror of `MarkdownBody`: a release body from [`parse_markdown`]'s safe tree. Elements come
//! from the tree, never from HTML in the data; every text and address is escaped.

use std::fmt::Write;

use crate::core::markdown::{parse_markdown, Block, Inline};
use crate::publish::escape::{attribute as a, text as t};

/// The body's `<div class="release__body">`.
///
/// ```
/// use pressline::publish::markup::markdown_body;
/// // Raw HTML in a body is not markup: its tags are dropped, and text is escaped.
/// let html = markdown_body("If 1 < 2 & *so* <script>alert(1)</script>");
/// assert_eq!(
///     html,
///     "<div class=\"release__body\"><p>If 1 &lt; 2 &amp; <em>so</em> alert(1)</p></div>"
/// );
/// ```
pub fn markdown_body(markdown: &str) -> String {
    let mut out = String::from("<div class=\"release__body\">");
    blocks(&mut out, &parse_markdown(markdown));
    out.push_str("</div>");
    out
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => wrap(out, "p", content),
            Block::Heading { level, content } => {
                let tag = match level {
                    2 => "h2",
                    3 => "h3",
                    4 => "h4",
                    5 => "h5",
                    _ => "h6",
                };
                wrap(out, tag, content);
            }
            Block::List { start, items } => {
                match start {
                    None => out.push_str("<ul>"),
                    Some(start) => {
                        let _ = write!(out, "<ol start=\"{start}\">");
                    }
                }
                for item in items {
                    out.push_str("<li>");
                    self::blocks(out, item);
                    out.push_str("</li>");
                }
                out.push_str(if start.is_some() { "</ol>" } else { "</ul>" });
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>");
                self::blocks(out, inner);
                out.push_str("</blockquote>");
            }
            Block::Preformatted(text) => {
                // A newline right after <pre> would be dropped by the parser: keep a leading one.
                let lead = if text.starts_with('\n') { "\n" } else { "" };
                let _ = write!(out, "<pre>{lead}{}</pre>", t(text));
            }
            Block::Rule => out.push_str("<hr>"),
        }
    }
}

fn wrap(out: &mut String, tag: &str, content: &[Inline]) {
    let _ = write!(out, "<{tag}>");
    inlines(out, content);
    let _ = write!(out, "</{tag}>");
}

fn inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&t(text)),
            Inline::Emphasis(inner) => wrap(out, "em", inner),
            Inline::Strong(inner) => wrap(out, "strong", inner),
            Inline::Code(code) => {
                let _ = write!(out, "<code>{}</code>", t(code));
            }
            Inline::Link {
                href: Some(href),
                content,
            } => {
                let rel = if href.as_str().starts_with("http") {
                    " rel=\"noopener noreferrer\""
                } else {
                    ""
                };
                let _ = write!(out, "<a href=\"{}\"{rel}>", a(href.as_str()));
                self::inlines(out, content);
                out.push_str("</a>");
            }
            Inline::Link {
                href: None,
                content,
            } => self::inlines(out, content),
            Inline::Image { src, alt } => {
                let _ = write!(
                    out,
                    "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                    a(src.as_str()),
                    a(alt)
                );
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}
