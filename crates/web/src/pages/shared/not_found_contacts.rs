use leptos::prelude::*;

use crate::context::site_data::SiteData;
use crate::pages::shared::PressContacts;

/// The dataset's press contacts, for a reader whose link led nowhere: they can still ask.
#[component]
pub fn NotFoundContacts() -> impl IntoView {
    let site = use_context::<SiteData>().and_then(|data| data.site_untracked());
    site.map(|site| {
        let dataset = &site.dataset;
        view! {
            <PressContacts
                contacts=dataset.contacts.clone()
                organization=dataset.organization.clone().unwrap_or_default()
                class="not-found__contacts"
                rank=1
                id="not-found-contacts-title"
            />
        }
    })
}
