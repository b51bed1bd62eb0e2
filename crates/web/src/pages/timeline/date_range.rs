use chrono::NaiveDate;

use crate::context::i18n::I18n;
use leptos::prelude::*;
use pressline_core::date::{iso_day, parse_iso_day};
use pressline_core::i18n::fill;

use pressline_core::search::DateRangeIssue;

/// From/to date inputs (inclusive; either may be empty) and a message when the range is wrong.
#[component]
pub fn DateRange(
    /// The first day included.
    #[prop(into)]
    from: Signal<Option<NaiveDate>>,
    /// The last day included.
    #[prop(into)]
    to: Signal<Option<NaiveDate>>,
    /// Why the range is not applied, if it is not.
    #[prop(into)]
    issue: Signal<Option<DateRangeIssue>>,
    /// Called with the new (from, to) when either input changes.
    #[prop(into)]
    on_change: Callback<(Option<NaiveDate>, Option<NaiveDate>)>,
) -> impl IntoView {
    let parse = |text: String| parse_iso_day(&text);
    let format = |date: Option<NaiveDate>| date.map(iso_day).unwrap_or_default();
    let i18n = I18n::current();
    let t = i18n.t();
    view! {
        <fieldset class="facet date-range" data-facet="date">
            <legend class="facet__legend">{t.date}</legend>
            <div class="date-range__inputs">
                <label class="date-range__field">
                    <span>{t.date_from}</span>
                    <input
                        type="date"
                        name="from"
                        prop:value=move || format(from.get())
                        aria-describedby="date-range-message"
                        on:change=move |event| on_change.run((parse(event_target_value(&event)), to.get_untracked()))
                    />
                </label>
                <label class="date-range__field">
                    <span>{t.date_to}</span>
                    <input
                        type="date"
                        name="to"
                        prop:value=move || format(to.get())
                        aria-describedby="date-range-message"
                        on:change=move |event| on_change.run((from.get_untracked(), parse(event_target_value(&event))))
                    />
                </label>
            </div>
            <p id="date-range-message" class="date-range__message" role="alert">
                {move || {
                    issue
                        .get()
                        .map(|DateRangeIssue::Inverted { from, to }| {
                            fill(
                                t.date_range_inverted,
                                &[("from", &i18n.day(from)), ("to", &i18n.day(to))],
                            )
                        })
                }}
            </p>
        </fieldset>
    }
}
