//! A sharded archive in the browser: which shards are loaded, and fetching older ones into the
//! site when the reader needs them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::context::navigation::Navigation;
use crate::context::site_data::SiteData;
use crate::loader::reading::{build_index, read_dataset, without_embargoed, ReadOtherFormat};
use crate::platform::fetch::fetch_text;
use crate::platform::slices::Slices;
use pressline_core::archive::{retry_failed, FetchPlan, ShardStatus};
use pressline_core::route::Route;
use pressline_core::shards::{merge, Manifest};
use pressline_core::site::Site;
use pressline_core::LoadedDataset;

/// A sharded archive's two views, provided as context when the dataset came from a manifest.
/// The app builds them (see `crate::app::root`) inside the lazily loaded dataset reader, so a
/// deploy of the bundled dataset loads none of their code.
#[derive(Clone)]
pub struct ArchiveViews {
    /// What is loaded, what is loading and what failed, with Retry (`ArchiveStatus`).
    pub status: ViewFn,
    /// At the end of the timeline, the button that asks for older releases (`OlderReleases`).
    pub older_releases: ViewFn,
}

/// The archive behind the site, when the dataset came from a manifest.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The manifest, shards newest first.
    pub manifest: Arc<Manifest>,
    /// Each shard's status, in manifest order.
    pub status: ArcRwSignal<Vec<ShardStatus>>,
    /// Set when the reader asks for older releases at the end of the timeline.
    pub wants_older: ArcRwSignal<bool>,
    max_bytes: u64,
    timeout_ms: u32,
    read_other: ReadOtherFormat,
}

impl Archive {
    /// An archive with every shard waiting.
    pub fn new(
        manifest: Manifest,
        max_bytes: u64,
        timeout_ms: u32,
        read_other: ReadOtherFormat,
    ) -> Self {
        Self {
            status: ArcRwSignal::new(vec![ShardStatus::Waiting; manifest.shards.len()]),
            manifest: Arc::new(manifest),
            wants_older: ArcRwSignal::new(false),
            max_bytes,
            timeout_ms,
            read_other,
        }
    }

    /// Sets one shard's status.
    pub fn mark(&self, shard: usize, status: ShardStatus) {
        self.status.update(|all| {
            if let Some(slot) = all.get_mut(shard) {
                *slot = status;
            }
        });
    }

    /// From now on, fetches the shards the view on screen needs whenever the view, the reader's
    /// request for older releases or the shards' statuses change (see [`FetchPlan`]). Call
    /// while the app is set up: it follows the page's navigation.
    pub fn fetch_what_the_view_needs(&self, data: SiteData) {
        let archive = self.clone();
        let navigation = Navigation::current();
        Effect::new(move |_| {
            let wants_older = archive.wants_older.get();
            let needed = archive.status.with(|statuses| {
                navigation.view_state().with(|(state, _)| {
                    FetchPlan {
                        shards: &archive.manifest.shards,
                        statuses,
                        state,
                        wants_older,
                        release_missing: release_missing(navigation.route(), &data),
                    }
                    .shards_to_fetch()
                })
            });
            if wants_older {
                archive.wants_older.set(false);
            }
            if !needed.is_empty() {
                archive.load(needed, data.clone());
            }
        });
    }

    /// Sets every failed shard back to waiting: the view's needs then fetch them again.
    pub fn retry(&self) {
        self.status.update(|statuses| retry_failed(statuses));
    }

    /// Fetches these shards one after another (newest first), then merges them into the site
    /// and indexes once: re-indexing after every shard would index the archive many times over.
    pub fn load(&self, shards: Vec<usize>, data: SiteData) {
        for &shard in &shards {
            self.mark(shard, ShardStatus::Loading);
        }
        let archive = self.clone();
        spawn_local(async move {
            let mut arrived = Vec::new();
            for shard in shards {
                let url = archive.manifest.shards[shard].url.clone();
                let text =
                    fetch_text(url.clone(), archive.max_bytes, archive.timeout_ms, None).await;
                // Read, merged and indexed in slices like the first load: reading nine shards
                // of 10,000 releases at once held the tab for 3.3 s.
                let read = match text {
                    Ok(text) => read_dataset(&url, &text, None, archive.read_other).await,
                    Err(failure) => Err(failure),
                };
                match read {
                    Ok((_, loaded)) => arrived.push((shard, url, without_embargoed(loaded))),
                    Err(failure) => archive.mark(shard, ShardStatus::Failed(failure)),
                }
            }
            let Some(site) = data.site_untracked() else {
                return;
            };
            let mut merged = LoadedDataset {
                dataset: site.dataset.clone(),
                problems: site.problems.to_vec(),
            };
            let mut merged_shards = Vec::with_capacity(arrived.len());
            let mut slices = Slices::new();
            for (shard, url, loaded) in arrived {
                merge(&mut merged, loaded, &url);
                merged_shards.push(shard);
                slices.yield_if_used_up().await;
            }
            let index = build_index(&merged.dataset.releases, None).await;
            data.replace(Site::with_index(site.format, merged, index));
            for shard in merged_shards {
                archive.mark(shard, ShardStatus::Loaded);
            }
        });
    }
}

/// True on a release page whose release is not in the loaded shards.
fn release_missing(route: Route, data: &SiteData) -> bool {
    match route {
        Route::Release(id) => data
            .site_untracked()
            .is_some_and(|site| site.dataset.release(&id).is_none()),
        _ => false,
    }
}
