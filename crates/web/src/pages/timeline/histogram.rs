use chrono::NaiveDate;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::i18n::I18n;
use crate::context::site_data::SiteData;
use pressline_core::date::iso_day;
use pressline_core::histogram::{tap, Granularity, Histogram as Density, Tap};
use pressline_core::i18n::{fill, kind_name};
use pressline_core::view_state::{Facet, ViewState};

use super::HistogramHints;

/// How long the view must stay the same before the histogram is redrawn.
const REDRAW_AFTER_MS: u64 = 150;

/// The most periods the axis names (phones show every other one).
const AXIS_LABELS: usize = 7;

// Drawing units (whole numbers: a float in an attribute would add the float formatter, 10 KB).
use pressline_core::histogram::{PLOT_HEIGHT as HEIGHT, SLOT};

/// How many releases per period (week, month or year, by the span), stacked by kind, for the
/// releases the other filters leave. Click a bar to show that period, drag (mouse, touch or pen)
/// to choose a range, or use the keyboard: arrows move, Shift+arrows extend, Enter applies,
/// Escape clears. The chosen range is the date filter in the address, like the date inputs.
#[component]
pub fn Histogram(
    /// The current view.
    #[prop(into)]
    state: Signal<ViewState>,
    /// Called with the new (from, to); `(None, None)` clears the dates.
    #[prop(into)]
    on_range: Callback<(Option<NaiveDate>, Option<NaiveDate>)>,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let i18n = I18n::current();
    let t = i18n.t();
    // The picture follows the view once the reader pauses: while they type, each keystroke's
    // frame goes to the results, not to re-bucketing every match.
    let settled = RwSignal::new(state.get_untracked());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        let next = state.get();
        if previous.is_none() {
            return;
        }
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // Where a redraw starts, for `make bench` (User Timing).
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark("pressline:histogram-start");
                }
                settled.set(next)
            },
            std::time::Duration::from_millis(REDRAW_AFTER_MS),
        );
        timer.set_value(handle.ok());
    });
    // The picture shows every period the other filters allow, so a range can be re-chosen.
    let density = Memo::new(move |_| {
        let Some(site) = data.site() else {
            return Density::build(&[], &[], &[]);
        };
        let undated = settled.with(|state| ViewState {
            from: None,
            to: None,
            page: 1,
            ..state.clone()
        });
        let matches = site.index.run(&site.dataset.releases, &undated).matches;
        let kinds = site.index.facet(Facet::Kind).values.clone();
        Density::build(&site.dataset.releases, &matches, &kinds)
    });
    let selected = Memo::new(move |_| {
        let (from, to) = state.with(|s| (s.from, s.to));
        if from.is_none() && to.is_none() {
            return None;
        }
        density.with(|d| d.selected(from, to))
    });
    // The bar under the keyboard cursor, and where a keyboard or pointer range started.
    let cursor = RwSignal::new(None::<usize>);
    let anchor = RwSignal::new(None::<usize>);
    let dragging = RwSignal::new(false);
    // The bar whose count a tap is showing (touch screens; see [`tap`]).
    let tapped = RwSignal::new(None::<usize>);

    let label = move |d: &Density, i: usize| -> String {
        let bucket = &d.buckets[i];
        let period = period_name(&i18n, d.granularity, bucket.start, bucket.end);
        i18n.count(
            &t.period_releases,
            u64::from(bucket.total),
            &[("period", &period)],
        )
    };
    let detail = move |d: &Density, i: usize| -> String {
        let bucket = &d.buckets[i];
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
            label(d, i)
        } else {
            format!("{} ({})", label(d, i), kinds.join(", "))
        }
    };

    let apply = move |a: usize, b: usize| {
        let (from, to) = density.with_untracked(|d| d.range(a, b));
        on_range.run((Some(from), Some(to)));
    };
    let clear = move || on_range.run((None, None));

    // Which bar a pointer is over, from its position across the drawing.
    let bar_at = move |event: &PointerEvent| -> Option<usize> {
        let target = event
            .current_target()?
            .dyn_into::<web_sys::Element>()
            .ok()?;
        let rect = target.get_bounding_client_rect();
        let n = density.with_untracked(|d| d.buckets.len());
        if n == 0 || rect.width() <= 0.0 {
            return None;
        }
        let x = (f64::from(event.client_x()) - rect.left()) / rect.width();
        Some(((x * n as f64).floor().max(0.0) as usize).min(n - 1))
    };
    let on_down = move |event: PointerEvent| {
        let Some(i) = bar_at(&event) else { return };
        event.prevent_default();
        if let Some(target) = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            // Keep receiving moves when a finger or the mouse leaves the drawing.
            let _ = target.set_pointer_capture(event.pointer_id());
        }
        dragging.set(true);
        anchor.set(Some(i));
        cursor.set(Some(i));
    };
    let on_move = move |event: PointerEvent| {
        if let Some(i) = bar_at(&event) {
            cursor.set(Some(i));
        }
    };
    let on_up = move |event: PointerEvent| {
        if !dragging.get_untracked() {
            return;
        }
        dragging.set(false);
        let end = bar_at(&event).or(cursor.get_untracked());
        if let (Some(a), Some(b)) = (anchor.get_untracked(), end) {
            // Nothing hovers on a touch screen: a tap shows the count first.
            let outcome = if event.pointer_type() == "touch" {
                tap(tapped.get_untracked(), a, b)
            } else {
                Tap::Filter(a, b)
            };
            match outcome {
                Tap::ShowCount(i) => {
                    tapped.set(Some(i));
                    cursor.set(Some(i));
                }
                Tap::Filter(a, b) => {
                    tapped.set(None);
                    apply(a, b);
                }
            }
        }
        anchor.set(None);
    };
    let on_leave = move |event: PointerEvent| {
        // A finger leaves as it lifts: the count it asked for stays.
        if !dragging.get_untracked() && event.pointer_type() != "touch" {
            cursor.set(None);
        }
    };
    let on_key = move |event: KeyboardEvent| {
        let n = density.with_untracked(|d| d.buckets.len());
        if n == 0 {
            return;
        }
        let current = cursor
            .get_untracked()
            .or_else(|| selected.get_untracked().map(|(_, b)| b))
            .unwrap_or(n - 1);
        let step = |delta: isize| {
            let next = (current as isize + delta).clamp(0, n as isize - 1) as usize;
            if event.shift_key() {
                if anchor.get_untracked().is_none() {
                    anchor.set(Some(current));
                }
            } else {
                anchor.set(None);
            }
            cursor.set(Some(next));
        };
        match event.key().as_str() {
            "ArrowRight" | "ArrowUp" => step(1),
            "ArrowLeft" | "ArrowDown" => step(-1),
            "Home" => step(-(n as isize)),
            "End" => step(n as isize),
            "Enter" | " " => {
                let a = anchor.get_untracked().unwrap_or(current);
                apply(a, current);
                anchor.set(None);
            }
            "Escape" => {
                anchor.set(None);
                clear();
            }
            _ => return,
        }
        event.prevent_default();
    };

    // The range being chosen (pointer or keyboard), else the date filter.
    let highlighted = move || match (anchor.get(), cursor.get()) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        _ => selected.get(),
    };
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
    let selection = move || {
        highlighted().map(|(a, b)| {
            view! {
                <rect
                    class="histogram__selection"
                    x=a as u32 * SLOT
                    y=0
                    width=(b - a + 1) as u32 * SLOT
                    height=HEIGHT
                />
            }
        })
    };
    let focus_ring = move || {
        cursor.get().map(|i| {
            view! { <rect class="histogram__cursor" x=i as u32 * SLOT y=0 width=SLOT height=HEIGHT /> }
        })
    };
    // The axis: a few periods named under their bars (every other one dropped on phones).
    let axis = move || {
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
    let status = move || {
        let i = cursor.get()?;
        let detail = density.with(|d| (i < d.buckets.len()).then(|| detail(d, i)))?;
        Some(if tapped.get() == Some(i) {
            format!("{detail} {}", t.histogram_tap_again)
        } else {
            detail
        })
    };
    let table = move || {
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
    };
    let width = move || density.with(Density::plot_width);
    let legend = move || {
        density.with(|d| {
            d.kinds
                .iter()
                .enumerate()
                .map(|(k, kind)| {
                    let class = format!("histogram__key histogram__key--{}", k.min(5));
                    let kind = kind_name(kind, i18n.language_untracked()).to_owned();
                    view! { <li class=class>{kind}</li> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="histogram" aria-labelledby="histogram-title" hidden=move || density.with(|d| d.buckets.is_empty())>
            <h2 id="histogram-title" class="histogram__title">{t.histogram_title}</h2>
            <p id="histogram-help" class="visually-hidden">{t.histogram_help}</p>
            <HistogramHints />
            <div
                class="histogram__plot"
                dir="ltr"
                role="application"
                tabindex="0"
                aria-labelledby="histogram-title"
                aria-describedby="histogram-help histogram-status"
                on:keydown=on_key
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| {
                    dragging.set(false);
                    anchor.set(None);
                }
                on:pointerleave=on_leave
                on:blur=move |_| {
                    cursor.set(None);
                    anchor.set(None);
                    tapped.set(None);
                }
            >
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
                <div class="histogram__axis" aria-hidden="true">{axis}</div>
            </div>
            <p id="histogram-status" class="histogram__status" aria-live="polite">{status}</p>
            <div class="histogram__footer">
                <ul class="histogram__legend" aria-hidden="true">{legend}</ul>
                <button
                    type="button"
                    class="histogram__reset"
                    hidden=move || selected.get().is_none()
                    on:click=move |_| clear()
                >
                    {t.histogram_reset}
                </button>
            </div>
            {table}
        </section>
    }
}

/// A period's name in the reader's language: a year, a month, or a week by its first day.
fn period_name(i18n: &I18n, granularity: Granularity, start: NaiveDate, end: NaiveDate) -> String {
    use chrono::Datelike;
    match granularity {
        Granularity::Year => i18n.year(start.year()),
        Granularity::Month => i18n.month_year(start.year(), start.month()),
        Granularity::Week => fill(
            i18n.t().histogram_week,
            &[("from", &i18n.day(start)), ("to", &i18n.day(end))],
        ),
    }
}
