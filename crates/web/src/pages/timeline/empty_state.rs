use leptos::prelude::*;

use crate::context::i18n::t;

use crate::context::site_data::SiteData;
use crate::pages::shared::{Heading, Link};
use pressline_core::i18n::{fill, search_in_another_script};
use pressline_core::view_state::ViewState;

/// Shown when nothing matches: says which filters to loosen, each a link that removes it.
#[component]
pub fn EmptyState(
    /// The view that matched nothing.
    state: ViewState,
) -> impl IntoView {
    let t = t();
    let options = state.loosenings(t);
    // A search in another alphabet than the releases' cannot match: say so.
    let other_script = search_in_another_script(
        &state.query,
        use_context::<SiteData>()
            .and_then(|data| data.content_language())
            .as_deref(),
    );
    let clear_all = state.cleared().to_query();
    view! {
        <section class="empty-state" data-empty-state="">
            <Heading rank=1 class="empty-state__title">{t.no_match}</Heading>
            {other_script.map(|language| view! {
                <p class="empty-state__script">
                    {fill(t.search_other_script, &[("language", language.native_name())])}
                </p>
            })}
            <p>{t.try_loosening}</p>
            <ul class="empty-state__options">
                {options
                    .into_iter()
                    .map(|option| {
                        let query = option.state.to_query();
                        view! {
                            <li>
                                <Link path="/" query=query>{option.label}</Link>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <Link path="/" query=clear_all>{t.clear_all}</Link>
                </li>
            </ul>
        </section>
    }
}
