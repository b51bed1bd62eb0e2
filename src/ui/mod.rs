//! The Leptos front end: a thin layer over [`crate::core`], one component per file, grouped by
//! page. The URL is the one source of truth for what is on screen.

pub mod app;
pub mod archive;
pub mod document;
pub mod i18n;
pub mod lazy_part;
pub mod mount;
pub mod navigation;
pub mod navigator;
pub mod release;
pub mod root;
pub mod shared;
pub mod site_data;
pub mod sliced;
pub mod timeline;

pub use app::App;
pub use mount::{start, OnPage};
pub use root::{read_site, DatasetSource, Root, SiteSource};
pub use site_data::SiteData;
