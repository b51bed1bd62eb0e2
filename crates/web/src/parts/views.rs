//! Lazily loaded views: each part's code (and the code only it reaches) arrives on its first
//! call (see [`crate::parts`]).

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::context::site_data::SiteData;
use crate::loader::archive::{Archive, ArchiveViews};
use crate::loader::load::ReadSite;
use crate::loader::source::SiteSource;
use crate::pages::release::ReleasePage;
use crate::pages::shared::{ArchiveStatus, DatasetReader, SkippedRecords};
use crate::pages::timeline::{EmbedDialog, FilterControls, Histogram, OlderReleases, UrlNotices};
use crate::parts::code::READ_OTHER_FORMAT;
use crate::platform::lazy::lazy_part;
use pressline_core::search::QueryResult;
use pressline_core::view_state::{UrlNotice, ViewState};
use pressline_core::Problem;

lazy_part! {
    /// What validation skipped or dropped (see [`SkippedRecords`]).
    fn skipped_records_part(problems: Arc<[Problem]>) -> AnyView {
        view! { <SkippedRecords problems=problems /> }.into_any()
    }
}

lazy_part! {
    preload preload_release_page;
    /// The release page for `id` (see [`ReleasePage`]).
    fn release_page_part(id: String) -> AnyView {
        view! { <ReleasePage id=id /> }.into_any()
    }
}

lazy_part! {
    preload preload_read_site;
    /// The dataset reader's view ([`DatasetReader`]), which shows `app` for the site once it
    /// is read (with a sharded archive's views as context). All the code that fetches, parses
    /// and validates datasets (and a sharded archive's), and that shows their loading and their
    /// failures, is in this part: the bundled dataset, packed at build time, needs none of it.
    fn read_site_part(source: SiteSource, app: Callback<SiteData, AnyView>) -> AnyView {
        let app = Callback::new(move |read: ReadSite| {
            if let Some(archive) = read.archive {
                archive.fetch_what_the_view_needs(read.data.clone());
                provide_context(archive_views(archive));
            }
            app.run(read.data)
        });
        view! { <DatasetReader source=source app=app read_other=READ_OTHER_FORMAT /> }.into_any()
    }
}

lazy_part! {
    preload preload_histogram;
    /// The release-density histogram (see [`Histogram`]), which follows the first render.
    fn histogram_part(
        state: Signal<ViewState>,
        on_range: Callback<(Option<NaiveDate>, Option<NaiveDate>)>,
    ) -> AnyView {
        view! { <Histogram state=state on_range=on_range /> }.into_any()
    }
}

lazy_part! {
    preload preload_embed_dialog;
    /// "Embed this view" (see [`EmbedDialog`]): the page's only use of the snippet builders.
    fn embed_dialog_part(query: Signal<String>, title: String) -> AnyView {
        view! { <EmbedDialog query=query title=title /> }.into_any()
    }
}

lazy_part! {
    preload preload_filter_controls;
    /// The facets, the date range and "Clear all" (see [`FilterControls`]), which follow the
    /// first render: the results, the search box and the sort come first.
    fn filter_controls_part(
        state: Signal<ViewState>,
        result: Memo<QueryResult>,
        on_change: Callback<ViewState>,
    ) -> AnyView {
        view! { <FilterControls state=state result=result on_change=on_change /> }.into_any()
    }
}

lazy_part! {
    /// What the address had that was ignored, and why (see [`UrlNotices`]).
    fn url_notices_part(notices: Signal<Vec<UrlNotice>>) -> AnyView {
        view! { <UrlNotices notices=notices /> }.into_any()
    }
}

/// A sharded archive's views, for the app to show where they belong.
fn archive_views(archive: Archive) -> ArchiveViews {
    let status_archive = archive.clone();
    ArchiveViews {
        status: ViewFn::from(move || view! { <ArchiveStatus archive=status_archive.clone() /> }),
        older_releases: ViewFn::from(move || view! { <OlderReleases archive=archive.clone() /> }),
    }
}
