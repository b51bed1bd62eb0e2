//! Release density over time: the data behind the histogram above the timeline, which readers
//! click or brush to set the date range.
//!
//! The matches are counted into contiguous calendar periods — ISO weeks, months or years —
//! from the period of the earliest match to the period of the latest, empty periods included,
//! each split by kind so the bars can be stacked. Days are always the publisher's own calendar
//! day ([`ReleaseDate::calendar_date`](crate::ReleaseDate::calendar_date)), never
//! converted to UTC, so a bar agrees with the date printed on the release and with the `from`/`to`
//! filter.
//!
//! How a reader picks bars with a pointer or the keyboard is the [`Brush`], a state machine the
//! component feeds events to.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};

use super::Release;

mod brush;

pub use brush::{bar_at, tap, Brush, Command, Key, Phase, Pointer, Tap};

/// The most ISO weeks a span may touch and still be drawn in weeks (about three months).
pub const MAX_WEEKS: i64 = 13;
/// The most calendar months a span may touch and still be drawn in months (ten years).
pub const MAX_MONTHS: i64 = 120;

/// Beyond this many kinds, kinds are looked up through a hash map instead of a linear scan.
const LINEAR_KIND_LOOKUP: usize = 16;

/// How long one bar of the histogram is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Granularity {
    /// The granularity for a span of days, aiming at roughly 4 to 120 bars:
    ///
    /// - [`Week`](Self::Week) when the span touches at most [`MAX_WEEKS`] (13) ISO weeks, about
    ///   three months: 1–13 bars;
    /// - [`Month`](Self::Month) when it touches at most [`MAX_MONTHS`] (120) calendar months,
    ///   ten years: 3–120 bars (a span of 14 weeks touches at least 3 months);
    /// - [`Year`](Self::Year) beyond: 11 bars or more.
    ///
    /// "Touches" counts partial periods at both ends, exactly as the histogram's buckets do.
    /// The two days may be given in either order.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Granularity;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Granularity::choose(day(2022, 1, 3), day(2022, 4, 3)), Granularity::Week);
    /// assert_eq!(Granularity::choose(day(2022, 1, 3), day(2022, 4, 4)), Granularity::Month);
    /// assert_eq!(Granularity::choose(day(2015, 1, 1), day(2024, 12, 31)), Granularity::Month);
    /// assert_eq!(Granularity::choose(day(2015, 1, 1), day(2025, 1, 1)), Granularity::Year);
    /// ```
    pub fn choose(first: NaiveDate, last: NaiveDate) -> Granularity {
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        let touched = |granularity: Granularity| {
            granularity.offset(granularity.period_start(first), last) + 1
        };
        if touched(Granularity::Week) <= MAX_WEEKS {
            Granularity::Week
        } else if touched(Granularity::Month) <= MAX_MONTHS {
            Granularity::Month
        } else {
            Granularity::Year
        }
    }

    /// The first day of the period holding `day`: its ISO week's Monday, the 1st of its month, or
    /// January 1st of its year. (Saturates at [`NaiveDate::MIN`].)
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Granularity;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Granularity::Week.period_start(day(2021, 1, 1)), day(2020, 12, 28));
    /// assert_eq!(Granularity::Month.period_start(day(2024, 2, 29)), day(2024, 2, 1));
    /// assert_eq!(Granularity::Year.period_start(day(2024, 2, 29)), day(2024, 1, 1));
    /// ```
    pub fn period_start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Granularity::Week => day
                .checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
                .unwrap_or(NaiveDate::MIN),
            Granularity::Month => day.with_day(1).unwrap_or(day),
            Granularity::Year => day.with_ordinal(1).unwrap_or(day),
        }
    }

    /// The last day (inclusive) of the period starting at `start`, a day returned by
    /// [`period_start`](Self::period_start): the Sunday, the last day of the month, or
    /// December 31st. (Saturates at [`NaiveDate::MAX`].)
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Granularity;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Granularity::Week.period_end(day(2020, 12, 28)), day(2021, 1, 3));
    /// assert_eq!(Granularity::Month.period_end(day(2024, 2, 1)), day(2024, 2, 29));
    /// assert_eq!(Granularity::Month.period_end(day(2023, 2, 1)), day(2023, 2, 28));
    /// assert_eq!(Granularity::Year.period_end(day(2024, 1, 1)), day(2024, 12, 31));
    /// ```
    pub fn period_end(self, start: NaiveDate) -> NaiveDate {
        match self {
            Granularity::Week => start.checked_add_days(Days::new(6)),
            Granularity::Month => {
                let (year, month) = match start.month() {
                    12 => (start.year() + 1, 1),
                    month => (start.year(), month + 1),
                };
                NaiveDate::from_ymd_opt(year, month, 1).and_then(|next| next.pred_opt())
            }
            Granularity::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The first day of the period after the one starting at `start`. (Saturates at
    /// [`NaiveDate::MAX`].)
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Granularity;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Granularity::Week.next(day(2020, 12, 28)), day(2021, 1, 4));
    /// assert_eq!(Granularity::Month.next(day(2022, 12, 1)), day(2023, 1, 1));
    /// assert_eq!(Granularity::Year.next(day(2022, 1, 1)), day(2023, 1, 1));
    /// ```
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        self.period_end(start).succ_opt().unwrap_or(NaiveDate::MAX)
    }

    /// How many periods after the period starting at `origin` the period holding `day` is
    /// (negative before it).
    fn offset(self, origin: NaiveDate, day: NaiveDate) -> i64 {
        match self {
            Granularity::Week => (day - origin).num_days().div_euclid(7),
            Granularity::Month => {
                let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
                months(day) - months(origin)
            }
            Granularity::Year => i64::from(day.year()) - i64::from(origin.year()),
        }
    }
}

/// Drawing units: one bucket's slot across the histogram's drawing.
pub const SLOT: u32 = 10;
/// The drawing's height in units (the tallest bar's height).
pub const PLOT_HEIGHT: u32 = 600;
/// How many kinds get a colour of their own.
pub const PALETTE_SIZE: usize = 6;

/// One bar: a period and how many matching releases fall in it, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The period's first day.
    pub start: NaiveDate,
    /// The period's last day (inclusive).
    pub end: NaiveDate,
    /// How many matching releases were published in the period, of any kind.
    pub total: u32,
    /// How many of them are of each kind, aligned with [`Histogram::kinds`]; releases of a kind
    /// not listed there count only in [`total`](Self::total).
    pub by_kind: Vec<u32>,
}

/// How many matching releases were published in each period, oldest period first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// How long each bucket is ([`Granularity::Week`] when nothing matched, unless the caller
    /// chose one).
    pub granularity: Granularity,
    /// The kinds each bucket is split by, in the order the caller gave them.
    pub kinds: Vec<String>,
    /// Contiguous periods, oldest first, from the period of the earliest match to that of the
    /// latest, empty periods included; none when nothing matched.
    pub buckets: Vec<Bucket>,
    /// The largest bucket total (0 when there are no buckets), for scaling the bars.
    pub max_total: u32,
}

impl Histogram {
    /// The bars as SVG path data, one path per kind (kinds beyond the palette's
    /// [`PALETTE_SIZE`] share its last colour), stacked in kind order, in a drawing
    /// [`SLOT`] units wide per bucket and [`PLOT_HEIGHT`] high. Whole numbers only, so the
    /// browser build needs no float formatting; the browser and the prerendered page draw the
    /// same picture from it.
    ///
    /// ```
    /// use pressline_core::histogram::Histogram;
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-01-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let kinds = ["Report".to_string()];
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1], &kinds);
    /// // Weekly bars: one in the first week, none in the second, one in the third.
    /// assert_eq!(histogram.bar_paths(), ["M1 0h8v600h-8zM21 0h8v600h-8z"]);
    /// ```
    pub fn bar_paths(&self) -> Vec<String> {
        let max = self.max_total.max(1);
        let mut paths = vec![String::new(); self.kinds.len().min(PALETTE_SIZE)];
        for (i, bucket) in self.buckets.iter().enumerate() {
            let mut y = PLOT_HEIGHT;
            for (k, n) in bucket.by_kind.iter().enumerate().filter(|(_, n)| **n > 0) {
                let h = (n * PLOT_HEIGHT + max / 2) / max;
                y = y.saturating_sub(h);
                let x = i as u32 * SLOT + 1;
                paths[k.min(PALETTE_SIZE - 1)].push_str(&format!(
                    "M{x} {y}h{}v{h}h-{}z",
                    SLOT - 2,
                    SLOT - 2
                ));
            }
        }
        paths
    }

    /// The drawing's width in units: [`SLOT`] per bucket, at least one slot.
    pub fn plot_width(&self) -> u32 {
        self.buckets.len().max(1) as u32 * SLOT
    }

    /// Counts the releases at `matches` (indices into `releases`, e.g.
    /// [`QueryResult::matches`](crate::search::QueryResult::matches)), in the granularity
    /// [`Granularity::choose`] picks for their span. `kinds` are the kinds to split each bar by,
    /// usually every kind in the dataset; other kinds count only in the totals.
    ///
    /// Runs in O(matches + buckets × kinds) with no allocation per release.
    ///
    /// # Panics
    ///
    /// If an index is out of bounds for `releases`.
    ///
    /// ```
    /// use pressline_core::histogram::{Granularity, Histogram};
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Statement", "date": "2022-03-20", "title": "B"},
    ///     {"id": "c", "kind": "Report", "date": "2022-09-02", "title": "C"}
    /// ]}"#).unwrap();
    /// let kinds = ["Report".to_string(), "Statement".to_string()];
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1, 2], &kinds);
    /// assert_eq!(histogram.granularity, Granularity::Month);
    /// let totals: Vec<u32> = histogram.buckets.iter().map(|b| b.total).collect();
    /// assert_eq!(totals, [1, 0, 1, 0, 0, 0, 0, 0, 1]);
    /// assert_eq!(histogram.buckets[2].by_kind, [0, 1]);
    /// assert_eq!(histogram.max_total, 1);
    /// ```
    pub fn build(releases: &[Release], matches: &[u32], kinds: &[String]) -> Histogram {
        Self::build_in(None, releases, matches, kinds)
    }

    /// Like [`build`](Self::build), in a granularity the caller chooses.
    ///
    /// ```
    /// use pressline_core::histogram::{Granularity, Histogram};
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-03-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let histogram = Histogram::build_with(Granularity::Year, &loaded.dataset.releases, &[0, 1], &[]);
    /// assert_eq!(histogram.buckets.len(), 1);
    /// assert_eq!(histogram.buckets[0].total, 2);
    /// assert!(histogram.buckets[0].by_kind.is_empty());
    /// ```
    pub fn build_with(
        granularity: Granularity,
        releases: &[Release],
        matches: &[u32],
        kinds: &[String],
    ) -> Histogram {
        Self::build_in(Some(granularity), releases, matches, kinds)
    }

    fn build_in(
        granularity: Option<Granularity>,
        releases: &[Release],
        matches: &[u32],
        kinds: &[String],
    ) -> Histogram {
        let day = |i: u32| releases[i as usize].date.calendar_date();
        let mut span: Option<(NaiveDate, NaiveDate)> = None;
        for &i in matches {
            let d = day(i);
            span = Some(match span {
                None => (d, d),
                Some((first, last)) => (first.min(d), last.max(d)),
            });
        }
        let Some((first, last)) = span else {
            return Histogram {
                granularity: granularity.unwrap_or(Granularity::Week),
                kinds: kinds.to_vec(),
                buckets: Vec::new(),
                max_total: 0,
            };
        };
        let granularity = granularity.unwrap_or_else(|| Granularity::choose(first, last));
        let origin = granularity.period_start(first);
        let count = granularity.offset(origin, last) + 1;

        let mut buckets = Vec::with_capacity(count as usize);
        let mut start = origin;
        for _ in 0..count {
            buckets.push(Bucket {
                start,
                end: granularity.period_end(start),
                total: 0,
                by_kind: vec![0; kinds.len()],
            });
            start = granularity.next(start);
        }

        let by_name: HashMap<&str, usize> = if kinds.len() > LINEAR_KIND_LOOKUP {
            // Reversed, so the first of any duplicate names wins, as in the linear scan.
            kinds
                .iter()
                .enumerate()
                .rev()
                .map(|(i, kind)| (kind.as_str(), i))
                .collect()
        } else {
            HashMap::new()
        };
        let kind_of = |kind: &str| -> Option<usize> {
            if kinds.len() > LINEAR_KIND_LOOKUP {
                by_name.get(kind).copied()
            } else {
                kinds.iter().position(|k| k == kind)
            }
        };

        for &i in matches {
            let release = &releases[i as usize];
            let bucket =
                &mut buckets[granularity.offset(origin, release.date.calendar_date()) as usize];
            bucket.total += 1;
            if let Some(k) = kind_of(&release.kind) {
                bucket.by_kind[k] += 1;
            }
        }
        let max_total = buckets.iter().map(|b| b.total).max().unwrap_or(0);
        Histogram {
            granularity,
            kinds: kinds.to_vec(),
            buckets,
            max_total,
        }
    }

    /// The inclusive date range covering buckets `a` through `b`, given in either order, e.g.
    /// for a brush dragged from bar `a` to bar `b`. Indices past the last bucket mean the last.
    ///
    /// # Panics
    ///
    /// If there are no buckets.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::{Granularity, Histogram};
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-06-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1], &[]);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(histogram.range(3, 1), (day(2022, 2, 1), day(2022, 4, 30)));
    /// ```
    pub fn range(&self, a: usize, b: usize) -> (NaiveDate, NaiveDate) {
        let last = self.buckets.len() - 1;
        let (low, high) = (a.min(b).min(last), a.max(b).min(last));
        (self.buckets[low].start, self.buckets[high].end)
    }

    /// The bucket holding `day`, if any does.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Histogram;
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-06-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1], &[]);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(histogram.index_of(day(2022, 3, 31)), Some(2));
    /// assert_eq!(histogram.index_of(day(2022, 7, 1)), None);
    /// ```
    pub fn index_of(&self, day: NaiveDate) -> Option<usize> {
        let first = self.buckets.first()?;
        let last = self.buckets.last()?;
        if day < first.start || day > last.end {
            return None;
        }
        Some(self.granularity.offset(first.start, day) as usize)
    }

    /// The first and last buckets that a date range (inclusive, either end open) overlaps, even
    /// partly, for drawing the current selection; an open end reaches the histogram's edge, so
    /// no range at all selects every bucket. `None` when there are no buckets, the range is
    /// inverted (`from` after `to`, which the search ignores) or it lies wholly outside the
    /// histogram.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pressline_core::histogram::Histogram;
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-06-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1], &[]);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(histogram.selected(Some(day(2022, 2, 15)), Some(day(2022, 4, 1))), Some((1, 3)));
    /// assert_eq!(histogram.selected(None, Some(day(2022, 2, 1))), Some((0, 1)));
    /// assert_eq!(histogram.selected(None, None), Some((0, 5)));
    /// assert_eq!(histogram.selected(Some(day(2023, 1, 1)), None), None);
    /// ```
    pub fn selected(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Option<(usize, usize)> {
        let first = self.buckets.first()?.start;
        let last = self.buckets.last()?.end;
        let from = from.map_or(first, |from| from.max(first));
        let to = to.map_or(last, |to| to.min(last));
        if from > to {
            return None;
        }
        Some((self.index_of(from)?, self.index_of(to)?))
    }

    /// The buckets the axis names, at most `most` of them (at least one; none without buckets):
    /// evenly spaced from the first, the last named too when it is not crowded by the one
    /// before, and never a bucket twice. Each comes with whether it is a *major* tick (every
    /// other one), which narrow screens keep when they drop the rest.
    ///
    /// ```
    /// use pressline_core::histogram::Histogram;
    /// use pressline_core::parse_dataset;
    /// let loaded = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
    ///     {"id": "a", "kind": "Report", "date": "2022-01-05", "title": "A"},
    ///     {"id": "b", "kind": "Report", "date": "2022-12-20", "title": "B"}
    /// ]}"#).unwrap();
    /// let histogram = Histogram::build(&loaded.dataset.releases, &[0, 1], &[]);
    /// // Twelve months, six labels at most: every third month, and December.
    /// assert_eq!(
    ///     histogram.axis_ticks(6),
    ///     [(0, true), (3, false), (6, true), (9, false), (11, true)]
    /// );
    /// // One month: named once.
    /// let one = Histogram::build(&loaded.dataset.releases, &[0], &[]);
    /// assert_eq!(one.axis_ticks(6), [(0, true)]);
    /// ```
    pub fn axis_ticks(&self, most: usize) -> Vec<(usize, bool)> {
        let n = self.buckets.len();
        if n == 0 {
            return Vec::new();
        }
        if most <= 1 || n == 1 {
            return vec![(0, true)];
        }
        let step = (n - 1).div_ceil(most - 1);
        let mut ticks: Vec<usize> = (0..n).step_by(step).collect();
        let last = n - 1;
        let before = *ticks.last().expect("at least the first bucket");
        if before != last {
            // Too close to its neighbour to be read apart: the last takes its place.
            if (last - before) * 2 < step {
                ticks.pop();
            }
            ticks.push(last);
        }
        let count = ticks.len();
        ticks
            .into_iter()
            .enumerate()
            .map(|(k, i)| (i, k % 2 == 0 || k + 1 == count))
            .collect()
    }
}
