use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::date::iso_day;
use pressline_core::histogram::Histogram as Density;
use pressline_core::i18n::kind_name;

use super::histogram_words::period_name;

/// The histogram as a table, for screen readers (hidden from sight): every period, its count by
/// kind and its total. Each row carries its bar's index, total and dates for the tests.
#[component]
pub fn HistogramTable(
    /// The bars.
    density: Memo<Density>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    move || {
        density.with(|d| {
            let rows = (0..d.buckets.len())
                .map(|i| {
                    let bucket = &d.buckets[i];
                    let cells = bucket
                        .by_kind
                        .iter()
                        .map(|n| view! { <td>{i18n.number(u64::from(*n))}</td> })
                        .collect_view();
                    view! {
                        <tr
                            data-bucket=i
                            data-total=bucket.total
                            data-from=iso_day(bucket.start)
                            data-to=iso_day(bucket.end)
                        >
                            <th scope="row">{period_name(&i18n, d.granularity, bucket.start, bucket.end)}</th>
                            {cells}
                            <td>{i18n.number(u64::from(bucket.total))}</td>
                        </tr>
                    }
                })
                .collect_view();
            let heads = d
                .kinds
                .iter()
                .map(|kind| {
                    let kind = kind_name(kind, i18n.language_untracked()).to_owned();
                    view! { <th scope="col">{kind}</th> }
                })
                .collect_view();
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
                    <tbody>{rows}</tbody>
                </table>
                </div>
            }
        })
    }
}
