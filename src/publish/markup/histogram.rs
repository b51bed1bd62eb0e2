//! Mirror of the timeline's `Histogram`: the same bars (drawn by the core), axis, legend and
//! table, before any range is chosen.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::{number, Site};
use crate::core::date::{iso_day, month_name};
use crate::core::histogram::{Granularity, Histogram, PALETTE_SIZE, PLOT_HEIGHT};
use crate::core::i18n::fill;
use crate::core::view_state::Facet;
use crate::core::ReleaseDate;
use crate::publish::escape::text as t;

/// The histogram of the whole timeline.
pub fn histogram(out: &mut String, site: &Site) {
    let messages = site.t();
    let kinds = site.index.facet(Facet::Kind).values.clone();
    let density = Histogram::build(&site.dataset.releases, &site.timeline.matches, &kinds);
    let hidden = if density.buckets.is_empty() {
        " hidden=\"\""
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<section class="histogram" aria-labelledby="histogram-title"{hidden}><h2 id="histogram-title" class="histogram__title">{}</h2><p id="histogram-help" class="histogram__help">{}</p>"#,
        t(messages.histogram_title),
        t(messages.histogram_help)
    );
    let _ = write!(
        out,
        r#"<div class="histogram__plot" dir="ltr" role="application" tabindex="0" aria-labelledby="histogram-title" aria-describedby="histogram-help histogram-status"><svg class="histogram__svg" viewBox="0 0 {} {PLOT_HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#,
        density.plot_width()
    );
    for (k, path) in density.bar_paths().iter().enumerate() {
        let _ = write!(
            out,
            r#"<path class="histogram__bar histogram__bar--{k}" d="{path}"></path>"#
        );
    }
    let name = |i: usize| {
        let bucket = &density.buckets[i];
        period_name(site, density.granularity, bucket.start, bucket.end)
    };
    let (first, last) = match density.buckets.len() {
        0 => (String::new(), String::new()),
        n => (name(0), name(n - 1)),
    };
    let _ = write!(
        out,
        r#"</svg><div class="histogram__axis" aria-hidden="true"><span>{}</span><span>{}</span></div></div><p id="histogram-status" class="histogram__status" aria-live="polite"></p><div class="histogram__footer"><ul class="histogram__legend" aria-hidden="true">"#,
        t(&first),
        t(&last)
    );
    for (k, kind) in density.kinds.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li class="histogram__key histogram__key--{}">{}</li>"#,
            k.min(PALETTE_SIZE - 1),
            t(kind)
        );
    }
    let _ = write!(
        out,
        r#"</ul><button type="button" class="histogram__reset" hidden="">{}</button></div>"#,
        t(messages.histogram_reset)
    );
    // The table screen readers get instead of the picture.
    let _ = write!(
        out,
        r#"<div class="visually-hidden"><table data-histogram-table=""><caption>{}</caption><thead><tr><th scope="col">{}</th>"#,
        t(messages.histogram_title),
        t(messages.date)
    );
    for kind in &density.kinds {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, t(kind));
    }
    let _ = write!(
        out,
        r#"<th scope="col">{}</th></tr></thead><tbody>"#,
        t(messages.histogram_total)
    );
    for (i, bucket) in density.buckets.iter().enumerate() {
        let _ = write!(
            out,
            r#"<tr data-bucket="{i}" data-total="{}" data-from="{}" data-to="{}"><th scope="row">{}</th>"#,
            bucket.total,
            iso_day(bucket.start),
            iso_day(bucket.end),
            t(&name(i))
        );
        for n in &bucket.by_kind {
            let _ = write!(out, "<td>{}</td>", number(u64::from(*n)));
        }
        let _ = write!(out, "<td>{}</td></tr>", number(u64::from(bucket.total)));
    }
    out.push_str("</tbody></table></div></section>");
}

/// A period's name, as the app's `period_name` writes it in English.
fn period_name(site: &Site, granularity: Granularity, start: NaiveDate, end: NaiveDate) -> String {
    match granularity {
        Granularity::Year => start.year().to_string(),
        Granularity::Month => format!("{} {}", month_name(start.month()), start.year()),
        Granularity::Week => fill(
            site.t().histogram_week,
            &[
                ("from", &ReleaseDate::Day(start).to_long_english()),
                ("to", &ReleaseDate::Day(end).to_long_english()),
            ],
        ),
    }
}
