use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::document::set_document_title;
use crate::ui::links::link_builder;

/// Shown for an address the app does not know.
#[component]
pub fn NotFoundView() -> impl IntoView {
    set_document_title("Page not found");
    let home = link_builder()("/", "");
    view! {
        <section class="not-found" data-not-found="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
            <p>
                <A href=home>"See all releases"</A>
            </p>
        </section>
    }
}
