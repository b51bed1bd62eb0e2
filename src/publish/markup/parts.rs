//! Mirrors of the small shared components (`ui/shared`).

use std::fmt::Write;

use super::{optional_attribute, Site};
use crate::core::route::release_path;
use crate::core::view_state::{Facet, ViewState};
use crate::core::{Person, ReleaseDate, SafeUrl};
use crate::publish::escape::{attribute as a, text as t};

/// `KindLabel`.
pub fn kind_label(out: &mut String, kind: &str) {
    let _ = write!(out, r#"<p class="kind-label">{}</p>"#, t(kind));
}

/// `ReleaseDateTime`.
pub fn release_date(out: &mut String, date: &ReleaseDate) {
    let _ = write!(
        out,
        r#"<time class="release-date" datetime="{}" lang="{}">{}</time>"#,
        a(&date.to_iso()),
        Site::LANGUAGE.tag(),
        t(&date.to_long_english())
    );
}

/// `PeopleQuoted`.
pub fn people_quoted(out: &mut String, site: &Site, people: &[Person]) {
    if people.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<div class="people-quoted"><span class="people-quoted__label" lang="{}">{}</span><ul class="people-quoted__list">"#,
        Site::LANGUAGE.tag(),
        t(site.t().quoted)
    );
    for person in people {
        let _ = write!(
            out,
            r#"<li class="person"><span class="person__name">{}</span>"#,
            t(&person.name)
        );
        if let Some(role) = &person.role {
            let _ = write!(out, r#"<span class="person__role">, {}</span>"#, t(role));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}

/// `PhotoCredit`.
pub fn photo_credit(out: &mut String, site: &Site, credit: &str) {
    let _ = write!(
        out,
        r#"<p class="photo-credit"><span class="photo-credit__label" lang="{}">{}</span>{}</p>"#,
        Site::LANGUAGE.tag(),
        t(site.t().photo),
        t(credit)
    );
}

/// `TagLinks`: each tag links to the timeline filtered by it.
pub fn tag_links(out: &mut String, site: &Site, label: &str, facet: Facet, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<div class="tag-list" data-tags="{}"><h2 class="tag-list__label">{}</h2><ul class="tag-list__items">"#,
        facet.param(),
        t(label)
    );
    for item in items {
        let query = ViewState::default().toggled(facet, item).to_query();
        let _ = write!(
            out,
            r#"<li class="tag"><a href="{}"><bdi>{}</bdi></a></li>"#,
            a(&site.deploy.href("/", &query)),
            t(item)
        );
    }
    out.push_str("</ul></div>");
}

/// `PressContact`: nothing when the address cannot be a safe `mailto:` link.
pub fn press_contact(out: &mut String, class: &str, label: &str, email: &str) {
    if let Some(link) = SafeUrl::mailto(email) {
        let _ = write!(
            out,
            r#"<p class="{class}">{}<a href="{}">{}</a></p>"#,
            t(label),
            a(link.as_str()),
            t(email)
        );
    }
}

/// A `Link` to a release's page.
pub fn release_link(out: &mut String, site: &Site, id: &str, query: &str, extra: &str, text: &str) {
    let _ = write!(
        out,
        r#"<a href="{}"{extra}>{}</a>"#,
        a(&site.deploy.href(&release_path(id), query)),
        t(text)
    );
}

/// A release's (or else the dataset's) language, as the `lang` attribute cards and pages carry.
pub fn content_lang<'a>(site: &'a Site, release_lang: Option<&'a str>) -> String {
    optional_attribute("lang", release_lang.or(site.dataset.lang.as_deref()))
}
