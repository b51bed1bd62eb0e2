use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::{ContactCard, Heading, PressContact};
use pressline_core::{Contact, Organization};

/// The press contacts as cards under a heading, or, for a dataset that names none, its press
/// address on one line; nothing when it has neither. The release page, the footer and the
/// not-found views show the same ones.
#[component]
pub fn PressContacts(
    /// The contacts (a release's own, else the dataset's).
    contacts: Vec<Contact>,
    /// The organization they speak for.
    organization: Organization,
    /// The section's class (placement differs between the pages).
    class: &'static str,
    /// The heading's rank below the page title.
    rank: u8,
    /// The heading's id (a page may show two lists: the release's and the footer's).
    id: &'static str,
) -> impl IntoView {
    let t = t();
    if contacts.is_empty() {
        let label = t.press_contact_label(organization.name.as_deref());
        return organization
            .press_email
            .map(|email| view! { <PressContact class=class label=label email=email /> })
            .into_any();
    }
    let cards = contacts
        .into_iter()
        .map(|contact| view! { <ContactCard contact=contact organization=organization.clone() /> })
        .collect_view();
    view! {
        <section class=class aria-labelledby=id>
            <Heading rank=rank class="contact-cards__title" id=id>{t.press_contacts}</Heading>
            <ul class="contact-cards" role="list">{cards}</ul>
        </section>
    }
    .into_any()
}
