use leptos::prelude::*;

use pressline_core::markdown::{parse_markdown, Block, Inline};

/// A release body rendered from Markdown through [`parse_markdown`]'s safe tree: elements are
/// built from the tree, never from HTML in the data.
#[component]
pub fn MarkdownBody(
    /// The Markdown text.
    markdown: String,
    /// The block's class.
    #[prop(default = "release__body")]
    class: &'static str,
) -> impl IntoView {
    view! { <div class=class>{blocks(parse_markdown(&markdown))}</div> }
}

fn blocks(blocks: Vec<Block>) -> AnyView {
    blocks.into_iter().map(block).collect_view().into_any()
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::Heading { level, content } => match level {
            2 => view! { <h2>{inlines(content)}</h2> }.into_any(),
            3 => view! { <h3>{inlines(content)}</h3> }.into_any(),
            4 => view! { <h4>{inlines(content)}</h4> }.into_any(),
            5 => view! { <h5>{inlines(content)}</h5> }.into_any(),
            _ => view! { <h6>{inlines(content)}</h6> }.into_any(),
        },
        Block::List { start: None, items } => {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{blocks(item)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::List { start: Some(start), items } => view! {
            <ol start=start>
                {items.into_iter().map(|item| view! { <li>{blocks(item)}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
        Block::Quote(inner) => view! { <blockquote>{blocks(inner)}</blockquote> }.into_any(),
        Block::Preformatted(text) => view! { <pre>{text}</pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn inlines(inlines: Vec<Inline>) -> AnyView {
    inlines.into_iter().map(inline).collect_view().into_any()
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(inner) => view! { <em>{inlines(inner)}</em> }.into_any(),
        Inline::Strong(inner) => view! { <strong>{inlines(inner)}</strong> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link {
            href: Some(href),
            content,
        } => {
            let external = href.as_str().starts_with("http");
            view! {
                <a href=href.to_string() rel=external.then_some("noopener noreferrer")>
                    {inlines(content)}
                </a>
            }
            .into_any()
        }
        Inline::Link {
            href: None,
            content,
        } => inlines(content),
        Inline::Image { src, alt } => {
            view! { <img src=src.to_string() alt=alt loading="lazy" /> }.into_any()
        }
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}
