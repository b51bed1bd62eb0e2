//! Escaping dataset text for the places it lands in a published file: HTML text, HTML
//! attributes, XML, and JSON inside a `<script>` element.

use std::borrow::Cow;

/// Text for an HTML or XML element's content: `&`, `<` and `>` escaped.
///
/// ```
/// use pressline::publish::escape::text;
/// assert_eq!(text("a < b & c"), "a &lt; b &amp; c");
/// assert_eq!(text("</script>"), "&lt;/script&gt;");
/// ```
pub fn text(raw: &str) -> Cow<'_, str> {
    escape(raw, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    })
}

/// Text for a double- or single-quoted attribute value: the core's escaping, which the
/// embed snippets use too.
///
/// ```
/// use pressline::publish::escape::attribute;
/// assert_eq!(attribute(r#""><script>"#), "&quot;&gt;&lt;script&gt;");
/// assert_eq!(attribute("it's"), "it&#39;s");
/// ```
pub use pressline_core::embed::escape_attribute as attribute;

/// Text for XML content or attributes (Atom, sitemaps): escaped like an attribute, and without
/// the characters XML 1.0 forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF),
/// which would make the whole document unreadable to a feed parser.
///
/// ```
/// use pressline::publish::escape::xml;
/// assert_eq!(xml("a\u{1}b & \"c\""), "ab &amp; &quot;c&quot;");
/// ```
pub fn xml(raw: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if raw.chars().all(allowed) {
        return attribute(raw);
    }
    let clean: String = raw.chars().filter(|&c| allowed(c)).collect();
    Cow::Owned(attribute(&clean).into_owned())
}

/// A JSON value as the content of a `<script type="application/ld+json">` element: `<`, `>`
/// and `&` written as `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can end or
/// bend the element), and U+2028/U+2029 escaped. The JSON means exactly the same.
///
/// ```
/// use pressline::publish::escape::json_in_script;
/// let json = json_in_script(&serde_json::json!({ "headline": "</script><b>" }));
/// assert_eq!(json, r#"{"headline":"\u003c/script\u003e\u003cb\u003e"}"#);
/// ```
pub fn json_in_script(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).expect("JSON values serialize");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            // Only inside strings: JSON's own syntax has none of these characters.
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Copies `raw`, replacing the characters `replace` names; borrows when there are none.
fn escape(raw: &str, replace: impl Fn(char) -> Option<&'static str>) -> Cow<'_, str> {
    let Some(first) = raw.find(|c| replace(c).is_some()) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len() + 16);
    out.push_str(&raw[..first]);
    for c in raw[first..].chars() {
        match replace(c) {
            Some(entity) => out.push_str(entity),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}
