use leptos::prelude::*;

use crate::core::i18n::Language;
use crate::core::view_state::ViewState;
use crate::ui::i18n::I18n;
use crate::ui::navigation::{Destination, Navigation};

/// Chooses the UI language. The choice goes into the address (`?lang=uk`), so it survives a
/// reload and travels with a shared link; each language is named in itself.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = I18n::current();
    let navigation = Navigation::current();
    let current = i18n.language_untracked();
    let choose = move |event: leptos::ev::Event| {
        let Some(language) = Language::from_tag(&event_target_value(&event)) else {
            return;
        };
        // The view's own parameters, then the language; carried ones (src, embed) are re-added.
        let (state, _) = ViewState::from_query(&navigation.query());
        let view = state.to_query();
        let query = if view.is_empty() {
            format!("lang={}", language.tag())
        } else {
            format!("{view}&lang={}", language.tag())
        };
        navigation.go(Destination {
            path: navigation.path(),
            query,
            replace: false,
            scroll: false,
        });
    };
    view! {
        <label class="language-switcher">
            <span class="visually-hidden">{i18n.t().language}</span>
            <select class="language-switcher__select" on:change=choose>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option value=language.tag() lang=language.tag() selected=language == current>
                                {language.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
