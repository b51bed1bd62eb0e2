//! Sharded archives: a small manifest names one dataset file per period, so the app can show
//! the newest period first and fetch older ones only when the reader needs them.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::view_state::{Facet, ViewState};
use super::{
    Dataset, FormatError, FormatErrorKind, LoadedDataset, Problem, ProblemKind, RecordRef,
};

/// One shard of an archive: a dataset file covering a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shard {
    /// The shard's URL, resolved against the manifest's.
    pub url: String,
    /// First day it covers.
    pub from: NaiveDate,
    /// Last day it covers.
    pub to: NaiveDate,
    /// How many releases it holds.
    pub count: usize,
}

/// An archive manifest: `{"pressline": 1, "shards": [{"url", "from", "to", "count"}]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The shards, newest first.
    pub shards: Vec<Shard>,
}

impl Manifest {
    /// How many releases the whole archive holds.
    pub fn total(&self) -> usize {
        self.shards.iter().map(|shard| shard.count).sum()
    }
}

#[derive(Deserialize)]
struct RawManifest {
    #[allow(dead_code)] // Checked by `is_manifest`.
    pressline: u64,
    shards: Vec<RawShard>,
}

#[derive(Deserialize)]
struct RawShard {
    url: String,
    #[serde(deserialize_with = "iso_day")]
    from: NaiveDate,
    #[serde(deserialize_with = "iso_day")]
    to: NaiveDate,
    #[serde(default)]
    count: usize,
}

/// Reads `YYYY-MM-DD` with the core's own date reader (chrono's would add its parser to the
/// browser's download).
fn iso_day<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    super::date::parse_iso_day(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a date like 2022-11-10")))
}

/// True when the text looks like a manifest rather than a dataset (a cheap check on its start,
/// so datasets are not parsed twice).
pub fn is_manifest(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .filter(|c| !c.is_whitespace())
        .collect();
    head.contains("\"shards\":[") && !head.contains("\"releases\":[")
}

/// Reads a manifest fetched from `manifest_url`, resolving shard URLs against it.
pub fn parse_manifest(text: &str, manifest_url: &str) -> Result<Manifest, FormatError> {
    let raw: RawManifest = serde_json::from_str(text).map_err(|error| FormatError {
        kind: match error.classify() {
            serde_json::error::Category::Data => FormatErrorKind::NotThisFormat,
            _ => FormatErrorKind::NotJson,
        },
        message: format!("archive manifest: {error}"),
        line: error.line().max(1),
        column: error.column().max(1),
    })?;
    let mut shards = Vec::with_capacity(raw.shards.len());
    for (index, shard) in raw.shards.into_iter().enumerate() {
        // Shards are fetched: only web addresses (or ones relative to the manifest).
        let Some(url) = super::SafeUrl::parse_resource(&shard.url)
            .map(|checked| resolve_url(manifest_url, checked.as_str()))
        else {
            return Err(FormatError {
                kind: FormatErrorKind::NotThisFormat,
                message: format!(
                    "archive manifest: shards[{index}] has the address {:?}, which is not an \
                     http(s) or relative address",
                    shard.url.chars().take(200).collect::<String>()
                ),
                line: 1,
                column: 1,
            });
        };
        shards.push(Shard {
            url,
            from: shard.from.min(shard.to),
            to: shard.to.max(shard.from),
            count: shard.count,
        });
    }
    super::order::sort_with(&mut shards, &|a, b| b.to.cmp(&a.to));
    Ok(Manifest { shards })
}

/// Resolves `reference` against `base` the way a browser would for the common cases: absolute
/// URLs stay, `/x` keeps the base's origin, `x` replaces the base's last path segment.
pub fn resolve_url(base: &str, reference: &str) -> String {
    if reference.contains("://") || reference.starts_with("//") {
        return reference.to_owned();
    }
    let base = base.split(['?', '#']).next().unwrap_or(base);
    if let Some(path) = reference.strip_prefix('/') {
        let origin_end = base
            .find("://")
            .and_then(|scheme| base[scheme + 3..].find('/').map(|i| scheme + 3 + i))
            .unwrap_or(if base.contains("://") { base.len() } else { 0 });
        return format!("{}/{path}", &base[..origin_end]);
    }
    match base.rfind('/') {
        Some(slash) => format!("{}{reference}", &base[..=slash]),
        None => reference.to_owned(),
    }
}

/// Which shards a view needs, given which are loaded (by position in `shards`): a search or a
/// kind/topic/place/person filter needs every shard (a match could be anywhere); a date range
/// or year filter needs the shards overlapping it; the plain timeline needs the newest shard,
/// and one more each time the reader reaches the end of what is loaded.
pub fn needed_shards(
    shards: &[Shard],
    loaded: &[bool],
    state: &ViewState,
    at_end: bool,
) -> Vec<usize> {
    let missing = |i: &usize| !loaded.get(*i).copied().unwrap_or(false);
    let everything = !state.query.trim().is_empty()
        || [Facet::Kind, Facet::Topic, Facet::Place, Facet::Person]
            .into_iter()
            .any(|facet| !state.selected(facet).is_empty());
    if everything {
        return (0..shards.len()).filter(missing).collect();
    }
    let years: Vec<i32> = state
        .selected(Facet::Year)
        .iter()
        .filter_map(|year| year.parse().ok())
        .collect();
    let ranged = state.from.is_some() || state.to.is_some() || !years.is_empty();
    if ranged {
        let inverted = matches!((state.from, state.to), (Some(f), Some(t)) if f > t);
        return (0..shards.len())
            .filter(missing)
            .filter(|&i| {
                let shard = &shards[i];
                let in_dates = inverted
                    || (state.from.is_none_or(|from| shard.to >= from)
                        && state.to.is_none_or(|to| shard.from <= to));
                let in_years = years.is_empty()
                    || years
                        .iter()
                        .any(|&y| shard.from.year() <= y && y <= shard.to.year());
                in_dates && in_years
            })
            .collect();
    }
    let loaded_prefix = (0..shards.len()).take_while(|i| !missing(i)).count();
    match (loaded_prefix, at_end) {
        (0, _) => vec![0].into_iter().filter(|_| !shards.is_empty()).collect(),
        (n, true) if n < shards.len() => vec![n],
        _ => Vec::new(),
    }
}

/// Adds a shard's releases to what is loaded. A release whose id is already loaded is reported
/// as a duplicate (naming the shard) and skipped; everything else is kept.
pub fn merge(loaded: &mut LoadedDataset, shard: LoadedDataset, shard_url: &str) {
    let mut known: std::collections::HashSet<String> = loaded
        .dataset
        .releases
        .iter()
        .map(|release| release.id.clone())
        .collect();
    let offset = loaded.dataset.releases.len();
    for problem in shard.problems {
        loaded.problems.push(Problem {
            field: format!("{} (in {shard_url})", problem.field),
            ..problem
        });
    }
    for (index, release) in shard.dataset.releases.into_iter().enumerate() {
        if known.insert(release.id.clone()) {
            loaded.dataset.releases.push(release);
        } else {
            let first_index = loaded
                .dataset
                .releases
                .iter()
                .position(|r| r.id == release.id)
                .unwrap_or(0);
            loaded.problems.push(Problem {
                record: Some(RecordRef {
                    index: offset + index,
                    id: Some(release.id),
                    kept: false,
                }),
                field: format!("id (in {shard_url})"),
                kind: ProblemKind::DuplicateId { first_index },
            });
        }
    }
}

/// Splits a dataset into one shard per year, newest first: `(year, dataset)` pairs that share
/// the original's title, description and organization.
pub fn shard_by_year(dataset: &Dataset) -> Vec<(i32, Dataset)> {
    let mut years: Vec<i32> = dataset.releases.iter().map(|r| r.date.year()).collect();
    super::order::sort_with(&mut years, &|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let releases = dataset
                .releases
                .iter()
                .filter(|r| r.date.year() == year)
                .cloned()
                .collect();
            (
                year,
                Dataset {
                    releases,
                    ..dataset.clone()
                },
            )
        })
        .collect()
}
