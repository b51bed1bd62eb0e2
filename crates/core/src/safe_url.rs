//! Addresses that are safe to put in `href` and `src`: never `javascript:`, `data:` or the like.

use std::fmt;

use serde::{Serialize, Serializer};

/// A URL checked to be `http:`/`https:` or relative (see [`SafeUrl::parse_resource`]) or
/// absolute `http:`/`https:` (see [`SafeUrl::parse_web`]). The only way dataset text reaches an
/// `href` or `src`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// Accepts an absolute `http:` or `https:` URL, e.g. a release's canonical link.
    pub fn parse_web(text: &str) -> Option<Self> {
        let text = text.trim();
        match scheme_of(text)? {
            Some(scheme) if is_web_scheme(&scheme) && has_host(text, scheme.len()) => {
                Some(Self(text.to_owned()))
            }
            _ => None,
        }
    }

    /// Accepts an absolute `http:`/`https:` URL or a relative reference (`img/a.jpg`, `/a.jpg`).
    /// A protocol-relative `//host/a.jpg` becomes `https://host/a.jpg`: on a page served over
    /// `http:` it would otherwise load insecurely (and the strict CSP would block it). A
    /// backslash, which browsers read as a slash (`/\host` is another host), is refused.
    ///
    /// ```
    /// use pressline_core::SafeUrl;
    /// let url = SafeUrl::parse_resource("//cdn.example.org/a.jpg").unwrap();
    /// assert_eq!(url.as_str(), "https://cdn.example.org/a.jpg");
    /// assert!(SafeUrl::parse_resource("/\\evil.example/a.jpg").is_none());
    /// ```
    pub fn parse_resource(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.contains('\\') {
            return None;
        }
        if let Some(rest) = text.strip_prefix("//") {
            return Self::parse_web(&format!("https://{rest}"));
        }
        match scheme_of(text)? {
            None if !text.is_empty() => Some(Self(text.to_owned())),
            Some(_) => Self::parse_web(text),
            None => None,
        }
    }

    /// Accepts what a link in a release body may point to: absolute `http:`/`https:`, a
    /// `mailto:` address, or a relative reference (`/releases/x`, `#notes`).
    pub fn parse_link(text: &str) -> Option<Self> {
        let text = text.trim();
        match scheme_of(text)? {
            Some(scheme) if scheme == "mailto" => Self::mailto(&text[7..]),
            _ => Self::parse_resource(text),
        }
    }

    /// A `mailto:` link for an address that [`is_email`] accepts.
    pub fn mailto(email: &str) -> Option<Self> {
        is_email(email).then(|| Self(format!("mailto:{}", email.trim())))
    }

    /// A `tel:` link (RFC 3966) for a telephone number as people write it: its digits, after a
    /// leading `+` if it has one. `None` unless the number holds only digits, spaces and
    /// `+ ( ) - .` (a `+` only first) and at least three digits.
    ///
    /// ```
    /// use pressline_core::SafeUrl;
    /// assert_eq!(SafeUrl::tel("+1 (212) 555-0100").unwrap().as_str(), "tel:+12125550100");
    /// assert_eq!(SafeUrl::tel("044 555.01.02").unwrap().as_str(), "tel:0445550102");
    /// assert!(SafeUrl::tel("555-0100; ext=javascript:").is_none());
    /// assert!(SafeUrl::tel("1+2").is_none());
    /// ```
    pub fn tel(phone: &str) -> Option<Self> {
        let phone = phone.trim();
        let (plus, rest) = match phone.strip_prefix('+') {
            Some(rest) => ("+", rest),
            None => ("", phone),
        };
        if !rest
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-.".contains(c))
        {
            return None;
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        (digits.len() >= 3).then(|| Self(format!("tel:{plus}{digits}")))
    }

    /// The checked address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Finds the URL's scheme, lower-cased: `Some(None)` for a relative reference, `None` when the
/// text can never be a safe URL (control characters, or whitespace a browser would strip to
/// smuggle a scheme past a naive check).
fn scheme_of(text: &str) -> Option<Option<String>> {
    if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    // Browsers treat a backslash like a slash, so `\\evil.example` would be protocol-relative.
    if text.starts_with('\\') || text.starts_with("/\\") {
        return None;
    }
    let end = text.find([':', '/', '?', '#']);
    match end {
        Some(i) if text.as_bytes()[i] == b':' => {
            let scheme = &text[..i];
            let valid = scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            // A colon that does not end a valid scheme (e.g. `a b:c`) is refused outright.
            valid.then(|| Some(scheme.to_ascii_lowercase()))
        }
        _ => Some(None),
    }
}

fn is_web_scheme(scheme: &str) -> bool {
    scheme == "http" || scheme == "https"
}

fn has_host(text: &str, scheme_len: usize) -> bool {
    text[scheme_len + 1..]
        .strip_prefix("//")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
}

/// A deliberately plain e-mail check: one `@`, something on both sides, a dot in the domain, no
/// spaces or characters that would break out of a `mailto:` link.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed =
        |c: char| !c.is_whitespace() && !c.is_control() && !"<>()[]\\,;:\"?&#/%".contains(c);
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && local.chars().all(allowed)
        && domain.chars().all(allowed)
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for SafeUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}
