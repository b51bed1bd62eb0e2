//! The app on its own page, as the browser starts it and as its pages are prerendered.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::context::i18n::{FetchCatalogue, I18n};
use crate::context::navigation::Navigation;
use crate::platform::surface::{absolute_url, Surface};
use pressline_core::i18n::Language;

/// The app on its own page: the browser's address drives it, under the deploy's base path.
#[component]
pub fn OnPage(
    /// The deploy's base path (`""` or `/campaigns/ukraine`).
    #[prop(into, default = String::new())]
    base: String,
    /// Parameters every internal link keeps (see [`carried_parameters`]).
    #[prop(into, default = String::new())]
    carried: String,
    /// The page itself, or the page inside an iframe (`?embed=1`).
    #[prop(default = Surface::Page)]
    surface: Surface,
    /// The language when the address has no `?lang=` (the browser's preferred one).
    #[prop(default = Language::En)]
    preferred: Language,
    /// Fetches the catalogue of a language not compiled in (none: such a language stays
    /// English).
    #[prop(optional)]
    fetch_catalogue: Option<FetchCatalogue>,
    /// The app.
    children: Children,
) -> impl IntoView {
    provide_context(surface);
    view! {
        <Router base=base.clone()>
            // Children are built inside the router, so the navigation can read its location.
            {
                let navigation = Navigation::from_router(base, carried);
                provide_context(navigation);
                let deploy_url = absolute_url("./");
                let i18n = I18n::from_query(
                    navigation.query_signal(),
                    preferred,
                    deploy_url,
                    fetch_catalogue,
                );
                provide_context(i18n);
                // The page is ours: its language and direction follow the reader's choice, on
                // every view (loading and error views included).
                Effect::new(move |_| {
                    let language = i18n.language();
                    if let Some(html) = web_sys::window()
                        .and_then(|window| window.document())
                        .and_then(|document| document.document_element())
                    {
                        let _ = html.set_attribute("lang", language.tag());
                        let _ = html.set_attribute("dir", language.dir());
                    }
                });
                children()
            }
        </Router>
    }
}
