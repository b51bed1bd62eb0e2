use leptos::html::Details;
use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::context::navigation::{is_plain_click, Destination, Navigation};
use pressline_core::i18n::Language;

/// Chooses the UI language: a disclosure of plain links, one per language named in itself
/// (`?lang=uk`, so the choice survives a reload and travels with a shared link). Each link
/// keeps the current view; a plain click switches in place.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = I18n::current();
    let navigation = Navigation::current();
    let current = i18n.language_untracked();
    let menu = NodeRef::<Details>::new();
    // The view's own parameters, worked out once per change of address for all the links (not
    // once per link), then the language; carried ones (src, embed) are re-added.
    let view = Memo::new(move |_| navigation.view_state().with(|(state, _)| state.to_query()));
    let query_for = move |language: Language| {
        view.with(|view| {
            if view.is_empty() {
                format!("lang={}", language.tag())
            } else {
                format!("{view}&lang={}", language.tag())
            }
        })
    };
    let links = Language::ALL
        .into_iter()
        .map(|language| {
            let href = move || navigation.href(&navigation.path(), &query_for(language));
            let choose = move |event: leptos::ev::MouseEvent| {
                if !is_plain_click(&event) {
                    return;
                }
                event.prevent_default();
                if let Some(menu) = menu.get_untracked() {
                    menu.set_open(false);
                }
                navigation.go(Destination {
                    path: navigation.path(),
                    query: query_for(language),
                    replace: false,
                    scroll: false,
                });
            };
            view! {
                <li>
                    <a
                        href=href
                        hreflang=language.tag()
                        lang=language.tag()
                        aria-current=(language == current).then_some("true")
                        on:click=choose
                    >
                        {language.native_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="language-switcher" node_ref=menu>
            <summary class="language-switcher__current">
                <span class="visually-hidden">{i18n.t().language} ": "</span>
                <span lang=current.tag()>{current.native_name()}</span>
            </summary>
            <ul class="language-switcher__menu">{links}</ul>
        </details>
    }
}
