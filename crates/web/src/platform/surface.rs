//! Where an instance of the app lives (its own page, an iframe, another site's page), and
//! whether there is a browser at all (prerendering runs natively).

use leptos::prelude::*;

/// What kind of page the instance lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The deploy's own page.
    Page,
    /// The deploy's own page inside an iframe (`?embed=1`): compact, no site header, and it
    /// reports its height to the parent page.
    Frame,
    /// A `[data-pressline]` element on another page (the script-tag embed).
    Embed,
}

impl Surface {
    /// The instance's surface, from context (the full page when none was provided).
    pub fn current() -> Self {
        use_context::<Surface>().unwrap_or(Surface::Page)
    }

    /// True when the instance owns the document (its title and description).
    pub fn owns_document(self) -> bool {
        self != Surface::Embed
    }
}

/// True in the browser; false while pages are prerendered natively, where there is no window.
pub fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

/// Resolves an address against the document's base URL.
pub fn absolute_url(href: &str) -> String {
    if !in_browser() {
        return href.to_owned(); // A prerendered page: no document to resolve against.
    }
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(href, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| href.to_owned())
}
