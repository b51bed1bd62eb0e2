use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::Release;
use crate::ui::shared::{KindLabel, PeopleQuoted, PhotoCredit, ReleaseDateTime};

/// One release in the timeline: kind, date, linked title, summary, people quoted, photo credit.
#[component]
pub fn ReleaseCard(
    /// The release to show.
    release: Release,
) -> impl IntoView {
    let href = format!("/releases/{}", release.id);
    let credit = release.image.and_then(|image| image.credit);
    view! {
        <article class="release-card" data-release-id=release.id lang=release.lang>
            <header class="release-card__meta">
                <KindLabel kind=release.kind />
                <ReleaseDateTime date=release.date />
            </header>
            <h3 class="release-card__title">
                <A href=href>{release.title}</A>
            </h3>
            {release.summary.map(|summary| view! { <p class="release-card__summary">{summary}</p> })}
            <PeopleQuoted people=release.people />
            {credit.map(|credit| view! { <PhotoCredit credit=credit /> })}
        </article>
    }
}
