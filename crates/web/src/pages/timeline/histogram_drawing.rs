use leptos::prelude::*;

use pressline_core::histogram::{Brush, Histogram as Density, PLOT_HEIGHT as HEIGHT, SLOT};

/// The histogram's picture: the chosen range behind the bars, the bars stacked by kind, and the
/// focus ring in front. Drawing units are whole numbers (a float in an attribute would add the
/// float formatter, 10 KB).
#[component]
pub fn HistogramDrawing(
    /// The bars.
    density: Memo<Density>,
    /// The first and last bars the date filter covers.
    selected: Memo<Option<(usize, usize)>>,
    /// The brush: the range being chosen and the focused bar.
    brush: RwSignal<Brush>,
) -> impl IntoView {
    let width = move || density.with(Density::plot_width);
    // One path per kind (a handful of elements however many periods), so a redraw changes a
    // few attributes instead of rebuilding hundreds of rectangles.
    let bars = move || {
        density.with(|d| {
            d.bar_paths()
                .into_iter()
                .enumerate()
                .map(|(k, path)| {
                    let class = format!("histogram__bar histogram__bar--{k}");
                    view! { <path class=class d=path /> }
                })
                .collect_view()
        })
    };
    // The range being chosen (pointer or keyboard), else the date filter.
    let selection = move || {
        let (a, b) = brush.with(|brush| brush.highlighted(selected.get()))?;
        Some(view! {
            <rect
                class="histogram__selection"
                x=a as u32 * SLOT
                y=0
                width=(b - a + 1) as u32 * SLOT
                height=HEIGHT
            />
        })
    };
    let focus_ring = move || {
        brush.with(Brush::focus).map(|i| {
            view! { <rect class="histogram__cursor" x=i as u32 * SLOT y=0 width=SLOT height=HEIGHT /> }
        })
    };
    view! {
        <svg
            class="histogram__svg"
            viewBox=move || format!("0 0 {} {HEIGHT}", width())
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
        >
            {selection}
            {bars}
            {focus_ring}
        </svg>
    }
}
