//! A sharded archive as the app holds it: where each shard stands, which shards to fetch for
//! the view on screen, and what to tell the reader about them.

use chrono::Datelike;

use crate::shards::{needed_shards, Shard};
use crate::source::LoadFailure;
use crate::view_state::ViewState;

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

/// What the view on screen needs that is not loaded or loading yet.
#[derive(Debug, Clone, Copy)]
pub struct FetchPlan<'a> {
    /// The manifest's shards, newest first.
    pub shards: &'a [Shard],
    /// Each shard's status, in manifest order.
    pub statuses: &'a [ShardStatus],
    /// The view on screen.
    pub state: &'a ViewState,
    /// The reader asked for older releases at the end of the timeline.
    pub wants_older: bool,
    /// The view is a release page whose release is not loaded: it may be in any older shard.
    pub release_missing: bool,
}

impl FetchPlan<'_> {
    /// The shards to fetch now, newest first: those the view needs (see [`needed_shards`]), or
    /// every shard not loaded for a missing release; never one already loading, loaded or
    /// failed (a failed one waits for Retry, see [`retry_failed`]).
    pub fn shards_to_fetch(&self) -> Vec<usize> {
        let loaded: Vec<bool> = self
            .statuses
            .iter()
            .map(|status| *status == ShardStatus::Loaded)
            .collect();
        let mut needed = if self.release_missing {
            (0..loaded.len()).filter(|&i| !loaded[i]).collect()
        } else {
            needed_shards(self.shards, &loaded, self.state, self.wants_older)
        };
        needed.retain(|&i| self.statuses.get(i) == Some(&ShardStatus::Waiting));
        needed
    }
}

/// For a timeline that is not all loaded: the newest shard not loaded
/// yet (which "Load older releases" asks for), and whether it is being fetched now.
pub fn next_older(statuses: &[ShardStatus]) -> Option<(usize, bool)> {
    let next = statuses.iter().position(|s| *s != ShardStatus::Loaded)?;
    Some((next, statuses[next] == ShardStatus::Loading))
}

/// Sets every failed shard back to waiting, so the next plan fetches it again.
pub fn retry_failed(statuses: &mut [ShardStatus]) {
    for status in statuses {
        if matches!(status, ShardStatus::Failed(_)) {
            *status = ShardStatus::Waiting;
        }
    }
}

/// The years one shard covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSpan {
    /// The first year.
    pub from: i32,
    /// The last year (the same as `from` for a one-year shard).
    pub to: i32,
}

/// What the archive's status line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    /// The years being fetched.
    pub loading: Vec<YearSpan>,
    /// The years not loaded yet (the timeline shows what is loaded of the whole).
    pub waiting: Vec<YearSpan>,
    /// Why each failed shard failed.
    pub failed: Vec<LoadFailure>,
    /// How many shards are merged into the site.
    pub loaded_shards: usize,
    /// How many shards there are.
    pub total_shards: usize,
}

impl ArchiveSummary {
    /// The summary of these shards' statuses (in manifest order).
    pub fn of(shards: &[Shard], statuses: &[ShardStatus]) -> Self {
        let years = |wanted: fn(&ShardStatus) -> bool| {
            shards
                .iter()
                .zip(statuses)
                .filter(|(_, status)| wanted(status))
                .map(|(shard, _)| YearSpan {
                    from: shard.from.year(),
                    to: shard.to.year(),
                })
                .collect()
        };
        Self {
            loading: years(|status| *status == ShardStatus::Loading),
            waiting: years(|status| *status == ShardStatus::Waiting),
            failed: statuses
                .iter()
                .filter_map(|status| match status {
                    ShardStatus::Failed(failure) => Some(failure.clone()),
                    _ => None,
                })
                .collect(),
            loaded_shards: statuses
                .iter()
                .filter(|status| **status == ShardStatus::Loaded)
                .count(),
            total_shards: statuses.len(),
        }
    }
}
