use leptos::prelude::*;

use crate::core::FormatError;
use crate::ui::document::set_document_title;

/// Shown instead of the timeline when the dataset cannot be read at all: says why and where.
#[component]
pub fn LoadErrorView(
    /// What went wrong, with line and column.
    error: FormatError,
) -> impl IntoView {
    set_document_title("The releases could not be loaded");
    view! {
        <section class="load-error" role="alert">
            <h1>"The releases could not be loaded"</h1>
            <p>{error.to_string()}</p>
        </section>
    }
}
