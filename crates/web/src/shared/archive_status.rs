use leptos::prelude::*;

use crate::i18n::I18n;
use pressline_core::i18n::fill;

use chrono::Datelike;
use pressline_core::route::Route;

use crate::archive::{Archive, ShardStatus};
use crate::navigation::Navigation;
use crate::SiteData;
use pressline_core::shards::needed_shards;
use pressline_core::view_state::ViewState;

/// For a sharded archive: fetches the shards the current view needs, and says plainly what is
/// loaded, what is loading and what failed (with Retry).
#[component]
pub fn ArchiveStatus(
    /// The archive behind the site.
    archive: Archive,
) -> impl IntoView {
    let data = expect_context::<SiteData>();
    let navigation = Navigation::current();

    // Decide what to fetch whenever the view, the reader's request or the shards change.
    let loader = archive.clone();
    let loader_data = data.clone();
    Effect::new(move |_| {
        let (state, _) = ViewState::from_query(&navigation.query());
        let wants_older = loader.wants_older.get();
        let loaded = loader.loaded();
        let statuses = loader.status.get();
        let mut needed = needed_shards(&loader.manifest.shards, &loaded, &state, wants_older);
        // A release page whose id is not loaded yet may be in any older shard.
        if let Route::Release(id) = navigation.route() {
            let missing = loader_data
                .site_untracked()
                .is_some_and(|site| site.dataset.release(&id).is_none());
            if missing {
                needed = (0..loaded.len()).filter(|&i| !loaded[i]).collect();
            }
        }
        needed.retain(|&i| statuses[i] == ShardStatus::Waiting);
        if wants_older {
            loader.wants_older.set(false);
        }
        if !needed.is_empty() {
            loader.load(needed, loader_data.clone());
        }
    });

    let retry_archive = archive.clone();
    let retry = move |_| {
        retry_archive.status.update(|all| {
            for status in all.iter_mut() {
                if matches!(status, ShardStatus::Failed(_)) {
                    *status = ShardStatus::Waiting;
                }
            }
        });
    };
    let total = archive.manifest.total();
    let shards = archive.manifest.shards.clone();
    let status = archive.status.clone();
    let i18n = I18n::current();
    let t = i18n.t();
    let message = move || {
        let statuses = status.get();
        let loaded_count = data.site().map_or(0, |site| site.dataset.releases.len());
        let years = |wanted: &dyn Fn(&ShardStatus) -> bool| {
            let list: Vec<String> = shards
                .iter()
                .zip(&statuses)
                .filter(|(_, s)| wanted(s))
                .map(|(shard, _)| {
                    let (from, to) = (i18n.year(shard.from.year()), i18n.year(shard.to.year()));
                    if from == to {
                        from
                    } else {
                        format!("{from}–{to}")
                    }
                })
                .collect();
            list.join(", ")
        };
        let loading = years(&|s| *s == ShardStatus::Loading);
        let waiting = years(&|s| *s == ShardStatus::Waiting);
        let failed: Vec<String> = statuses
            .iter()
            .filter_map(|s| match s {
                ShardStatus::Failed(failure) => Some(failure.message(t)),
                _ => None,
            })
            .collect();
        let text = if !loading.is_empty() {
            fill(t.loading_older, &[("years", &loading)])
        } else if !waiting.is_empty() {
            fill(
                t.showing_loaded,
                &[
                    ("loaded", &i18n.number(loaded_count as u64)),
                    ("total", &i18n.number(total as u64)),
                    ("years", &waiting),
                ],
            )
        } else {
            String::new()
        };
        (
            text,
            failed,
            format!(
                "{}/{}",
                statuses
                    .iter()
                    .filter(|s| **s == ShardStatus::Loaded)
                    .count(),
                statuses.len()
            ),
        )
    };
    let message = Memo::new(move |_| message());
    view! {
        <div class="archive-status" role="status" data-archive-loaded=move || message.with(|m| m.2.clone())>
            <p>{move || message.with(|m| m.0.clone())}</p>
            {move || {
                let failed = message.with(|m| m.1.clone());
                (!failed.is_empty())
                    .then(|| {
                        view! {
                            <div class="archive-status__failed" role="alert">
                                <ul>{failed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                <button type="button" class="load-error__retry" on:click=retry.clone()>
                                    {t.retry}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
