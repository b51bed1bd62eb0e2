//! `sitemap.xml` (split into a sitemap index past 50,000 addresses, the protocol's limit per
//! file) and `robots.txt` pointing to it.

use std::fmt::Write;

use super::escape::xml;
use super::Deploy;
use pressline_core::route::release_path;
use pressline_core::Dataset;

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
    let mut entries: Vec<(String, Option<String>)> = Vec::with_capacity(releases.len() + 1);
    entries.push((deploy.base_url().to_owned(), home_lastmod));
    entries.extend(newest_first.iter().map(|&i| {
        let release = &releases[i];
        (
            deploy.url(&release_path(&release.id)),
            Some(release.date.calendar_date().to_string()),
        )
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

fn urlset(entries: &[(String, Option<String>)]) -> String {
    let mut out = String::with_capacity(entries.len() * 100 + 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (loc, lastmod) in entries {
        let _ = write!(out, "  <url><loc>{}</loc>", xml(loc));
        if let Some(day) = lastmod {
            let _ = write!(out, "<lastmod>{day}</lastmod>");
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
