use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::view_state::{Facet, ViewState};
use crate::ui::links::link_builder;

/// A labelled list of tags (topics or places), each a link to the timeline filtered by it.
/// Renders nothing for an empty list.
#[component]
pub fn TagLinks(
    /// The visible heading, e.g. "Topics".
    label: &'static str,
    /// Which facet the tags filter.
    facet: Facet,
    /// The tags.
    items: Vec<String>,
) -> impl IntoView {
    let href = link_builder();
    (!items.is_empty()).then(|| {
        view! {
            <div class="tag-list" data-tags=facet.param()>
                <h2 class="tag-list__label">{label}</h2>
                <ul class="tag-list__items">
                    {items
                        .into_iter()
                        .map(|item| {
                            let href = href("/", &ViewState::default().toggled(facet, &item).to_query());
                            view! {
                                <li class="tag">
                                    <A href=href>{item}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
