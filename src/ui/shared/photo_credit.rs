use leptos::prelude::*;

use crate::ui::i18n::t;

/// A photo credit line. The seed publishes credits without their pictures, so it stands alone.
#[component]
pub fn PhotoCredit(
    /// The credit as the dataset gives it.
    credit: String,
) -> impl IntoView {
    let ui_lang = crate::ui::i18n::I18n::current().language_untracked().tag();
    view! {
        <p class="photo-credit">
            <span class="photo-credit__label" lang=ui_lang>{t().photo}</span>
            {credit}
        </p>
    }
}
