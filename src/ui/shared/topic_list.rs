use leptos::prelude::*;

/// A labelled list of tags (topics or places). Renders nothing for an empty list.
#[component]
pub fn TopicList(
    /// The visible heading, e.g. "Topics".
    label: &'static str,
    /// The tags.
    items: Vec<String>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class="tag-list">
                <h2 class="tag-list__label">{label}</h2>
                <ul class="tag-list__items">
                    {items.into_iter().map(|item| view! { <li class="tag">{item}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
