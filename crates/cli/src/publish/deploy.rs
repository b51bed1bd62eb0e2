//! Where a published site lives: its absolute base URL, and the path every link starts with.

use std::fmt;

/// The deploy's base URL, e.g. `https://example.org/campaigns/ukraine/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deploy {
    /// The absolute base URL, always ending in `/`.
    base_url: String,
    /// Its path without the trailing slash: `""` at a domain's root, else `/campaigns/ukraine`.
    base_path: String,
    /// False when only the path is known (a build without `BASE_URL`): then `base_url` is the
    /// path, and nothing that needs an absolute address is written.
    absolute: bool,
}

/// Why a base URL cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadBaseUrl(pub String);

impl fmt::Display for BadBaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Deploy {
    /// Reads an absolute `http(s)` base URL; a missing trailing slash is added.
    ///
    /// ```
    /// use pressline::publish::Deploy;
    /// let deploy = Deploy::parse("https://example.org/campaigns/ukraine").unwrap();
    /// assert_eq!(deploy.base_url(), "https://example.org/campaigns/ukraine/");
    /// assert_eq!(deploy.base_path(), "/campaigns/ukraine");
    /// assert_eq!(deploy.url("/releases/a"), "https://example.org/campaigns/ukraine/releases/a");
    /// assert_eq!(deploy.href("/", "topic=War%20crimes"), "/campaigns/ukraine/?topic=War%20crimes");
    /// assert!(Deploy::parse("/relative/").is_err());
    /// assert!(Deploy::parse("javascript:alert(1)//").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, BadBaseUrl> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| {
                BadBaseUrl(format!(
                    "base URL {text:?} must be absolute http(s), e.g. https://example.org/news/"
                ))
            })?;
        if text.contains(['?', '#', '"', '<', '>', ' ', '\\']) {
            return Err(BadBaseUrl(format!(
                "base URL {text:?} may not have a query, a fragment, spaces, quotes or angle brackets"
            )));
        }
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if host.is_empty() {
            return Err(BadBaseUrl(format!("base URL {text:?} has no host")));
        }
        let base_path = path.trim_end_matches('/').to_owned();
        let scheme = &text[..text.len() - rest.len()];
        Ok(Self {
            base_url: format!("{scheme}{host}{base_path}/"),
            base_path,
            absolute: true,
        })
    }

    /// A deploy known only by its path (`/` or `/campaigns/ukraine/`, as trunk's `<base href>`
    /// names it): its pages can be prerendered, but not given canonical addresses, feeds or a
    /// sitemap.
    ///
    /// ```
    /// use pressline::publish::Deploy;
    /// let deploy = Deploy::relative("/campaigns/ukraine/");
    /// assert_eq!(deploy.base_path(), "/campaigns/ukraine");
    /// assert!(!deploy.is_absolute());
    /// ```
    pub fn relative(base_href: &str) -> Self {
        let base_path = base_href.trim_end_matches('/').to_owned();
        Self {
            base_url: format!("{base_path}/"),
            base_path,
            absolute: false,
        }
    }

    /// True when the deploy's absolute address is known.
    pub fn is_absolute(&self) -> bool {
        self.absolute
    }

    /// The absolute base URL, ending in `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The base path without its trailing slash (`""` at the root).
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The absolute address of an app path such as `/releases/a` (or `/`).
    pub fn url(&self, app_path: &str) -> String {
        format!("{}{}", self.base_url, app_path.trim_start_matches('/'))
    }

    /// A link from a page of this deploy: the base path, the app path, and the query string if
    /// any (what the app's own links are, so the two agree).
    pub fn href(&self, app_path: &str, query: &str) -> String {
        format!(
            "{}{}",
            self.base_path,
            pressline_core::view_state::link(app_path, query, "")
        )
    }
}
