use leptos::prelude::*;

use pressline_core::search::{highlight, SearchQuery};

/// Text with the words a search matched wrapped in `<mark>`. Every run is a text node; nothing
/// from the data becomes markup.
#[component]
pub fn HighlightedText(
    /// The original text.
    text: String,
    /// The active search; an empty one marks nothing.
    query: SearchQuery,
) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|segment| {
            if segment.matched {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
}
