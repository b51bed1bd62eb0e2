//! The dataset model (format version 1): what validation produces and every view renders.

use serde::Serialize;

use super::{Problem, ReleaseDate, SafeUrl};

/// The format version this build reads and writes (`"pressline": 1`).
pub const FORMAT_VERSION: u64 = 1;

/// A validated dataset: the organization and its releases, in file order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// Format version marker, always [`FORMAT_VERSION`].
    pub pressline: u64,
    /// The listing's title, e.g. "Ukraine: news and press releases".
    pub title: String,
    /// One or two sentences introducing the listing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who publishes the releases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<Organization>,
    /// The language the listing is written in (BCP 47, e.g. `en`), unless a release says
    /// otherwise; screen readers use it to pronounce the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Every release that passed validation, in the order the file lists them.
    pub releases: Vec<Release>,
}

/// The publishing organization and its press contact.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Organization {
    /// The organization's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organization's home page (always `http:` or `https:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    /// The address journalists should write to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub press_email: Option<String>,
}

/// One press release, report or statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Release {
    /// Unique, URL-safe identifier; the detail page lives at `/releases/{id}`.
    pub id: String,
    /// Free-text kind as the organization labels it: "Press Release", "Report", "Statement"...
    pub kind: String,
    /// Publication date, with or without a time of day.
    pub date: ReleaseDate,
    /// Not to be published before this moment: a day means its start in UTC (see
    /// [`crate::embargo`]). Publishing tools leave the release out until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargo_until: Option<ReleaseDate>,
    /// The headline.
    pub title: String,
    /// The standfirst shown in the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The full text, in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The spokespeople quoted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The lead picture, or just its credit line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Subjects, e.g. "War crimes".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Countries, regions and cities the release concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// The canonical copy on the organization's own site (always `http:` or `https:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    /// The release's language as a BCP 47 tag, e.g. "en" or "uk".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A person quoted in a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Position, e.g. "Director for Eastern Europe and Central Asia".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A release's picture. A credit may stand alone when the picture itself is not published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    /// Where the picture is (`http:`, `https:` or relative to the deploy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<SafeUrl>,
    /// What the picture shows, for people who cannot see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The photographer and agency line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

impl Image {
    /// A credit line as the data gives it, without the "Photo:" label some sources put in front
    /// (the page prints its own, in the reader's language): "Фото: Pavlo Palamarchuk/SOPA" is
    /// "Pavlo Palamarchuk/SOPA". `None` when nothing is left.
    ///
    /// ```
    /// use pressline_core::Image;
    /// assert_eq!(Image::credit_without_label("Photo: Фото: AFP").as_deref(), Some("AFP"));
    /// assert_eq!(Image::credit_without_label("Photographer unknown").as_deref(), Some("Photographer unknown"));
    /// assert_eq!(Image::credit_without_label("Photo:"), None);
    /// ```
    pub fn credit_without_label(credit: &str) -> Option<String> {
        const LABELS: [&str; 10] = [
            "photo credit",
            "photo",
            "credit",
            "image",
            "picture",
            "фото",
            "світлина",
            "foto",
            "الصورة",
            "صورة",
        ];
        let mut rest = credit.trim();
        while let Some(after) = LABELS.iter().find_map(|label| {
            let head = rest.get(..label.len())?;
            let after = rest[label.len()..].trim_start();
            (head.to_lowercase() == *label && after.starts_with(':'))
                .then(|| after[1..].trim_start())
        }) {
            rest = after;
        }
        (!rest.is_empty()).then(|| rest.to_owned())
    }
}

/// The result of loading a file: the valid dataset plus everything that was skipped and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedDataset {
    /// Everything that passed validation.
    pub dataset: Dataset,
    /// Every problem found, in file order; records named here are not in `dataset`.
    pub problems: Vec<Problem>,
}

impl LoadedDataset {
    /// How many release records were skipped (a record with several problems counts once).
    pub fn skipped_record_count(&self) -> usize {
        super::problem::skipped_record_count(&self.problems)
    }
}

impl Dataset {
    /// The release with this id, if the dataset has it.
    pub fn release(&self, id: &str) -> Option<&Release> {
        self.releases.iter().find(|release| release.id == id)
    }

    /// The organization's name, or `None` when the dataset does not give one.
    pub fn organization_name(&self) -> Option<&str> {
        self.organization.as_ref()?.name.as_deref()
    }
}
