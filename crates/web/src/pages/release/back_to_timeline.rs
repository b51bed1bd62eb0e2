use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::Link;

/// The way back to the timeline the reader came from, above the release.
#[component]
pub fn BackToTimeline(
    /// The timeline's query string to go back to.
    query: String,
    /// True when that timeline is filtered.
    filtered: bool,
) -> impl IntoView {
    let t = t();
    let label = if filtered {
        t.back_to_filtered
    } else {
        t.all_releases
    };
    view! {
        <p class="release__back">
            <Link path="/" query=query attr:data-back="">{label}</Link>
        </p>
    }
}
