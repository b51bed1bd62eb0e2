use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::document::set_document_title;

/// Shown for `/releases/:id` when no release has that id.
#[component]
pub fn ReleaseNotFound(
    /// The id from the URL, shown back as text.
    id: String,
) -> impl IntoView {
    set_document_title("Release not found");
    view! {
        <section class="not-found" data-not-found="release">
            <h1>"Release not found"</h1>
            <p>"No release has the id “" <code>{id}</code> "”. It may have been renamed or removed."</p>
            <p>
                <A href="/">"See all releases"</A>
            </p>
        </section>
    }
}
