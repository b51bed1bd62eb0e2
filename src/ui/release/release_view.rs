use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::Release;
use crate::ui::document::set_document_title;
use crate::ui::shared::{KindLabel, PeopleQuoted, PhotoCredit, ReleaseDateTime, TopicList};
use crate::ui::SiteData;

/// A whole release: title, kind, date, people, picture or credit, summary, body, tags, source.
#[component]
pub fn ReleaseView(
    /// The release to show.
    release: Release,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let organization = data.organization_name();
    set_document_title(&match &organization {
        Some(name) => format!("{} — {name}", release.title),
        None => release.title.clone(),
    });
    let image = release.image.clone();
    let picture = image.as_ref().and_then(|image| {
        let src = image.src.as_ref()?.to_string();
        let alt = image.alt.clone().unwrap_or_default();
        Some(view! { <img class="release__image" src=src alt=alt loading="lazy" /> })
    });
    let credit = image.and_then(|image| image.credit);
    // Markdown rendering comes with the full release page; until then paragraphs stay plain text.
    let body = release.body.map(|body| {
        view! {
            <div class="release__body">
                {body
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|paragraph| !paragraph.is_empty())
                    .map(|paragraph| view! { <p>{paragraph.to_owned()}</p> })
                    .collect_view()}
            </div>
        }
    });
    let source = release.url.map(|url| {
        view! {
            <p class="release__source">
                <a href=url.to_string() rel="noopener">
                    "Read the original release"
                </a>
            </p>
        }
    });
    view! {
        <article class="release" data-release-id=release.id lang=release.lang>
            <p class="release__back">
                <A href="/">"← All releases"</A>
            </p>
            <header class="release__header">
                <KindLabel kind=release.kind />
                <h1 class="release__title">{release.title}</h1>
                <ReleaseDateTime date=release.date />
            </header>
            <PeopleQuoted people=release.people />
            {(picture.is_some() || credit.is_some())
                .then(|| {
                    view! {
                        <figure class="release__figure">
                            {picture}
                            {credit.map(|credit| view! { <figcaption><PhotoCredit credit=credit /></figcaption> })}
                        </figure>
                    }
                })}
            {release.summary.map(|summary| view! { <p class="release__summary">{summary}</p> })}
            {body}
            <TopicList label="Topics" items=release.topics />
            <TopicList label="Places" items=release.places />
            {source}
        </article>
    }
}
