use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::histogram::Histogram as Density;

/// The most periods the axis names (phones show every other one).
const AXIS_LABELS: usize = 7;

/// The histogram's axis: a few periods named under their bars (the minor ones dropped on
/// phones), one cell per bar so each name sits under its bar.
#[component]
pub fn HistogramAxis(
    /// The bars.
    density: Memo<Density>,
) -> impl IntoView {
    let i18n = I18n::current();
    let names = move || {
        density.with(|d| {
            let mut names = vec![None; d.buckets.len()];
            for (i, major) in d.axis_ticks(AXIS_LABELS) {
                names[i] = Some((i18n.period_tick(d.granularity, d.buckets[i].start), major));
            }
            names
                .into_iter()
                .map(|name| match name {
                    Some((name, major)) => {
                        let class = if major {
                            "histogram__tick histogram__tick--major"
                        } else {
                            "histogram__tick"
                        };
                        view! { <span class=class>{name}</span> }.into_any()
                    }
                    None => view! { <span></span> }.into_any(),
                })
                .collect_view()
        })
    };
    view! { <div class="histogram__axis" aria-hidden="true">{names}</div> }
}
