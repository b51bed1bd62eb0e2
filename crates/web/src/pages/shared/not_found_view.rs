use leptos::prelude::*;

use crate::context::i18n::t;

use crate::pages::shared::{Heading, Link, NotFoundContacts};
use crate::platform::document::set_document_title;

/// Shown for an address the app does not know.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let t = t();
    set_document_title(t.page_not_found);
    view! {
        <section class="not-found" data-not-found="page">
            <Heading class="page-title" focusable=true>{t.page_not_found}</Heading>
            <p>{t.nothing_here}</p>
            <p>
                <Link path="/">{t.see_all_releases}</Link>
            </p>
            <NotFoundContacts />
        </section>
    }
}
