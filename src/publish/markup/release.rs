//! Mirrors of `ReleasePage` and `ReleaseView` with `ReleaseNav`, `ShareButtons` and
//! `RelatedReleases`, for the unfiltered timeline (a release page's own address).

use std::fmt::Write;

use super::{markdown_body, parts, Site};
use crate::core::view_state::Facet;
use crate::core::Release;
use crate::publish::escape::{attribute as a, text as t};

/// The release page's content: the release at `index`, between `previous` and `next` (its
/// neighbours in the timeline's order), with `related` ones below.
pub fn release_page(
    site: &Site,
    index: usize,
    previous: Option<usize>,
    next: Option<usize>,
    related: &[usize],
) -> String {
    let releases = &site.dataset.releases;
    let release = &releases[index];
    let messages = site.t();
    let mut out = String::with_capacity(8192);
    out.push_str("<div class=\"release-page\">");

    // ReleaseNav
    let _ = write!(
        out,
        r#"<nav class="release-nav" aria-label="{}"><p class="release__back"><a href="{}" data-back="">{}</a></p><ul class="release-nav__neighbours">"#,
        a(messages.timeline),
        a(&site.deploy.href("/", "")),
        t(messages.all_releases)
    );
    for (neighbour, class, label, rel) in [
        (previous, "release-nav__previous", messages.previous, "prev"),
        (next, "release-nav__next", messages.next, "next"),
    ] {
        if let Some(i) = neighbour {
            let _ = write!(
                out,
                r#"<li class="{class}"><span class="release-nav__label">{}</span>"#,
                t(label)
            );
            let rel = format!(" rel=\"{rel}\"");
            parts::release_link(
                &mut out,
                site,
                &releases[i].id,
                "",
                &rel,
                &releases[i].title,
            );
            out.push_str("</li>");
        }
    }
    out.push_str("</ul></nav>");

    // ReleaseView
    let _ = write!(
        out,
        r#"<article class="release" data-release-id="{}"{} dir="auto"><header class="release__header">"#,
        a(&release.id),
        parts::content_lang(site, release.lang.as_deref())
    );
    parts::kind_label(&mut out, &release.kind);
    let _ = write!(
        out,
        r#"<h1 class="release__title" tabindex="-1">{}</h1>"#,
        t(&release.title)
    );
    parts::release_date(&mut out, &release.date);
    out.push_str("</header>");
    parts::people_quoted(&mut out, site, &release.people);
    if let Some(image) = &release.image {
        if image.src.is_some() || image.credit.is_some() {
            out.push_str("<figure class=\"release__figure\">");
            if let Some(src) = &image.src {
                let _ = write!(
                    out,
                    r#"<img class="release__image" src="{}" alt="{}">"#,
                    a(src.as_str()),
                    a(image.alt.as_deref().unwrap_or_default())
                );
            }
            if let Some(credit) = &image.credit {
                out.push_str("<figcaption>");
                parts::photo_credit(&mut out, site, credit);
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>");
        }
    }
    if let Some(summary) = &release.summary {
        let _ = write!(out, r#"<p class="release__summary">{}</p>"#, t(summary));
    }
    if let Some(body) = &release.body {
        out.push_str(&markdown_body(body));
    }
    parts::tag_links(
        &mut out,
        site,
        messages.topics,
        Facet::Topic,
        &release.topics,
    );
    parts::tag_links(
        &mut out,
        site,
        messages.places,
        Facet::Place,
        &release.places,
    );
    if let Some(url) = &release.url {
        let _ = write!(
            out,
            r#"<p class="release__source"><a href="{}" rel="noopener">{}</a></p>"#,
            a(url.as_str()),
            t(messages.read_original)
        );
    }
    if let Some(email) = site
        .dataset
        .organization
        .as_ref()
        .and_then(|o| o.press_email.as_deref())
    {
        parts::press_contact(
            &mut out,
            "release__contact",
            &messages.press_contact_label(site.dataset.organization_name()),
            email,
        );
    }
    // ShareButtons: "Share…" only appears where the browser has the Web Share API, which a
    // page without JavaScript cannot know; the app adds it.
    let _ = write!(
        out,
        r#"<div class="share"><button type="button" class="share__button" data-share="copy">{}</button><span class="share__message" role="status" aria-live="polite"></span></div>"#,
        t(messages.copy_link)
    );
    out.push_str("</article>");

    related_releases(&mut out, site, related);
    out.push_str("</div>");
    out
}

/// `RelatedReleases`.
fn related_releases(out: &mut String, site: &Site, related: &[usize]) {
    if related.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">{}</h2><ul class="related__list">"#,
        t(site.t().related)
    );
    for &i in related {
        let release: &Release = &site.dataset.releases[i];
        let lang = super::optional_attribute("lang", release.lang.as_deref());
        let _ = write!(
            out,
            r#"<li class="related__item" data-related-id="{}"{lang} dir="auto">"#,
            a(&release.id)
        );
        parts::kind_label(out, &release.kind);
        parts::release_link(out, site, &release.id, "", "", &release.title);
        parts::release_date(out, &release.date);
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
}
