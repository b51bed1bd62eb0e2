use leptos::prelude::*;

use crate::context::i18n::t;

/// How to use the histogram, in words that fit the hand: the style sheet shows the touch hint on
/// touch screens, the pointer hint beside a mouse, and the keyboard hint while the chart has
/// keyboard focus. On phones the hint waits behind a "?" beside the title.
///
/// Screen readers hear the full description instead (`histogram-help`, which
/// [`super::Histogram`] names in `aria-describedby`), so the hint and its "?" are hidden from
/// them, and the "?" is left out of the tab order (the keyboard hint shows on focus anyway).
#[component]
pub fn HistogramHints() -> impl IntoView {
    let t = t();
    let shown = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="histogram__how"
            tabindex="-1"
            aria-hidden="true"
            aria-pressed=move || shown.get().to_string()
            on:click=move |_| shown.update(|shown| *shown = !*shown)
        >
            "?"
        </button>
        <p class="histogram__hints" class:histogram__hints--shown=move || shown.get() aria-hidden="true">
            <span class="histogram__hint histogram__hint--pointer">{t.histogram_hint_pointer}</span>
            <span class="histogram__hint histogram__hint--touch">{t.histogram_hint_touch}</span>
            <span class="histogram__hint histogram__hint--keys">{t.histogram_hint_keys}</span>
        </p>
    }
}
