use leptos::prelude::*;

use crate::ui::i18n::I18n;

/// The live count of releases shown: `data-count` for machines, words for people. It is the
/// page's status region, so screen readers hear the new count after each change.
#[component]
pub fn ResultCount(
    /// How many releases match.
    #[prop(into)]
    count: Signal<usize>,
    /// How many releases the dataset has.
    #[prop(into)]
    total: Signal<usize>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    let words = move || {
        let (count, total) = (count.get(), total.get());
        match (count == total, total) {
            (true, 0) => t.no_releases.to_owned(),
            (true, _) => i18n.count(&t.releases, total as u64, &[]),
            (false, _) => i18n.count(
                &t.releases_of_total,
                total as u64,
                &[
                    ("count", &i18n.number(count as u64)),
                    ("total", &i18n.number(total as u64)),
                ],
            ),
        }
    };
    view! {
        <p class="result-count" role="status" data-count=move || count.get()>
            {words}
        </p>
    }
}
