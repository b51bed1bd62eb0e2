//! Reading and indexing a dataset in slices of about [`SLICE_MS`], giving the browser a turn
//! between them, so that no file, however big, freezes the tab: the first load and every older
//! shard of an archive go through here.

use leptos::prelude::*;

use super::root::Progress;
use crate::lazy_part::{lazy_part, PartUnavailable};
use pressline_core::formats::{read_other, start_reading, Reading, SourceFormat};
use pressline_core::search::{IndexBuilder, SearchIndex};
use pressline_core::source::LoadFailure;
use pressline_core::{FormatError, LoadedDataset, Release};

/// Releases checked or indexed between two looks at the clock.
const BATCH: usize = 200;
/// How long one slice of work may hold the main thread: well under a frame at 20 fps, so
/// input and painting go on while a big dataset loads.
const SLICE_MS: f64 = 40.0;

/// A clock that says when the current slice of work is used up, and then yields to the
/// browser.
pub struct Slices {
    performance: Option<web_sys::Performance>,
    started: f64,
}

impl Slices {
    /// Starts the first slice now.
    pub fn new() -> Self {
        let performance = web_sys::window().and_then(|window| window.performance());
        let started = performance.as_ref().map_or(0.0, web_sys::Performance::now);
        Self {
            performance,
            started,
        }
    }

    fn now(&self) -> f64 {
        self.performance
            .as_ref()
            .map_or(0.0, web_sys::Performance::now)
    }

    /// True when this slice has run its time (the caller then reports progress and yields).
    fn is_used_up(&self) -> bool {
        self.now() - self.started > SLICE_MS
    }

    /// Gives the browser a turn, then starts a new slice.
    async fn yield_now(&mut self) {
        next_turn().await;
        self.started = self.now();
    }

    /// Gives the browser a turn if this slice has run its time.
    pub async fn yield_if_used_up(&mut self) {
        if self.is_used_up() {
            self.yield_now().await;
        }
    }
}

impl Default for Slices {
    fn default() -> Self {
        Self::new()
    }
}

/// Detects the format, then parses and validates `text` (fetched from `url`): a Pressline file
/// in slices, reporting `Progress::Checking` when `progress` is given; another format at once,
/// with the reader of other formats fetched on first use.
pub async fn read_dataset(
    url: &str,
    text: &str,
    progress: Option<RwSignal<Progress>>,
) -> Result<(SourceFormat, LoadedDataset), LoadFailure> {
    let format_failure = |error| LoadFailure::Format {
        url: url.to_owned(),
        error,
    };
    match start_reading(text).map_err(format_failure)? {
        Reading::Other(pressline_error) => match other_format_part(text, pressline_error).await {
            Ok(read) => read.map_err(format_failure),
            Err(PartUnavailable) => Err(LoadFailure::ReaderUnavailable {
                url: url.to_owned(),
            }),
        },
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

lazy_part! {
    /// Converts a JSON Feed, WordPress or TimelineJS file (see [`read_other`]): most deploys
    /// never need this code.
    fn other_format_part(
        text: &str,
        pressline_error: FormatError,
    ) -> Result<(SourceFormat, LoadedDataset), FormatError> {
        read_other(text, pressline_error)
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
    // Then the sorts and facets, a step at a time (each step is one sort or one facet).
    let mut finishing = builder.finish_in_steps();
    while !finishing.step(releases) {
        slices.yield_if_used_up().await;
    }
    finishing.into_index(releases)
}

/// Resolves on a later turn of the event loop, after the browser has handled input and painted.
async fn next_turn() {
    delay(0).await;
}

/// Resolves after `ms` milliseconds (a `setTimeout`), on a later turn of the event loop.
pub async fn delay(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
