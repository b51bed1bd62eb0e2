use leptos::prelude::*;

use crate::ui::i18n::t;

use crate::core::source::LoadFailure;
use crate::ui::document::set_document_title;

/// Shown when a fetched dataset could not be loaded: the URL and the cause, and a Retry button
/// when trying again could help.
#[component]
pub fn FetchErrorView(
    /// What went wrong.
    failure: LoadFailure,
    /// Called when the reader asks to try again.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let t = t();
    set_document_title(t.could_not_load);
    let retry = on_retry.filter(|_| failure.is_retryable()).map(|on_retry| {
        view! {
            <button type="button" class="load-error__retry" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        }
    });
    view! {
        // The page's main region, with the message itself announced as an alert.
        <main id="main" class="load-error" data-load-error=failure.kind()>
            <div role="alert">
                <h1>{t.could_not_load}</h1>
                <p>{failure.message(t)}</p>
            </div>
            {retry}
        </main>
    }
}
