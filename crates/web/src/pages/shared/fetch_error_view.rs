use leptos::prelude::*;

use super::Heading;

use crate::context::i18n::t;

use crate::platform::document::set_document_title;

/// Shown when a dataset could not be loaded: the message (naming the URL and the cause), and a
/// Retry button when trying again could help. The caller words the message (see
/// `LoadFailure::message`), so that the first load carries no more than the failures it can have.
#[component]
pub fn FetchErrorView(
    /// The failure's kind (`LoadFailure::kind`), for styling and tests (`data-load-error`).
    kind: &'static str,
    /// What went wrong, for the reader.
    message: String,
    /// Called when the reader asks to try again (no Retry button without it).
    #[prop(optional_no_strip)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let t = t();
    set_document_title(t.could_not_load);
    let retry = on_retry.map(|on_retry| {
        view! {
            <button type="button" class="load-error__retry" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        }
    });
    view! {
        // The page's main region, with the message itself announced as an alert.
        <main id="main" class="load-error" data-load-error=kind>
            <div role="alert">
                <Heading class="page-title">{t.could_not_load}</Heading>
                <p>{message}</p>
            </div>
            {retry}
        </main>
    }
}
