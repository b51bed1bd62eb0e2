use leptos::prelude::*;

use crate::context::i18n::t;

use crate::context::site_data::SiteData;
use crate::pages::shared::PressContact;
use pressline_core::contact_line::{contacts_line, Segment};
use pressline_core::Organization;

/// The deploy's feeds (absolute addresses), when it has them: a deploy whose address is known
/// (`BASE_URL`) publishes an Atom feed and a JSON Feed and names them in every page's head, where
/// the browser reads them back (see `ui::mount`) to render the footer as prerendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLinks {
    /// The Atom feed's address.
    pub atom: String,
    /// The JSON Feed's address.
    pub json: String,
}

/// The footer: the press contact and the organization's own site, when the dataset gives them,
/// and the deploy's feeds.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let t = t();
    let organization = data
        .site_untracked()
        .and_then(|site| site.dataset.organization.clone())
        .unwrap_or_default();
    let press = footer_contacts(&data, &organization, t.members_of_the_press);
    let home = organization.url.map(|url| {
        let label = organization.name.clone().unwrap_or_else(|| url.to_string());
        view! {
            <p>
                <a href=url.to_string() rel="noopener">
                    {label}
                </a>
            </p>
        }
    });
    let feeds = use_context::<FeedLinks>().map(|feeds| {
        view! {
            <p class="site-footer__feeds">
                {t.follow}
                <a href=feeds.atom type="application/atom+xml">{t.atom_feed}</a>
                " · "
                <a href=feeds.json type="application/feed+json">{t.json_feed}</a>
            </p>
        }
    });
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {press} {home} {feeds} <p class="site-footer__credit">{t.published_with}</p>
            </div>
        </footer>
    }
}

/// The dataset's press contacts on one line after `label` ("Members of the press: Olena
/// Kovalenko, olena@…, +380 …"), each address a link when it checks out; the organization's
/// press address alone when the dataset names no contacts.
fn footer_contacts(data: &SiteData, organization: &Organization, label: &str) -> AnyView {
    let site = data.site_untracked();
    let contacts = site.as_ref().map_or(&[][..], |site| &site.dataset.contacts);
    if contacts.is_empty() {
        return organization
            .press_email
            .clone()
            .map(|email| view! { <PressContact class="press-contact" label=label.to_owned() email=email /> })
            .into_any();
    }
    let segments = contacts_line(contacts)
        .into_iter()
        .map(|segment| match segment {
            Segment::Name(name) => view! { <bdi>{name}</bdi> }.into_any(),
            Segment::Text(text) => text.into_any(),
            Segment::Link { href, text } => {
                view! { <a href=href.to_string()>{text}</a> }.into_any()
            }
        })
        .collect_view();
    view! { <p class="press-contact">{label.to_owned()} {segments}</p> }.into_any()
}
