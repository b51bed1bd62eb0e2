//! Mirror of `TimelinePage` for the unfiltered timeline's first page: intro, histogram,
//! filters (closed, as on a phone), count, sort, the releases by year and month, pager,
//! downloads and the embed dialog.

use std::fmt::Write;

use super::histogram::histogram;
use super::{number, optional_attribute, parts, Site};
use crate::core::i18n::fill;
use crate::core::route::release_path;
use crate::core::timeline::{count_in_words, group_by_month, PageSpan, FACET_VALUES_SHOWN};
use crate::core::view_state::{Facet, ViewState};
use crate::core::Release;
use crate::publish::escape::{attribute as a, text as t};

/// The timeline page's content.
pub fn timeline_page(site: &Site) -> String {
    let dataset = site.dataset;
    let messages = site.t();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<div class="timeline"><header class="timeline__intro"{} dir="auto"><h1 tabindex="-1">{}</h1>"#,
        optional_attribute("lang", dataset.lang.as_deref()),
        t(&dataset.title)
    );
    if let Some(description) = &dataset.description {
        let _ = write!(
            out,
            r#"<p class="timeline__description">{}</p>"#,
            t(description)
        );
    }
    out.push_str("</header>");
    histogram(&mut out, site);

    // The filters, closed: the app opens them on wide screens, where they sit beside the
    // results, so nothing the reader is looking at moves.
    let _ = write!(
        out,
        r#"<div class="timeline__layout"><details class="filters"><summary class="filters__toggle">{}</summary><div class="filters__body">"#,
        t(messages.filters)
    );
    let _ = write!(
        out,
        r#"<form class="search-box" role="search"><label class="search-box__label" for="search-input">{}</label><input id="search-input" class="search-box__input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-help"><p id="search-help" class="search-box__help">{}</p></form>"#,
        t(messages.search_label),
        t(messages.search_help)
    );
    for facet in Facet::ALL {
        facet_filter(&mut out, site, facet);
    }
    let _ = write!(
        out,
        r#"<fieldset class="facet date-range" data-facet="date"><legend class="facet__legend">{}</legend><div class="date-range__inputs"><label class="date-range__field"><span>{}</span><input type="date" name="from" aria-describedby="date-range-message"></label><label class="date-range__field"><span>{}</span><input type="date" name="to" aria-describedby="date-range-message"></label></div><p id="date-range-message" class="date-range__message" role="alert"></p></fieldset>"#,
        t(messages.date),
        t(messages.date_from),
        t(messages.date_to)
    );
    let _ = write!(
        out,
        r#"<button type="button" class="filters__clear" disabled="">{}</button></div></details>"#,
        t(messages.clear_all)
    );

    let total = dataset.releases.len();
    let count = count_in_words(Site::LANGUAGE, total, total, &number);
    let _ = write!(
        out,
        r#"<div class="timeline__results" data-rendered-query=""><div class="results-bar"><p class="result-count" data-count="{total}">{0}</p><p class="visually-hidden" role="status" data-announced="">{0}</p>"#,
        t(&count)
    );
    let _ = write!(
        out,
        r#"<label class="sort-control"><span>{}</span><select name="sort"><option value="newest">{}</option><option value="oldest">{}</option></select></label></div>"#,
        t(messages.sort),
        t(messages.newest_first),
        t(messages.oldest_first)
    );
    let page: Vec<usize> = site.timeline.matches[PageSpan::of(total, 1).range()]
        .iter()
        .map(|&i| i as usize)
        .collect();
    if total == 0 {
        // `EmptyState` of the unfiltered view: nothing to loosen.
        let _ = write!(
            out,
            r#"<section class="empty-state" data-empty-state=""><h2>{}</h2><p>{}</p><ul class="empty-state__options"><li><a href="{}">{}</a></li></ul></section>"#,
            t(messages.no_match),
            t(messages.try_loosening),
            a(&site.deploy.href("/", "")),
            t(messages.clear_all)
        );
    } else {
        result_list(&mut out, site, &page);
        pager(&mut out, site, total);
    }
    let _ = write!(
        out,
        r#"<div class="downloads"><span class="downloads__label">{}</span><button type="button" class="downloads__button" data-download="json">JSON</button><button type="button" class="downloads__button" data-download="csv">CSV</button></div>"#,
        t(messages.download)
    );
    embed_dialog(&mut out, site);
    out.push_str("</div></div></div>");
    out
}

/// `FacetFilter`, nothing selected, collapsed.
fn facet_filter(out: &mut String, site: &Site, facet: Facet) {
    let messages = site.t();
    let values = &site.index.facet(facet).values;
    let counts = &site.timeline.facet_counts[facet.position()];
    let hidden = if values.is_empty() {
        " hidden=\"\""
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<fieldset class="facet" data-facet="{param}"{hidden}><legend class="facet__legend" id="facet-{param}">{}</legend><ul class="facet__values">"#,
        t(facet.label(messages)),
        param = facet.param()
    );
    for (value, &count) in values.iter().zip(counts).take(FACET_VALUES_SHOWN) {
        let (empty, disabled) = if count == 0 {
            (" facet__label--empty", " disabled=\"\"")
        } else {
            ("", "")
        };
        let _ = write!(
            out,
            r#"<li class="facet__value"><label class="facet__label{empty}"><input type="checkbox" name="{}" value="{}"{disabled}><span class="facet__name"><bdi>{}</bdi></span><span class="facet__count" data-facet-count="{count}">{}</span></label></li>"#,
            facet.param(),
            a(value),
            t(value),
            number(count as u64)
        );
    }
    let more_hidden = if values.len() <= FACET_VALUES_SHOWN {
        " hidden=\"\""
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"</ul><button type="button" class="facet__more"{more_hidden} aria-expanded="false">{}</button></fieldset>"#,
        t(&fill(
            messages.show_all,
            &[("count", &number(values.len() as u64))]
        ))
    );
}

/// `ResultList`: one page of releases by year and month.
fn result_list(out: &mut String, site: &Site, page: &[usize]) {
    let releases = &site.dataset.releases;
    for year in group_by_month(releases, page) {
        let _ = write!(
            out,
            r#"<section class="timeline-year" aria-labelledby="year-{0}"><h2 class="timeline-year__heading" id="year-{0}">{0}</h2>"#,
            year.year
        );
        for month in year.months {
            let _ = write!(
                out,
                r#"<section class="timeline-month" aria-labelledby="month-{0}-{1:02}"><h3 class="timeline-month__heading" id="month-{0}-{1:02}">{2} {0}</h3><div class="timeline-month__releases">"#,
                month.year,
                month.month,
                crate::core::date::month_name(month.month)
            );
            for index in month.releases {
                release_card(out, site, &releases[index]);
            }
            out.push_str("</div></section>");
        }
        out.push_str("</section>");
    }
}

/// `ReleaseCard`, without search highlights.
fn release_card(out: &mut String, site: &Site, release: &Release) {
    let _ = write!(
        out,
        r#"<article class="release-card" data-release-id="{}"{} dir="auto"><header class="release-card__meta">"#,
        a(&release.id),
        parts::content_lang(site, release.lang.as_deref())
    );
    parts::kind_label(out, &release.kind);
    parts::release_date(out, &release.date);
    let _ = write!(
        out,
        r#"</header><h3 class="release-card__title"><a href="{}">{}</a></h3>"#,
        a(&site.deploy.href(&release_path(&release.id), "")),
        t(&release.title)
    );
    if let Some(summary) = &release.summary {
        let _ = write!(
            out,
            r#"<p class="release-card__summary">{}</p>"#,
            t(summary)
        );
    }
    parts::people_quoted(out, site, &release.people);
    if let Some(credit) = release.image.as_ref().and_then(|i| i.credit.as_deref()) {
        parts::photo_credit(out, site, credit);
    }
    out.push_str("</article>");
}

/// `Pager` on the first page.
fn pager(out: &mut String, site: &Site, total: usize) {
    let span = PageSpan::of(total, 1);
    if span.pages <= 1 {
        return;
    }
    let messages = site.t();
    let position = fill(
        messages.pager_position,
        &[
            ("first", &number(span.first as u64)),
            ("last", &number(span.last as u64)),
            ("total", &number(total as u64)),
            ("page", &number(span.page as u64)),
            ("pages", &number(span.pages as u64)),
        ],
    );
    let next = ViewState::default().with_page(2).to_query();
    let _ = write!(
        out,
        r#"<nav class="pager" aria-label="{}"><span class="pager__position">{}</span><a href="{}" rel="next" class="pager__link">{}</a></nav>"#,
        a(messages.result_pages),
        t(&position),
        a(&site.deploy.href("/", &next)),
        t(messages.older_page)
    );
}

/// `EmbedDialog`, closed (its snippets are filled in by the app).
fn embed_dialog(out: &mut String, site: &Site) {
    let m = site.t();
    let _ = write!(
        out,
        r#"<button type="button" class="embed-open" aria-haspopup="dialog">{}</button><dialog class="embed-dialog" aria-labelledby="embed-dialog-title"><h2 id="embed-dialog-title">{0}</h2><p>{}</p><label class="embed-dialog__label" for="embed-script">{}</label><textarea id="embed-script" class="embed-dialog__snippet" data-embed-snippet="script" readonly="" rows="3"></textarea><button type="button" class="embed-dialog__copy" data-copy="script">{}</button><label class="embed-dialog__label" for="embed-iframe">{}</label><textarea id="embed-iframe" class="embed-dialog__snippet" data-embed-snippet="iframe" readonly="" rows="8"></textarea><button type="button" class="embed-dialog__copy" data-copy="iframe">{}</button><p class="embed-dialog__message" aria-live="polite"></p><button type="button" class="embed-dialog__close">{}</button></dialog>"#,
        t(m.embed_this_view),
        t(m.embed_intro),
        t(m.embed_script_label),
        t(m.copy_script),
        t(m.embed_iframe_label),
        t(m.copy_iframe),
        t(m.close)
    );
}
