use leptos::prelude::*;

use pressline_core::search::{excerpt, highlight, SearchQuery};

/// Text with the words a search matched wrapped in `<mark>`. Every run is a text node; nothing
/// from the data becomes markup. The marks follow the query: its runs are redrawn only when
/// they change, so a keystroke that marks the same words touches nothing.
#[component]
pub fn HighlightedText(
    /// The original text.
    text: String,
    /// The active search; an empty one marks nothing.
    #[prop(into)]
    query: Signal<SearchQuery>,
    /// When given, about how many characters of the opening are shown: a match past them shows
    /// its sentence instead (see [`excerpt`]).
    #[prop(optional)]
    lead: Option<usize>,
) -> impl IntoView {
    let segments = Memo::new(move |_| {
        query.with(|query| match lead {
            Some(lead) => highlight(&excerpt(&text, query, lead), query),
            None => highlight(&text, query),
        })
    });
    move || {
        segments
            .get()
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
}
