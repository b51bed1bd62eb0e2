use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::view_state::ViewState;
use crate::ui::links::link_builder;

/// Shown when nothing matches: says which filters to loosen, each a link that removes it.
#[component]
pub fn EmptyState(
    /// The view that matched nothing.
    state: ViewState,
) -> impl IntoView {
    let options = state.loosenings();
    let href = link_builder();
    let clear_all = href("/", &state.cleared().to_query());
    view! {
        <section class="empty-state" data-empty-state="">
            <h2>"No releases match"</h2>
            <p>"Try loosening a filter:"</p>
            <ul class="empty-state__options">
                {options
                    .into_iter()
                    .map(|option| {
                        let href = href("/", &option.state.to_query());
                        view! {
                            <li>
                                <A href=href>{option.label}</A>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <A href=clear_all>"Clear all filters"</A>
                </li>
            </ul>
        </section>
    }
}
