//! The Markdown reader that turns a release body into view blocks: no panic, and no link or
//! image ever carries an address with a scheme that could run code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline_core::markdown::{parse_markdown, Block, Inline};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let blocks = parse_markdown(text);
    let mut inlines = Vec::new();
    collect(&blocks, &mut inlines);
    for inline in inlines {
        let address = match inline {
            Inline::Link {
                href: Some(url), ..
            } => url.as_str(),
            Inline::Image { src, .. } => src.as_str(),
            _ => continue,
        };
        let lower: String = address
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
            assert!(!lower.starts_with(scheme), "{address}");
        }
    }
});

fn collect<'a>(blocks: &'a [Block], out: &mut Vec<&'a Inline>) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => push(inlines, out),
            Block::Quote(inner) => collect(inner, out),
            Block::List { items, .. } => {
                for item in items {
                    collect(item, out);
                }
            }
            _ => {}
        }
    }
}

fn push<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Inline>) {
    for inline in inlines {
        out.push(inline);
        if let Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) =
            inline
        {
            push(content, out);
        }
    }
}
