use leptos::prelude::*;

use crate::context::i18n::t;
use crate::context::site_data::SiteData;
use pressline_core::view_state::Facet;

use super::{HistogramHints, HistogramLegend};

/// The histogram's frame while its code is on the way (see [`super::Histogram`]): the same
/// title, hints, plot box, status line and legend, so nothing moves when the bars arrive.
#[component]
pub fn HistogramSkeleton() -> impl IntoView {
    let t = t();
    let site = expect_context::<SiteData>().site_untracked();
    let kinds = site
        .as_ref()
        .map(|site| site.index.facet(Facet::Kind).values.clone())
        .unwrap_or_default();
    let empty = site.is_none_or(|site| site.dataset.releases.is_empty());
    view! {
        <section class="histogram" aria-busy="true" aria-labelledby="histogram-title" hidden=empty>
            <h2 id="histogram-title" class="histogram__title">{t.histogram_title}</h2>
            <HistogramHints />
            <div class="histogram__plot histogram__plot--waiting">
                <svg class="histogram__svg" aria-hidden="true" focusable="false"></svg>
                <div class="histogram__axis" aria-hidden="true">
                    <span>"\u{a0}"</span>
                </div>
            </div>
            <p class="histogram__status"></p>
            <div class="histogram__footer">
                <HistogramLegend kinds=kinds />
            </div>
        </section>
    }
}
