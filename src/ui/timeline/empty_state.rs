use leptos::prelude::*;

use crate::ui::i18n::t;

use crate::core::view_state::ViewState;
use crate::ui::shared::{Heading, Link};

/// Shown when nothing matches: says which filters to loosen, each a link that removes it.
#[component]
pub fn EmptyState(
    /// The view that matched nothing.
    state: ViewState,
) -> impl IntoView {
    let t = t();
    let options = state.loosenings(t);
    let clear_all = state.cleared().to_query();
    view! {
        <section class="empty-state" data-empty-state="">
            <Heading rank=1>{t.no_match}</Heading>
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
