//! The Leptos front end: a thin layer over [`crate::core`], one component per file, grouped by
//! page. The URL is the one source of truth for what is on screen.

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
