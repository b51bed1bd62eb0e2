use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ui::SiteData;

use super::{ReleaseNotFound, ReleaseView};

/// The route: reads `:id` from the URL and shows that release, or a not-found view.
#[component]
pub fn ReleasePage() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let release = data
            .site()
            .and_then(|site| site.dataset.release(&id).cloned());
        match release {
            Some(release) => view! { <ReleaseView release=release /> }.into_any(),
            None => view! { <ReleaseNotFound id=id /> }.into_any(),
        }
    }
}
