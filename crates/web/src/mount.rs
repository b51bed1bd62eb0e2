//! Starting the app: on its own page, or as embeds inside other people's pages.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::root::Root;
use crate::context::i18n::{load_catalogue, I18n};
use crate::context::navigation::{LinkStyle, Navigation};
use crate::context::on_page::OnPage;
use crate::context::site_data::bundled_is_packed;
use crate::loader::source::DatasetSource;
use crate::pages::shared::FeedLinks;
use crate::pages::shared::HeadingBase;
use crate::parts::code::FETCH_CATALOGUE;
use crate::parts::{preload_dataset_reader, preload_for_first_view};
use crate::platform::document::{
    ADOPTED_ATTRIBUTE, LIVE_ID, PRERENDERED_ID, PRERENDERED_PATH_ATTRIBUTE,
};
use crate::platform::intl::browser_languages;
use crate::platform::surface::absolute_url;
use crate::platform::surface::Surface;
use crate::prerender::PRERENDER_LANGUAGE;
use pressline_core::embed::{EmbedHistory, EmbedLayout};
use pressline_core::i18n::Language;
use pressline_core::route::{app_path, base_path, carried_parameters, is_language_tag, Route};
use pressline_core::view_state::query_param;
use pressline_core::SafeUrl;

/// Starts the app. Every `[data-pressline]` element on the page becomes an independent embedded
/// instance; when there is none, the app is the page (this deploy's own `index.html`).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let hosts = document
        .query_selector_all("[data-pressline]")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if hosts.is_empty() {
        mount_page(&document);
    } else {
        let assets = EmbedAssets::from_global();
        // One embed at most keeps its address in the host page's fragment: the first, unless
        // it says otherwise, or the first that asks.
        let mut fragment_taken = false;
        for (i, host) in hosts.into_iter().enumerate() {
            let mut history =
                EmbedHistory::choose(host.get_attribute("data-history").as_deref(), i == 0);
            if fragment_taken {
                history = EmbedHistory::Memory;
            }
            fragment_taken |= history == EmbedHistory::Hash;
            mount_embed(host, &assets, history);
        }
    }
}

/// The app on its own page: `<body>` carries the deploy's settings, the address is the state.
fn mount_page(document: &web_sys::Document) {
    let Some(body) = document.body() else {
        return;
    };
    forget_no_script_search();
    let feeds = feed_links(document);
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let source = DatasetSource::from_element(&body, query_param(&search, "src").as_deref());
    preload_dataset_reader(&source);
    let surface = if query_param(&search, "embed").as_deref() == Some("1") {
        Surface::Frame
    } else {
        Surface::Page
    };
    let base = document_base_path(document);
    let carried = carried_parameters(src_from_query(&source), surface == Surface::Frame);
    if surface == Surface::Frame {
        let _ = document
            .document_element()
            .map(|html| html.set_attribute("data-pressline-frame", ""));
        report_height_to_parent(&body);
    }
    // The browser's preference is read once: the address's `?lang=` wins over it.
    let preferred = Language::choose(None, None, &browser_languages());
    let wanted = query_param(&search, "lang")
        .and_then(|tag| Language::from_tag(&tag))
        .unwrap_or(preferred);
    let route = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .and_then(|path| app_path(&path, &base))
        .map(|path| Route::from_path(&path));
    let prerendered = document.get_element_by_id(PRERENDERED_ID);
    let first_view = FirstView {
        adopt: prerendered
            .as_ref()
            .is_some_and(|element| is_this_view(element, &source, wanted, &search, route.as_ref())),
        prerendered: keep_prerendered_of_same_dataset(prerendered, &source),
        route,
        language: wanted,
    };
    let app = PageApp {
        base,
        carried,
        surface,
        preferred,
        feeds,
        source,
    };
    wasm_bindgen_futures::spawn_local(start_page(app, first_view));
}

/// The document's base path (see [`base_path`]), empty when it has none.
fn document_base_path(document: &web_sys::Document) -> String {
    document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| base_path(&url.pathname()))
        .unwrap_or_default()
}

/// The dataset address the reader gave in the page's own address (`?src=`), which links carry.
fn src_from_query(source: &DatasetSource) -> Option<&str> {
    match source {
        DatasetSource::Url {
            url,
            from_query: true,
            ..
        } => Some(url),
        _ => None,
    }
}

/// True when the prerendered page `element` is the very view the app is about to show: the
/// bundled dataset, the address it was rendered for, no view state in the query string, and
/// the language it was written in. Otherwise the app builds its own beside it, which then
/// takes its place (an adopted page switched to another language would move under the
/// reader's eyes).
fn is_this_view(
    element: &web_sys::Element,
    source: &DatasetSource,
    language: Language,
    search: &str,
    route: Option<&Route>,
) -> bool {
    *source == DatasetSource::Bundled
        && language == PRERENDER_LANGUAGE
        && bundled_is_packed()
        && search.trim_start_matches('?').is_empty()
        && route.is_some()
        && element
            .get_attribute(PRERENDERED_PATH_ATTRIBUTE)
            .map(|path| Route::from_path(&path))
            .as_ref()
            == route
}

/// True when there is a prerendered page, after removing one made from another dataset than
/// the app will show (a `?src=`, or a deploy that names another `data-src` than the one the
/// page was made from): the app's loading (or refusal) view shows instead.
fn keep_prerendered_of_same_dataset(
    prerendered: Option<web_sys::Element>,
    source: &DatasetSource,
) -> bool {
    match prerendered {
        Some(element) if shows_another_dataset(&element, source) => {
            element.remove();
            false
        }
        other => other.is_some(),
    }
}

/// How the page's first view starts.
struct FirstView {
    /// The address's route, when it is within the deploy.
    route: Option<Route>,
    /// The language the reader wants.
    language: Language,
    /// True when the page holds a prerendered page (of the dataset the app will show).
    prerendered: bool,
    /// True when that page is this very view, for the app to adopt (see [`is_this_view`]).
    adopt: bool,
}

/// What the app on its own page is rendered with.
struct PageApp {
    base: String,
    carried: String,
    surface: Surface,
    preferred: Language,
    feeds: Option<FeedLinks>,
    source: DatasetSource,
}

impl PageApp {
    /// The app, told the page's feeds (so the footer renders as it was prerendered).
    fn render(self) -> impl IntoView {
        if let Some(feeds) = self.feeds {
            provide_context(feeds);
        }
        let source = self.source;
        view! {
            <OnPage base=self.base carried=self.carried surface=self.surface preferred=self.preferred fetch_catalogue=FETCH_CATALOGUE>
                <Root source=source.clone() />
            </OnPage>
        }
    }
}

/// Loads what the first view needs, then adopts the prerendered page or mounts the app.
async fn start_page(app: PageApp, first_view: FirstView) {
    let deploy_url = absolute_url("./");
    // Before the first render: the reader's catalogue (a few KB, only for languages other
    // than English), so the app is already in their language; and the first page's lazily
    // loaded parts when it must be drawn whole at once: a release page (no moment of empty
    // page), and a prerendered page, which has every part (adopted, its nodes must all be
    // there; replaced, see `end_prerender`). True when every part arrived: a part that
    // could not be fetched shows its error in its place, which the prerendered page does
    // not have.
    let parts = preload_for_first_view(
        first_view.route.as_ref(),
        first_view.prerendered,
        app.surface,
    );
    let (_, parts_arrived) = futures::future::join(
        load_catalogue(first_view.language, &deploy_url, Some(FETCH_CATALOGUE)),
        parts,
    )
    .await;
    if first_view.adopt && !parts_arrived {
        // The prerendered page stays as it is, readable and with real links: better than
        // the app with a part missing (offline, or a deploy that lost a file).
        return;
    }
    let app = move || app.render();
    if first_view.adopt {
        adopt_prerendered(app);
        return;
    }
    // A prerendered page for another view (or dataset) stays until the app has built its
    // own, then goes (see `end_prerender`).
    match live_container_before_prerender() {
        Some(container) => leptos::mount::mount_to(container, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// Hydrates the prerendered page with `app`, keeping what the reader typed into its search
/// box meanwhile.
fn adopt_prerendered<N: IntoView>(app: impl FnOnce() -> N + 'static) {
    let root = document_element_by_id(PRERENDERED_ID);
    let Some(root) = root.and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    // What the reader typed into the prerendered search box is searched for once the box is
    // the app's (adopting it resets its value to the address's).
    let typed = search_input()
        .map(|input| input.value())
        .unwrap_or_default();
    leptos::mount::hydrate_from(root.clone(), app).forget();
    // Says the page is the app's now (for tests and benchmarks to wait on).
    let _ = root.set_attribute(ADOPTED_ATTRIBUTE, "");
    if let Some(input) = search_input().filter(|_| !typed.is_empty()) {
        input.set_value(&typed);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = input.dispatch_event(&event);
        }
    }
}

/// True when the prerendered `element` shows another dataset than `source` names: it says
/// which dataset it was made from with `data-src` (none for the bundled one).
fn shows_another_dataset(element: &web_sys::Element, source: &DatasetSource) -> bool {
    let made_from = element
        .get_attribute("data-src")
        .map(|src| absolute_url(&src));
    match source {
        DatasetSource::Bundled => made_from.is_some(),
        DatasetSource::Url {
            url, from_query, ..
        } => *from_query || made_from.as_deref() != Some(absolute_url(url).as_str()),
        DatasetSource::Refused(_) => true,
    }
}

/// The timeline's search box, if the page has one.
fn search_input() -> Option<web_sys::HtmlInputElement> {
    document_element_by_id("search-input")?.dyn_into().ok()
}

/// The element with this id, if the page has one.
fn document_element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// When the page holds prerendered content, a new element just before it for the live app.
fn live_container_before_prerender() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let prerendered = document.get_element_by_id(PRERENDERED_ID)?;
    let container = document.create_element("div").ok()?;
    container.set_id(LIVE_ID);
    prerendered
        .parent_node()?
        .insert_before(&container, Some(&prerendered))
        .ok()?;
    container.dyn_into().ok()
}

/// Where an embed's files are, as the embed script (`embed.js`) announces them.
#[derive(Debug, Clone, Default)]
struct EmbedAssets {
    /// The stylesheet for the embed's shadow root.
    css: Option<String>,
    /// The deploy's address, ending in `/`.
    base: String,
}

impl EmbedAssets {
    /// Reads `globalThis.presslineEmbed` (`{ css, base }`), set by `embed.js` before it starts
    /// the app.
    fn from_global() -> Self {
        let config = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("presslineEmbed"))
            .unwrap_or(JsValue::UNDEFINED);
        let text = |key: &str| {
            js_sys::Reflect::get(&config, &JsValue::from_str(key))
                .ok()
                .and_then(|value| value.as_string())
        };
        let base = text("base")
            .or_else(|| web_sys::window()?.document()?.base_uri().ok().flatten())
            .unwrap_or_default();
        Self {
            css: text("css"),
            base,
        }
    }
}

/// One `[data-pressline]` element: its own shadow root (so the host page's CSS cannot reach in
/// and ours cannot leak out), its own dataset and filter, and a private address.
fn mount_embed(host: web_sys::HtmlElement, assets: &EmbedAssets, history: EmbedHistory) {
    if host.shadow_root().is_some() {
        return; // Already running (the script was included twice).
    }
    let Some(wrapper) = attach_shadow_wrapper(&host, assets) else {
        return;
    };
    let attribute = |name: &str| host.get_attribute(name);
    // The host page's own `?src=` is not ours to obey.
    let source = DatasetSource::from_element(&host, None);
    preload_dataset_reader(&source);
    let src = attribute("data-src")
        .filter(|src| !src.trim().is_empty())
        .map(|src| absolute_url(src.trim()));
    let lang = attribute("data-lang").filter(|lang| is_language_tag(lang));
    let release_url = attribute("data-release-url").filter(|template| is_web_template(template));
    let filter = attribute("data-filter").unwrap_or_default();
    let layout = EmbedLayout::from_attribute(attribute("data-layout").as_deref());
    let heading_base =
        HeadingBase(layout.heading_level(attribute("data-heading-level").as_deref()));
    let style = LinkStyle::Embed {
        deploy_url: assets.base.clone(),
        release_url,
    };
    let carried = carried_parameters(src.as_deref(), false);
    let fallback = Language::choose(None, lang.as_deref(), &browser_languages());
    let deploy_url = assets.base.clone();
    let scroll_target = SendWrapper::new(wrapper.clone());
    let on_page_change = move || {
        // A new page starts at the embed's top, if that is above the window.
        if scroll_target.get_bounding_client_rect().top() < 0.0 {
            scroll_target.scroll_into_view();
        }
    };
    // The reader's catalogue first (a few KB, only for languages other than English), so the
    // first render is already in their language.
    let first = deploy_url.clone();
    wasm_bindgen_futures::spawn_local(async move {
        load_catalogue(fallback, &first, Some(FETCH_CATALOGUE)).await;
        leptos::mount::mount_to(wrapper, move || {
            provide_context(Surface::Embed);
            provide_context(layout);
            provide_context(heading_base);
            let navigation = Navigation::in_memory(
                filter.trim_start_matches('?').to_owned(),
                style.clone(),
                carried.clone(),
                history,
                on_page_change.clone(),
            );
            provide_context(navigation);
            provide_context(I18n::from_query(
                navigation.query_signal(),
                fallback,
                deploy_url.clone(),
                Some(FETCH_CATALOGUE),
            ));
            view! { <Root source=source.clone() /> }
        })
        .forget();
    });
}

/// Gives `host` a shadow root holding the embed's stylesheet and the element the embed renders
/// into, which it returns (`None` when the browser refuses).
fn attach_shadow_wrapper(
    host: &web_sys::HtmlElement,
    assets: &EmbedAssets,
) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let wrapper = document
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    wrapper.set_class_name("pressline");
    if let Some(css) = &assets.css {
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", css);
            // Shown once styled, so the reader never sees a flash of unstyled text.
            wrapper.set_hidden(true);
            let shown = wrapper.clone();
            let reveal = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                shown.set_hidden(false);
            });
            let _ = link.add_event_listener_with_callback("load", reveal.as_ref().unchecked_ref());
            let _ = link.add_event_listener_with_callback("error", reveal.as_ref().unchecked_ref());
            reveal.forget();
            let _ = shadow.append_child(&link);
        }
    }
    let _ = shadow.append_child(&wrapper);
    Some(wrapper)
}

/// True for a `data-release-url` template that makes an `http(s)` address.
fn is_web_template(template: &str) -> bool {
    template.contains("{id}") && SafeUrl::parse_web(&template.replace("{id}", "id")).is_some()
}

/// In an iframe: tells the parent page how tall the content is whenever that changes, as
/// `{ type: "pressline:resize", height }` (CSS pixels), so a few lines of host script can size
/// the iframe.
fn report_height_to_parent(body: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let measured = body.clone();
    let report = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"pressline:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // A height is not a secret: any page may embed the deploy.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(body);
    }
    report.forget();
}

/// A search submitted before the app started lands on `?q=…#search-needs-script` (the
/// explanation a page without JavaScript shows); with the app here the search works, so the
/// fragment goes.
fn forget_no_script_search() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().hash().ok().as_deref() != Some("#search-needs-script") {
        return;
    }
    let location = window.location();
    let address = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// The deploy's feeds as the page's head names them (a published deploy with a known address),
/// so the footer renders as it was prerendered.
fn feed_links(document: &web_sys::Document) -> Option<FeedLinks> {
    let href = |kind: &str| {
        document
            .query_selector(&format!(r#"link[rel="alternate"][type="{kind}"]"#))
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"))
    };
    Some(FeedLinks {
        atom: href("application/atom+xml")?,
        json: href("application/feed+json")?,
    })
}
