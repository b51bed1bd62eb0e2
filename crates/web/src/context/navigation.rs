//! Where an instance of the app is, how it moves, and what its links look like.
//!
//! On its own page the app's address is the browser's: the URL is the one source of truth and
//! Back works. Embedded in someone else's page (a `[data-pressline]` element) the browser's
//! address belongs to the host, and two embeds on one page must not fight over it, so each
//! instance keeps a private address with the same shape, and its links still point at real
//! pages of the deploy so "open in new tab" works.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::platform::surface::{absolute_url, in_browser};

use pressline_core::embed::{history_fragment, read_history_fragment, EmbedHistory};
use pressline_core::route::is_language_tag;
use pressline_core::route::{app_path, release_path, Route};
use pressline_core::view_state::{encode_component, link, query_param, UrlNotice, ViewState};

/// Where to go: an app-relative path and query, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Destination {
    /// App-relative path, e.g. `/` or `/releases/a`.
    pub path: String,
    /// Query string without `?` (view state only; carried parameters are added).
    pub query: String,
    /// Replace the current history entry instead of adding one (typing in the search box).
    pub replace: bool,
    /// Scroll to the top of the instance afterwards (a new page, not a changed filter).
    pub scroll: bool,
}

/// How an instance's links are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkStyle {
    /// The deploy's own page: `base + path`, with the carried parameters.
    Page {
        /// The deploy's base path (`""` or `/campaigns/ukraine`).
        base: String,
    },
    /// An embed: links name the deploy's pages (`deploy_url + path`) and clicks open them in
    /// place; release links go to the organization's site when a template is configured.
    Embed {
        /// The deploy's address, ending in `/` (where the embed script came from).
        deploy_url: String,
        /// `data-release-url`, e.g. `https://example.org/news/{id}`.
        release_url: Option<String>,
    },
}

/// An instance's address and the way to change it. Provided as context by the app's root.
#[derive(Clone, Copy)]
pub struct Navigation {
    path: Signal<String>,
    query: Signal<String>,
    /// The query string parsed once, for every view that reads it.
    view_state: Memo<(ViewState, Vec<UrlNotice>)>,
    go: Callback<Destination>,
    style: StoredValue<LinkStyle>,
    carried: StoredValue<String>,
}

impl Navigation {
    /// The browser's address, for an instance that owns the page. Call inside `<Router>`.
    pub fn from_router(base: String, carried: String) -> Self {
        let location = use_location();
        let navigate = use_navigate();
        let path_base = base.clone();
        let go_carried = carried.clone();
        let go_base = base.clone();
        let query =
            Signal::derive(move || location.search.get().trim_start_matches('?').to_owned());
        Self {
            path: Signal::derive(move || {
                app_path(&location.pathname.get(), &path_base).unwrap_or_default()
            }),
            query,
            view_state: parse_view_state(query),
            go: Callback::new(move |to: Destination| {
                let carried = with_language(&go_carried, &to.query, &query.get_untracked());
                // The full path, unresolved: the router's own resolution drops the slash of
                // `/campaigns/ukraine/`, which then fails to match the deploy's directory.
                navigate(
                    &format!("{go_base}{}", link(&to.path, &to.query, &carried)),
                    NavigateOptions {
                        replace: to.replace,
                        scroll: to.scroll,
                        resolve: false,
                        ..Default::default()
                    },
                );
            }),
            style: StoredValue::new(LinkStyle::Page { base }),
            carried: StoredValue::new(carried),
        }
    }

    /// An embed's own address, starting at the timeline with `initial_query`. With
    /// [`EmbedHistory::Hash`] it is also kept in the host page's fragment (`#pl:/releases/a`):
    /// read at start, written on every move (typing replaces the entry), and followed on Back
    /// and Forward. `on_page_change` runs after a move to another page (to scroll the embed into
    /// view).
    pub fn in_memory(
        initial_query: String,
        style: LinkStyle,
        carried: String,
        history: EmbedHistory,
        on_page_change: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let in_fragment = history == EmbedHistory::Hash;
        let start = move || {
            in_fragment
                .then(|| read_history_fragment(&host_fragment()))
                .flatten()
                .unwrap_or_else(|| ("/".to_owned(), initial_query.clone()))
        };
        let (start_path, start_query) = start();
        let path = RwSignal::new(start_path);
        let query = RwSignal::new(start_query);
        if in_fragment && in_browser() {
            let _ = window_event_listener(leptos::ev::popstate, move |_| {
                let (to_path, to_query) = start();
                path.set(to_path);
                query.set(to_query);
            });
        }
        Self {
            path: path.into(),
            query: query.into(),
            view_state: parse_view_state(query.into()),
            go: Callback::new(move |to: Destination| {
                let new_page = path.get_untracked() != to.path;
                if in_fragment {
                    write_host_fragment(&history_fragment(&to.path, &to.query), to.replace);
                }
                path.set(to.path);
                query.set(to.query);
                if new_page || to.scroll {
                    on_page_change();
                }
            }),
            style: StoredValue::new(style),
            carried: StoredValue::new(carried),
        }
    }

    /// The instance's navigation, from context.
    pub fn current() -> Self {
        expect_context::<Navigation>()
    }

    /// The current app-relative path (tracked).
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// The current query string, without `?` (tracked).
    pub fn query(&self) -> String {
        self.query.get()
    }

    /// The view state the query string describes, and what it had that was ignored: parsed
    /// once per address for every view that reads it.
    pub fn view_state(&self) -> Memo<(ViewState, Vec<UrlNotice>)> {
        self.view_state
    }

    /// The current query string as a signal (for values derived from it, like the language).
    pub fn query_signal(&self) -> Signal<String> {
        self.query
    }

    /// The current page (tracked).
    pub fn route(&self) -> Route {
        self.path.with(|path| Route::from_path(path))
    }

    /// Goes somewhere.
    pub fn go(&self, to: Destination) {
        self.go.run(to);
    }

    /// The `href` of an internal link: a real address that works when opened in a new tab.
    pub fn href(&self, path: &str, query: &str) -> String {
        let carried = with_language(
            &self.carried.get_value(),
            query,
            &self.query.get_untracked(),
        );
        self.style.with_value(|style| match style {
            LinkStyle::Page { base } => format!("{base}{}", link(path, query, &carried)),
            LinkStyle::Embed {
                deploy_url,
                release_url,
            } => match (Route::from_path(path), release_url) {
                (Route::Release(id), Some(template)) => release_url_for(template, &id),
                _ => {
                    let relative = link(path, query, &carried);
                    format!("{deploy_url}{}", relative.trim_start_matches('/'))
                }
            },
        })
    }

    /// The shareable address of a release's page.
    pub fn release_share_url(&self, id: &str) -> String {
        let href = self.href(&release_path(id), "");
        absolute_url(&href)
    }

    /// True when a link to `path` leaves the app (an embed's release link to the
    /// organization's site): the browser follows it as usual.
    pub fn leaves_app(&self, path: &str) -> bool {
        self.style.with_value(|style| {
            matches!(
                (style, Route::from_path(path)),
                (
                    LinkStyle::Embed {
                        release_url: Some(_),
                        ..
                    },
                    Route::Release(_)
                )
            )
        })
    }

    /// Handles a click on an internal link: a plain click moves within the app; a click with a
    /// modifier key (new tab, new window, download) is left to the browser.
    pub fn follow(&self, event: &web_sys::MouseEvent, path: &str, query: &str) {
        if !is_plain_click(event) || self.leaves_app(path) {
            return;
        }
        event.prevent_default();
        self.go(Destination {
            path: path.to_owned(),
            query: query.to_owned(),
            replace: false,
            scroll: true,
        });
    }
}

/// A click the app may take over: the main button, no modifier key (those open a new tab or
/// window, or download), and not already handled.
pub fn is_plain_click(event: &web_sys::MouseEvent) -> bool {
    !event.default_prevented()
        && event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

/// The carried parameters plus the reader's chosen `lang` (from the current query), unless the
/// destination's query sets its own.
fn with_language(carried: &str, destination: &str, current: &str) -> String {
    if query_param(destination, "lang").is_some() {
        return carried.to_owned();
    }
    match query_param(current, "lang").filter(|lang| is_language_tag(lang)) {
        Some(lang) if carried.is_empty() => format!("lang={lang}"),
        Some(lang) => format!("{carried}&lang={lang}"),
        None => carried.to_owned(),
    }
}

/// Fills a `data-release-url` template's `{id}` with the percent-encoded id.
///
/// Only `http(s)` templates are used; anything else falls back to the deploy's page.
pub fn release_url_for(template: &str, id: &str) -> String {
    template.replace("{id}", &encode_component(id))
}

/// The host page's URL fragment, with its `#` (empty when it has none).
fn host_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Puts `fragment` in the host page's address: a new history entry, or in place of this one.
fn write_host_fragment(fragment: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment))
    };
}

/// The view state of a query string, re-parsed only when the query changes.
fn parse_view_state(query: Signal<String>) -> Memo<(ViewState, Vec<UrlNotice>)> {
    Memo::new(move |_| query.with(|query| ViewState::from_query(query)))
}
