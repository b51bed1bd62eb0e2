//! Where the app's dataset comes from: the bundled one, a fetched one the deploy (or an
//! allowed `?src=`) names, or a refused address.

use crate::context::site_data::bundled_is_packed;
use pressline_core::source::{LoadFailure, SourceConfig};

/// Which dataset to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetSource {
    /// The dataset compiled into the app.
    Bundled,
    /// A dataset fetched at run time from this URL, within these limits.
    Url {
        /// The address.
        url: String,
        /// The most bytes accepted.
        max_bytes: u64,
        /// The time limit in milliseconds.
        timeout_ms: u32,
        /// True when the page's `?src=` chose it: every internal link must then keep it.
        from_query: bool,
    },
    /// A `?src=` the deploy does not allow.
    Refused(LoadFailure),
}

impl DatasetSource {
    /// Reads the deploy's settings from the mount element (`data-src`, `data-allow-origins`,
    /// `data-max-bytes`, `data-timeout-ms`) and applies a `?src=` parameter if it is allowed.
    pub fn from_element(element: &web_sys::Element, src_param: Option<&str>) -> Self {
        let attribute = |name: &str| element.get_attribute(name);
        let config = SourceConfig::from_attributes(
            attribute("data-src").as_deref(),
            attribute("data-allow-origins").as_deref(),
            attribute("data-max-bytes").as_deref(),
            attribute("data-timeout-ms").as_deref(),
        );
        let origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        match config.choose(&origin, src_param) {
            Ok(None) => Self::Bundled,
            Ok(Some(url)) => Self::Url {
                from_query: src_param.map(str::trim) == Some(url.as_str()),
                url,
                max_bytes: config.max_bytes,
                timeout_ms: config.timeout_ms,
            },
            Err(refused) => Self::Refused(refused),
        }
    }

    /// True when this source needs the dataset reader (a lazily loaded part): a fetched
    /// dataset, and a bundled one that was not packed.
    pub fn needs_reader(&self) -> bool {
        match self {
            Self::Url { .. } => true,
            Self::Bundled => !bundled_is_packed(),
            Self::Refused(_) => false,
        }
    }
}

/// The address of the fetched dataset the app shows (absent for the bundled one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetUrl(pub String);

/// A dataset that must be read (with the lazily loaded reader) before the app can show it.
#[derive(Debug, Clone)]
pub enum SiteSource {
    /// Fetched from `url`, within these limits.
    Url {
        /// The address.
        url: String,
        /// The most bytes accepted.
        max_bytes: u64,
        /// The time limit in milliseconds.
        timeout_ms: u32,
    },
    /// Already here (the bundled dataset, when it has problems).
    Text {
        /// What messages call it.
        name: String,
        /// The JSON text.
        text: &'static str,
    },
    /// A source the deploy does not allow: only its error is shown (its name is the refused
    /// address).
    Refused(LoadFailure),
}

impl SiteSource {
    /// The address (or name) messages give for the dataset.
    pub fn name(&self) -> &str {
        match self {
            Self::Url { url, .. } => url,
            Self::Text { name, .. } => name,
            Self::Refused(LoadFailure::Refused { url, .. }) => url,
            Self::Refused(_) => "",
        }
    }
}
