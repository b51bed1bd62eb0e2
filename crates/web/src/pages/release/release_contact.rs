use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::PressContact;
use pressline_core::Organization;

/// The publishing organization's press contact, under the release; nothing when the dataset
/// names no press address.
#[component]
pub fn ReleaseContact(
    /// The organization that published the release.
    organization: Organization,
) -> impl IntoView {
    let t = t();
    organization.press_email.map(|email| {
        let label = t.press_contact_label(organization.name.as_deref());
        view! { <PressContact class="release__contact" label=label email=email /> }
    })
}
