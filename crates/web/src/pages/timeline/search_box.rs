use leptos::prelude::*;

use crate::context::i18n::{t, I18n};
use crate::context::site_data::SiteData;
use crate::context::site_data::BUNDLED_DATASET_PATH;
use pressline_core::i18n::{fill, releases_in_another_language};

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
    // A reader of another language than the releases' learns it where they would type (unless
    // some are in theirs: a newsroom publishing in several languages).
    let ui = I18n::current().language_untracked();
    let data = use_context::<SiteData>();
    let content = data.as_ref().and_then(|data| data.content_language());
    let has_theirs = data
        .and_then(|data| data.site_untracked())
        .is_some_and(|site| site.has_releases_in(ui));
    let another = releases_in_another_language(ui, content.as_deref()).filter(|_| !has_theirs);
    let placeholder = match another {
        Some(language) => fill(t.content_language, &[("language", language.native_name())]),
        None => t.search_label.to_owned(),
    };
    view! {
        // Without JavaScript (a published page with scripts off) submitting goes to the
        // explanation below, which the style sheet shows only as the address's target.
        <form
            class="search-box"
            role="search"
            action="#search-needs-script"
            on:submit=|event| event.prevent_default()
        >
            <label class="search-box__label" for="search-input">
                {t.search_label}
            </label>
            <input
                id="search-input"
                class="search-box__input"
                type="search"
                name="q"
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-help"
                prop:value=move || query.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            />
            <p id="search-help" class="search-box__help">
                {t.search_help}
            </p>
            <p id="search-needs-script" class="search-box__no-script" tabindex="-1">
                {t.search_needs_script} " "
                <a href=BUNDLED_DATASET_PATH>{t.data_as_json}</a> "."
            </p>
        </form>
    }
}
