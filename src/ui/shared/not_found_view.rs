use leptos::prelude::*;

use crate::ui::document::set_document_title;
use crate::ui::shared::Link;

/// Shown for an address the app does not know.
#[component]
pub fn NotFoundView() -> impl IntoView {
    set_document_title("Page not found");
    view! {
        <section class="not-found" data-not-found="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
            <p>
                <Link path="/">"See all releases"</Link>
            </p>
        </section>
    }
}
