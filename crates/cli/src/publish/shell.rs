//! The app's page as trunk built it (`index.html`), and the published pages made from it: the
//! same scripts and styles, with a page's own head tags and prerendered content.

use super::escape::attribute as a;
use super::head::{PageHead, GENERATOR};

/// Trunk's `index.html`, split where a published page differs from it.
#[derive(Debug, Clone)]
pub struct Shell {
    /// Everything before `<title>`.
    before_title: String,
    /// From after `</title>` to the end of the `<body …` start tag's attributes (before `>`),
    /// with trunk's `<meta name="description">` taken out.
    head_and_body_tag: String,
    /// The `<noscript>` and no-WebAssembly messages (left out of prerendered pages, which are
    /// readable without).
    fallbacks: String,
    /// From after the `<body>` start tag (and the fallback messages) to the end.
    rest: String,
    /// The `<base href>`'s value.
    base_href: String,
    /// True when the body already has `data-src` (the deploy chose its dataset's address).
    has_data_src: bool,
}

/// Why a file is not a page `publish` can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAShell(pub String);

impl Shell {
    /// Splits trunk's `index.html`. Refuses a page `publish` already wrote.
    pub fn parse(html: &str) -> Result<Self, NotAShell> {
        if html.contains(&format!(r#"content="{GENERATOR}""#)) {
            return Err(NotAShell(
                "it is a page `pressline publish` wrote, not trunk's index.html; run `trunk build` again"
                    .into(),
            ));
        }
        let missing =
            |what: &str| NotAShell(format!("it has no {what} (is it trunk's index.html?)"));
        let title_start = html.find("<title>").ok_or_else(|| missing("<title>"))?;
        let title_end = html[title_start..]
            .find("</title>")
            .map(|at| title_start + at + "</title>".len())
            .ok_or_else(|| missing("</title>"))?;
        let body_start = html.find("<body").ok_or_else(|| missing("<body>"))?;
        let body_tag_end = html[body_start..]
            .find('>')
            .map(|at| body_start + at)
            .ok_or_else(|| missing("<body>"))?;
        if body_start < title_end {
            return Err(missing("<title> before <body>"));
        }
        let base_href = attribute_value(html, "<base ", "href").unwrap_or_else(|| "/".into());
        let mut head_and_body_tag = html[title_end..body_tag_end].to_owned();
        // The page's own description replaces trunk's.
        if let Some(start) = head_and_body_tag.find("<meta name=\"description\"") {
            if let Some(len) = head_and_body_tag[start..].find('>') {
                let mut end = start + len + 1;
                if head_and_body_tag[end..].starts_with('\n') {
                    end += 1;
                }
                head_and_body_tag.replace_range(start..end, "");
            }
        }
        let body_tag = &html[body_start..body_tag_end];
        let has_data_src = body_tag.contains("data-src=");
        let mut rest = html[body_tag_end + 1..].to_owned();
        // The fallback messages (for no JavaScript, and for no WebAssembly) are left out of
        // prerendered pages, which are readable without either; the bare page keeps them.
        let mut fallbacks = String::new();
        for (open, close) in [
            ("<p class=\"no-wasm\"", "</p>"),
            ("<noscript>", "</noscript>"),
        ] {
            if let Some(start) = rest.find(open) {
                if let Some(len) = rest[start..].find(close) {
                    let end = start + len + close.len();
                    fallbacks.push_str(&rest[start..end]);
                    fallbacks.push_str("\n    ");
                    rest.replace_range(start..end, "");
                    let spaces = rest[start..].len() - rest[start..].trim_start().len();
                    rest.replace_range(start..start + spaces, "");
                }
            }
        }
        Ok(Self {
            before_title: html[..title_start].to_owned(),
            head_and_body_tag,
            fallbacks,
            rest,
            base_href,
            has_data_src,
        })
    }

    /// The `<base href>` trunk wrote (its `--public-url`).
    pub fn base_href(&self) -> &str {
        &self.base_href
    }

    /// True when the page's `<body>` names a dataset address (`data-src`) already.
    pub fn has_data_src(&self) -> bool {
        self.has_data_src
    }

    /// A published page: its head tags, and `content` (the app's page for `app_path`, see
    /// `ui::prerender`) inside `<div id="pressline-prerendered" data-path="…">`, which the app
    /// adopts when it starts on that address (see `ui::mount`). `body_attributes` (e.g.
    /// `data-src`, so the app loads the published dataset) are added to `<body>`.
    pub fn page(
        &self,
        head: &PageHead,
        head_tags: &str,
        body_attributes: &[(&str, String)],
        app_path: &str,
        content: &str,
    ) -> String {
        let mut out = String::with_capacity(
            self.before_title.len()
                + self.head_and_body_tag.len()
                + self.rest.len()
                + content.len()
                + head_tags.len()
                + 256,
        );
        out.push_str(&self.before_title);
        out.push_str(&head.title_element());
        out.push('\n');
        out.push_str(head_tags);
        out.push_str(&without_wasm_preload(
            self.head_and_body_tag.trim_start_matches('\n'),
        ));
        push_attributes(&mut out, body_attributes);
        // The dataset the page shows, when the app fetches it: a page whose deploy now names
        // another is not the app's to adopt or keep (see `ui::mount`).
        let data_src = body_attributes
            .iter()
            .find(|(name, _)| *name == "data-src")
            .map(|(_, src)| format!(" data-src=\"{}\"", a(src)))
            .unwrap_or_default();
        out.push_str(&format!(
            ">\n    <div id=\"pressline-prerendered\" data-path=\"{}\"{data_src}>",
            a(app_path)
        ));
        out.push_str(content);
        out.push_str("</div>");
        out.push_str(&self.rest);
        out
    }

    /// The page as trunk built it, with `body_attributes` added and without a prerendered
    /// page: for `404.html`, which hosts without rewrite rules serve for any unknown address.
    pub fn bare(&self, title: &str, body_attributes: &[(&str, String)]) -> String {
        let mut out = self.before_title.clone();
        out.push_str(&format!("<title>{}</title>", super::escape::text(title)));
        out.push_str(&self.head_and_body_tag);
        push_attributes(&mut out, body_attributes);
        out.push('>');
        out.push_str("\n    ");
        out.push_str(self.fallbacks.trim_end());
        out.push_str(&self.rest);
        out
    }
}

/// `head` without trunk's `<link rel="preload">` of the app's wasm: a prerendered page is its
/// own first view, so the wasm is fetched after the first paint (by the start-up script) rather
/// than beside the page's HTML and CSS, which a slow network then delivers sooner.
fn without_wasm_preload(head: &str) -> String {
    let mut out = head.to_owned();
    if let Some(start) = out.find("<link rel=\"preload\"") {
        if let Some(len) = out[start..].find('>') {
            let end = start + len + 1;
            if out[start..end].contains(".wasm\"") {
                let end = end + out[end..].len() - out[end..].trim_start().len();
                out.replace_range(start..end, "");
            }
        }
    }
    out
}

fn push_attributes(out: &mut String, attributes: &[(&str, String)]) {
    for (name, value) in attributes {
        out.push_str(&format!(r#" {name}="{}""#, a(value)));
    }
}

/// The value of `name="…"` in the first tag starting with `tag`.
fn attribute_value(html: &str, tag: &str, name: &str) -> Option<String> {
    let start = html.find(tag)?;
    let end = start + html[start..].find('>')?;
    let element = &html[start..end];
    let at = element.find(&format!("{name}=\""))? + name.len() + 2;
    let len = element[at..].find('"')?;
    Some(element[at..at + len].to_owned())
}
