use leptos::prelude::*;

use crate::context::i18n::I18n;

use crate::loader::archive::Archive;
use pressline_core::archive::next_older;

/// At the end of the timeline of a sharded archive: asks for the next older shard. Renders
/// nothing when every shard is loaded.
#[component]
pub fn OlderReleases(
    /// The archive behind the site.
    archive: Archive,
) -> impl IntoView {
    let status = archive.status.clone();
    let i18n = I18n::current();
    let next = move || status.with(|statuses| next_older(statuses));
    let shards = archive.manifest.shards.clone();
    let wants = archive.wants_older.clone();
    (move || {
        next().map(|(i, loading)| {
            let shard = &shards[i];
            let label = i18n.count(
                &i18n.t().load_older,
                shard.count as u64,
                &[("from", &i18n.day(shard.from)), ("to", &i18n.day(shard.to))],
            );
            let wants = wants.clone();
            view! {
                <p class="older-releases">
                    <button type="button" class="downloads__button" disabled=loading on:click=move |_| wants.set(true)>
                        {label}
                    </button>
                </p>
            }
        })
    })
    .into_any()
}
