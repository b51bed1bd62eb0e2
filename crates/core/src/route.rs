//! The app's pages, read from an app-relative path, and the deploy's base path.

use super::view_state::decode_component;

/// One page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the timeline.
    Timeline,
    /// `/releases/<id>`: one release (the id percent-decoded).
    Release(String),
    /// Anything else.
    NotFound,
}

impl Route {
    /// Reads an app-relative path (the deploy's base path already removed).
    ///
    /// ```
    /// use pressline_core::route::Route;
    /// assert_eq!(Route::from_path("/"), Route::Timeline);
    /// assert_eq!(Route::from_path(""), Route::Timeline);
    /// assert_eq!(Route::from_path("/releases/a%20b"), Route::Release("a b".into()));
    /// assert_eq!(Route::from_path("/releases/a/"), Route::Release("a".into()));
    /// assert_eq!(Route::from_path("/releases/"), Route::NotFound);
    /// assert_eq!(Route::from_path("/index.html"), Route::Timeline);
    /// assert_eq!(Route::from_path("/nope"), Route::NotFound);
    /// ```
    pub fn from_path(path: &str) -> Self {
        // A trailing slash (as a static host's directory index adds) names the same page.
        let path = path.strip_suffix('/').unwrap_or(path);
        match path {
            "" | "/index.html" => Self::Timeline,
            _ => match path.strip_prefix("/releases/") {
                Some(id) if !id.is_empty() && !id.contains('/') => {
                    Self::Release(decode_component(id))
                }
                _ => Self::NotFound,
            },
        }
    }

    /// The app-relative path of a page.
    ///
    /// ```
    /// use pressline_core::route::Route;
    /// assert_eq!(Route::Release("a b/c".into()).path(), "/releases/a%20b%2Fc");
    /// assert_eq!(Route::Timeline.path(), "/");
    /// ```
    pub fn path(&self) -> String {
        match self {
            Self::Timeline | Self::NotFound => "/".to_owned(),
            Self::Release(id) => release_path(id),
        }
    }
}

/// The app-relative path of a release's page, its id percent-encoded.
pub fn release_path(id: &str) -> String {
    format!("/releases/{}", super::view_state::encode_component(id))
}

/// The deploy's base path from the document's base URL's path: `/` → `""`,
/// `/campaigns/ukraine/` → `/campaigns/ukraine`. Always empty or a `/`-led path without a
/// trailing slash, so `base + "/releases/x"` is a full path.
///
/// ```
/// use pressline_core::route::base_path;
/// assert_eq!(base_path("/"), "");
/// assert_eq!(base_path("/campaigns/ukraine/"), "/campaigns/ukraine");
/// assert_eq!(base_path("/campaigns/ukraine/index.html"), "/campaigns/ukraine");
/// assert_eq!(base_path(""), "");
/// ```
pub fn base_path(document_base_path: &str) -> String {
    // A base URL names a directory; anything after its last slash is a file in it.
    let directory = match document_base_path.rfind('/') {
        Some(slash) => &document_base_path[..slash],
        None => "",
    };
    directory.to_owned()
}

/// The app-relative part of a full path under `base` (see [`base_path`]); `None` when the path
/// is outside the deploy.
///
/// ```
/// use pressline_core::route::app_path;
/// assert_eq!(app_path("/campaigns/ukraine/releases/a", "/campaigns/ukraine").as_deref(), Some("/releases/a"));
/// assert_eq!(app_path("/campaigns/ukraine", "/campaigns/ukraine").as_deref(), Some("/"));
/// assert_eq!(app_path("/campaigns/ukrainex", "/campaigns/ukraine"), None);
/// assert_eq!(app_path("/releases/a", "").as_deref(), Some("/releases/a"));
/// ```
pub fn app_path(full_path: &str, base: &str) -> Option<String> {
    let rest = full_path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".to_owned())
    } else if rest.starts_with('/') {
        Some(rest.to_owned())
    } else {
        None
    }
}

/// The parameters every internal link of an instance keeps, so a reload or a shared link shows
/// the same thing: the dataset a `?src=` chose and the iframe embed's `embed=1`. (A chosen
/// `lang` is carried too, from the current address.)
///
/// ```
/// use pressline_core::route::carried_parameters;
/// assert_eq!(carried_parameters(None, false), "");
/// assert_eq!(carried_parameters(Some("a b.json"), true), "src=a%20b.json&embed=1");
/// ```
pub fn carried_parameters(src: Option<&str>, frame: bool) -> String {
    let mut pairs = Vec::new();
    if let Some(src) = src {
        pairs.push(format!("src={}", super::view_state::encode_component(src)));
    }
    if frame {
        pairs.push("embed=1".to_owned());
    }
    pairs.join("&")
}

/// True for something shaped like a BCP 47 language tag (`uk`, `pt-BR`, `zh-Hant`): letters,
/// digits and hyphens, starting with a letter, at most 35 characters.
///
/// ```
/// use pressline_core::route::is_language_tag;
/// assert!(is_language_tag("pt-BR"));
/// assert!(!is_language_tag("en\"><script>"));
/// assert!(!is_language_tag(""));
/// ```
pub fn is_language_tag(text: &str) -> bool {
    (1..=35).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
