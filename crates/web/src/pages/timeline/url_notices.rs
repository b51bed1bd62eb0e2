use leptos::prelude::*;

use crate::context::i18n::t;

use pressline_core::view_state::UrlNotice;

/// Explains address parameters that were ignored, so a mangled link is not a silent mystery.
#[component]
pub fn UrlNotices(
    /// What was ignored and why.
    #[prop(into)]
    notices: Signal<Vec<UrlNotice>>,
) -> impl IntoView {
    let t = t();
    move || {
        let notices = notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="url-notices" role="note">
                    <p>{t.url_notices}</p>
                    <ul>
                        {notices
                            .into_iter()
                            .map(|notice| {
                                let message = notice.message(t);
                                view! { <li><code>{notice.param}</code> ": " {message}</li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
