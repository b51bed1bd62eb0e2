use leptos::prelude::*;

use crate::pages::shared::{Heading, Link};
use pressline_core::view_state::{Facet, ViewState};

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
    (!items.is_empty()).then(|| {
        view! {
            <div class="tag-list" data-tags=facet.param()>
                <Heading rank=1 class="tag-list__label">{label}</Heading>
                <ul class="tag-list__items">
                    {items
                        .into_iter()
                        .map(|item| {
                            let query = ViewState::default().toggled(facet, &item).to_query();
                            view! {
                                <li class="tag">
                                    // Isolated: a tag in another script keeps its own order.
                                    <Link path="/" query=query><bdi>{item}</bdi></Link>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
