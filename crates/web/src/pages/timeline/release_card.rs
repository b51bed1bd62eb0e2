use leptos::prelude::*;

use crate::context::site_data::SiteData;
use crate::pages::shared::{
    Fetch, Heading, HighlightedText, KindLabel, Link, PeopleQuoted, PhotoCredit, Picture,
    ReleaseDateTime,
};
use pressline_core::picture::CARD_SIZES;
use pressline_core::quote::holds_quotation;
use pressline_core::route::release_path;
use pressline_core::search::SearchQuery;
use pressline_core::Release;

/// About the characters of the three summary lines a card shows on a 320 px phone: a search
/// match past them shows its sentence instead of the opening (see [`excerpt`]).
const SUMMARY_LEAD: usize = 100;

/// One release in the timeline: kind, date, linked title, picture, summary, people quoted, photo
/// credit.
/// Search matches are marked in the title and summary; the summary is clamped to a few lines
/// (the whole text is on the release page), and a match beyond them shows in its sentence.
#[component]
pub fn ReleaseCard(
    /// The release to show.
    release: Release,
    /// The active search, for highlighting: the card follows it in place.
    #[prop(into, optional)]
    query: Signal<SearchQuery>,
    /// The timeline's query string, carried to the release page for its previous/next links
    /// and its way back.
    #[prop(into, optional)]
    link_query: Signal<String>,
    /// When to fetch its picture: at once for a card on the first screen.
    #[prop(default = Fetch::Lazily)]
    fetch: Fetch,
) -> impl IntoView {
    let path = release_path(&release.id);
    let beside_picture = release
        .image
        .as_ref()
        .is_some_and(|image| image.src.is_some());
    let credit = release
        .image
        .as_ref()
        .and_then(|image| image.credit.clone());
    let picture = release.image.filter(|image| image.src.is_some()).map(|image| {
        view! { <Picture image=image sizes=CARD_SIZES class="release-card__image" fetch=fetch /> }
    });
    // The release's own language, else the dataset's: screen readers pronounce it right, and
    // its direction follows its text, not the UI's.
    let lang = release
        .lang
        .or_else(|| use_context::<SiteData>().and_then(|data| data.content_language()));
    let quotation = release.summary.as_deref().is_some_and(holds_quotation);
    view! {
        <article class="release-card" data-release-id=release.id lang=lang dir="auto">
            <header class="release-card__meta">
                <KindLabel kind=release.kind />
                <ReleaseDateTime date=release.date />
            </header>
            <Heading rank=3 class="release-card__title">
                <Link path=path query=link_query>
                    <HighlightedText text=release.title query=query />
                </Link>
            </Heading>
            {picture}
            {release
                .summary
                .map(|summary| view! {
                    <p class="release-card__summary">
                        <HighlightedText text=summary query=query lead=SUMMARY_LEAD />
                    </p>
                })}
            <PeopleQuoted people=release.people quotation=quotation />
            {credit.map(|credit| view! { <PhotoCredit credit=credit beside_picture=beside_picture /> })}
        </article>
    }
}
