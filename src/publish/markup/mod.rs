//! The app's pages as static HTML, element for element what the Leptos components render for
//! the same address, so the live app replaces them without a visible change. Each function
//! names the component it mirrors; when a component's markup changes, its mirror here must
//! follow (the end-to-end tests compare the two, text and layout).
//!
//! Written in English, the app's default language: a reader whose browser prefers another
//! sees the prerendered English until the app has loaded their catalogue.

mod frame;
mod histogram;
mod markdown;
mod parts;
mod release;
mod timeline;

pub use frame::page_frame;
pub use markdown::markdown_body;
pub use release::release_page;
pub use timeline::timeline_page;

use crate::core::i18n::{Language, Messages};
use crate::core::search::{QueryResult, SearchIndex};
use crate::core::{Dataset, Problem};

use super::Deploy;

/// What every page's markup is built from.
pub struct Site<'a> {
    /// The valid releases and the organization.
    pub dataset: &'a Dataset,
    /// What validation skipped (shown on every page, as the app does).
    pub problems: &'a [Problem],
    /// The query engine's index over the releases.
    pub index: &'a SearchIndex,
    /// The unfiltered timeline: every release, newest first, with facet counts.
    pub timeline: &'a QueryResult,
    /// Where the pages live.
    pub deploy: &'a Deploy,
}

impl Site<'_> {
    /// The language the prerendered pages are written in.
    pub const LANGUAGE: Language = Language::En;

    /// The UI's strings.
    pub fn t(&self) -> &'static Messages {
        Self::LANGUAGE.messages()
    }
}

/// A whole number as `Intl.NumberFormat("en")` writes it: `12`, `1,234`.
///
/// ```
/// use pressline::publish::markup::number;
/// assert_eq!(number(7), "7");
/// assert_eq!(number(1234567), "1,234,567");
/// ```
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// ` name="value"` for a present value, nothing for an absent one (as Leptos renders an
/// `Option` attribute).
fn optional_attribute(name: &str, value: Option<&str>) -> String {
    value.map_or_else(String::new, |value| {
        format!(r#" {name}="{}""#, super::escape::attribute(value))
    })
}
