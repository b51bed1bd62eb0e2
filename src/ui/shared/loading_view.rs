use leptos::prelude::*;

use crate::core::i18n::{fill, split_at_placeholder};
use crate::ui::i18n::{t, I18n};

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
    let i18n = I18n::current();
    let received = move || {
        let mb = |b: u64| fill(t.megabytes, &[("size", &megabytes_tenths(b))]);
        let of = |message, done: usize, total: usize| {
            fill(
                message,
                &[
                    ("done", &i18n.number(done as u64)),
                    ("total", &i18n.number(total as u64)),
                ],
            )
        };
        match progress.get() {
            Progress::Receiving(0, _) => String::new(),
            Progress::Receiving(bytes, Some(total)) => fill(
                t.received_of,
                &[("received", &mb(bytes)), ("total", &mb(total))],
            ),
            Progress::Receiving(bytes, None) => fill(t.received, &[("received", &mb(bytes))]),
            Progress::Checking(done, total) => of(t.checking_releases, done, total),
            Progress::Indexing(done, total) => of(t.indexing_releases, done, total),
        }
    };
    view! {
        <main id="main" class="loading" aria-busy="true" data-loading="">
            <p class="loading__message" role="status">
                {before} <code>{url}</code> {after} <span class="loading__bytes" data-stage=move || stage(progress.get())>{received}</span>
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

/// The loading stage's name, for styling and tests (`data-stage`).
fn stage(progress: Progress) -> &'static str {
    match progress {
        Progress::Receiving(..) => "receiving",
        Progress::Checking(..) => "checking",
        Progress::Indexing(..) => "indexing",
    }
}
