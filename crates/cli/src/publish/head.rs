//! What a published page tells search engines and link previews: title, description,
//! canonical address, Open Graph and Twitter card tags, JSON-LD, and where the feeds are.

use std::fmt::Write;

use serde_json::{json, Map, Value};

use super::escape::{attribute as a, json_in_script, text as t};
use super::Deploy;
use pressline_core::route::release_path;
use pressline_core::shards::resolve_url;
use pressline_core::timeline::shorten;
use pressline_core::translation::other_versions;
use pressline_core::{Contact, Dataset, Release};

/// The `<meta name="generator">` of a published page; its presence tells `publish` that a page
/// is its own output, not trunk's.
pub const GENERATOR: &str = "Pressline publish";

/// A page's head: everything but the app's own scripts and styles.
#[derive(Debug, Clone, PartialEq)]
pub struct PageHead {
    /// The `<title>`: the page's title, then the organization's name.
    pub title: String,
    /// The page's own title, for previews (`og:title`).
    pub headline: String,
    /// A plain-text description, at most 160 characters.
    pub description: String,
    /// The page's canonical absolute address.
    pub canonical: String,
    /// `article` for a release, `website` for the timeline.
    pub kind: &'static str,
    /// An absolute picture address and its alternative text.
    pub image: Option<(String, String)>,
    /// When the release was published (ISO 8601), for `article:published_time`.
    pub published: Option<String>,
    /// The page's versions in other languages and itself, as (language tag, absolute
    /// address), for `<link rel="alternate" hreflang>`: empty when it has no other version.
    pub alternates: Vec<(String, String)>,
    /// Structured data (schema.org), written as JSON-LD.
    pub structured_data: Value,
}

impl PageHead {
    /// The head of a release's page.
    pub fn for_release(dataset: &Dataset, release: &Release, deploy: &Deploy) -> Self {
        Self::for_release_with(dataset, release, deploy, &other_versions(dataset, release))
    }

    /// The head of a release's page whose other versions (as
    /// [`pressline_core::translation::Translations::other_versions`] gives them) are known.
    pub fn for_release_with(
        dataset: &Dataset,
        release: &Release,
        deploy: &Deploy,
        versions: &[(&str, &str)],
    ) -> Self {
        let canonical = deploy.url(&release_path(&release.id));
        let description = shorten(release.summary.as_deref().unwrap_or(&release.title), 160);
        let image = release.image.as_ref().and_then(|image| {
            let src = image.src.as_ref()?;
            Some((
                resolve_url(deploy.base_url(), src.as_str()),
                image.alt.clone().unwrap_or_default(),
            ))
        });
        let author = organization(dataset, deploy, &[]);
        let publisher = organization(dataset, deploy, dataset.contacts_for(release));
        let mut article = Map::new();
        article.insert("@context".into(), json!("https://schema.org"));
        article.insert("@type".into(), json!("NewsArticle"));
        article.insert("headline".into(), json!(shorten(&release.title, 110)));
        article.insert("name".into(), json!(release.title));
        article.insert("description".into(), json!(description));
        article.insert("datePublished".into(), json!(release.date.to_iso()));
        article.insert("url".into(), json!(canonical));
        article.insert("mainEntityOfPage".into(), json!(canonical));
        if let Some(lang) = release.lang.as_ref().or(dataset.lang.as_ref()) {
            article.insert("inLanguage".into(), json!(lang));
        }
        if let Some((src, _)) = &image {
            article.insert("image".into(), json!([src]));
        }
        article.insert("author".into(), author);
        article.insert("publisher".into(), publisher);
        if !release.topics.is_empty() {
            article.insert("keywords".into(), json!(release.topics));
        }
        if !release.places.is_empty() {
            let places: Vec<Value> = release
                .places
                .iter()
                .map(|place| json!({ "@type": "Place", "name": place }))
                .collect();
            article.insert("contentLocation".into(), Value::Array(places));
        }
        Self {
            title: page_title(dataset, &release.title),
            headline: release.title.clone(),
            description,
            canonical,
            kind: "article",
            image,
            published: Some(release.date.to_iso()),
            alternates: alternates(dataset, release, deploy, versions),
            structured_data: Value::Object(article),
        }
    }

    /// The head of the timeline (the deploy's home page).
    pub fn for_timeline(dataset: &Dataset, deploy: &Deploy) -> Self {
        let canonical = deploy.base_url().to_owned();
        let description = shorten(
            dataset.description.as_deref().unwrap_or(&dataset.title),
            160,
        );
        let mut page = Map::new();
        page.insert("@context".into(), json!("https://schema.org"));
        page.insert("@type".into(), json!("CollectionPage"));
        page.insert("name".into(), json!(dataset.title));
        page.insert("description".into(), json!(description));
        page.insert("url".into(), json!(canonical));
        if let Some(lang) = &dataset.lang {
            page.insert("inLanguage".into(), json!(lang));
        }
        page.insert(
            "publisher".into(),
            organization(dataset, deploy, &dataset.contacts),
        );
        Self {
            title: page_title(dataset, &dataset.title),
            headline: dataset.title.clone(),
            description,
            canonical,
            kind: "website",
            image: None,
            published: None,
            alternates: Vec::new(),
            structured_data: Value::Object(page),
        }
    }

    /// The tags, one per line, to put in `<head>` after `<title>`.
    pub fn tags(&self, dataset: &Dataset, deploy: &Deploy) -> String {
        if !deploy.is_absolute() {
            return self.relative_tags(dataset);
        }
        let site_name = dataset.organization_name().unwrap_or(&dataset.title);
        let mut out = String::with_capacity(2048);
        let mut meta = |attribute: &str, name: &str, content: &str| {
            let _ = writeln!(
                out,
                r#"    <meta {attribute}="{name}" content="{}" />"#,
                a(content)
            );
        };
        meta("name", "generator", GENERATOR);
        meta("name", "description", &self.description);
        meta("property", "og:type", self.kind);
        meta("property", "og:site_name", site_name);
        meta("property", "og:title", &self.headline);
        meta("property", "og:description", &self.description);
        meta("property", "og:url", &self.canonical);
        // Open Graph wants language_TERRITORY ("uk_UA"); a bare language is left to its default.
        if let Some((language, territory)) = dataset.lang.as_deref().and_then(|l| l.split_once('-'))
        {
            if territory.len() == 2 {
                meta(
                    "property",
                    "og:locale",
                    &format!("{language}_{}", territory.to_ascii_uppercase()),
                );
            }
        }
        if let Some((src, alt)) = &self.image {
            meta("property", "og:image", src);
            if !alt.is_empty() {
                meta("property", "og:image:alt", alt);
            }
        }
        if let Some(published) = &self.published {
            meta("property", "article:published_time", published);
        }
        let card = if self.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        meta("name", "twitter:card", card);
        meta("name", "twitter:title", &self.headline);
        meta("name", "twitter:description", &self.description);
        if let Some((src, alt)) = &self.image {
            meta("name", "twitter:image", src);
            if !alt.is_empty() {
                meta("name", "twitter:image:alt", alt);
            }
        }
        let _ = writeln!(
            out,
            r#"    <link rel="canonical" href="{}" />"#,
            a(&self.canonical)
        );
        for (lang, href) in &self.alternates {
            let _ = writeln!(
                out,
                r#"    <link rel="alternate" hreflang="{}" href="{}" />"#,
                a(lang),
                a(href)
            );
        }
        for (kind, file) in [
            ("application/atom+xml", "feed.xml"),
            ("application/feed+json", "feed.json"),
        ] {
            let _ = writeln!(
                out,
                r#"    <link rel="alternate" type="{kind}" title="{}" href="{}" />"#,
                a(&dataset.title),
                a(&deploy.url(file))
            );
        }
        let _ = writeln!(
            out,
            r#"    <script type="application/ld+json">{}</script>"#,
            json_in_script(&self.structured_data)
        );
        out
    }

    /// The tags that need no absolute address (a deploy whose address is not known): the
    /// description and the text of link previews, without canonical address, pictures, feeds
    /// or structured data.
    pub fn relative_tags(&self, dataset: &Dataset) -> String {
        let site_name = dataset.organization_name().unwrap_or(&dataset.title);
        let mut out = String::with_capacity(512);
        for (attribute, name, content) in [
            ("name", "generator", GENERATOR),
            ("name", "description", self.description.as_str()),
            ("property", "og:type", self.kind),
            ("property", "og:site_name", site_name),
            ("property", "og:title", self.headline.as_str()),
            ("property", "og:description", self.description.as_str()),
        ] {
            let _ = writeln!(
                out,
                r#"    <meta {attribute}="{name}" content="{}" />"#,
                a(content)
            );
        }
        out
    }

    /// The `<title>` element.
    pub fn title_element(&self) -> String {
        format!("<title>{}</title>", t(&self.title))
    }
}

/// "Title — Organization", as the app sets `document.title`.
fn page_title(dataset: &Dataset, title: &str) -> String {
    match dataset.organization_name() {
        Some(name) => format!("{title} — {name}"),
        None => title.to_owned(),
    }
}

/// The organization as schema.org's `Organization` (the dataset's title when it names none),
/// with a `contactPoint` per contact when there are any.
fn organization(dataset: &Dataset, deploy: &Deploy, contacts: &[Contact]) -> Value {
    let name = dataset.organization_name().unwrap_or(&dataset.title);
    let url = dataset
        .organization
        .as_ref()
        .and_then(|o| o.url.as_ref())
        .map_or_else(|| deploy.base_url().to_owned(), |url| url.to_string());
    let mut organization = json!({ "@type": "Organization", "name": name, "url": url });
    if !contacts.is_empty() {
        organization["contactPoint"] = contacts.iter().map(contact_point).collect();
    }
    organization
}

/// A press contact as schema.org's `ContactPoint`: `contactType` is its role, else "press";
/// `name`, `email`, `telephone` (as written) and `availableLanguage` (BCP 47 tags) when given.
fn contact_point(contact: &Contact) -> Value {
    let mut point = Map::new();
    point.insert("@type".into(), json!("ContactPoint"));
    point.insert(
        "contactType".into(),
        json!(contact.role.as_deref().unwrap_or("press")),
    );
    point.insert("name".into(), json!(contact.name));
    if let Some(email) = &contact.email {
        point.insert("email".into(), json!(email));
    }
    if let Some(phone) = &contact.phone {
        point.insert("telephone".into(), json!(phone));
    }
    if !contact.languages.is_empty() {
        point.insert("availableLanguage".into(), json!(contact.languages));
    }
    Value::Object(point)
}

/// `release`'s versions (`versions`, the others) and itself as (language tag, absolute
/// address), ordered by tag as `versions` are; empty when it has no other version or no
/// language of its own to name it by.
pub fn alternates(
    dataset: &Dataset,
    release: &Release,
    deploy: &Deploy,
    versions: &[(&str, &str)],
) -> Vec<(String, String)> {
    let Some(own) = dataset.language_of(release) else {
        return Vec::new();
    };
    if versions.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<(String, String)> = versions
        .iter()
        .map(|(lang, id)| (lang.to_string(), deploy.url(&release_path(id))))
        .collect();
    all.push((own.to_owned(), deploy.url(&release_path(&release.id))));
    all.sort_by_key(|(lang, _)| lang.to_ascii_lowercase());
    all
}
