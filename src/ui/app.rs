//! The root component: the router, the page frame and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::release::ReleasePage;
use super::shared::{
    ArchiveStatus, LoadErrorView, NotFoundView, SiteFooter, SiteHeader, SkippedRecords,
};
use super::timeline::TimelinePage;
use super::SiteData;

/// The whole app for one dataset. Unreadable data shows an error view instead of the routes, so
/// the page is never blank.
#[component]
pub fn App(
    /// The dataset to show (see [`SiteData::bundled`]).
    data: SiteData,
) -> impl IntoView {
    provide_context(data.clone());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader />
            <main id="main" tabindex="-1">
                // Built inside <Router> (children are evaluated lazily) so <Routes> finds it.
                {site_body(&data)}
            </main>
            <SiteFooter />
        </Router>
    }
}

/// The routes, or the error view when nothing could be read.
fn site_body(data: &SiteData) -> AnyView {
    if let Some(error) = data.error() {
        return view! { <LoadErrorView error=error /> }.into_any();
    }
    let data = data.clone();
    view! {
        // Reactive: an archive's later shards can add to what was skipped.
        {move || data.site().map(|site| view! { <SkippedRecords problems=site.problems.clone() /> })}
        <ArchiveStatus />
        <Routes fallback=|| view! { <NotFoundView /> }>
            <Route path=path!("/") view=TimelinePage />
            <Route path=path!("/releases/:id") view=ReleasePage />
        </Routes>
    }
    .into_any()
}
