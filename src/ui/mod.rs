//! The Leptos front end: a thin layer over [`crate::core`], one component per file, grouped by
//! page. The URL is the one source of truth for what is on screen.

pub mod app;
pub mod document;
pub mod release;
pub mod shared;
pub mod site_data;
pub mod timeline;

pub use app::App;
pub use site_data::SiteData;
