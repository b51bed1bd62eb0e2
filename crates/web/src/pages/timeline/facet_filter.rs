use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::i18n::fill;
use pressline_core::i18n::kind_name;

use pressline_core::view_state::Facet;

use pressline_core::timeline::{facet_rows, FacetRow, FACET_VALUES_SHOWN};

/// One facet as a group of checkboxes with live counts. A value that would match nothing stays
/// visible but disabled (unless selected, so it can always be cleared).
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
    let rows = move || {
        let rows = selected.with(|selected| {
            values.with(|values| {
                counts.with(|counts| facet_rows(values, counts, selected, expanded.get()))
            })
        });
        rows.into_iter()
            .map(|row| {
                let enabled = row.is_enabled();
                let FacetRow {
                    value,
                    count,
                    selected,
                } = row;
                let toggle_value = value.clone();
                // Common kinds in the reader's language; the value itself stays the dataset's.
                let shown = if facet == Facet::Kind {
                    kind_name(&value, i18n.language_untracked()).to_owned()
                } else {
                    value.clone()
                };
                view! {
                    <li class="facet__value">
                        <label class="facet__label" class:facet__label--empty=count == 0>
                            <input
                                type="checkbox"
                                name=facet.param()
                                value=value
                                prop:checked=selected
                                disabled=!enabled
                                on:change=move |_| on_toggle.run(toggle_value.clone())
                            />
                            <span class="facet__name"><bdi>{shown}</bdi></span>
                            <span class="facet__count" data-facet-count=count>
                                {i18n.number(count as u64)}
                            </span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    // Always rendered (an archive's later shards can add values); hidden while empty.
    view! {
        <fieldset class="facet" data-facet=facet.param() hidden=move || total_values() == 0>
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
