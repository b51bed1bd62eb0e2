use leptos::prelude::*;

use crate::ui::document::set_document_title;

/// Shown when a fetched dataset could not be loaded: the URL and the cause, and a Retry button.
#[component]
pub fn FetchErrorView(
    /// What went wrong, naming the URL.
    message: String,
    /// Called when the reader asks to try again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    set_document_title("The releases could not be loaded");
    view! {
        <main id="main" class="load-error" role="alert" data-load-error="fetch">
            <h1>"The releases could not be loaded"</h1>
            <p>{message}</p>
            <button type="button" class="load-error__retry" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </main>
    }
}
