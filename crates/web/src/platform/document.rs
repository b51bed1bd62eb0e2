//! The parts of the page outside the app's root element. An embed leaves them to its host.

use wasm_bindgen::JsCast;

use crate::platform::surface::{in_browser, Surface};

/// The element `pressline publish` puts a page's prerendered content in.
pub const PRERENDERED_ID: &str = "pressline-prerendered";
/// The element the app is mounted in on a prerendered page, just before that content.
pub const LIVE_ID: &str = "pressline-live";

/// The attribute of the prerendered element naming the app path it was rendered for.
pub const PRERENDERED_PATH_ATTRIBUTE: &str = "data-path";

/// The attribute the prerendered element gets once the app has adopted it.
pub const ADOPTED_ATTRIBUTE: &str = "data-adopted";

/// Removes the prerendered content when the app was built beside it (a page prerendered for
/// another view or dataset): the live app now shows the page. Called while the first view with
/// data is built, so the swap happens in one task and the browser never paints the page
/// without either. An adopted page has no live container and keeps its nodes.
pub fn end_prerender() {
    if !in_browser() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if document.get_element_by_id(LIVE_ID).is_none() {
        return;
    }
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
}

/// Sets the browser tab's title (`document.title`), unless the app is embedded in another page.
/// Call while a component is set up.
pub fn set_document_title(title: &str) {
    if !Surface::current().owns_document() || !in_browser() {
        return;
    }
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// True on screens wide enough to show the filters beside the results from the start (never in
/// an embed, which is usually a column of its host's page). Call while a component is set up.
pub fn is_wide_screen() -> bool {
    if Surface::current() == Surface::Embed || !in_browser() {
        return false;
    }
    web_sys::window()
        .and_then(|window| window.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Sets the page's `<meta name="description">` (creating it if the page has none), unless the
/// app is embedded in another page. Call while a component is set up.
pub fn set_meta_description(text: &str) {
    if !Surface::current().owns_document() || !in_browser() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let meta = document
        .query_selector("meta[name=description]")
        .ok()
        .flatten()
        .or_else(|| {
            let meta = document.create_element("meta").ok()?;
            meta.set_attribute("name", "description").ok()?;
            document.head()?.append_child(&meta).ok()?;
            Some(meta)
        });
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", text);
    }
}

/// Offers `text` as a file download through a temporary `blob:` link.
pub fn offer_download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(link) = document
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Revoked later, not at once: some browsers start reading the blob after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}
