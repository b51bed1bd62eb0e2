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
/// use pressline::core::embed::{script_snippet, EmbedRequest};
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
/// use pressline::core::embed::origin_of;
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
/// use pressline::core::embed::escape_attribute;
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
