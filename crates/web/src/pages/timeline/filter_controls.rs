use leptos::prelude::*;

use crate::context::i18n::t;
use crate::context::site_data::SiteData;
use pressline_core::search::QueryResult;
use pressline_core::view_state::{Facet, ViewState};

use super::{DateRange, FacetFilter};

/// The filters below the search box: a group of checkboxes per facet (with live counts), the
/// date range, and "Clear all". Each change is a new view state, for the address.
#[component]
pub fn FilterControls(
    /// The view the results show.
    #[prop(into)]
    state: Signal<ViewState>,
    /// What the query found: each facet value's count, and why a date range is not applied.
    result: Memo<QueryResult>,
    /// Called with the view state a change asks for.
    on_change: Callback<ViewState>,
) -> impl IntoView {
    let t = t();
    let data = expect_context::<SiteData>();
    let facets = Facet::ALL
        .into_iter()
        .map(|facet| {
            let on_toggle = Callback::new(move |value: String| {
                on_change.run(state.get_untracked().toggled(facet, &value))
            });
            let data = data.clone();
            // Memos: a facet whose counts or selection did not change is not touched at all.
            let values = Memo::new(move |_| {
                data.site()
                    .map(|site| site.index.facet(facet).values.clone())
                    .unwrap_or_default()
            });
            view! {
                <FacetFilter
                    facet=facet
                    values=values
                    counts=Memo::new(move |_| result.with(|r| r.facet_counts[facet.position()].clone()))
                    selected=Memo::new(move |_| state.with(|s| s.selected(facet).to_vec()))
                    on_toggle=on_toggle
                />
            }
        })
        .collect_view();
    let on_dates = Callback::new(move |(from, to)| {
        on_change.run(ViewState {
            from,
            to,
            page: 1,
            ..state.get_untracked()
        })
    });
    view! {
        {facets}
        <DateRange
            from=Signal::derive(move || state.with(|s| s.from))
            to=Signal::derive(move || state.with(|s| s.to))
            issue=Signal::derive(move || result.with(|r| r.date_issue))
            on_change=on_dates
        />
        <button
            type="button"
            class="filters__clear"
            disabled=move || state.with(ViewState::is_unfiltered)
            on:click=move |_| on_change.run(state.get_untracked().cleared())
        >
            {t.clear_all}
        </button>
    }
}
