use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use pressline_core::histogram::{bar_at, Brush, Command, Histogram as Density, Key, Pointer};

use super::{HistogramAxis, HistogramDrawing};

/// The histogram's plot, the part a reader brushes: the drawing and its axis, focusable, taking
/// the keys and pointers. Each event goes to the [`Brush`] (which decides), and what it commands
/// goes to `on_command`.
#[component]
pub fn HistogramPlot(
    /// The bars.
    density: Memo<Density>,
    /// The first and last bars the date filter covers.
    selected: Memo<Option<(usize, usize)>>,
    /// The brush the events go to.
    brush: RwSignal<Brush>,
    /// Carries out what the brush commands (filter to some bars, or clear the dates).
    on_command: Callback<Command>,
) -> impl IntoView {
    let bars = move || density.with_untracked(|d| d.buckets.len());
    let on_key = move |event: KeyboardEvent| {
        let Some(key) = Key::from_name(&event.key()) else {
            return;
        };
        let (shift, selected) = (event.shift_key(), selected.get_untracked());
        if let Some(command) = steer(brush, |b| b.key(key, shift, bars(), selected)).flatten() {
            event.prevent_default();
            on_command.run(command);
        }
    };
    let on_down = move |event: PointerEvent| {
        let Some(bar) = bar_under(&event, bars()) else {
            return;
        };
        event.prevent_default();
        capture(&event);
        steer(brush, |b| b.pointer_down(bar));
    };
    let on_move = move |event: PointerEvent| {
        if let Some(bar) = bar_under(&event, bars()) {
            steer(brush, |b| b.pointer_move(bar));
        }
    };
    let on_up = move |event: PointerEvent| {
        let (bar, pointer) = (bar_under(&event, bars()), pointer_of(&event));
        if let Some(command) = steer(brush, |b| b.pointer_up(bar, pointer)) {
            on_command.run(command);
        }
    };

    view! {
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
                steer(brush, Brush::pointer_cancel);
            }
            on:pointerleave=move |event| {
                steer(brush, |b| b.pointer_leave(pointer_of(&event)));
            }
            on:blur=move |_| {
                steer(brush, Brush::blur);
            }
        >
            <HistogramDrawing density=density selected=selected brush=brush />
            <HistogramAxis density=density />
        </div>
    }
}

/// Feeds an event to the brush, waking what draws it only if its state changed (a pointer moves
/// many times over one bar), and returns what the brush answered (`None` if it is gone).
fn steer<R>(brush: RwSignal<Brush>, event: impl FnOnce(&mut Brush) -> R) -> Option<R> {
    brush.try_maybe_update(|brush| {
        let before = *brush;
        let answer = event(brush);
        (*brush != before, answer)
    })
}

/// The bar under a pointer, from its position across the element listening (the plot).
fn bar_under(event: &PointerEvent, bars: usize) -> Option<usize> {
    let plot = event
        .current_target()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let rect = plot.get_bounding_client_rect();
    bar_at(
        f64::from(event.client_x()) - rect.left(),
        rect.width(),
        bars,
    )
}

/// Whether the pointer is a finger, which does not hover.
fn pointer_of(event: &PointerEvent) -> Pointer {
    Pointer::from_type(&event.pointer_type())
}

/// Keeps the pointer's moves coming to the plot when the finger or the mouse leaves it.
fn capture(event: &PointerEvent) {
    if let Some(plot) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    {
        let _ = plot.set_pointer_capture(event.pointer_id());
    }
}
