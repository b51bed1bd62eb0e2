//! The histogram's words for its periods, shared by the status line and the table.

use chrono::{Datelike, NaiveDate};

use crate::context::i18n::I18n;
use pressline_core::histogram::{Granularity, Histogram as Density};
use pressline_core::i18n::{fill, kind_name};

/// A period's name in the reader's language: a year, a month, or a week by its first day.
pub fn period_name(
    i18n: &I18n,
    granularity: Granularity,
    start: NaiveDate,
    end: NaiveDate,
) -> String {
    match granularity {
        Granularity::Year => i18n.year(start.year()),
        Granularity::Month => i18n.month_year(start.year(), start.month()),
        Granularity::Week => fill(
            i18n.t().histogram_week,
            &[("from", &i18n.day(start)), ("to", &i18n.day(end))],
        ),
    }
}

/// Bar `i` in words: its period and count, and the count of each kind in it ("June 2022: 5
/// releases (Report 3, Statement 2)"). `i` must be one of `d`'s buckets.
pub fn bar_detail(i18n: &I18n, d: &Density, i: usize) -> String {
    let bucket = &d.buckets[i];
    let period = period_name(i18n, d.granularity, bucket.start, bucket.end);
    let label = i18n.count(
        &i18n.t().period_releases,
        u64::from(bucket.total),
        &[("period", &period)],
    );
    let kinds: Vec<String> = d
        .kinds
        .iter()
        .zip(&bucket.by_kind)
        .filter(|(_, n)| **n > 0)
        .map(|(kind, n)| {
            let kind = kind_name(kind, i18n.language_untracked());
            format!("{kind} {}", i18n.number(u64::from(*n)))
        })
        .collect();
    if kinds.is_empty() {
        label
    } else {
        format!("{label} ({})", kinds.join(", "))
    }
}
