use leptos::prelude::*;

use crate::ui::i18n::t;

/// The search field, always in view above the results (on phones beside the filters' toggle).
/// Its value always mirrors the URL's `q`; each keystroke reports the new text.
#[component]
pub fn SearchBox(
    /// The current search text (from the URL).
    #[prop(into)]
    query: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
) -> impl IntoView {
    let t = t();
    view! {
        <form class="search-box" role="search" on:submit=|event| event.prevent_default()>
            <label class="search-box__label" for="search-input">
                {t.search_label}
            </label>
            <input
                id="search-input"
                class="search-box__input"
                type="search"
                name="q"
                placeholder=t.search_label
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-help"
                prop:value=move || query.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            />
            <p id="search-help" class="search-box__help">
                {t.search_help}
            </p>
        </form>
    }
}
