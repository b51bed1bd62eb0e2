//! The parts of the page outside the app's root element. An embed leaves them to its host.

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
