use chrono::NaiveDate;
use leptos::prelude::*;

use crate::context::i18n::{t, I18n};
use crate::context::site_data::SiteData;
use pressline_core::histogram::{Brush, Command, Histogram as Density};
use pressline_core::view_state::{Facet, ViewState};

use super::{HistogramHints, HistogramLegend, HistogramPlot, HistogramStatus, HistogramTable};

/// How long the view must stay the same before the histogram is redrawn.
const REDRAW_AFTER_MS: u64 = 150;

/// How many releases per period (week, month or year, by the span), stacked by kind, for the
/// releases the other filters leave. Click a bar to show that period, drag (mouse, touch or pen)
/// to choose a range, or use the keyboard: arrows move, Shift+arrows extend, Enter applies,
/// Escape clears. The chosen range is the date filter in the address, like the date inputs.
///
/// What a pointer or a key does is decided by the core's [`Brush`]; this frame holds it and
/// carries out its commands, and [`HistogramPlot`] feeds it the events.
#[component]
pub fn Histogram(
    /// The current view.
    #[prop(into)]
    state: Signal<ViewState>,
    /// Called with the new (from, to); `(None, None)` clears the dates.
    #[prop(into)]
    on_range: Callback<(Option<NaiveDate>, Option<NaiveDate>)>,
) -> impl IntoView {
    let t = t();
    let density = bars_for(settled(state));
    let selected = Memo::new(move |_| {
        let (from, to) = state.with(|s| (s.from, s.to));
        if from.is_none() && to.is_none() {
            return None;
        }
        density.with(|d| d.selected(from, to))
    });
    let brush = RwSignal::new(Brush::default());
    let clear = move || on_range.run((None, None));
    let on_command = Callback::new(move |command: Command| match command {
        Command::Nothing => {}
        Command::Filter { first, last } => {
            let (from, to) = density.with_untracked(|d| d.range(first, last));
            on_range.run((Some(from), Some(to)));
        }
        Command::ClearDates => clear(),
    });
    let kinds = Signal::derive(move || density.with(|d| d.kinds.clone()));

    view! {
        <section class="histogram" aria-labelledby="histogram-title" hidden=move || density.with(|d| d.buckets.is_empty())>
            <h2 id="histogram-title" class="histogram__title">{t.histogram_title}</h2>
            <p id="histogram-help" class="visually-hidden">{t.histogram_help}</p>
            <HistogramHints />
            <HistogramPlot density=density selected=selected brush=brush on_command=on_command />
            <HistogramStatus density=density brush=brush />
            <div class="histogram__footer">
                <HistogramLegend kinds=kinds />
                <button
                    type="button"
                    class="histogram__reset"
                    hidden=move || selected.get().is_none()
                    on:click=move |_| clear()
                >
                    {t.histogram_reset}
                </button>
            </div>
            <HistogramTable density=density />
        </section>
    }
}

/// `state` as the histogram draws it: it follows once the reader pauses ([`REDRAW_AFTER_MS`]).
/// While they type, each keystroke's frame goes to the results, not to re-bucketing every match.
fn settled(state: Signal<ViewState>) -> ReadSignal<ViewState> {
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
    settled.read_only()
}

/// The bars for the view: every period the other filters allow, whatever the dates (so a range
/// can be re-chosen), stacked by kind; one version of each story, as the results show them.
fn bars_for(view: ReadSignal<ViewState>) -> Memo<Density> {
    let data = expect_context::<SiteData>();
    let i18n = I18n::current();
    Memo::new(move |_| {
        let Some(site) = data.site() else {
            return Density::build(&[], &[], &[]);
        };
        let undated = view.with(|state| ViewState {
            from: None,
            to: None,
            page: 1,
            ..state.clone()
        });
        let matches = site.matching(&undated, i18n.language());
        let kinds = site.index.facet(Facet::Kind).values.clone();
        Density::build(&site.dataset.releases, &matches, &kinds)
    })
}
