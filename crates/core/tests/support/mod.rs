//! Helpers shared by the native test files (`mod support;`).

use pressline_core::markdown::{Block, Inline};

/// Every link and image address anywhere in the blocks.
pub fn addresses(blocks: &[Block]) -> Vec<String> {
    fn inline_addresses(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, content } => {
                    out.extend(href.as_ref().map(ToString::to_string));
                    inline_addresses(content, out);
                }
                Inline::Image { src, .. } => out.push(src.to_string()),
                Inline::Emphasis(inner) | Inline::Strong(inner) => inline_addresses(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => inline_addresses(inlines, &mut out),
            Block::Quote(inner) => out.extend(addresses(inner)),
            Block::List { items, .. } => items.iter().for_each(|item| out.extend(addresses(item))),
            _ => {}
        }
    }
    out
}
