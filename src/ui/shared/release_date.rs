use leptos::prelude::*;

use crate::ui::i18n::I18n;

use crate::core::ReleaseDate;

/// A release date as a `<time>` element: readable text, machine-readable `datetime`.
#[component]
pub fn ReleaseDateTime(
    /// The date to show.
    date: ReleaseDate,
) -> impl IntoView {
    let ui_lang = crate::ui::i18n::I18n::current().language_untracked().tag();
    view! {
        <time class="release-date" datetime=date.to_iso() lang=ui_lang>
            {I18n::current().long_date(&date)}
        </time>
    }
}
