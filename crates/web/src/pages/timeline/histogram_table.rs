use chrono::NaiveDate;
use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::date::iso_day;
use pressline_core::histogram::{Bucket, Histogram as Density};
use pressline_core::i18n::kind_name;

use super::histogram_words::period_name;

/// The histogram as a table, for screen readers (hidden from sight): every period, its count by
/// kind and its total. Each row carries its bar's index, total and dates for the tests.
///
/// The rows are keyed by period: a redraw changes the numbers of the periods whose counts
/// changed, and builds or removes only the periods that arrive or leave.
#[component]
pub fn HistogramTable(
    /// The bars.
    density: Memo<Density>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    let periods = move || {
        density.with(|d| {
            d.buckets
                .iter()
                .map(|bucket| (bucket.start, bucket.end))
                .collect::<Vec<_>>()
        })
    };
    // The kinds change with the dataset, not with each redraw.
    let kinds = Memo::new(move |_| density.with(|d| d.kinds.clone()));
    let heads = move || {
        kinds.with(|kinds| {
            kinds
                .iter()
                .map(|kind| {
                    let kind = kind_name(kind, i18n.language_untracked()).to_owned();
                    view! { <th scope="col">{kind}</th> }
                })
                .collect_view()
        })
    };
    view! {
        // In a wrapper: a table will not shrink to the 1 px that hides it.
        <div class="visually-hidden">
        <table data-histogram-table="">
            <caption>{t.histogram_title}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.date}</th>
                    {heads}
                    <th scope="col">{t.histogram_total}</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=periods
                    key=|period| *period
                    children=move |(start, end)| period_row(density, start, end)
                />
            </tbody>
        </table>
        </div>
    }
}

/// One period's row: its name is fixed, its numbers follow the bars.
fn period_row(density: Memo<Density>, start: NaiveDate, end: NaiveDate) -> impl IntoView {
    let i18n = I18n::current();
    let bar = Memo::new(move |_| {
        density.with(|d| {
            d.index_of(start)
                .map(|index| (index, d.buckets[index].clone()))
        })
    });
    let granularity = density.with_untracked(|d| d.granularity);
    let index = move || bar.with(|bar| bar.as_ref().map_or(0, |(index, _)| *index));
    let total = move || bar.with(|bar| bar.as_ref().map_or(0, |(_, bucket)| bucket.total));
    // Apart from the index, which moves when earlier periods arrive or leave.
    let by_kind = Memo::new(move |_| {
        bar.with(|bar| {
            bar.as_ref()
                .map(|(_, bucket): &(usize, Bucket)| bucket.by_kind.clone())
        })
    });
    let cells = move || {
        by_kind.with(|counts| {
            counts
                .iter()
                .flatten()
                .map(|n| view! { <td>{i18n.number(u64::from(*n))}</td> })
                .collect_view()
        })
    };
    view! {
        <tr data-bucket=index data-total=total data-from=iso_day(start) data-to=iso_day(end)>
            <th scope="row">{period_name(&i18n, granularity, start, end)}</th>
            {cells}
            <td>{move || i18n.number(u64::from(total()))}</td>
        </tr>
    }
}
