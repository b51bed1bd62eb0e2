//! Fetching text within a size and a time limit (aborted past either), reporting the bytes
//! received: datasets, archive shards and UI catalogues all come through here.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::platform::slices::Slices;
use pressline_core::source::{LoadFailure, Progress};

/// Fetches text within the size and time limits, reporting bytes received.
pub async fn fetch_text(
    url: String,
    max_bytes: u64,
    timeout_ms: u32,
    progress: Option<RwSignal<Progress>>,
) -> Result<String, LoadFailure> {
    let mut bytes = Vec::new();
    fetch_body(url.clone(), max_bytes, timeout_ms, progress, &mut |chunk| {
        bytes.extend_from_slice(chunk);
        Ok(())
    })
    .await?;
    String::from_utf8(bytes).map_err(|error| LoadFailure::NotText {
        url,
        offset: error.utf8_error().valid_up_to(),
    })
}

/// Fetches a body within the size and time limits, handing each chunk to `sink` as it arrives
/// (so a big file is never held whole unless the sink keeps it), reporting bytes received. An
/// error from `sink` stops the download and is returned. Between chunks the browser gets a turn
/// whenever a slice of work is used up: chunks already received resolve without one.
pub async fn fetch_body(
    url: String,
    max_bytes: u64,
    timeout_ms: u32,
    progress: Option<RwSignal<Progress>>,
    sink: &mut dyn FnMut(&[u8]) -> Result<(), LoadFailure>,
) -> Result<(), LoadFailure> {
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
        if let Some(stream) = response.body() {
            read_stream(stream, max_bytes, announced, progress, sink)
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
                    StreamError::Refused(failure) => {
                        abort(&controller);
                        failure
                    }
                })?;
        }
        Ok(())
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

/// How many bytes of a chunk the sink gets at a time (a few dozen releases).
const SINK_PIECE: usize = 32 * 1024;

enum StreamError {
    TooLarge(u64),
    Failed(String),
    /// What the sink said of a chunk.
    Refused(LoadFailure),
}

/// Reads a response body chunk by chunk into `sink`, reporting progress and stopping past the
/// size limit.
async fn read_stream(
    stream: web_sys::ReadableStream,
    max_bytes: u64,
    announced: Option<u64>,
    progress: Option<RwSignal<Progress>>,
    sink: &mut dyn FnMut(&[u8]) -> Result<(), LoadFailure>,
) -> Result<(), StreamError> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut received = 0u64;
    let mut chunk = Vec::new();
    let mut slices = Slices::new();
    loop {
        let next = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|error| StreamError::Failed(describe(&error)))?;
        let done = js_sys::Reflect::get(&next, &"done".into())
            .map(|done| done.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(());
        }
        if let Ok(value) = js_sys::Reflect::get(&next, &"value".into()) {
            let array = js_sys::Uint8Array::new(&value);
            received += u64::from(array.length());
            if received > max_bytes {
                let _ = reader.cancel();
                return Err(StreamError::TooLarge(received));
            }
            // One buffer for every chunk: the body is never copied whole into wasm memory.
            chunk.resize(array.length() as usize, 0);
            array.copy_to(&mut chunk);
            if let Some(progress) = progress {
                progress.set(Progress::Receiving(received, announced));
            }
            // A chunk can be megabytes (a fast server): the sink gets it in pieces, with a turn
            // for the browser whenever a slice is used up.
            for piece in chunk.chunks(SINK_PIECE) {
                if let Err(failure) = sink(piece) {
                    let _ = reader.cancel();
                    return Err(StreamError::Refused(failure));
                }
                slices.yield_if_used_up().await;
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
