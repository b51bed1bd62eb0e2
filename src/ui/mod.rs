//! The Leptos front end: a thin layer over [`crate::core`], one component per file, grouped by
//! page. The URL is the one source of truth for what is on screen.

pub mod app;
pub mod archive;
pub mod document;
pub mod links;
pub mod release;
pub mod root;
pub mod shared;
pub mod site_data;
pub mod timeline;

pub use app::App;
pub use root::{DatasetSource, Root};
pub use site_data::SiteData;

/// Starts the app: mounts [`Root`] into the page's `[data-pressline]` element (or `<body>`),
/// with the dataset its `data-src` names, or the bundled one.
pub fn start() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let host = document.query_selector("[data-pressline]").ok().flatten();
    let body = document.body();
    let source = host
        .as_ref()
        .or(body.as_deref())
        .map_or(DatasetSource::Bundled, DatasetSource::from_page);
    match host.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => {
            leptos::mount::mount_to(element, move || leptos::view! { <Root source=source /> })
                .forget()
        }
        None => leptos::mount::mount_to_body(move || leptos::view! { <Root source=source /> }),
    }
}
