use leptos::prelude::*;

use crate::pages::shared::{Heading, KindLabel, ReleaseDateTime};
use pressline_core::ReleaseDate;

/// A release's kind, title and date. The title is the page's heading, which receives the focus
/// on arrival (see [`ReleaseView`](super::ReleaseView)).
#[component]
pub fn ReleaseHeader(
    /// The release's kind, as the dataset gives it.
    kind: String,
    /// The release's title.
    title: String,
    /// The release's date.
    date: ReleaseDate,
) -> impl IntoView {
    view! {
        <header class="release__header">
            <KindLabel kind=kind />
            <Heading class="release__title" focusable=true>
                {title}
            </Heading>
            <ReleaseDateTime date=date />
        </header>
    }
}
