//! Where a fetched dataset may come from, and every way loading it can fail, said plainly.

use std::fmt;

use super::i18n::{fill, Language, Messages};
use super::FormatError;

/// The largest dataset fetched unless the deploy sets another limit (`data-max-bytes`).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;
/// How long a fetch may take unless the deploy sets another limit (`data-timeout-ms`).
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// A deploy's settings for fetched datasets, read from the mount element's attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceConfig {
    /// The dataset the deploy names (`data-src`); `None` means the bundled dataset.
    pub src: Option<String>,
    /// Origins a `?src=` parameter may name besides the page's own (`data-allow-origins`,
    /// space-separated, e.g. `https://data.example.org`).
    pub allowed_origins: Vec<String>,
    /// The most bytes a dataset may have (`data-max-bytes`).
    pub max_bytes: u64,
    /// How long a fetch may take, in milliseconds (`data-timeout-ms`).
    pub timeout_ms: u32,
}

impl Default for SourceConfig {
    fn default() -> Self {
        Self {
            src: None,
            allowed_origins: Vec::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }
}

impl SourceConfig {
    /// Builds the settings from attribute values as read from the page (each may be absent).
    /// Unusable numbers fall back to the defaults.
    pub fn from_attributes(
        src: Option<&str>,
        allowed_origins: Option<&str>,
        max_bytes: Option<&str>,
        timeout_ms: Option<&str>,
    ) -> Self {
        Self {
            src: src
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            allowed_origins: allowed_origins
                .unwrap_or("")
                .split_whitespace()
                .filter_map(origin_of)
                .collect(),
            max_bytes: max_bytes
                .and_then(|v| v.trim().parse().ok())
                .filter(|&v| v > 0)
                .unwrap_or(DEFAULT_MAX_BYTES),
            timeout_ms: timeout_ms
                .and_then(|v| v.trim().parse().ok())
                .filter(|&v| v > 0)
                .unwrap_or(DEFAULT_TIMEOUT_MS),
        }
    }

    /// Decides which dataset to load. A `?src=` parameter wins over `data-src`, but only when it
    /// names the page's own origin or an allowed one: otherwise anyone could show fake releases
    /// under the organization's address.
    pub fn choose(
        &self,
        page_origin: &str,
        src_param: Option<&str>,
    ) -> Result<Option<String>, LoadFailure> {
        let Some(requested) = src_param.map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(self.src.clone());
        };
        let origin = match origin_of(requested) {
            Some(origin) => origin,
            None if is_relative(requested) => return Ok(Some(requested.to_owned())),
            None => {
                return Err(LoadFailure::Refused {
                    url: requested.to_owned(),
                    reason: "only http: and https: addresses can be loaded".to_owned(),
                })
            }
        };
        let page = origin_of(page_origin).unwrap_or_default();
        if origin == page || self.allowed_origins.contains(&origin) {
            Ok(Some(requested.to_owned()))
        } else {
            Err(LoadFailure::Refused {
                url: requested.to_owned(),
                reason: format!(
                    "{origin} is not this site and not on its list of allowed data sources"
                ),
            })
        }
    }
}

/// True for a relative reference (`data/x.json`, `/data/x.json`), which stays on the page's
/// origin. Protocol-relative `//host/x` is not relative: it names another host.
fn is_relative(url: &str) -> bool {
    !url.starts_with("//")
        && !url.starts_with('\\')
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
        && url
            .find([':', '/', '?', '#'])
            .is_none_or(|i| url.as_bytes()[i] != b':')
}

/// The origin (`https://host:port`, lower-cased, default ports dropped) of an absolute `http(s)`
/// URL, or of a protocol-relative one (taken as https). `None` for anything else.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("//") {
        ("https", rest)
    } else {
        let (scheme, rest) = url.split_once("://")?;
        (scheme, rest)
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    // Credentials (`user@host`) are dropped: the host is what matters.
    let host_port = authority.rsplit('@').next()?.to_ascii_lowercase();
    if host_port.is_empty() || host_port.contains(['\\', ' ']) {
        return None;
    }
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host_port = host_port.strip_suffix(default_port).unwrap_or(&host_port);
    Some(format!("{scheme}://{host_port}"))
}

/// Every way loading a fetched dataset can fail. Each message names the URL and the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// A `?src=` the deploy does not allow.
    Refused {
        /// The address asked for.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The request never got an answer (offline, DNS, CORS, connection refused).
    Network {
        /// The address.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The server answered with an error status.
    Http {
        /// The address.
        url: String,
        /// The status code.
        status: u16,
        /// The status text, if any.
        status_text: String,
    },
    /// No complete answer within the time limit.
    Timeout {
        /// The address.
        url: String,
        /// The limit, in milliseconds.
        limit_ms: u32,
    },
    /// The dataset is bigger than the limit.
    TooLarge {
        /// The address.
        url: String,
        /// The limit in bytes.
        limit: u64,
        /// The size announced or received so far.
        size: u64,
    },
    /// The body is not UTF-8 text.
    NotText {
        /// The address.
        url: String,
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
    /// The text is not a Pressline dataset, and the app's reader of other formats (fetched on
    /// demand) could not be loaded.
    ReaderUnavailable {
        /// The dataset's address.
        url: String,
    },
    /// The part of the app that fetches and reads datasets (fetched on demand: the bundled
    /// dataset does not need it) could not be loaded, so the dataset was not fetched.
    LoaderUnavailable {
        /// The dataset's address.
        url: String,
    },
    /// The text is not JSON, or not a format Pressline reads.
    Format {
        /// The address.
        url: String,
        /// The parser's error, with line and column.
        error: FormatError,
    },
}

impl LoadFailure {
    /// A short name for the kind of failure, for tests and styling (`data-load-error`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Refused { .. } => "refused",
            Self::Network { .. } => "network",
            Self::Http { .. } => "http",
            Self::Timeout { .. } => "timeout",
            Self::TooLarge { .. } => "too-large",
            Self::NotText { .. } => "not-text",
            Self::ReaderUnavailable { .. } => "reader-unavailable",
            Self::LoaderUnavailable { .. } => "loader-unavailable",
            Self::Format { error, .. } => match error.kind {
                super::FormatErrorKind::NotJson => "not-json",
                super::FormatErrorKind::NotThisFormat => "unknown-format",
                super::FormatErrorKind::NotXml => "not-xml",
            },
        }
    }

    /// Whether trying again could help (a refused source or a broken file will not change).
    pub fn is_retryable(&self) -> bool {
        !matches!(self, Self::Refused { .. })
    }
}

impl LoadFailure {
    /// [`LoadFailure::LoaderUnavailable`]'s message, on its own: the app's first load shows it
    /// without the code that words every other failure.
    pub fn loader_unavailable_message(messages: &Messages, url: &str) -> String {
        fill(messages.failure_loader_unavailable, &[("url", url)])
    }

    /// What went wrong, naming the URL and the cause, in a catalogue's language.
    pub fn message(&self, messages: &Messages) -> String {
        match self {
            Self::Refused { url, reason } => fill(
                messages.failure_refused,
                &[("url", url), ("reason", reason)],
            ),
            Self::Network { url, detail } => fill(
                messages.failure_network,
                &[("url", url), ("detail", detail)],
            ),
            Self::Http {
                url,
                status,
                status_text,
            } => {
                let text = if status_text.is_empty() {
                    String::new()
                } else {
                    format!(" {status_text}")
                };
                fill(
                    messages.failure_http,
                    &[
                        ("url", url),
                        ("status", &status.to_string()),
                        ("status_text", &text),
                    ],
                )
            }
            Self::Timeout { url, limit_ms } => fill(
                messages.failure_timeout,
                &[("url", url), ("seconds", &seconds(*limit_ms))],
            ),
            Self::TooLarge { url, limit, size } => fill(
                messages.failure_too_large,
                &[
                    ("url", url),
                    ("size", &megabytes(*size)),
                    ("limit", &megabytes(*limit)),
                ],
            ),
            Self::NotText { url, offset } => fill(
                messages.failure_not_text,
                &[("url", url), ("offset", &offset.to_string())],
            ),
            Self::ReaderUnavailable { url } => {
                fill(messages.failure_reader_unavailable, &[("url", url)])
            }
            Self::LoaderUnavailable { url } => Self::loader_unavailable_message(messages, url),
            Self::Format { url, error } => fill(
                messages.failure_format,
                &[("url", url), ("error", &error.to_string())],
            ),
        }
    }
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En.messages()))
    }
}

// Integer arithmetic rather than float formatting, which would add kilobytes to the wasm.

/// Megabytes (10⁶ bytes) for a message: whole from 10 MB up, else to one decimal.
///
/// ```
/// use pressline_core::source::megabytes;
/// assert_eq!(megabytes(52_428_800), "52");
/// assert_eq!(megabytes(1_250_000), "1.3");
/// assert_eq!(megabytes(0), "0.0");
/// ```
pub fn megabytes(bytes: u64) -> String {
    if bytes >= 9_950_000 {
        ((bytes + 500_000) / 1_000_000).to_string()
    } else {
        megabytes_tenths(bytes)
    }
}

/// Megabytes to one decimal, e.g. `"1.3"`.
pub fn megabytes_tenths(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Seconds from milliseconds, without trailing zeros: `30000` → `"30"`, `1500` → `"1.5"`.
fn seconds(ms: u32) -> String {
    let fraction = format!("{:03}", ms % 1000);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        (ms / 1000).to_string()
    } else {
        format!("{}.{fraction}", ms / 1000)
    }
}

/// How far loading a fetched dataset has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Bytes received so far, and the total when the server announced it.
    Receiving(u64, Option<u64>),
    /// Releases checked so far, of how many.
    Checking(usize, usize),
    /// Releases indexed so far, of how many.
    Indexing(usize, usize),
}
