use leptos::prelude::*;

use crate::ui::i18n::t;

/// A photo credit line. The seed publishes credits without their pictures, so it stands alone.
#[component]
pub fn PhotoCredit(
    /// The credit as the dataset gives it.
    credit: String,
) -> impl IntoView {
    view! {
        <p class="photo-credit">
            <span class="photo-credit__label">{t().photo}</span>
            {credit}
        </p>
    }
}
