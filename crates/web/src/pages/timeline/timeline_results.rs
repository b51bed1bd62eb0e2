use leptos::prelude::*;

use pressline_core::search::{QueryResult, SearchQuery};
use pressline_core::timeline::PageSpan;
use pressline_core::view_state::ViewState;

use super::{EmptyState, Pager, ResultList};

/// The page of results the view asks for, by year and month, with the pager; or, when nothing
/// matches, what to loosen.
#[component]
pub fn TimelineResults(
    /// The view shown.
    #[prop(into)]
    state: Signal<ViewState>,
    /// The view's matches.
    result: Memo<QueryResult>,
) -> impl IntoView {
    move || {
        let state = state.get();
        // Only this page's indices are copied out of the (possibly 100k-long) result.
        let (total, shown) = result.with(|result| {
            let span = PageSpan::of(result.matches.len(), state.page);
            (result.matches.len(), result.matches[span.range()].to_vec())
        });
        if total == 0 {
            return view! { <EmptyState state=state /> }.into_any();
        }
        let query = SearchQuery::parse(&state.query);
        let link_query = state.to_query();
        view! {
            <ResultList page=shown query=query link_query=link_query />
            <Pager state=state total=total />
        }
        .into_any()
    }
}
