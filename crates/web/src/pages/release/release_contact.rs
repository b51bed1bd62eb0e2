use leptos::prelude::*;

use crate::pages::shared::PressContacts;
use pressline_core::{Contact, Organization};

/// Whom the press can ask about the release: its own contacts, else the dataset's, as cards
/// (see [`PressContacts`]); the organization's press address when there are none.
#[component]
pub fn ReleaseContact(
    /// The contacts for this release ([`pressline_core::Dataset::contacts_for`]).
    contacts: Vec<Contact>,
    /// The organization that published the release.
    organization: Organization,
) -> impl IntoView {
    view! {
        <PressContacts
            contacts=contacts
            organization=organization
            class="release__contact"
            rank=1
            id="release-contacts-title"
        />
    }
}
