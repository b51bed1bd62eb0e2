use std::time::Duration;

use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::timeline::count_in_words;

/// How long the count must stay the same before it is announced.
const ANNOUNCE_AFTER_MS: u64 = 600;

/// The count of releases shown: `data-count` for machines, words for people. Screen readers hear
/// the new count through a status region once the reader pauses, not at every keystroke.
#[component]
pub fn ResultCount(
    /// How many releases match.
    #[prop(into)]
    count: Signal<usize>,
    /// How many releases the dataset has.
    #[prop(into)]
    total: Signal<usize>,
) -> impl IntoView {
    let i18n = I18n::current();
    let words = move || {
        count_in_words(i18n.language_untracked(), count.get(), total.get(), &|n| {
            i18n.number(n)
        })
    };
    let announced = RwSignal::new(untrack(words));
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        let text = words();
        if previous.is_none() {
            return; // The first count is part of the page, not news.
        }
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(
            move || announced.set(text),
            Duration::from_millis(ANNOUNCE_AFTER_MS),
        );
        timer.set_value(handle.ok());
    });
    view! {
        <p class="result-count" data-count=move || count.get()>
            {words}
        </p>
        <p class="visually-hidden" role="status" data-announced="">
            {move || announced.get()}
        </p>
    }
}
