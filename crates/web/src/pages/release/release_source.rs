use leptos::prelude::*;

use crate::context::i18n::t;
use pressline_core::SafeUrl;

/// The link to where the release was first published; nothing when it has no address.
#[component]
pub fn ReleaseSource(
    /// The release's original address.
    url: Option<SafeUrl>,
) -> impl IntoView {
    let t = t();
    url.map(|url| {
        view! {
            <p class="release__source">
                <a href=url.to_string() rel="noopener">
                    {t.read_original}
                </a>
            </p>
        }
    })
}
