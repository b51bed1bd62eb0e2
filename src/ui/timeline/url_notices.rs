use leptos::prelude::*;

use crate::core::view_state::UrlNotice;

/// Explains address parameters that were ignored, so a mangled link is not a silent mystery.
#[component]
pub fn UrlNotices(
    /// What was ignored and why.
    #[prop(into)]
    notices: Signal<Vec<UrlNotice>>,
) -> impl IntoView {
    move || {
        let notices = notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="url-notices" role="note">
                    <p>"Part of this address was not understood and is ignored:"</p>
                    <ul>
                        {notices
                            .into_iter()
                            .map(|notice| view! { <li><code>{notice.param}</code> ": " {notice.message}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
