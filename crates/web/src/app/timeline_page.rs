//! The timeline route: the timeline's components, with its lazily loaded parts in their places.

use leptos::context::Provider;
use leptos::prelude::*;

use crate::context::i18n::{t, I18n};
use crate::context::navigation::{Destination, Navigation};
use crate::context::site_data::SiteData;
use crate::loader::archive::ArchiveViews;
use crate::pages::shared::HeadingBase;
use crate::pages::shared::{FramedLazyPart, LazyPart};
use crate::parts::code::FILE_WRITER;
use crate::parts::views::{
    embed_dialog_part, filter_controls_part, histogram_part, preload_filter_controls,
    preload_histogram, url_notices_part,
};
use crate::platform::document::set_document_title;
use crate::platform::surface::Surface;
use pressline_core::embed::EmbedLayout;
use pressline_core::search::QueryResult;
use pressline_core::view_state::{UrlNotice, ViewState};

use crate::pages::timeline::{
    ActiveFilters, DownloadLinks, FiltersPanel, FiltersSkeleton, HistogramSkeleton, ResultCount,
    SearchBox, SortControl, TimelineIntro, TimelineResults,
};

/// The timeline: title and description, the filters, the count, then one page of releases by
/// year and month. Everything on screen is derived from the URL's query string.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let data = expect_context::<SiteData>();
    let Some(site) = data.site_untracked() else {
        return ().into_any();
    };
    let dataset = &site.dataset;
    let dataset_title = dataset.title.clone();
    set_document_title(&match dataset.organization_name() {
        Some(name) => format!("{} — {name}", dataset.title),
        None => dataset.title.clone(),
    });
    let list_only = use_context::<EmbedLayout>() == Some(EmbedLayout::List);
    let headings = heading_base(list_only);
    let intro = (!list_only).then(|| {
        (
            dataset.title.clone(),
            dataset.description.clone(),
            dataset.lang.clone(),
        )
    });
    let total = release_count(data.clone());

    let navigation = Navigation::current();
    let parsed = navigation.view_state();
    let state = Memo::new(move |_| parsed.with(|(state, _)| state.clone()));
    // Written once per view: the cards' links and the results' marker both carry it.
    let query_string = Memo::new(move |_| state.with(ViewState::to_query));
    let result = run_view(data, state);
    let matches = Signal::derive(move || result.with(|r| r.matches.clone()));
    let count = Signal::derive(move || result.with(|r| r.matches.len()));

    let on_search = Callback::new(move |text: String| {
        go_to(navigation, state.get_untracked().with_query(&text), true)
    });
    let on_sort =
        Callback::new(move |sort| go_to(navigation, state.get_untracked().with_sort(sort), false));
    let on_dates = Callback::new(move |(from, to)| {
        go_to(
            navigation,
            state.get_untracked().with_dates(from, to),
            false,
        )
    });
    let on_filter = Callback::new(move |next: ViewState| go_to(navigation, next, false));
    let url_notices = url_notices(parsed);

    view! {
        <Provider value=headings>
        <div class="timeline">
            // An embed's list layout leaves the title and the overview to the host page.
            {intro.map(|(title, description, lang)| view! {
                <TimelineIntro title=title description=description lang=lang />
                // Its code follows the first render; its frame holds the place until then.
                <FramedLazyPart
                    preload=preload_histogram
                    frame=|| view! { <HistogramSkeleton /> }
                    load=move || histogram_part(state.into(), on_dates)
                />
            })}
            {url_notices}
            <div class="timeline__layout">
                <SearchBox query=Signal::derive(move || state.with(|s| s.query.clone())) on_input=on_search />
                <FiltersPanel count=count>
                        // Their code follows the first render, like the histogram's.
                        <FramedLazyPart
                            preload=preload_filter_controls
                            frame=|| view! { <FiltersSkeleton /> }
                            load=move || filter_controls_part(state.into(), result, on_filter)
                        />
                </FiltersPanel>
                // Which view the results below were rendered for: lets tests and benchmarks tell
                // when a change has reached the page.
                <div class="timeline__results" data-rendered-query=query_string>
                    // Shown only without the app (public/without-app.css), which hides what
                    // needs it.
                    <p class="needs-script-note">{t().needs_script}</p>
                    <div class="results-bar">
                        <ResultCount count=count total=total />
                        <SortControl sort=Signal::derive(move || state.with(|s| s.sort)) on_change=on_sort />
                    </div>
                    <ActiveFilters state=state />
                    <TimelineResults state=state result=result link_query=query_string />
                    {use_context::<ArchiveViews>().map(|archive| archive.older_releases.run())}
                    // Nothing to download or embed when nothing matches.
                    <div class="timeline__tools" hidden=move || count.get() == 0>
                        <DownloadLinks matches=matches writer=FILE_WRITER />
                        {(Surface::current() == Surface::Page).then(|| view! {
                            <LazyPart load=move || embed_dialog_part(Signal::derive(move || state.with(|s| s.with_page(1).to_query())), dataset_title.clone()) />
                        })}
                    </div>
                </div>
            </div>
        </div>
        </Provider>
    }
    .into_any()
}

/// Where the timeline's headings start: without its title (an embed's list layout), a list's
/// years are its top headings, at the embed's level.
fn heading_base(list_only: bool) -> HeadingBase {
    let base = use_context::<HeadingBase>().map_or(1, |base| base.0);
    HeadingBase(if list_only {
        base.saturating_sub(1)
    } else {
        base
    })
}

/// Shows the timeline's view `next`. Typing replaces the history entry (`replace`); every other
/// change pushes one, so Back undoes it.
fn go_to(navigation: Navigation, next: ViewState, replace: bool) {
    navigation.go(Destination {
        path: "/".to_owned(),
        query: next.to_query(),
        replace,
        scroll: false,
    });
}

/// What the address had that was ignored, and why: shown (with its code) only when there was
/// something. Re-run only when the notices change; in-app links drop what was ignored, so one
/// set replaces another only by going Back between two such addresses. (A `Memo<bool>` of
/// their presence would spare that re-run, for 0.5 KB more on the first load.)
fn url_notices(parsed: Memo<(ViewState, Vec<UrlNotice>)>) -> impl IntoView {
    let notices = Memo::new(move |_| parsed.with(|(_, notices)| notices.clone()));
    move || {
        notices.with(|notices| !notices.is_empty()).then(|| {
            view! { <LazyPart load=move || url_notices_part(notices.into()) /> }
        })
    }
}

/// How many releases the site has (an archive's grow as shards arrive).
fn release_count(data: SiteData) -> Signal<usize> {
    Signal::derive(move || data.site().map_or(0, |site| site.dataset.releases.len()))
}

/// The view's matches, in order, with every facet value's count, as a reader in the UI's
/// language sees them (one version of each story, in that language where there is one): worked
/// out again only when the view, the site or the language changes. Prerendered pages are in
/// their own language, and the browser adopts one only in that language, so both fold alike.
fn run_view(data: SiteData, state: Memo<ViewState>) -> Memo<QueryResult> {
    let i18n = I18n::current();
    Memo::new(move |_| {
        let site = data.site().expect("the timeline only renders for a site");
        let reader = i18n.language();
        state.with(|state| site.run(state, reader))
    })
}
