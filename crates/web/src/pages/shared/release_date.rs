use leptos::prelude::*;

use crate::context::i18n::I18n;

use pressline_core::ReleaseDate;

/// A release date as a `<time>` element: readable text, machine-readable `datetime`.
#[component]
pub fn ReleaseDateTime(
    /// The date to show.
    date: ReleaseDate,
) -> impl IntoView {
    let language = crate::context::i18n::I18n::current().language_untracked();
    // Its own language and direction, isolated from the card's: an Arabic date inside an
    // English card reads right to left ("10 نوفمبر 2022", not "10 2022 نوفمبر").
    view! {
        <time class="release-date" datetime=date.to_iso() lang=language.tag() dir=language.dir()>
            {I18n::current().long_date(&date)}
        </time>
    }
}
