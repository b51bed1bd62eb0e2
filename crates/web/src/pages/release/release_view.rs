use crate::context::i18n::t;
use leptos::html::Article;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::navigation::Navigation;
use crate::context::site_data::SiteData;
use crate::pages::shared::{PeopleQuoted, TagLinks};
use crate::platform::document::{set_document_title, set_meta_description};
use pressline_core::quote::holds_quotation;
use pressline_core::timeline::shorten;
use pressline_core::view_state::Facet;
use pressline_core::{Organization, Release};

use super::{
    AboutOrganization, AlsoIn, BackToTimeline, MarkdownBody, RelatedReleases, ReleaseContact,
    ReleaseFigure, ReleaseGallery, ReleaseHeader, ReleaseNav, ReleaseSource, ShareButtons,
};
use pressline_core::related::Neighbour;

/// A whole release, leading with itself: the way back, then kind, title, date, people, picture or
/// credit, summary, body, topics and places (as timeline filters), source, press contact and
/// sharing; its neighbours and related releases come after it.
#[component]
pub fn ReleaseView(
    /// The release to show.
    release: Release,
    /// The release before it in the reader's timeline order.
    #[prop(default = None)]
    previous: Option<Neighbour>,
    /// The release after it.
    #[prop(default = None)]
    next: Option<Neighbour>,
    /// The timeline's query string to go back to.
    #[prop(optional)]
    back_query: String,
    /// True when that timeline is filtered.
    #[prop(optional)]
    filtered: bool,
    /// True when that timeline is oldest first (its neighbours' labels follow).
    #[prop(optional)]
    oldest_first: bool,
    /// Related releases, best first.
    #[prop(optional)]
    related: Vec<Release>,
) -> impl IntoView {
    let t = t();
    let data = expect_context::<SiteData>();
    let site = data.site_untracked();
    let dataset = site.as_ref().map(|site| &site.dataset);
    let organization = dataset
        .and_then(|dataset| dataset.organization.clone())
        .unwrap_or_default();
    let contacts = dataset.map_or_else(Vec::new, |dataset| dataset.contacts_for(&release).to_vec());
    let boilerplate = dataset.and_then(|dataset| dataset.boilerplate.clone());
    let versions: Vec<(String, String)> = site.as_ref().map_or_else(Vec::new, |site| {
        site.other_versions(&release)
            .into_iter()
            .map(|(lang, id)| (lang.to_owned(), id.to_owned()))
            .collect()
    });
    set_release_head(&release, &organization);
    let article = focus_title_on_arrival();
    let share_url = Navigation::current().release_share_url(&release.id);
    let lang = release.lang.clone().or_else(|| data.content_language());
    let quotation = [&release.summary, &release.body]
        .into_iter()
        .flatten()
        .any(|text| holds_quotation(text));
    view! {
        <div class="release-page">
            <BackToTimeline query=back_query filtered=filtered />
            <article class="release" data-release-id=release.id lang=lang dir="auto" node_ref=article>
                <ReleaseHeader kind=release.kind title=release.title.clone() date=release.date />
                <AlsoIn versions=versions />
                <PeopleQuoted people=release.people quotation=quotation />
                <ReleaseFigure image=release.image />
                {release.summary.map(|summary| view! { <p class="release__summary">{summary}</p> })}
                {release.body.map(|body| view! { <MarkdownBody markdown=body /> })}
                <TagLinks label=t.topics facet=Facet::Topic items=release.topics />
                <TagLinks label=t.places facet=Facet::Place items=release.places />
                <ReleaseSource url=release.url />
                <ReleaseGallery images=release.images />
                <ReleaseContact contacts=contacts organization=organization.clone() />
                <AboutOrganization boilerplate=boilerplate organization=organization />
                <ShareButtons url=share_url title=release.title />
            </article>
            <ReleaseNav previous=previous next=next newest_first=!oldest_first />
            <RelatedReleases releases=related />
        </div>
    }
}

/// The document's title ("release — organization") and description (the summary, else the
/// title, shortened) for `release`.
fn set_release_head(release: &Release, organization: &Organization) {
    set_document_title(&match &organization.name {
        Some(name) => format!("{} — {name}", release.title),
        None => release.title.clone(),
    });
    set_meta_description(&shorten(
        release.summary.as_deref().unwrap_or(&release.title),
        160,
    ));
}

/// The article's reference, for an effect that focuses its title once it is on the page, so
/// keyboard and screen-reader users start at the release.
fn focus_title_on_arrival() -> NodeRef<Article> {
    let article = NodeRef::<Article>::new();
    Effect::new(move |_| {
        let title = article
            .get()
            .and_then(|article| article.query_selector(".release__title").ok().flatten())
            .and_then(|title| title.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = title {
            // Without scrolling: a reader who scrolled a prerendered page keeps their place
            // when the app takes over (a move between pages scrolls to the top anyway).
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    });
    article
}
