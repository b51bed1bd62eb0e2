use leptos::prelude::*;

use pressline_core::search::{QueryResult, SearchQuery};
use pressline_core::timeline::PageSpan;
use pressline_core::view_state::ViewState;

use super::{EmptyState, Pager, ResultList};

/// The page of results the view asks for, by year and month, with the pager; or, when nothing
/// matches, what to loosen. The list is built once and then follows the view in place.
#[component]
pub fn TimelineResults(
    /// The view shown.
    #[prop(into)]
    state: Signal<ViewState>,
    /// The view's matches.
    result: Memo<QueryResult>,
    /// The view's query string, for the cards' links.
    #[prop(into)]
    link_query: Signal<String>,
) -> impl IntoView {
    // Only this page's indices are copied out of the (possibly 100k-long) result.
    let page = Memo::new(move |_| {
        let page = state.with(|state| state.page);
        result.with(|result| {
            result.matches[PageSpan::of(result.matches.len(), page).range()].to_vec()
        })
    });
    let total = Memo::new(move |_| result.with(|result| result.matches.len()));
    let query = Memo::new(move |_| state.with(|state| SearchQuery::parse(&state.query)));
    let is_empty = Memo::new(move |_| total.get() == 0);
    move || {
        if is_empty.get() {
            // What to loosen depends on the whole view: redrawn with it (rarely typed into).
            return (move || view! { <EmptyState state=state.get() /> }).into_any();
        }
        view! {
            <ResultList page=page query=query link_query=link_query />
            {move || view! { <Pager state=state.get() total=total.get() /> }}
        }
        .into_any()
    }
}
