use leptos::prelude::*;

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
    let received = move || {
        let (bytes, total) = progress.get();
        let mb = |b: u64| format!("{} MB", megabytes_tenths(b));
        match (bytes, total) {
            (0, _) => String::new(),
            (bytes, Some(total)) => format!(" {} of {} received.", mb(bytes), mb(total)),
            (bytes, None) => format!(" {} received.", mb(bytes)),
        }
    };
    view! {
        <main id="main" class="loading" aria-busy="true" data-loading="">
            <p class="loading__message" role="status">
                "Loading releases from " <code>{url}</code> "…" <span class="loading__bytes">{received}</span>
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
