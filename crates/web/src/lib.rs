//! Pressline's web app: a thin Leptos layer over [`pressline_core`], one component per file,
//! grouped by page. The URL is the one source of truth for what is on screen.
//!
//! The same components render in the browser, where they adopt the prerendered HTML in place,
//! and natively, where [`prerender`] writes the published pages.
//!
//! The modules are layers; each imports only from the ones listed before it (checked by
//! `tests/layers.rs`, see ARCHITECTURE.md):
//!
//! 1. [`platform`]: the browser (fetch, slicing, lazily loaded code, document, navigator);
//! 2. [`parts::code`]: lazily loaded code that draws nothing;
//! 3. [`context`]: navigation, language, the loaded site;
//! 4. [`loader`]: dataset sources, reading, a sharded archive's state;
//! 5. [`pages`]: the components, grouped by page;
//! 6. [`parts::views`] and [`parts`]: lazily loaded views, and which route preloads which;
//! 7. [`app`]: the routes and the dataset root; then `mount` (the browser's start) and
//!    [`prerender`] (the native one).

// Leptos's server-side rendering nests the page's view types deeply.
#![recursion_limit = "256"]

pub mod platform;

pub mod parts;

pub mod context;

pub mod loader;

pub mod pages;

pub mod app;

// Starting the app is the browser's business; the rest also renders natively (prerendering).
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod prerender;

#[cfg(target_arch = "wasm32")]
pub use mount::start;
