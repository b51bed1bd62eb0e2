use crate::context::i18n::t;
use leptos::html::Input;
use leptos::prelude::*;
use pressline_core::i18n::split_at_placeholder;

use crate::context::navigation::{Destination, Navigation};
use crate::pages::shared::{Heading, Link, NotFoundContacts};
use crate::platform::document::set_document_title;
use pressline_core::view_state::ViewState;

/// Shown for `/releases/:id` when no release has that id: a search box and a way back.
#[component]
pub fn ReleaseNotFound(
    /// The id from the URL, shown back as text.
    id: String,
) -> impl IntoView {
    let t = t();
    set_document_title(t.release_not_found);
    let (before_id, after_id) = split_at_placeholder(t.no_release_with_id, "id");
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
            <Heading class="page-title" focusable=true>{t.release_not_found}</Heading>
            <p>{before_id} <code>{id}</code> {after_id}</p>
            <form action=action method="get" role="search" on:submit=search>
                <label class="search-box__label" for="not-found-search">
                    {t.search_the_releases}
                </label>
                <div class="not-found__search">
                    <input id="not-found-search" class="search-box__input" type="search" name="q" node_ref=input />
                    <button type="submit" class="not-found__submit">
                        {t.search}
                    </button>
                </div>
            </form>
            <p>
                <Link path="/">{t.see_all_releases}</Link>
            </p>
            <NotFoundContacts />
        </section>
    }
}
