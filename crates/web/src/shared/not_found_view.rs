use leptos::prelude::*;

use crate::i18n::t;

use crate::document::set_document_title;
use crate::shared::{Heading, Link};

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
        </section>
    }
}
