//! Every lazily loaded part of the app, in one place, and which route preloads which.
//!
//! A part is a function whose code (and the code only it reaches) is cut into a wasm file of its
//! own by the release build, and fetched on its first call (see [`crate::platform::lazy`]).
//!
//! | part | what | loaded |
//! |---|---|---|
//! | [`code::catalogue_part`] | reads and installs a UI catalogue | first language other than English |
//! | [`code::other_format_part`] | JSON Feed, WordPress, TimelineJS readers | a dataset in another format |
//! | [`code::export_part`] | the JSON and CSV writers | nearing the download links |
//! | [`views::read_site_part`] | the dataset reader and its loading/error views | a fetched (or unpacked) dataset |
//! | [`views::release_page_part`] | a release's page | a release route |
//! | [`views::histogram_part`] | the release histogram | after the timeline's first render |
//! | [`views::filter_controls_part`] | facets, dates, "Clear all" | after the timeline's first render |
//! | [`views::embed_dialog_part`] | "Embed this view" | the timeline on the deploy's own page |
//! | [`views::url_notices_part`] | what the address had that was ignored | an address with something ignored |
//! | [`views::skipped_records_part`] | what validation skipped | a dataset with problems |
//!
//! This layer is above the pages: the layers below take the code parts as plain functions
//! ([`code::FETCH_CATALOGUE`], [`code::READ_OTHER_FORMAT`], [`code::FILE_WRITER`]), given by
//! `mount`, the dataset reader's part and the timeline route.

pub mod code;
pub mod views;

use crate::loader::source::DatasetSource;
use crate::platform::surface::Surface;
use pressline_core::route::Route;

/// Fetches the parts the first view of `route` must draw at once: a release page (no moment of
/// empty page), and, for a prerendered timeline, every part it has (adopted, all its nodes must
/// be there). True when every one arrived.
pub async fn preload_for_first_view(
    route: Option<&Route>,
    prerendered: bool,
    surface: Surface,
) -> bool {
    match route {
        Some(Route::Release(_)) => views::preload_release_page().await.is_ok(),
        Some(Route::Timeline) if prerendered => {
            let (histogram, filters, dialog) = futures::future::join3(
                views::preload_histogram(),
                views::preload_filter_controls(),
                async { surface != Surface::Page || views::preload_embed_dialog().await.is_ok() },
            )
            .await;
            histogram.is_ok() && filters.is_ok() && dialog
        }
        _ => true,
    }
}

/// Starts fetching the dataset reader when `source` needs it, so that it arrives while the page
/// is being set up.
pub fn preload_dataset_reader(source: &DatasetSource) {
    if source.needs_reader() {
        // Before the app mounts, so not Leptos's executor.
        wasm_bindgen_futures::spawn_local(async {
            let _ = views::preload_read_site().await;
        });
    }
}
