use leptos::prelude::*;

use crate::context::i18n::t;

use crate::pages::shared::{Heading, Link};
use crate::platform::document::set_document_title;

/// Shown for an address the app does not know. (The footer below it names the press
/// contacts; a release's not-found view, in its lazily loaded part, shows their cards.)
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
