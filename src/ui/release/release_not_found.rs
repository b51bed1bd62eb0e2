use leptos::html::Input;
use leptos::prelude::*;

use crate::core::view_state::ViewState;
use crate::ui::document::set_document_title;
use crate::ui::navigation::{Destination, Navigation};
use crate::ui::shared::Link;

/// Shown for `/releases/:id` when no release has that id: a search box and a way back.
#[component]
pub fn ReleaseNotFound(
    /// The id from the URL, shown back as text.
    id: String,
) -> impl IntoView {
    set_document_title("Release not found");
    let navigation = Navigation::current();
    let action = navigation.href("/", "");
    let input = NodeRef::<Input>::new();
    let search = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|input| input.value()).unwrap_or_default();
        let state = ViewState {
            query,
            ..ViewState::default()
        };
        navigation.go(Destination {
            path: "/".to_owned(),
            query: state.to_query(),
            replace: false,
            scroll: true,
        });
    };
    view! {
        <section class="not-found" data-not-found="release">
            <h1>"Release not found"</h1>
            <p>"No release has the id “" <code>{id}</code> "”. It may have been renamed or removed."</p>
            <form action=action method="get" role="search" on:submit=search>
                <label class="search-box__label" for="not-found-search">
                    "Search the releases"
                </label>
                <div class="not-found__search">
                    <input id="not-found-search" class="search-box__input" type="search" name="q" node_ref=input />
                    <button type="submit" class="not-found__submit">
                        "Search"
                    </button>
                </div>
            </form>
            <p>
                <Link path="/">"See all releases"</Link>
            </p>
        </section>
    }
}
