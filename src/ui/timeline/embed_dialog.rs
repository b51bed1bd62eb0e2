use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::embed::{iframe_snippet, script_snippet, EmbedRequest};
use crate::ui::navigation::absolute_url;
use crate::ui::navigator::copy_text;
use crate::ui::root::DatasetUrl;

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
    let deploy_url = absolute_url("./");
    let src = use_context::<DatasetUrl>().map(|DatasetUrl(src)| absolute_url(&src));
    let snippets = Memo::new(move |_| {
        let query = query.get();
        let request = EmbedRequest {
            deploy_url: &deploy_url,
            query: &query,
            src: src.as_deref(),
            lang: "en",
            title: &title,
        };
        (script_snippet(&request), iframe_snippet(&request))
    });
    let message = RwSignal::new(String::new());
    let copy = move |which: &'static str, text: String| {
        spawn_local(async move {
            message.set(if copy_text(&text).await {
                format!("The {which} snippet is copied.")
            } else {
                "Copying was blocked: select the snippet and copy it yourself.".to_owned()
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
            "Embed this view"
        </button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title">
            <h2 id="embed-dialog-title">"Embed this view"</h2>
            <p>
                "Put these releases, with the current filters, on another page. Paste one of the snippets into its HTML."
            </p>
            <label class="embed-dialog__label" for="embed-script">
                "Script tag: inherits nothing from your page and adapts to its width"
            </label>
            <textarea id="embed-script" class="embed-dialog__snippet" data-embed-snippet="script" readonly rows="3"
                prop:value=move || snippets.with(|s| s.0.clone())></textarea>
            <button type="button" class="embed-dialog__copy" data-copy="script"
                on:click=move |_| copy("script tag", snippets.with_untracked(|s| s.0.clone()))>
                "Copy script tag"
            </button>
            <label class="embed-dialog__label" for="embed-iframe">
                "Iframe: fully isolated; the script lets it grow to fit its content"
            </label>
            <textarea id="embed-iframe" class="embed-dialog__snippet" data-embed-snippet="iframe" readonly rows="8"
                prop:value=move || snippets.with(|s| s.1.clone())></textarea>
            <button type="button" class="embed-dialog__copy" data-copy="iframe"
                on:click=move |_| copy("iframe", snippets.with_untracked(|s| s.1.clone()))>
                "Copy iframe"
            </button>
            <p class="embed-dialog__message" aria-live="polite">{move || message.get()}</p>
            <button type="button" class="embed-dialog__close" on:click=close>
                "Close"
            </button>
        </dialog>
    }
}
