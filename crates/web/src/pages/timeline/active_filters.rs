use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::pages::shared::Link;
use pressline_core::view_state::{FilterPart, ViewState};

/// The view's filters as chips above the results, each a link to the view without it, and
/// "Clear all filters": a shared filtered link says what it shows, on every screen size (and
/// the links work before the app starts). Renders nothing for an unfiltered view.
#[component]
pub fn ActiveFilters(
    /// The view shown.
    #[prop(into)]
    state: Signal<ViewState>,
) -> impl IntoView {
    let i18n = I18n::current();
    move || {
        let state = state.get();
        let t = i18n.t();
        let parts = state.loosenings(t);
        (!parts.is_empty()).then(|| {
            let chips = parts
                .into_iter()
                .map(|part| {
                    // A language is named in itself, and marked so.
                    let (name, value, value_lang) = match part.part {
                        FilterPart::Search(text) => (t.search, format!("“{text}”"), None),
                        FilterPart::Facet(facet, value) => (
                            facet.label(t),
                            facet.value_label(&value).to_owned(),
                            facet.value_language(&value).map(str::to_owned),
                        ),
                        FilterPart::Dates(from, to) => (
                            t.date,
                            format!(
                                "{} – {}",
                                from.map(|day| i18n.day(day)).unwrap_or_default(),
                                to.map(|day| i18n.day(day)).unwrap_or_default()
                            ),
                            None,
                        ),
                    };
                    view! {
                        <li>
                            <Link
                                path="/"
                                query=part.state.to_query()
                                attr:class="chip"
                                attr:aria-label=part.label
                            >
                                <span class="chip__name">{name}</span>
                                " "
                                <bdi class="chip__value" lang=value_lang>{value}</bdi>
                                <span class="chip__remove" aria-hidden="true">"×"</span>
                            </Link>
                        </li>
                    }
                })
                .collect_view();
            let clear_all = state.cleared().to_query();
            view! {
                <nav class="active-filters" aria-label=t.active_filters>
                    <ul class="active-filters__list">
                        {chips}
                        <li>
                            <Link path="/" query=clear_all attr:class="active-filters__clear">
                                {t.clear_all}
                            </Link>
                        </li>
                    </ul>
                </nav>
            }
        })
    }
}
