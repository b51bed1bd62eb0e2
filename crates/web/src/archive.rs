//! A sharded archive in the browser: which shards are loaded, and fetching older ones into the
//! site when the reader needs them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::root::fetch_text;
use super::shared::ArchiveStatus;
use super::site_data::Site;
use super::timeline::OlderReleases;
use super::{sliced, SiteData};
use pressline_core::shards::{merge, Manifest};
use pressline_core::source::LoadFailure;
use pressline_core::LoadedDataset;

/// Where one shard stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardStatus {
    /// Not needed yet.
    Waiting,
    /// Being fetched.
    Loading,
    /// Merged into the site.
    Loaded,
    /// Fetching or reading it failed.
    Failed(LoadFailure),
}

/// A sharded archive's two views, provided as context when the dataset came from a manifest.
/// They are built with the archive, inside the lazily loaded part that fetches datasets (see
/// [`super::root::ReadSite`]), so a deploy of the bundled dataset loads none of this code.
#[derive(Clone)]
pub struct ArchiveViews {
    /// What is loaded, what is loading and what failed, with Retry (see [`ArchiveStatus`]).
    pub status: ViewFn,
    /// At the end of the timeline, the button that asks for older releases (see
    /// [`OlderReleases`]).
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
}

impl Archive {
    /// An archive with every shard waiting.
    pub fn new(manifest: Manifest, max_bytes: u64, timeout_ms: u32) -> Self {
        Self {
            status: ArcRwSignal::new(vec![ShardStatus::Waiting; manifest.shards.len()]),
            manifest: Arc::new(manifest),
            wants_older: ArcRwSignal::new(false),
            max_bytes,
            timeout_ms,
        }
    }

    /// The archive's views, for the app to show where they belong.
    pub fn views(self) -> ArchiveViews {
        let status_archive = self.clone();
        ArchiveViews {
            status: ViewFn::from(
                move || view! { <ArchiveStatus archive=status_archive.clone() /> },
            ),
            older_releases: ViewFn::from(move || view! { <OlderReleases archive=self.clone() /> }),
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

    /// True for each shard already merged.
    pub fn loaded(&self) -> Vec<bool> {
        self.status
            .with(|all| all.iter().map(|s| *s == ShardStatus::Loaded).collect())
    }

    /// True while any shard is not loaded yet.
    pub fn is_partial(&self) -> bool {
        self.status
            .with(|all| all.iter().any(|s| *s != ShardStatus::Loaded))
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
                    Ok(text) => sliced::read_dataset(&url, &text, None).await,
                    Err(failure) => Err(failure),
                };
                match read {
                    Ok((_, loaded)) => arrived.push((shard, url, loaded)),
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
            let mut slices = sliced::Slices::new();
            for (shard, url, loaded) in arrived {
                merge(&mut merged, loaded, &url);
                merged_shards.push(shard);
                slices.yield_if_used_up().await;
            }
            let index = sliced::build_index(&merged.dataset.releases, None).await;
            data.replace(Site::with_index(site.format, merged, index));
            for shard in merged_shards {
                archive.mark(shard, ShardStatus::Loaded);
            }
        });
    }
}
