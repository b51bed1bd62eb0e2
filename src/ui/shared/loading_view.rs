use leptos::prelude::*;

/// Shown while a fetched dataset loads: a skeleton of the timeline and what is being loaded.
#[component]
pub fn LoadingView(
    /// The dataset's URL.
    url: String,
) -> impl IntoView {
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p class="loading__message" role="status">
                "Loading releases from " <code>{url}</code> "…"
            </p>
            <div class="loading__skeleton" aria-hidden="true">
                <div class="skeleton skeleton--title"></div>
                <div class="skeleton"></div>
                <div class="skeleton"></div>
                <div class="skeleton skeleton--short"></div>
            </div>
        </main>
    }
}
