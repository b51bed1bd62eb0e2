//! Where the app's dataset comes from, and the loading and failure states before it is ready.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::i18n::t;
use super::shared::{FetchErrorView, LoadingProgress, LoadingView};
use super::site_data::{bundled_is_packed, Bundled, Site, BUNDLED_DATASET_PATH};
use super::{sliced, App, SiteData};
use crate::archive::{Archive, ArchiveViews, ShardStatus};
use crate::lazy_part::{lazy_part, spawn_owned, LazyPart};
use pressline_core::shards::{is_manifest, parse_manifest};
use pressline_core::source::{LoadFailure, SourceConfig};

/// How far loading a fetched dataset has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Bytes received so far, and the total when the server announced it.
    Receiving(u64, Option<u64>),
    /// Releases checked so far, of how many.
    Checking(usize, usize),
    /// Releases indexed so far, of how many.
    Indexing(usize, usize),
}

/// Which dataset to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetSource {
    /// The dataset compiled into the app.
    Bundled,
    /// A dataset fetched at run time from this URL, within these limits.
    Url {
        /// The address.
        url: String,
        /// The most bytes accepted.
        max_bytes: u64,
        /// The time limit in milliseconds.
        timeout_ms: u32,
        /// True when the page's `?src=` chose it: every internal link must then keep it.
        from_query: bool,
    },
    /// A `?src=` the deploy does not allow.
    Refused(LoadFailure),
}

impl DatasetSource {
    /// Reads the deploy's settings from the mount element (`data-src`, `data-allow-origins`,
    /// `data-max-bytes`, `data-timeout-ms`) and applies a `?src=` parameter if it is allowed.
    pub fn from_element(element: &web_sys::Element, src_param: Option<&str>) -> Self {
        let attribute = |name: &str| element.get_attribute(name);
        let config = SourceConfig::from_attributes(
            attribute("data-src").as_deref(),
            attribute("data-allow-origins").as_deref(),
            attribute("data-max-bytes").as_deref(),
            attribute("data-timeout-ms").as_deref(),
        );
        let origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        match config.choose(&origin, src_param) {
            Ok(None) => Self::Bundled,
            Ok(Some(url)) => Self::Url {
                from_query: src_param.map(str::trim) == Some(url.as_str()),
                url,
                max_bytes: config.max_bytes,
                timeout_ms: config.timeout_ms,
            },
            Err(refused) => Self::Refused(refused),
        }
    }

    /// Starts fetching the code this source needs (the reader of fetched datasets, and of a
    /// bundled one that was not packed), so that it arrives while the page is being set up.
    pub fn preload(&self) {
        let needs_reader = match self {
            Self::Url { .. } => true,
            Self::Bundled => !bundled_is_packed(),
            Self::Refused(_) => false,
        };
        if needs_reader {
            // Before the app mounts, so not Leptos's executor.
            wasm_bindgen_futures::spawn_local(async {
                let _ = preload_read_site().await;
            });
        }
    }
}

/// The address of the fetched dataset the app shows (absent for the bundled one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetUrl(pub String);

/// The app for a dataset source: the bundled one at once (when it was packed); otherwise the
/// dataset reader (a lazily loaded part), behind a loading view until it has arrived. The
/// reader shows the bytes received, then the app, or an error view naming the URL and the
/// cause, with Retry.
#[component]
pub fn Root(
    /// Where the dataset comes from.
    source: DatasetSource,
) -> impl IntoView {
    let source = match source {
        DatasetSource::Bundled => match SiteData::bundled() {
            Bundled::Ready(data) => return view! { <App data=data /> }.into_any(),
            // Not packed at build time: it has problems to report, so it is read like a
            // fetched dataset.
            Bundled::Text(text) => SiteSource::Text {
                name: BUNDLED_DATASET_PATH.to_owned(),
                text,
            },
        },
        DatasetSource::Refused(failure) => SiteSource::Refused(failure),
        DatasetSource::Url {
            url,
            max_bytes,
            timeout_ms,
            ..
        } => {
            provide_context(DatasetUrl(url.clone()));
            SiteSource::Url {
                url,
                max_bytes,
                timeout_ms,
            }
        }
    };
    view! { <ReadSiteLazily source=source /> }.into_any()
}

/// [`read_site`] from the lazily loaded reader: until it has arrived, the loading view (without
/// progress); if it cannot be fetched, an error view naming the dataset, with Retry.
#[component]
fn ReadSiteLazily(
    /// The dataset to read.
    source: SiteSource,
) -> impl IntoView {
    // A refused source has nothing to load: its error comes with the reader, which words it.
    let name = source.name().to_owned();
    let pending = (!matches!(source, SiteSource::Refused(_))).then(|| {
        let name = name.clone();
        ViewFn::from(move || view! { <LoadingView url=name.clone() /> })
    });
    let unavailable = Callback::new(move |retry: Callback<()>| {
        let failure = LoadFailure::LoaderUnavailable { url: name.clone() };
        view! {
            <FetchErrorView
                kind=failure.kind()
                message=LoadFailure::loader_unavailable_message(t(), &name)
                on_retry=Some(retry)
            />
        }
        .into_any()
    });
    view! {
        <LazyPart
            load=move || read_site_part(source.clone())
            pending=pending
            unavailable=unavailable
        />
    }
}

/// A dataset that must be read (with the lazily loaded reader) before the app can show it.
#[derive(Debug, Clone)]
pub enum SiteSource {
    /// Fetched from `url`, within these limits.
    Url {
        /// The address.
        url: String,
        /// The most bytes accepted.
        max_bytes: u64,
        /// The time limit in milliseconds.
        timeout_ms: u32,
    },
    /// Already here (the bundled dataset, when it has problems).
    Text {
        /// What messages call it.
        name: String,
        /// The JSON text.
        text: &'static str,
    },
    /// A source the deploy does not allow: only its error is shown (its name is the refused
    /// address).
    Refused(LoadFailure),
}

impl SiteSource {
    /// The address (or name) messages give for the dataset.
    fn name(&self) -> &str {
        match self {
            Self::Url { url, .. } => url,
            Self::Text { name, .. } => name,
            Self::Refused(LoadFailure::Refused { url, .. }) => url,
            Self::Refused(_) => "",
        }
    }
}

/// The loading view while `source` is read (with the bytes received, and the releases checked
/// and indexed), then the app, or an error view naming the URL and the cause, with Retry when
/// trying again could help. This is the lazily loaded reader's view ([`read_site_part`]).
pub fn read_site(source: SiteSource) -> AnyView {
    let progress = RwSignal::new(Progress::Receiving(0, None));
    let name = source.name().to_owned();
    // A signal and a task rather than a resource: Leptos's async machinery would weigh on the
    // first load of every deploy, and this runs only for some.
    let outcome = RwSignal::new(None::<Result<ReadSite, LoadFailure>>);
    let source = StoredValue::new(source);
    // Dropped if the app goes first (an embed removed from its page), also when Retry starts it.
    let owner = Owner::current().unwrap_or_default();
    let read = move || {
        let source = source.get_value();
        // Nothing to load: the error at once, with no moment of loading view.
        if let SiteSource::Refused(failure) = source {
            outcome.set(Some(Err(failure)));
            return;
        }
        outcome.set(None);
        progress.set(Progress::Receiving(0, None));
        spawn_owned(&owner, async move {
            outcome.set(Some(load_source(source, progress).await));
        });
    };
    read();
    (move || match outcome.get() {
        None => view! {
            <LoadingView url=name.clone()>
                <LoadingProgress progress=progress />
            </LoadingView>
        }
        .into_any(),
        Some(Ok(ReadSite { data, archive })) => {
            if let Some(archive) = archive {
                provide_context(archive);
            }
            view! { <App data=data /> }.into_any()
        }
        Some(Err(failure)) => {
            let retry = failure.is_retryable().then(|| {
                let read = read.clone();
                Callback::new(move |()| read())
            });
            view! {
                <FetchErrorView kind=failure.kind() message=failure.message(t()) on_retry=retry />
            }
            .into_any()
        }
    })
    .into_any()
}

/// A dataset read, with its archive's views when it came from a manifest.
#[derive(Clone)]
pub struct ReadSite {
    /// The site.
    pub data: SiteData,
    /// The status and "older releases" views of a sharded archive.
    pub archive: Option<ArchiveViews>,
}

lazy_part! {
    preload preload_read_site;
    /// The dataset reader's view ([`read_site`]). All the code that fetches, parses and
    /// validates datasets (and a sharded archive's), and that shows their loading and their
    /// failures, is in this part: the bundled dataset, packed at build time, needs none of it.
    fn read_site_part(source: SiteSource) -> AnyView {
        read_site(source)
    }
}

/// Reads a dataset: text already here, or one fetched (size-checked, decoded and parsed within a
/// time limit), or for a manifest its newest shard, with the archive's views, so the app can
/// show what is loaded and fetch older shards when the reader needs them.
async fn load_source(
    source: SiteSource,
    progress: RwSignal<Progress>,
) -> Result<ReadSite, LoadFailure> {
    let (url, max_bytes, timeout_ms) = match source {
        // (read_site shows it at once; here for completeness.)
        SiteSource::Refused(failure) => return Err(failure),
        SiteSource::Url {
            url,
            max_bytes,
            timeout_ms,
        } => (url, max_bytes, timeout_ms),
        SiteSource::Text { name, text } => {
            let data = parse_site(&name, text, progress).await?;
            return Ok(ReadSite {
                data,
                archive: None,
            });
        }
    };
    let text = fetch_text(url.clone(), max_bytes, timeout_ms, Some(progress)).await?;
    if !is_manifest(&text) {
        let data = parse_site(&url, &text, progress).await?;
        return Ok(ReadSite {
            data,
            archive: None,
        });
    }
    let manifest = parse_manifest(&text, &url).map_err(|error| LoadFailure::Format {
        url: url.clone(),
        error,
    })?;
    let Some(newest) = manifest.shards.first().cloned() else {
        return Err(LoadFailure::Format {
            url: url.clone(),
            error: pressline_core::FormatError {
                kind: pressline_core::FormatErrorKind::NotThisFormat,
                message: "the archive manifest lists no shards".to_owned(),
                line: 1,
                column: 1,
            },
        });
    };
    let shard_text = fetch_text(newest.url.clone(), max_bytes, timeout_ms, Some(progress)).await?;
    let data = parse_site(&newest.url, &shard_text, progress).await?;
    let archive = Archive::new(manifest, max_bytes, timeout_ms);
    archive.mark(0, ShardStatus::Loaded);
    Ok(ReadSite {
        data,
        archive: Some(archive.views()),
    })
}

/// Parses, validates and indexes fetched text, timed with the User Timing API (visible in
/// devtools, read by `make bench`). Both steps run in slices (see [`super::sliced`]), so a big
/// file never freezes the tab and the loading view counts the releases as they are checked
/// and indexed. (Converted formats are read at once, then indexed in slices.)
async fn parse_site(
    url: &str,
    text: &str,
    progress: RwSignal<Progress>,
) -> Result<SiteData, LoadFailure> {
    let performance = web_sys::window().and_then(|window| window.performance());
    if let Some(performance) = &performance {
        let _ = performance.mark("pressline:parse-start");
    }
    let (format, loaded) = sliced::read_dataset(url, text, Some(progress)).await?;
    let index = sliced::build_index(&loaded.dataset.releases, Some(progress)).await;
    let site = Site::with_index(format, loaded, index);
    if let Some(performance) = &performance {
        let _ = performance
            .measure_with_start_mark("pressline:parse-and-index", "pressline:parse-start");
    }
    Ok(SiteData::from_site(site))
}

/// Fetches text within the size and time limits, reporting bytes received.
pub(crate) async fn fetch_text(
    url: String,
    max_bytes: u64,
    timeout_ms: u32,
    progress: Option<RwSignal<Progress>>,
) -> Result<String, LoadFailure> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            Duration::from_millis(u64::from(timeout_ms)),
        )
        .ok()
    };
    let failed = |detail: String| {
        if timed_out.get() {
            LoadFailure::Timeout {
                url: url.clone(),
                limit_ms: timeout_ms,
            }
        } else {
            LoadFailure::Network {
                url: url.clone(),
                detail,
            }
        }
    };
    let result = async {
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|error| failed(error.to_string()))?;
        if !response.ok() {
            return Err(LoadFailure::Http {
                url: url.clone(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let announced = response
            .headers()
            .get("content-length")
            .and_then(|length| length.trim().parse::<u64>().ok());
        if let Some(size) = announced.filter(|&size| size > max_bytes) {
            abort(&controller);
            return Err(LoadFailure::TooLarge {
                url: url.clone(),
                limit: max_bytes,
                size,
            });
        }
        if let Some(progress) = progress {
            progress.set(Progress::Receiving(0, announced));
        }
        let bytes = match response.body() {
            Some(stream) => read_stream(stream, max_bytes, announced, progress)
                .await
                .map_err(|outcome| match outcome {
                    StreamError::TooLarge(size) => {
                        abort(&controller);
                        LoadFailure::TooLarge {
                            url: url.clone(),
                            limit: max_bytes,
                            size,
                        }
                    }
                    StreamError::Failed(detail) => failed(detail),
                })?,
            None => Vec::new(),
        };
        let text = String::from_utf8(bytes).map_err(|error| LoadFailure::NotText {
            url: url.clone(),
            offset: error.utf8_error().valid_up_to(),
        })?;
        Ok(text)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

fn abort(controller: &Option<web_sys::AbortController>) {
    if let Some(controller) = controller {
        controller.abort();
    }
}

enum StreamError {
    TooLarge(u64),
    Failed(String),
}

/// Reads a response body chunk by chunk, reporting progress and stopping past the size limit.
async fn read_stream(
    stream: web_sys::ReadableStream,
    max_bytes: u64,
    announced: Option<u64>,
    progress: Option<RwSignal<Progress>>,
) -> Result<Vec<u8>, StreamError> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(announced.unwrap_or(0).min(max_bytes) as usize);
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|error| StreamError::Failed(describe(&error)))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|done| done.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let array = js_sys::Uint8Array::new(&value);
            let received = bytes.len() as u64 + u64::from(array.length());
            if received > max_bytes {
                let _ = reader.cancel();
                return Err(StreamError::TooLarge(received));
            }
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
            if let Some(progress) = progress {
                progress.set(Progress::Receiving(received, announced));
            }
        }
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the connection failed".to_owned())
}
