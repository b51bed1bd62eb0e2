//! Reading a dataset into a site: detecting its format, parsing, validating and indexing it in
//! slices (so no file freezes the tab), reporting progress as it goes.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::context::site_data::SiteData;
use crate::platform::lazy::PartUnavailable;
use crate::platform::slices::Slices;
use chrono::{DateTime, Utc};
use pressline_core::embargo;
use pressline_core::formats::{start_reading, Reading, SourceFormat};
use pressline_core::search::{IndexBuilder, SearchIndex};
use pressline_core::site::Site;
use pressline_core::source::{LoadFailure, Progress};
use pressline_core::{FormatError, LoadedDataset, Release};

/// A file for the reader of other formats.
pub enum OtherFormat<'a> {
    /// Text that is not a Pressline dataset, with the error reading it as one gave.
    Text(&'a str, FormatError),
    /// Markup that is not UTF-8: a feed in the encoding its prolog declares.
    Encoded(&'a [u8]),
}

/// Reads a dataset in another format than Pressline's (feeds, spreadsheets, JSON Feed,
/// WordPress, TimelineJS). The app passes its lazily loaded reader
/// (`crate::parts::code::read_other_format`): most deploys never need that code.
pub type ReadOtherFormat = for<'a> fn(
    OtherFormat<'a>,
) -> LocalBoxFuture<
    'a,
    Result<Result<(SourceFormat, LoadedDataset), FormatError>, PartUnavailable>,
>;

/// Reads `file` (fetched from `url`) with the reader of other formats.
pub async fn read_with(
    url: &str,
    file: OtherFormat<'_>,
    read_other: ReadOtherFormat,
) -> Result<(SourceFormat, LoadedDataset), LoadFailure> {
    match read_other(file).await {
        Ok(read) => read.map_err(|error| LoadFailure::Format {
            url: url.to_owned(),
            error,
        }),
        Err(PartUnavailable) => Err(LoadFailure::ReaderUnavailable {
            url: url.to_owned(),
        }),
    }
}

/// `loaded` without the releases still under embargo by the reader's clock. A fetched file is
/// public, and its publisher should have left them out (`pressline convert` and `publish` do);
/// a release it still names under embargo is at least not shown before its time.
pub fn without_embargoed(mut loaded: LoadedDataset) -> LoadedDataset {
    let now =
        DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    loaded.dataset = embargo::apply(loaded.dataset, now).dataset;
    loaded
}

/// Releases checked or indexed between two looks at the clock.
const BATCH: usize = 200;

/// Detects the format, then parses and validates `text` (fetched from `url`): a Pressline file
/// in slices, reporting `Progress::Checking` when `progress` is given; another format at once,
/// with the reader of other formats fetched on first use.
pub async fn read_dataset(
    url: &str,
    text: &str,
    progress: Option<RwSignal<Progress>>,
    read_other: ReadOtherFormat,
) -> Result<(SourceFormat, LoadedDataset), LoadFailure> {
    let format_failure = |error| LoadFailure::Format {
        url: url.to_owned(),
        error,
    };
    match start_reading(text).map_err(format_failure)? {
        Reading::Other(pressline_error) => {
            read_with(url, OtherFormat::Text(text, pressline_error), read_other).await
        }
        Reading::Pressline(mut reader) => {
            let total = reader.len();
            let mut slices = Slices::new();
            while reader.read(BATCH) < total {
                if slices.is_used_up() {
                    if let Some(progress) = progress {
                        progress.set(Progress::Checking(reader.read(0), total));
                    }
                    slices.yield_now().await;
                }
            }
            Ok((SourceFormat::Pressline, reader.finish()))
        }
    }
}

/// Builds the search index over `releases` in slices, reporting `Progress::Indexing` when
/// `progress` is given. Its final sorts cannot be cut, so each is a slice of its own.
pub async fn build_index(
    releases: &[Release],
    progress: Option<RwSignal<Progress>>,
) -> SearchIndex {
    let mut builder = IndexBuilder::default();
    let mut slices = Slices::new();
    while builder.add(releases, BATCH) < releases.len() {
        if slices.is_used_up() {
            if let Some(progress) = progress {
                progress.set(Progress::Indexing(builder.add(releases, 0), releases.len()));
            }
            slices.yield_now().await;
        }
    }
    // Then the sorts and facets, a step at a time (each step is one sort or one facet), each
    // a task of its own: a step cannot be cut, and one that starts late in a slice would
    // make a task of the slice and the step.
    let mut finishing = builder.finish_in_steps();
    slices.yield_now().await;
    while !finishing.step(releases) {
        slices.yield_now().await;
    }
    let index = finishing.into_index(releases);
    // The first render of the site is a task of its own too.
    slices.yield_now().await;
    index
}

/// Parses, validates and indexes fetched text, timed with the User Timing API (visible in
/// devtools, read by `make bench`). Both steps run in slices (see [`crate::platform::slices`]), so a big
/// file never freezes the tab and the loading view counts the releases as they are checked
/// and indexed. (Converted formats are read at once, then indexed in slices.)
pub async fn parse_site(
    url: &str,
    text: &str,
    progress: RwSignal<Progress>,
    read_other: ReadOtherFormat,
) -> Result<SiteData, LoadFailure> {
    mark_parse_start();
    let (format, loaded) = read_dataset(url, text, Some(progress), read_other).await?;
    Ok(index_site(format, loaded, progress).await)
}

/// Marks where reading a dataset starts (for `pressline:parse-and-index`).
pub fn mark_parse_start() {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("pressline:parse-start");
    }
}

/// Indexes a dataset read (in slices) into a site, and measures `pressline:parse-and-index`
/// from [`mark_parse_start`].
pub async fn index_site(
    format: SourceFormat,
    loaded: LoadedDataset,
    progress: RwSignal<Progress>,
) -> SiteData {
    let loaded = without_embargoed(loaded);
    let index = build_index(&loaded.dataset.releases, Some(progress)).await;
    let site = Site::with_index(format, loaded, index);
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance
            .measure_with_start_mark("pressline:parse-and-index", "pressline:parse-start");
    }
    SiteData::from_site(site)
}
