use leptos::prelude::*;

use crate::context::i18n::t;
use crate::platform::document::offer_download;
use pressline_core::translation::language_name;
use pressline_core::vcard::{vcard, vcard_file_name, VCARD_MEDIA_TYPE};
use pressline_core::{Contact, Organization, SafeUrl};

/// One press contact: name, role, e-mail and telephone as links, the languages they answer in,
/// and their card for an address book (a vCard written by the core when the reader asks). The
/// addresses are links only when they check out as `mailto:`/`tel:` ones.
#[component]
pub fn ContactCard(
    /// The contact.
    contact: Contact,
    /// The organization they speak for, put in the vCard.
    organization: Organization,
) -> impl IntoView {
    let t = t();
    let email = contact.email.clone().and_then(|email| {
        let link = SafeUrl::mailto(&email)?;
        Some(view! { <p><a class="contact-card__email" href=link.to_string()>{email}</a></p> })
    });
    let phone = contact.phone.clone().and_then(|phone| {
        let link = SafeUrl::tel(&phone)?;
        Some(view! { <p><a class="contact-card__phone" href=link.to_string()>{phone}</a></p> })
    });
    let languages = (!contact.languages.is_empty()).then(|| {
        let names = contact
            .languages
            .iter()
            .map(|tag| view! { <span lang=tag.clone() dir="auto">{language_name(tag).to_owned()}</span> })
            .enumerate()
            .map(|(n, name)| view! { {(n > 0).then_some(", ")} {name} })
            .collect_view();
        view! { <p class="contact-card__languages">{t.contact_languages} {names}</p> }
    });
    let role = contact
        .role
        .clone()
        .map(|role| view! { <p class="contact-card__role">{role}</p> });
    let name = contact.name.clone();
    let save = move |_| {
        offer_download(
            &vcard_file_name(&contact),
            VCARD_MEDIA_TYPE,
            &vcard(&contact, Some(&organization)),
        );
    };
    view! {
        <li class="contact-card">
            <p class="contact-card__name" dir="auto">{name}</p>
            {role}
            {email}
            {phone}
            {languages}
            <button type="button" class="contact-card__save" data-vcard="" on:click=save>
                {t.save_contact}
            </button>
        </li>
    }
}
