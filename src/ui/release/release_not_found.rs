use leptos::prelude::*;
use leptos_router::components::{Form, A};

use crate::ui::document::set_document_title;

/// Shown for `/releases/:id` when no release has that id: a search box and a way back.
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
            <Form action="/" method="get">
                <label class="search-box__label" for="not-found-search">
                    "Search the releases"
                </label>
                <div class="not-found__search">
                    <input id="not-found-search" class="search-box__input" type="search" name="q" />
                    <button type="submit" class="not-found__submit">
                        "Search"
                    </button>
                </div>
            </Form>
            <p>
                <A href="/">"See all releases"</A>
            </p>
        </section>
    }
}
