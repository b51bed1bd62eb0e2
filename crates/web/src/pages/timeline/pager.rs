use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::i18n::fill;

use crate::pages::shared::Link;
use pressline_core::timeline::PageSpan;
use pressline_core::view_state::ViewState;

/// "Releases 101–200 of 4,312" with links to the previous and next pages. Renders nothing when
/// everything fits on one page.
#[component]
pub fn Pager(
    /// The current view (its `page` is the page shown).
    state: ViewState,
    /// How many releases match in all.
    total: usize,
) -> impl IntoView {
    let PageSpan {
        page,
        pages,
        first,
        last,
    } = PageSpan::of(total, state.page);
    let i18n = I18n::current();
    let t = i18n.t();
    let link = move |to: usize, label: &'static str, rel: &'static str| {
        let query = state.with_page(to).to_query();
        view! {
            <Link path="/" query=query attr:rel=rel attr:class="pager__link">
                {label}
            </Link>
        }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t.result_pages>
                {(page > 1).then(|| link(page - 1, t.newer_page, "prev"))}
                <span class="pager__position">
                    {fill(
                        t.pager_position,
                        &[
                            ("first", &i18n.number(first as u64)),
                            ("last", &i18n.number(last as u64)),
                            ("total", &i18n.number(total as u64)),
                            ("page", &i18n.number(page as u64)),
                            ("pages", &i18n.number(pages as u64)),
                        ],
                    )}
                </span>
                {(page < pages).then(|| link(page + 1, t.older_page, "next"))}
            </nav>
        }
    })
}
