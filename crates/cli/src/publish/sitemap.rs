//! `sitemap.xml` (split into a sitemap index past 50,000 addresses, the protocol's limit per
//! file) and `robots.txt` pointing to it. A release with versions in other languages lists
//! them all, itself included, as `xhtml:link rel="alternate" hreflang` (as its page's head
//! does).

use std::fmt::Write;

use super::escape::xml;
use super::head::alternates;
use super::Deploy;
use pressline_core::route::release_path;
use pressline_core::translation::Translations;
use pressline_core::Dataset;

/// One address of a sitemap: where, when it last changed, and its versions in other languages
/// (with itself) as (language tag, address).
struct Entry {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<(String, String)>,
}

/// Most addresses one sitemap file may list.
pub const URLS_PER_SITEMAP: usize = 50_000;

/// The sitemap files to write, as (file name, content): one `sitemap.xml` listing the timeline
/// and every release, or a `sitemap.xml` index of `sitemap-1.xml`, `sitemap-2.xml`… when there
/// are more than [`URLS_PER_SITEMAP`].
pub fn sitemaps(
    dataset: &Dataset,
    newest_first: &[usize],
    deploy: &Deploy,
) -> Vec<(String, String)> {
    let releases = &dataset.releases;
    let home_lastmod = newest_first
        .first()
        .map(|&i| releases[i].date.calendar_date().to_string());
    let translations = Translations::new(dataset);
    let mut entries: Vec<Entry> = Vec::with_capacity(releases.len() + 1);
    entries.push(Entry {
        loc: deploy.base_url().to_owned(),
        lastmod: home_lastmod,
        alternates: Vec::new(),
    });
    entries.extend(newest_first.iter().map(|&i| {
        let release = &releases[i];
        let versions = translations.other_versions(release);
        Entry {
            loc: deploy.url(&release_path(&release.id)),
            lastmod: Some(release.date.calendar_date().to_string()),
            alternates: alternates(dataset, release, deploy, &versions),
        }
    }));
    if entries.len() <= URLS_PER_SITEMAP {
        return vec![("sitemap.xml".to_owned(), urlset(&entries))];
    }
    let mut files: Vec<(String, String)> = entries
        .chunks(URLS_PER_SITEMAP)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml(&deploy.url(name))
        );
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

fn urlset(entries: &[Entry]) -> String {
    let mut out = String::with_capacity(entries.len() * 100 + 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    // The XHTML namespace only where a page has versions in other languages.
    if entries.iter().any(|entry| !entry.alternates.is_empty()) {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    for entry in entries {
        let _ = write!(out, "  <url><loc>{}</loc>", xml(&entry.loc));
        if let Some(day) = &entry.lastmod {
            let _ = write!(out, "<lastmod>{day}</lastmod>");
        }
        for (lang, href) in &entry.alternates {
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml(lang),
                xml(href)
            );
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: the deploy's existing rules (any old `Sitemap:` line dropped), then the
/// sitemap's absolute address.
///
/// ```
/// use pressline::publish::{sitemap::robots, Deploy};
/// let deploy = Deploy::parse("https://example.org/news/").unwrap();
/// assert_eq!(
///     robots("User-agent: *\nAllow: /\nSitemap: https://old/sitemap.xml\n", &deploy),
///     "User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\n"
/// );
/// ```
pub fn robots(existing: &str, deploy: &Deploy) -> String {
    let mut out: String = existing
        .lines()
        .filter(|line| {
            !line
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("sitemap:")
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if out.is_empty() {
        out.push_str("User-agent: *\nAllow: /\n");
    } else {
        out.push('\n');
    }
    let _ = writeln!(out, "\nSitemap: {}", deploy.url("sitemap.xml"));
    out
}
