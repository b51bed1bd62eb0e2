//! Fetching text within a size and a time limit (aborted past either), reporting the bytes
//! received: datasets, archive shards and UI catalogues all come through here.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use pressline_core::source::{LoadFailure, Progress};

/// Fetches text within the size and time limits, reporting bytes received.
pub async fn fetch_text(
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
