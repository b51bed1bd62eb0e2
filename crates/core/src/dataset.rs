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
    /// "About the organization", in Markdown: the paragraph a press kit ends with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<String>,
    /// The press contacts, for every release that names none of its own (see
    /// [`Dataset::contacts_for`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
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
    /// More pictures (a gallery), each of the same shape as `image`, in the data's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
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
    /// What the versions of one story in several languages share: each has its own language
    /// (its `lang`, else the dataset's), and no two the same one (see [`crate::translation`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_key: Option<String>,
    /// The press contacts for this release, when they are not the dataset's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

/// Someone journalists can call or write to about the releases: a press officer, a
/// spokesperson, a press office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The person's or the office's name (required).
    pub name: String,
    /// What they do, e.g. "Media relations".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// An e-mail address (checked as `organization.press_email` is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A telephone number as written: digits, spaces and `+ ( ) - .` only, e.g.
    /// `+1 (212) 555-0100`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The languages they answer in, as BCP 47 tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
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
    /// A caption: what the picture is about, shown under it (where `alt` describes it for
    /// people who cannot see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The picture's width at `src`, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// The picture's height at `src`, in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// The same picture at other widths, for `srcset` (see [`crate::picture::srcset`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sizes: Vec<ImageSize>,
    /// The picture at full size, for a "Download" link (checked as `src` is). `pressline
    /// publish --images` sets it to the original re-encoded without its metadata (see
    /// [`crate::renditions`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<SafeUrl>,
}

/// One more copy of a picture, at another width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageSize {
    /// Where this copy is (`http:`, `https:` or relative to the deploy).
    pub src: SafeUrl,
    /// Its width in pixels (more than 0).
    pub width: u32,
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

    /// The language `release` is written in: its own `lang`, else the dataset's.
    pub fn language_of<'a>(&'a self, release: &'a Release) -> Option<&'a str> {
        release.lang.as_deref().or(self.lang.as_deref())
    }

    /// Whom to ask about `release`: its own contacts, else the dataset's (empty when neither
    /// names any).
    pub fn contacts_for<'a>(&'a self, release: &'a Release) -> &'a [Contact] {
        if release.contacts.is_empty() {
            &self.contacts
        } else {
            &release.contacts
        }
    }
}
