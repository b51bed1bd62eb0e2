use leptos::prelude::*;

/// The release's kind ("Press Release", "Report"...) as a small label above its title.
#[component]
pub fn KindLabel(
    /// The kind, exactly as the dataset gives it.
    kind: String,
) -> impl IntoView {
    view! { <p class="kind-label">{kind}</p> }
}
