use leptos::prelude::*;

/// A photo credit line. The seed publishes credits without their pictures, so it stands alone.
#[component]
pub fn PhotoCredit(
    /// The credit as the dataset gives it.
    credit: String,
) -> impl IntoView {
    view! {
        <p class="photo-credit">
            <span class="photo-credit__label">"Photo: "</span>
            {credit}
        </p>
    }
}
