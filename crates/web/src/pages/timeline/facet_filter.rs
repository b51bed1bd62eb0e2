use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::i18n::fill;

use pressline_core::view_state::Facet;

use pressline_core::timeline::{shown_facet_values, FACET_VALUES_SHOWN};

/// One facet as a group of checkboxes with live counts. A value that would match nothing stays
/// visible but disabled (unless selected, so it can always be cleared). Hidden while the facet
/// has too few values to choose between ([`Facet::is_shown_with`]).
#[component]
pub fn FacetFilter(
    /// Which facet.
    facet: Facet,
    /// Every value, in display order.
    #[prop(into)]
    values: Signal<Vec<String>>,
    /// The count for each value given the other filters, in the same order.
    #[prop(into)]
    counts: Signal<Vec<usize>>,
    /// The selected values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// Called with a value to select or unselect it.
    #[prop(into)]
    on_toggle: Callback<String>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    let expanded = RwSignal::new(false);
    let total_values = move || values.with(Vec::len);
    let legend_id = format!("facet-{}", facet.param());
    // The rows are keyed by value: a click or a keystroke updates the counts and boxes of the
    // rows in place. New values (an archive's later shard) reorder them: then they start again.
    let shown = Memo::new(move |_| {
        selected.with(|selected| {
            values.with(|values| shown_facet_values(values, selected, expanded.get()))
        })
    });
    let rows = move || {
        values.track();
        view! {
            <For
                each=move || shown.get()
                key=|value| value.clone()
                children=move |value| facet_row(facet, value, values, counts, selected, on_toggle)
            />
        }
    };
    // Always rendered (an archive's later shards can add values); hidden while it has too few.
    view! {
        <fieldset class="facet" data-facet=facet.param() hidden=move || !facet.is_shown_with(total_values())>
            <legend class="facet__legend" id=legend_id>
                {facet.label(t)}
            </legend>
            <ul class="facet__values">{rows}</ul>
            <button
                type="button"
                class="facet__more"
                hidden=move || total_values() <= FACET_VALUES_SHOWN
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {move || {
                    if expanded.get() {
                        t.show_fewer.to_owned()
                    } else {
                        fill(t.show_all, &[("count", &i18n.number(total_values() as u64))])
                    }
                }}
            </button>
        </fieldset>
    }
}

/// One value's checkbox, its count and state following the view.
fn facet_row(
    facet: Facet,
    value: String,
    values: Signal<Vec<String>>,
    counts: Signal<Vec<usize>>,
    selected: Signal<Vec<String>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let i18n = I18n::current();
    // Fixed while the values are (see `rows` above); a value the dataset lacks has none.
    let position = values.with_untracked(|values| values.iter().position(|known| *known == value));
    let count = Memo::new(move |_| {
        position.map_or(0, |position| {
            counts.with(|counts| counts.get(position).copied().unwrap_or(0))
        })
    });
    let is_selected = Memo::new({
        let value = value.clone();
        move |_| selected.with(|selected| selected.contains(&value))
    });
    // Common kinds in the reader's language, languages by their own names; the value itself
    // stays the dataset's.
    let shown = facet
        .value_name(&value, i18n.language_untracked())
        .to_owned();
    let name_lang = facet.value_language(&value).map(str::to_owned);
    let toggle_value = value.clone();
    view! {
        <li class="facet__value">
            <label class="facet__label" class:facet__label--empty=move || count.get() == 0>
                <input
                    type="checkbox"
                    name=facet.param()
                    value=value
                    prop:checked=is_selected
                    disabled=move || count.get() == 0 && !is_selected.get()
                    on:change=move |_| on_toggle.run(toggle_value.clone())
                />
                <span class="facet__name"><bdi lang=name_lang>{shown}</bdi></span>
                <span class="facet__count" data-facet-count=count>
                    {move || i18n.number(count.get() as u64)}
                </span>
            </label>
        </li>
    }
}
