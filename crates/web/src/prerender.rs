//! The app's pages rendered to HTML natively, at build time, by the same components the browser
//! runs: what a deploy's `index.html` and `releases/<id>/index.html` hold. The browser adopts
//! (hydrates) that HTML in place when it starts on the same address (see [`crate::mount`]).
//!
//! Pages are written in English, the app's default language; a reader whose browser prefers
//! another gets it once the app has started.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::context::on_page::OnPage;
use crate::context::site_data::SiteData;
use crate::pages::release::{MarkdownBody, ReleasePlans};
use crate::pages::shared::FeedLinks;
use pressline_core::i18n::Language;

/// The language prerendered pages are written in.
pub const PRERENDER_LANGUAGE: Language = Language::En;

/// The HTML of the page at `app_path` (`/`, `/releases/<id>`) of a deploy under `base` (`""` or
/// `/campaigns/ukraine`) showing `data`: exactly what the app renders in the browser for that
/// address, with the markers Leptos needs to adopt it.
pub fn render_page(data: &SiteData, base: &str, app_path: &str) -> String {
    render_page_with(data, base, app_path, None, None)
}

/// [`render_page`], with the release pages' plans worked out beforehand (see
/// [`ReleasePlans`]), for prerendering many pages, and the deploy's feeds for the footer.
pub fn render_page_with(
    data: &SiteData,
    base: &str,
    app_path: &str,
    plans: Option<&ReleasePlans>,
    feeds: Option<&FeedLinks>,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{base}{app_path}")));
        if let Some(plans) = plans {
            provide_context(plans.clone());
        }
        if let Some(feeds) = feeds {
            provide_context(feeds.clone());
        }
        let data = data.clone();
        view! {
            <OnPage base=base.to_owned() preferred=PRERENDER_LANGUAGE>
                <App data=data />
            </OnPage>
        }
        .to_html()
    });
    drop(owner);
    html
}

/// A release body's HTML as the release page renders it (see [`MarkdownBody`]), without
/// Leptos's hydration markers: for feeds, whose readers show it as it is.
///
/// ```
/// use pressline_web::prerender::markdown_html;
/// // Raw HTML in a body is not markup: its tags are dropped, and text is escaped.
/// assert_eq!(
///     markdown_html("If 1 < 2 & *so* <script>alert(1)</script>"),
///     "<div class=\"release__body\"><p>If 1 &lt; 2 &amp; <em>so</em> alert(1)</p></div>"
/// );
/// ```
pub fn markdown_html(markdown: &str) -> String {
    let owner = Owner::new();
    let markdown = markdown.to_owned();
    let html = owner.with(|| view! { <MarkdownBody markdown=markdown /> }.to_html());
    // Text is escaped, so `<!>` can only be a marker.
    html.replace("<!>", "")
}
