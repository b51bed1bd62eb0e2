//! The app for one dataset: the page frame and the page the address names, and above it the
//! [`root`] that gets the dataset.

pub mod root;
pub mod timeline_page;

use leptos::prelude::*;

use crate::app::timeline_page::TimelinePage;
use crate::context::i18n::{t, I18n};
use crate::context::navigation::Navigation;
use crate::context::site_data::SiteData;
use crate::loader::archive::ArchiveViews;
use crate::pages::shared::{LazyPart, LoadErrorView, NotFoundView, SiteFooter, SiteHeader};
use crate::parts::views::{release_page_part, skipped_records_part};
use crate::platform::document::end_prerender;
use crate::platform::slices::delay;
use crate::platform::surface::Surface;
use pressline_core::route::Route;

/// The whole app for one dataset. Unreadable data shows an error view instead of the pages, so
/// the page is never blank. Needs a [`Navigation`] in context (see [`crate::OnPage`] and
/// [`crate::Embedded`]).
#[component]
pub fn App(
    /// The dataset to show (see [`SiteData::bundled`]).
    data: SiteData,
) -> impl IntoView {
    provide_context(data.clone());
    let i18n = I18n::current();
    let surface = Surface::current();
    // Every string and date is written in the reader's language: a new language rebuilds the
    // views (the address, and so the view state, stays).
    move || {
        let language = i18n.language();
        let body = site_body(&data);
        match surface {
            Surface::Page => view! {
                <a class="skip-link" href="#main" on:click=skip_to_main>
                    {t().skip_to_content}
                </a>
                <SiteHeader />
                <main id="main" tabindex="-1">{body}</main>
                <SiteFooter />
            }
            .into_any(),
            // Compact: the host page has its own header, and its own <main>.
            Surface::Frame => view! { <main id="main" class="embedded">{body}</main> }.into_any(),
            Surface::Embed => view! {
                <div class="embedded" lang=language.tag() dir=language.dir()>{body}</div>
            }
            .into_any(),
        }
    }
}

/// Moves focus to the content without following `#main` (which a `<base>` element would
/// resolve to the deploy's home page).
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("main"));
    if let Some(main) =
        main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
    {
        let _ = main.focus();
    }
}

/// How often, and how many times, a new page's heading is looked for to focus it (10 s).
const HEADING_LOOK_MS: i32 = 20;
const HEADING_LOOKS: u32 = 500;

/// True when nothing has the focus: the link that was followed has gone with its page.
fn focus_is_free() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .is_none_or(|active| active.tag_name() == "BODY")
}

/// The page the address names, or the error view when nothing could be read.
fn site_body(data: &SiteData) -> AnyView {
    if let Some(error) = data.error() {
        return view! { <LoadErrorView error=error /> }.into_any();
    }
    // The live pages replace a published page's prerendered copy of themselves.
    if Surface::current() != Surface::Embed {
        end_prerender();
    }
    let navigation = Navigation::current();
    let data = data.clone();
    // Only a change of page rebuilds it; a new query string is the page's own business.
    let route = Memo::new(move |_| navigation.route());
    let page = NodeRef::<leptos::html::Div>::new();
    // After a move to another page, focus its heading, so keyboard and screen-reader users
    // start there (not on the first load: the reader has not moved yet).
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous
            .as_ref()
            .is_some_and(|previous| *previous != current)
        {
            let wanted = current.clone();
            leptos::task::spawn_local(async move {
                // A lazily loaded page (the release page's first visit) arrives a little later:
                // look again until its heading is there, unless the reader has moved on, or
                // focus is already somewhere (the page focused its own heading, or the reader
                // tabbed on).
                for _ in 0..HEADING_LOOKS {
                    delay(HEADING_LOOK_MS).await;
                    if route.get_untracked() != wanted || !focus_is_free() {
                        return;
                    }
                    let heading = page
                        .get_untracked()
                        .and_then(|page| page.query_selector("h1").ok().flatten())
                        .and_then(|h1| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1).ok()
                        });
                    if let Some(heading) = heading {
                        // Without scrolling: Back restores the reader's place in the timeline.
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = heading.focus_with_options(&options);
                        return;
                    }
                }
            });
        }
        current
    });
    view! {
        // Reactive: an archive's later shards can add to what was skipped. Its code comes only
        // with problems (a bundled dataset is packed only when it has none).
        {move || {
            data.site().filter(|site| !site.problems.is_empty()).map(|site| {
                let problems = site.problems.clone();
                view! { <LazyPart load=move || skipped_records_part(problems.clone()) /> }
            })
        }}
        {use_context::<ArchiveViews>().map(|archive| archive.status.run())}
        <div class="page" node_ref=page>
            {move || match route.get() {
                Route::Timeline => view! { <TimelinePage /> }.into_any(),
                // Fetched on the first visit to a release (the timeline does not need it).
                Route::Release(id) => view! { <LazyPart load=move || release_page_part(id.clone()) /> }.into_any(),
                Route::NotFound => view! { <NotFoundView /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}
