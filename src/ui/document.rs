//! The parts of the page outside the app's root element.

/// Sets the browser tab's title (`document.title`).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// True on screens wide enough to show the filters beside the results from the start.
pub fn is_wide_screen() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(min-width: 60rem)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Sets the page's `<meta name="description">` (creating it if the page has none).
pub fn set_meta_description(text: &str) {
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
