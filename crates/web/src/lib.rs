//! Pressline's web app: a thin Leptos layer over [`pressline_core`], one component per file,
//! grouped by page. The URL is the one source of truth for what is on screen.
//!
//! The same components render in the browser, where they adopt the prerendered HTML in place,
//! and natively, where [`prerender`] writes the published pages.

// Leptos's server-side rendering nests the page's view types deeply.
#![recursion_limit = "256"]

pub mod app;
pub mod archive;
pub mod document;
pub mod i18n;
pub mod lazy_part;
// Starting the app is the browser's business; the rest also renders natively (prerendering).
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod navigation;
pub mod navigator;
pub mod on_page;
pub mod prerender;
pub mod release;
pub mod root;
pub mod shared;
pub mod site_data;
pub mod sliced;
pub mod timeline;

pub use app::App;
#[cfg(target_arch = "wasm32")]
pub use mount::start;
pub use on_page::OnPage;
pub use root::{read_site, DatasetSource, Root, SiteSource};
pub use site_data::SiteData;
