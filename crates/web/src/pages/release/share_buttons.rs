use leptos::prelude::*;

use crate::context::i18n::t;
use leptos::task::spawn_local;
use pressline_core::i18n::fill;

use crate::platform::navigator::{call_navigator, copy_text, navigator_has};

/// "Copy link" (with a confirmation read out to screen readers), and "Share…" through the Web
/// Share API where the browser has it.
#[component]
pub fn ShareButtons(
    /// The address to share (the release's own, without timeline filters).
    url: String,
    /// The release title, for the share sheet.
    title: String,
) -> impl IntoView {
    let t = t();
    let message = RwSignal::new(String::new());
    let copy_url = url.clone();
    let copy = move |_| {
        let url = copy_url.clone();
        spawn_local(async move {
            let copied = copy_text(&url).await;
            message.set(if copied {
                t.link_copied.to_owned()
            } else {
                fill(t.link_copy_blocked, &[("url", &url)])
            });
        });
    };
    // Asked once the app runs: a prerendered page cannot know the browser, and has no script.
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(navigator_has("share")));
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.clone().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
        spawn_local(async move {
            // A dismissed share sheet is not an error worth reporting.
            let _ = call_navigator("", "share", &[data.into()]).await;
        });
    };
    view! {
        <div class="share">
            <button type="button" class="share__button" data-share="copy" on:click=copy>
                {t.copy_link}
            </button>
            {move || can_share
                .get()
                .then(|| {
                    let share = share.clone();
                    view! {
                        <button type="button" class="share__button" data-share="native" on:click=share>
                            {t.share}
                        </button>
                    }
                })}
            <span class="share__message" role="status" aria-live="polite">
                {move || message.get()}
            </span>
        </div>
    }
}
