use leptos::prelude::*;

use crate::ui::i18n::t;

use crate::ui::shared::PressContact;
use crate::ui::SiteData;

/// The footer: the press contact and the organization's own site, when the dataset gives them.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let t = t();
    let organization = data
        .site_untracked()
        .and_then(|site| site.dataset.organization.clone())
        .unwrap_or_default();
    let press = organization.press_email.clone().map(|email| {
        view! {
            <PressContact class="press-contact" label=t.members_of_the_press.to_owned() email=email />
        }
    });
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
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {press} {home} <p class="site-footer__credit">{t.published_with}</p>
            </div>
        </footer>
    }
}
