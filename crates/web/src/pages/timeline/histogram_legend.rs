use leptos::prelude::*;

use crate::context::i18n::I18n;
use pressline_core::histogram::PALETTE_SIZE;
use pressline_core::i18n::kind_name;

/// The histogram's key: each kind named in its bars' colour (kinds beyond the palette share its
/// last colour). Shown by the histogram and by its frame while its code is on the way.
#[component]
pub fn HistogramLegend(
    /// The kinds the bars are stacked by, in their order.
    #[prop(into)]
    kinds: Signal<Vec<String>>,
) -> impl IntoView {
    let language = I18n::current().language_untracked();
    let keys = move || {
        kinds.with(|kinds| {
            kinds
                .iter()
                .enumerate()
                .map(|(k, kind)| {
                    let class =
                        format!("histogram__key histogram__key--{}", k.min(PALETTE_SIZE - 1));
                    let kind = kind_name(kind, language).to_owned();
                    view! { <li class=class>{kind}</li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="histogram__legend" aria-hidden="true">{keys}</ul> }
}
