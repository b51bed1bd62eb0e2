use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::histogram::{Brush, Histogram as Density};

use super::histogram_words::bar_detail;

/// The histogram's status line, read out as it changes: the focused bar's period and counts by
/// kind, and after a first tap on a touch screen, that a second tap filters.
#[component]
pub fn HistogramStatus(
    /// The bars.
    density: Memo<Density>,
    /// The brush: which bar has the focus, and whether a tap is showing its count.
    brush: RwSignal<Brush>,
) -> impl IntoView {
    let i18n = I18n::current();
    let status = move || {
        let (focus, tap_again) = brush.with(|b| (b.focus(), b.awaits_second_tap()));
        let i = focus?;
        let detail = density.with(|d| (i < d.buckets.len()).then(|| bar_detail(&i18n, d, i)))?;
        Some(if tap_again {
            format!("{detail} {}", i18n.t().histogram_tap_again)
        } else {
            detail
        })
    };
    view! { <p id="histogram-status" class="histogram__status" aria-live="polite">{status}</p> }
}
