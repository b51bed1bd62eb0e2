use leptos::prelude::*;

use crate::context::i18n::t;

use pressline_core::view_state::SortOrder;

/// Newest-first or oldest-first.
#[component]
pub fn SortControl(
    /// The current order.
    #[prop(into)]
    sort: Signal<SortOrder>,
    /// Called with the chosen order.
    #[prop(into)]
    on_change: Callback<SortOrder>,
) -> impl IntoView {
    let t = t();
    view! {
        <label class="sort-control">
            <span>{t.sort}</span>
            <select
                name="sort"
                on:change=move |event| {
                    let order = if event_target_value(&event) == "oldest" {
                        SortOrder::Oldest
                    } else {
                        SortOrder::Newest
                    };
                    on_change.run(order);
                }
            >
                <option value="newest" prop:selected=move || sort.get() == SortOrder::Newest>
                    {t.newest_first}
                </option>
                <option value="oldest" prop:selected=move || sort.get() == SortOrder::Oldest>
                    {t.oldest_first}
                </option>
            </select>
        </label>
    }
}
