//! The two ways to put a view of the timeline on another page, as copy-paste snippets.

/// The address the parent page receives height messages with: `{ type, height }`.
pub const RESIZE_MESSAGE: &str = "pressline:resize";

/// What the snippets are made of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedRequest<'a> {
    /// The deploy's address, ending in `/` (e.g. `https://press.example.org/campaigns/ukraine/`).
    pub deploy_url: &'a str,
    /// The view's query string (filters, search, dates, sort), without `?`.
    pub query: &'a str,
    /// A fetched dataset's absolute address; `None` for the deploy's own dataset.
    pub src: Option<&'a str>,
    /// The UI language, e.g. `en`.
    pub lang: &'a str,
    /// A title for the iframe, read by screen readers.
    pub title: &'a str,
}

/// The script-tag snippet: a `[data-pressline]` element and the embed script.
///
/// ```
/// use pressline_core::embed::{script_snippet, EmbedRequest};
/// let snippet = script_snippet(&EmbedRequest {
///     deploy_url: "https://press.example.org/",
///     query: "kind=Report&topic=War%20crimes",
///     lang: "en",
///     ..Default::default()
/// });
/// assert_eq!(snippet, "<div data-pressline data-filter=\"kind=Report&amp;topic=War%20crimes\" data-lang=\"en\"></div>\n<script type=\"module\" src=\"https://press.example.org/embed.js\"></script>");
/// ```
pub fn script_snippet(request: &EmbedRequest) -> String {
    let mut attributes = String::new();
    if let Some(src) = request.src {
        attributes.push_str(&format!(" data-src=\"{}\"", escape_attribute(src)));
    }
    if !request.query.is_empty() {
        attributes.push_str(&format!(
            " data-filter=\"{}\"",
            escape_attribute(request.query)
        ));
    }
    attributes.push_str(&format!(
        " data-lang=\"{}\"",
        escape_attribute(request.lang)
    ));
    format!(
        "<div data-pressline{attributes}></div>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        escape_attribute(request.deploy_url)
    )
}

/// The iframe snippet: the deploy's compact view (`?embed=1`) and a few lines of script that
/// set the iframe's height from its messages.
pub fn iframe_snippet(request: &EmbedRequest) -> String {
    let mut query = String::from("embed=1");
    if let Some(src) = request.src {
        query.push_str("&src=");
        query.push_str(&super::view_state::encode_component(src));
    }
    if !request.query.is_empty() {
        query.push('&');
        query.push_str(request.query);
    }
    query.push_str("&lang=");
    query.push_str(&super::view_state::encode_component(request.lang));
    let origin = origin_of(request.deploy_url);
    format!(
        r#"<iframe src="{url}?{query}" title="{title}" loading="lazy" style="width: 100%; height: 600px; border: 0" data-pressline-frame></iframe>
<script>
  addEventListener("message", (event) => {{
    if (event.origin !== "{origin}" || event.data?.type !== "{message}") return;
    for (const frame of document.querySelectorAll("iframe[data-pressline-frame]"))
      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
  }});
</script>"#,
        url = escape_attribute(request.deploy_url),
        query = escape_attribute(&query),
        title = escape_attribute(request.title),
        origin = escape_script_string(&origin),
        message = RESIZE_MESSAGE,
    )
}

/// `scheme://host[:port]` of an absolute address.
///
/// ```
/// use pressline_core::embed::origin_of;
/// assert_eq!(origin_of("https://press.example.org/campaigns/x/"), "https://press.example.org");
/// assert_eq!(origin_of("http://127.0.0.1:8080/"), "http://127.0.0.1:8080");
/// ```
pub fn origin_of(url: &str) -> String {
    match url.find("://") {
        Some(scheme_end) => {
            let rest = &url[scheme_end + 3..];
            let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            url[..scheme_end + 3 + host_end].to_owned()
        }
        None => String::new(),
    }
}

/// Escapes text for a double-quoted HTML attribute.
///
/// ```
/// use pressline_core::embed::escape_attribute;
/// assert_eq!(escape_attribute(r#"a&b"<c>'"#), "a&amp;b&quot;&lt;c&gt;&#39;");
/// ```
pub fn escape_attribute(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '"', '<', '>', '\'']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes text for a double-quoted JavaScript string inside a `<script>` element: no quote,
/// backslash, line break or `<` (so no `</script>`) survives.
fn escape_script_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

/// How a script-tag embed keeps its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedHistory {
    /// In the host page's URL fragment (`#pl:/releases/a?kind=Report`): Back, reloading and
    /// sharing the host page keep the open release and filters. One embed per page may.
    Hash,
    /// Privately: the host's address and history are left alone.
    Memory,
}

impl EmbedHistory {
    /// The history an embed asks for with `data-history` (`hash` or `none`); without one, the
    /// page's first embed keeps its address in the fragment and the others privately.
    ///
    /// ```
    /// use pressline_core::embed::EmbedHistory;
    /// assert_eq!(EmbedHistory::choose(None, true), EmbedHistory::Hash);
    /// assert_eq!(EmbedHistory::choose(None, false), EmbedHistory::Memory);
    /// assert_eq!(EmbedHistory::choose(Some("none"), true), EmbedHistory::Memory);
    /// ```
    pub fn choose(attribute: Option<&str>, first_on_page: bool) -> Self {
        match attribute.map(str::trim) {
            Some("hash") => Self::Hash,
            Some("none" | "memory") => Self::Memory,
            _ if first_on_page => Self::Hash,
            _ => Self::Memory,
        }
    }
}

/// Marks a URL fragment as an embed's address, so a host's own fragments are left alone.
const FRAGMENT_PREFIX: &str = "#pl:";

/// The host page's fragment for an embed at `path` with `query` (both app-relative).
///
/// ```
/// use pressline_core::embed::{history_fragment, read_history_fragment};
/// let hash = history_fragment("/releases/a%20b", "kind=Report");
/// assert_eq!(hash, "#pl:/releases/a%20b?kind=Report");
/// assert_eq!(read_history_fragment(&hash), Some(("/releases/a%20b".to_owned(), "kind=Report".to_owned())));
/// ```
pub fn history_fragment(path: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{FRAGMENT_PREFIX}{path}")
    } else {
        format!("{FRAGMENT_PREFIX}{path}?{query}")
    }
}

/// Reads an embed's address back from the host page's fragment: `None` for a fragment that is
/// the host's own (`#contact`), empty, or not an address of the app's pages.
pub fn read_history_fragment(hash: &str) -> Option<(String, String)> {
    let address = hash.strip_prefix(FRAGMENT_PREFIX)?;
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let known = path.starts_with('/')
        && crate::route::Route::from_path(path) != crate::route::Route::NotFound;
    known.then(|| (path.to_owned(), query.to_owned()))
}

/// What a script-tag embed shows of the timeline (`data-layout`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EmbedLayout {
    /// Everything: title, description, histogram, search, filters and the list.
    #[default]
    Full,
    /// The list alone with its search and filters (`data-layout="list"`): the host page has its
    /// own title.
    List,
}

impl EmbedLayout {
    /// The layout `data-layout` names; anything but `list` is the full timeline.
    pub fn from_attribute(attribute: Option<&str>) -> Self {
        match attribute.map(str::trim) {
            Some("list") => Self::List,
            _ => Self::Full,
        }
    }

    /// The level of the embed's page title (`data-heading-level`, 1 to 6): by default 1 for
    /// the full timeline and 2 for a list, which sits under the host's own `<h1>`.
    ///
    /// ```
    /// use pressline_core::embed::EmbedLayout;
    /// assert_eq!(EmbedLayout::List.heading_level(None), 2);
    /// assert_eq!(EmbedLayout::Full.heading_level(Some("3")), 3);
    /// assert_eq!(EmbedLayout::List.heading_level(Some("9")), 2);
    /// ```
    pub fn heading_level(self, attribute: Option<&str>) -> u8 {
        let default = match self {
            Self::Full => 1,
            Self::List => 2,
        };
        attribute
            .and_then(|level| level.trim().parse::<u8>().ok())
            .filter(|level| (1..=6).contains(level))
            .unwrap_or(default)
    }
}
