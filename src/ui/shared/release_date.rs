use leptos::prelude::*;

use crate::ui::i18n::I18n;

use crate::core::ReleaseDate;

/// A release date as a `<time>` element: readable text, machine-readable `datetime`.
#[component]
pub fn ReleaseDateTime(
    /// The date to show.
    date: ReleaseDate,
) -> impl IntoView {
    view! {
        <time class="release-date" datetime=date.to_iso()>
            {I18n::current().long_date(&date)}
        </time>
    }
}
