//! Mirrors of `App`'s page frame: skip link, `SiteHeader`, `<main>` with `SkippedRecords`,
//! `SiteFooter`.

use std::fmt::Write;

use super::{number, parts, Site};
use crate::core::i18n::fill;
use crate::core::i18n::Language;
use crate::core::problem::{problems_not_shown, skipped_record_count, PROBLEMS_SHOWN};
use crate::publish::escape::{attribute as a, text as t};

/// The whole page around `content` (a page's own markup, e.g. [`super::release_page`]).
pub fn page_frame(site: &Site, content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 4096);
    let _ = write!(
        out,
        "<a class=\"skip-link\" href=\"#main\">{}</a>",
        t(site.t().skip_to_content)
    );
    site_header(&mut out, site);
    out.push_str("<main id=\"main\" tabindex=\"-1\">");
    skipped_records(&mut out, site);
    out.push_str("<div class=\"page\">");
    out.push_str(content);
    out.push_str("</div></main>");
    site_footer(&mut out, site);
    out
}

/// `SiteHeader` with its `LanguageSwitcher`.
fn site_header(out: &mut String, site: &Site) {
    let name = site.dataset.organization_name().unwrap_or("Pressline");
    let _ = write!(
        out,
        r#"<header class="site-header"><div class="site-header__inner"><a href="{}" class="site-header__name">{}</a><span class="site-header__section">{}</span>"#,
        a(&site.deploy.href("/", "")),
        t(name),
        t(site.t().newsroom)
    );
    let _ = write!(
        out,
        r#"<label class="language-switcher"><span class="visually-hidden">{}</span><select class="language-switcher__select">"#,
        t(site.t().language)
    );
    for language in Language::ALL {
        let selected = if language == Site::LANGUAGE {
            " selected=\"\""
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<option value="{tag}" lang="{tag}"{selected}>{}</option>"#,
            t(language.native_name()),
            tag = language.tag()
        );
    }
    out.push_str("</select></label></div></header>");
}

/// `SkippedRecords`: what validation skipped, so nothing vanishes silently.
fn skipped_records(out: &mut String, site: &Site) {
    let problems = site.problems;
    if problems.is_empty() {
        return;
    }
    let messages = site.t();
    let skipped = skipped_record_count(problems);
    let summary = match skipped {
        0 => messages.fields_ignored.to_owned(),
        n => Site::LANGUAGE.count(&messages.records_skipped, n as u64, &number(n as u64), &[]),
    };
    let _ = write!(
        out,
        r#"<details class="skipped-records" data-skipped-count="{skipped}"><summary>{}{}</summary><ul class="skipped-records__list">"#,
        t(&summary),
        t(messages.data_has_problems)
    );
    for problem in problems.iter().take(PROBLEMS_SHOWN) {
        let _ = write!(
            out,
            "<li><strong>{}</strong>, <code>{}</code>: {}</li>",
            t(&problem.location()),
            t(&problem.field),
            t(&problem.kind.to_string())
        );
    }
    if let Some(more) = problems_not_shown(problems) {
        let _ = write!(
            out,
            r#"<li class="skipped-records__more">{}</li>"#,
            t(&fill(
                messages.more_problems,
                &[("count", &number(more as u64))]
            ))
        );
    }
    out.push_str("</ul></details>");
}

/// `SiteFooter`: the press contact and the organization's own site.
fn site_footer(out: &mut String, site: &Site) {
    let messages = site.t();
    out.push_str(r#"<footer class="site-footer"><div class="site-footer__inner">"#);
    if let Some(organization) = &site.dataset.organization {
        if let Some(email) = &organization.press_email {
            parts::press_contact(out, "press-contact", messages.members_of_the_press, email);
        }
        if let Some(url) = &organization.url {
            let label = organization.name.clone().unwrap_or_else(|| url.to_string());
            let _ = write!(
                out,
                r#"<p><a href="{}" rel="noopener">{}</a></p>"#,
                a(url.as_str()),
                t(&label)
            );
        }
    }
    let _ = write!(
        out,
        r#"<p class="site-footer__credit">{}</p></div></footer>"#,
        t(messages.published_with)
    );
}
