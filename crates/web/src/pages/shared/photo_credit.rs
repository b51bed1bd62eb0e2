use leptos::prelude::*;

use crate::context::i18n::t;

/// A photo credit line. Beside its picture it says "Photo:"; alone (the seed publishes credits
/// without their pictures, and cards show none) it says the picture is not shown.
#[component]
pub fn PhotoCredit(
    /// The credit as the dataset gives it (without a label of its own, see
    /// [`Image::credit_without_label`](pressline_core::Image::credit_without_label)).
    credit: String,
    /// True when the picture is on the page, next to the credit.
    #[prop(optional)]
    beside_picture: bool,
) -> impl IntoView {
    let language = crate::context::i18n::I18n::current().language_untracked();
    let t = t();
    let label = if beside_picture {
        t.photo
    } else {
        t.photo_not_shown
    };
    view! {
        <p class="photo-credit">
            <span class="photo-credit__label" lang=language.tag() dir=language.dir()>{label}</span>
            {credit}
        </p>
    }
}
