use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::context::site_data::SiteData;
use pressline_core::i18n::kind_name;
use pressline_core::view_state::Facet;

/// The release's kind as a small label above its title: in the reader's language when it is a
/// common kind (see [`kind_name`]), and in the colour the histogram's legend gives that kind.
#[component]
pub fn KindLabel(
    /// The kind, exactly as the dataset gives it.
    kind: String,
) -> impl IntoView {
    let language = I18n::current().language_untracked();
    // Its place among the dataset's kinds, as the histogram numbers them (the sixth and later
    // share the last colour).
    let position = use_context::<SiteData>()
        .and_then(|data| data.site_untracked())
        .and_then(|site| site.index.facet(Facet::Kind).position(&kind))
        .unwrap_or(0)
        .min(5);
    let shown = kind_name(&kind, language);
    // A translated name is in the reader's language, whatever the card's.
    let (lang, dir) = if shown == kind {
        (None, None)
    } else {
        (Some(language.tag()), Some(language.dir()))
    };
    let shown = shown.to_owned();
    view! {
        <p class=format!("kind-label kind-label--{position}") lang=lang dir=dir>
            {shown}
        </p>
    }
}
