use leptos::prelude::*;

use crate::core::i18n::{fill, split_at_placeholder};
use crate::ui::i18n::t;

use crate::core::source::megabytes_tenths;

use crate::ui::root::Progress;

/// Shown while a fetched dataset loads: a skeleton of the timeline, what is being loaded, and
/// how much has arrived (useful on slow networks and big archives).
#[component]
pub fn LoadingView(
    /// The dataset's URL.
    url: String,
    /// Bytes received, and the total if known.
    #[prop(into)]
    progress: Signal<Progress>,
) -> impl IntoView {
    let t = t();
    let (before, after) = split_at_placeholder(t.loading_from, "url");
    let received = move || {
        let (bytes, total) = progress.get();
        let mb = |b: u64| fill(t.megabytes, &[("size", &megabytes_tenths(b))]);
        match (bytes, total) {
            (0, _) => String::new(),
            (bytes, Some(total)) => fill(
                t.received_of,
                &[("received", &mb(bytes)), ("total", &mb(total))],
            ),
            (bytes, None) => fill(t.received, &[("received", &mb(bytes))]),
        }
    };
    view! {
        <main id="main" class="loading" aria-busy="true" data-loading="">
            <p class="loading__message" role="status">
                {before} <code>{url}</code> {after} <span class="loading__bytes">{received}</span>
            </p>
            <div class="loading__skeleton" aria-hidden="true">
                <div class="skeleton skeleton--title"></div>
                <div class="skeleton"></div>
                <div class="skeleton"></div>
                <div class="skeleton skeleton--short"></div>
            </div>
        </main>
    }
}
