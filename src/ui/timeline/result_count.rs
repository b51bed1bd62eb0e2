use leptos::prelude::*;

use crate::core::timeline::count_in_words;

/// The live count of releases shown: `data-count` for machines, words for people.
#[component]
pub fn ResultCount(
    /// How many releases are shown.
    count: usize,
) -> impl IntoView {
    view! {
        <p class="result-count" role="status" data-count=count>
            {count_in_words(count)}
        </p>
    }
}
