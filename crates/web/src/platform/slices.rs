//! Reading and indexing a dataset in slices of about [`SLICE_MS`], giving the browser a turn
//! between them, so that no file, however big, freezes the tab: the first load and every older
//! shard of an archive go through here.

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
    pub fn is_used_up(&self) -> bool {
        self.now() - self.started > SLICE_MS
    }

    /// Gives the browser a turn, then starts a new slice.
    pub async fn yield_now(&mut self) {
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
