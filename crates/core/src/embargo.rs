//! Embargoes: a release with an `embargo_until` in the future is held back from everything that
//! is published (pages, feeds, sitemap, data files) until that moment.
//!
//! The core does not read the clock: whoever publishes passes `now` (the `pressline` command
//! takes `--now`, by default the system's time). So the same dataset can be checked at any
//! moment, and a scheduled rebuild at [`Embargoed::next_publication`] publishes what was held.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use pressline_core::{embargo, parse_dataset};
//! let loaded = parse_dataset(r#"{ "pressline": 1, "releases": [
//!     { "id": "out", "kind": "Report", "date": "2024-05-01", "title": "Out" },
//!     { "id": "later", "kind": "Report", "date": "2024-05-02", "title": "Later",
//!       "embargo_until": "2024-05-02T09:00:00+02:00" } ] }"#).unwrap();
//! let now = Utc.with_ymd_and_hms(2024, 5, 2, 6, 59, 59).unwrap();
//! let embargoed = embargo::apply(loaded.dataset.clone(), now);
//! assert_eq!(embargoed.dataset.releases.len(), 1);
//! assert_eq!(embargoed.held[0].id, "later");
//! assert_eq!(embargoed.next_publication, Some(Utc.with_ymd_and_hms(2024, 5, 2, 7, 0, 0).unwrap()));
//! // At the embargo's very moment the release is out.
//! let embargoed = embargo::apply(loaded.dataset, now + chrono::TimeDelta::seconds(1));
//! assert_eq!(embargoed.dataset.releases.len(), 2);
//! assert_eq!(embargoed.next_publication, None);
//! ```

use chrono::{DateTime, NaiveTime, Utc};

use crate::{Dataset, Problem, Release, ReleaseDate};

/// The moment an embargo ends: a date-time as written (in UTC), a bare day at its start in UTC
/// (so `2024-05-02` ends at `2024-05-02T00:00:00Z` wherever the publisher is).
pub fn ends(until: &ReleaseDate) -> DateTime<Utc> {
    match until {
        ReleaseDate::Day(day) => day.and_time(NaiveTime::MIN).and_utc(),
        ReleaseDate::Moment(moment) => moment.with_timezone(&Utc),
    }
}

/// True when `release` may not be published at `now`: it has an embargo that ends after `now`.
/// A release whose embargo ends exactly at `now` is published.
pub fn is_held(release: &Release, now: DateTime<Utc>) -> bool {
    release
        .embargo_until
        .as_ref()
        .is_some_and(|until| ends(until) > now)
}

/// A release held back by its embargo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The release's id.
    pub id: String,
    /// When its embargo ends (see [`ends`]).
    pub until: DateTime<Utc>,
}

/// A dataset as it may be published at one moment (see [`apply`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Embargoed {
    /// The dataset without the releases under embargo, in the same order.
    pub dataset: Dataset,
    /// The releases left out, in the dataset's order.
    pub held: Vec<Held>,
    /// The earliest moment one of them may be published: when a rebuild would publish
    /// something new. `None` when nothing is held.
    pub next_publication: Option<DateTime<Utc>>,
}

/// `dataset` as it may be published at `now`: every release under embargo left out and listed.
pub fn apply(mut dataset: Dataset, now: DateTime<Utc>) -> Embargoed {
    let mut held = Vec::new();
    dataset.releases.retain(|release| {
        if !is_held(release, now) {
            return true;
        }
        let until = release.embargo_until.as_ref().map(ends);
        held.push(Held {
            id: release.id.clone(),
            until: until.expect("a held release has an embargo"),
        });
        false
    });
    let next_publication = held.iter().map(|held| held.until).min();
    Embargoed {
        dataset,
        held,
        next_publication,
    }
}

/// True when some release record was skipped because its `embargo_until` could not be read
/// (see [`crate::ProblemKind::UnparseableEmbargo`]): its text is in the source but must not be
/// published, so a publisher must not copy the source as it is.
pub fn has_unreadable_embargo(problems: &[Problem]) -> bool {
    problems
        .iter()
        .any(|problem| problem.record.is_some() && problem.field == "embargo_until")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_bare_day_ends_at_its_start_in_utc() {
        let day = ReleaseDate::parse("2024-05-02").unwrap();
        assert_eq!(
            ends(&day),
            Utc.with_ymd_and_hms(2024, 5, 2, 0, 0, 0).unwrap()
        );
        let moment = ReleaseDate::parse("2024-05-02T01:30:00+02:00").unwrap();
        assert_eq!(
            ends(&moment),
            Utc.with_ymd_and_hms(2024, 5, 1, 23, 30, 0).unwrap()
        );
    }
}
