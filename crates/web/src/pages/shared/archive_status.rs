use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::context::site_data::SiteData;
use crate::loader::archive::Archive;
use pressline_core::archive::{ArchiveSummary, YearSpan};
use pressline_core::i18n::fill;

/// For a sharded archive: says plainly what is loaded, what is loading and what failed (with
/// Retry). What to fetch is the archive's business (see `Archive::fetch_what_the_view_needs`).
#[component]
pub fn ArchiveStatus(
    /// The archive behind the site.
    archive: Archive,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let i18n = I18n::current();
    let t = i18n.t();
    let total = archive.manifest.total();
    let shards = archive.manifest.shards.clone();
    let status = archive.status.clone();
    let summary = Memo::new(move |_| status.with(|statuses| ArchiveSummary::of(&shards, statuses)));
    let years = move |spans: &[YearSpan]| {
        let list: Vec<String> = spans
            .iter()
            .map(|span| {
                let (from, to) = (i18n.year(span.from), i18n.year(span.to));
                if from == to {
                    from
                } else {
                    format!("{from}–{to}")
                }
            })
            .collect();
        list.join(", ")
    };
    let message = move || {
        summary.with(|summary| {
            if !summary.loading.is_empty() {
                fill(t.loading_older, &[("years", &years(&summary.loading))])
            } else if !summary.waiting.is_empty() {
                let loaded = data.site().map_or(0, |site| site.dataset.releases.len());
                fill(
                    t.showing_loaded,
                    &[
                        ("loaded", &i18n.number(loaded as u64)),
                        ("total", &i18n.number(total as u64)),
                        ("years", &years(&summary.waiting)),
                    ],
                )
            } else {
                String::new()
            }
        })
    };
    let failed = move || {
        let failed: Vec<String> = summary.with(|summary| {
            summary
                .failed
                .iter()
                .map(|failure| failure.message(t))
                .collect()
        });
        (!failed.is_empty()).then(|| {
            let archive = archive.clone();
            view! {
                <div class="archive-status__failed" role="alert">
                    <ul>{failed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    <button type="button" class="load-error__retry" on:click=move |_| archive.retry()>
                        {t.retry}
                    </button>
                </div>
            }
        })
    };
    let loaded = move || {
        summary.with(|summary| format!("{}/{}", summary.loaded_shards, summary.total_shards))
    };
    view! {
        <div class="archive-status" role="status" data-archive-loaded=loaded>
            <p>{message}</p>
            {failed}
        </div>
    }
    .into_any()
}
