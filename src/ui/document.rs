//! The parts of the page outside the app's root element.

/// Sets the browser tab's title (`document.title`).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}
