use leptos::prelude::*;

use crate::context::i18n::t;
use crate::context::site_data::SiteData;
use crate::pages::shared::{LanguageSwitcher, Link};

/// The masthead: the organization's name, linking home to the timeline.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let name = data
        .organization_name()
        .unwrap_or_else(|| "Pressline".to_owned());
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <Link path="/" attr:class="site-header__name">
                    {name}
                </Link>
                <span class="site-header__section">{t().newsroom}</span>
                <LanguageSwitcher />
            </div>
        </header>
    }
}
