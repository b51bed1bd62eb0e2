use leptos::prelude::*;

use crate::context::i18n::t;
use pressline_core::i18n::split_at_placeholder;

/// Shown while a dataset loads: a skeleton of the timeline and what is being loaded, with
/// `children` (a [`super::LoadingProgress`]) saying how far it has got. The first load has
/// only this shell; the progress comes with the lazily loaded reader.
#[component]
pub fn LoadingView(
    /// The dataset's URL.
    url: String,
    /// How far loading has got (nothing until the reader has arrived).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let t = t();
    let (before, after) = split_at_placeholder(t.loading_from, "url");
    view! {
        <main id="main" class="loading" aria-busy="true" data-loading="">
            <p class="loading__message" role="status">
                {before} <code>{url}</code> {after} {children.map(|progress| progress())}
            </p>
            <div class="loading__skeleton" aria-hidden="true">
                <div class="skeleton skeleton--title"></div>
                <div class="skeleton"></div>
                <div class="skeleton"></div>
                <div class="skeleton skeleton--short"></div>
            </div>
        </main>
    }
}
