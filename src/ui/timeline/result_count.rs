use leptos::prelude::*;

use crate::core::timeline::count_of_total_in_words;

/// The live count of releases shown: `data-count` for machines, words for people. It is the
/// page's status region, so screen readers hear the new count after each change.
#[component]
pub fn ResultCount(
    /// How many releases match.
    #[prop(into)]
    count: Signal<usize>,
    /// How many releases the dataset has.
    #[prop(into)]
    total: Signal<usize>,
) -> impl IntoView {
    view! {
        <p class="result-count" role="status" data-count=move || count.get()>
            {move || count_of_total_in_words(count.get(), total.get())}
        </p>
    }
}
