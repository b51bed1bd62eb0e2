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
