use leptos::prelude::*;

use crate::core::ReleaseDate;

/// A release date as a `<time>` element: readable text, machine-readable `datetime`.
#[component]
pub fn ReleaseDateTime(
    /// The date to show.
    date: ReleaseDate,
) -> impl IntoView {
    view! {
        <time class="release-date" datetime=date.to_iso()>
            {date.to_long_english()}
        </time>
    }
}
