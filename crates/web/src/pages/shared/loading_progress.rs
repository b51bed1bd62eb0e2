use leptos::prelude::*;

use crate::context::i18n::{t, I18n};
use pressline_core::i18n::fill;
use pressline_core::source::megabytes_tenths;
use pressline_core::source::Progress;

/// How far loading a dataset has got, for [`super::LoadingView`]: bytes received (of the total
/// when known), then releases checked and indexed (useful on slow networks and big archives).
#[component]
pub fn LoadingProgress(
    /// The loading's progress.
    #[prop(into)]
    progress: Signal<Progress>,
) -> impl IntoView {
    let t = t();
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
        <span class="loading__bytes" data-stage=move || stage(progress.get())>{received}</span>
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
