use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::context::i18n::{t, I18n};
use crate::loader::source::DatasetUrl;
use crate::platform::navigator::copy_text;
use crate::platform::surface::absolute_url;
use pressline_core::embed::{iframe_snippet, script_snippet, EmbedRequest};

/// "Embed this view": a dialog with both ways to put the current filters on another page (a
/// script tag, or an iframe that sizes itself), each with a Copy button.
#[component]
pub fn EmbedDialog(
    /// The view's query string (filters, search, dates, sort), without `?`.
    #[prop(into)]
    query: Signal<String>,
    /// A title for the iframe (the dataset's).
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let language = I18n::current().language_untracked();
    let deploy_url = absolute_url("./");
    let src = use_context::<DatasetUrl>().map(|DatasetUrl(src)| absolute_url(&src));
    let snippets = Memo::new(move |_| {
        let query = query.get();
        let request = EmbedRequest {
            deploy_url: &deploy_url,
            query: &query,
            src: src.as_deref(),
            lang: language.tag(),
            title: &title,
        };
        (script_snippet(&request), iframe_snippet(&request))
    });
    let t = t();
    let message = RwSignal::new(String::new());
    let copy = move |done: &'static str, text: String| {
        spawn_local(async move {
            message.set(if copy_text(&text).await {
                done.to_owned()
            } else {
                t.snippet_copy_blocked.to_owned()
            });
        });
    };
    let open = move |_| {
        message.set(String::new());
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    view! {
        <button type="button" class="embed-open" aria-haspopup="dialog" on:click=open>
            {t.embed_this_view}
        </button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title">
            <h2 id="embed-dialog-title">{t.embed_this_view}</h2>
            <p>{t.embed_intro}</p>
            <label class="embed-dialog__label" for="embed-script">
                {t.embed_script_label}
            </label>
            <textarea id="embed-script" class="embed-dialog__snippet" data-embed-snippet="script" readonly rows="3"
                prop:value=move || snippets.with(|s| s.0.clone())></textarea>
            <button type="button" class="embed-dialog__copy" data-copy="script"
                on:click=move |_| copy(t.script_copied, snippets.with_untracked(|s| s.0.clone()))>
                {t.copy_script}
            </button>
            <label class="embed-dialog__label" for="embed-iframe">
                {t.embed_iframe_label}
            </label>
            <textarea id="embed-iframe" class="embed-dialog__snippet" data-embed-snippet="iframe" readonly rows="8"
                prop:value=move || snippets.with(|s| s.1.clone())></textarea>
            <button type="button" class="embed-dialog__copy" data-copy="iframe"
                on:click=move |_| copy(t.iframe_copied, snippets.with_untracked(|s| s.1.clone()))>
                {t.copy_iframe}
            </button>
            <p class="embed-dialog__message" aria-live="polite">{move || message.get()}</p>
            <button type="button" class="embed-dialog__close" on:click=close>
                {t.close}
            </button>
        </dialog>
    }
}
