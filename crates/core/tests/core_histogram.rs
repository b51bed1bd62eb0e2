//! Native tests of the release-density histogram: granularity thresholds, period arithmetic,
//! counting by the publisher's calendar day, stacking by kind, the brush (the state machine that
//! turns pointer and key events into a date range), and agreement with a naive count on random
//! data.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, FixedOffset, NaiveDate, TimeZone, Weekday};
use pressline_core::histogram::{Granularity, Histogram, MAX_MONTHS, MAX_WEEKS};
use pressline_core::search::SearchIndex;
use pressline_core::view_state::{Facet, ViewState};
use pressline_core::{parse_dataset, Release, ReleaseDate};
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn release_on(kind: &str, date: ReleaseDate) -> Release {
    Release {
        id: String::new(),
        kind: kind.to_owned(),
        date,
        embargo_until: None,
        title: String::new(),
        summary: None,
        body: None,
        people: Vec::new(),
        image: None,
        images: Vec::new(),
        topics: Vec::new(),
        places: Vec::new(),
        url: None,
        lang: None,
        translation_key: None,
        contacts: Vec::new(),
    }
}

/// A release of `kind` dated `date` (`YYYY-MM-DD` or RFC 3339).
fn release(kind: &str, date: &str) -> Release {
    release_on(kind, ReleaseDate::parse(date).unwrap())
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn all(releases: &[Release]) -> Vec<u32> {
    (0..releases.len() as u32).collect()
}

fn totals(histogram: &Histogram) -> Vec<u32> {
    histogram.buckets.iter().map(|b| b.total).collect()
}

fn starts(histogram: &Histogram) -> Vec<NaiveDate> {
    histogram.buckets.iter().map(|b| b.start).collect()
}

/// Every day from `first` to `last`, inclusive.
fn days(first: &str, last: &str) -> impl Iterator<Item = NaiveDate> {
    let last = day(last);
    day(first).iter_days().take_while(move |d| *d <= last)
}

#[test]
fn weeks_are_chosen_for_at_most_thirteen_iso_weeks() {
    use Granularity::{Month, Week};
    // Monday 2022-01-03 to Sunday 2022-04-03 is exactly 13 ISO weeks.
    assert_eq!(
        Granularity::choose(day("2022-01-03"), day("2022-04-03")),
        Week
    );
    assert_eq!(
        Granularity::choose(day("2022-01-03"), day("2022-04-04")),
        Month
    );
    // Partial weeks count: Sunday 2022-01-02 (week of 2021-12-27) to Sunday 2022-03-27 touches
    // 13 weeks in only 85 days; one day more starts a 14th week.
    assert_eq!(
        Granularity::choose(day("2022-01-02"), day("2022-03-27")),
        Week
    );
    assert_eq!(
        Granularity::choose(day("2022-01-02"), day("2022-03-28")),
        Month
    );
    // A single day, and the order of the ends does not matter.
    assert_eq!(
        Granularity::choose(day("2022-05-05"), day("2022-05-05")),
        Week
    );
    assert_eq!(
        Granularity::choose(day("2022-04-04"), day("2022-01-03")),
        Month
    );
    assert_eq!(
        Granularity::choose(day("2022-04-03"), day("2022-01-03")),
        Week
    );
    // Across a year boundary.
    assert_eq!(
        Granularity::choose(day("2020-12-28"), day("2021-03-28")),
        Week
    );
    assert_eq!(
        Granularity::choose(day("2020-12-28"), day("2021-03-29")),
        Month
    );
    assert_eq!(MAX_WEEKS, 13);
}

#[test]
fn months_are_chosen_up_to_ten_years_then_years() {
    use Granularity::{Month, Year};
    assert_eq!(
        Granularity::choose(day("2015-01-01"), day("2024-12-31")),
        Month
    );
    assert_eq!(
        Granularity::choose(day("2015-01-01"), day("2025-01-01")),
        Year
    );
    // Partial months count: 2015-01-31 to 2024-12-01 still touches 120 months...
    assert_eq!(
        Granularity::choose(day("2015-01-31"), day("2024-12-01")),
        Month
    );
    // ...and one day earlier touches 121.
    assert_eq!(
        Granularity::choose(day("2014-12-31"), day("2024-12-01")),
        Year
    );
    assert_eq!(
        Granularity::choose(day("2025-01-01"), day("2015-01-01")),
        Year
    );
    assert_eq!(
        Granularity::choose(day("1990-01-01"), day("2024-12-31")),
        Year
    );
    assert_eq!(MAX_MONTHS, 120);
}

#[test]
fn the_chosen_granularity_gives_a_sensible_number_of_bars() {
    let first = day("2000-01-01");
    for span in (0..6000).step_by(7) {
        for shift in 0..7 {
            let first = first + chrono::Days::new(shift);
            let last = first + chrono::Days::new(span);
            let releases = [
                release_on("Report", ReleaseDate::Day(first)),
                release_on("Report", ReleaseDate::Day(last)),
            ];
            let histogram = Histogram::build(&releases, &[0, 1], &[]);
            let bars = histogram.buckets.len();
            let allowed = match histogram.granularity {
                Granularity::Week => 1..=13,
                Granularity::Month => 3..=120,
                Granularity::Year => 11..=usize::MAX,
            };
            assert!(
                allowed.contains(&bars),
                "{first}..{last}: {bars} bars of {:?}",
                histogram.granularity
            );
        }
    }
}

#[test]
fn iso_weeks_start_on_monday_even_across_a_year_boundary() {
    let week = Granularity::Week;
    assert_eq!(week.period_start(day("2021-01-01")), day("2020-12-28"));
    assert_eq!(week.period_start(day("2021-01-03")), day("2020-12-28"));
    assert_eq!(week.period_start(day("2021-01-04")), day("2021-01-04"));
    assert_eq!(week.period_start(day("2020-12-28")), day("2020-12-28"));
    assert_eq!(week.period_end(day("2020-12-28")), day("2021-01-03"));
    assert_eq!(week.next(day("2020-12-28")), day("2021-01-04"));
    // 2026-01-01 is a Thursday in ISO week 2026-W01, which starts on 2025-12-29.
    assert_eq!(week.period_start(day("2026-01-01")), day("2025-12-29"));
    for d in days("2018-12-01", "2026-02-01") {
        let start = week.period_start(d);
        assert_eq!(start.weekday(), Weekday::Mon, "{d}");
        assert_eq!(start.iso_week(), d.iso_week(), "{d}");
        assert_eq!(week.period_end(start).weekday(), Weekday::Sun, "{d}");
    }
}

#[test]
fn months_and_years_end_on_their_last_day_including_leap_days() {
    let month = Granularity::Month;
    let year = Granularity::Year;
    assert_eq!(month.period_end(day("2024-02-01")), day("2024-02-29"));
    assert_eq!(month.period_end(day("2023-02-01")), day("2023-02-28"));
    assert_eq!(month.period_end(day("2000-02-01")), day("2000-02-29"));
    assert_eq!(month.period_end(day("1900-02-01")), day("1900-02-28"));
    assert_eq!(month.period_end(day("2022-04-01")), day("2022-04-30"));
    assert_eq!(month.period_end(day("2022-12-01")), day("2022-12-31"));
    assert_eq!(month.period_start(day("2024-02-29")), day("2024-02-01"));
    assert_eq!(month.next(day("2024-02-01")), day("2024-03-01"));
    assert_eq!(month.next(day("2022-12-01")), day("2023-01-01"));
    assert_eq!(year.period_start(day("2024-02-29")), day("2024-01-01"));
    assert_eq!(year.period_start(day("2024-12-31")), day("2024-01-01"));
    assert_eq!(year.period_end(day("2024-01-01")), day("2024-12-31"));
    assert_eq!(year.next(day("2024-01-01")), day("2025-01-01"));
}

#[test]
fn periods_tile_the_calendar() {
    for granularity in [Granularity::Week, Granularity::Month, Granularity::Year] {
        for d in days("1999-11-01", "2025-03-01") {
            let start = granularity.period_start(d);
            let end = granularity.period_end(start);
            assert!(start <= d && d <= end, "{granularity:?} {d}");
            assert_eq!(granularity.period_start(end), start, "{granularity:?} {d}");
            assert_eq!(granularity.next(start), end.succ_opt().unwrap());
            assert_eq!(
                granularity.period_start(granularity.next(start)),
                granularity.next(start)
            );
        }
    }
}

#[test]
fn empty_periods_are_present_and_zero() {
    let releases = [
        release("Report", "2022-01-15"),
        release("Statement", "2022-04-02"),
        release("Report", "2022-04-30"),
    ];
    let kinds = strings(&["Report", "Statement"]);
    let histogram = Histogram::build(&releases, &all(&releases), &kinds);
    assert_eq!(histogram.granularity, Granularity::Month);
    assert_eq!(
        starts(&histogram),
        [
            day("2022-01-01"),
            day("2022-02-01"),
            day("2022-03-01"),
            day("2022-04-01")
        ]
    );
    assert_eq!(totals(&histogram), [1, 0, 0, 2]);
    assert_eq!(histogram.buckets[1].by_kind, [0, 0]);
    assert_eq!(histogram.buckets[2].by_kind, [0, 0]);
    assert_eq!(histogram.buckets[3].by_kind, [1, 1]);
    assert_eq!(histogram.buckets[1].end, day("2022-02-28"));
    assert_eq!(histogram.max_total, 2);
}

#[test]
fn weekly_buckets_run_across_the_new_year() {
    let releases = [
        release("Report", "2020-12-31"),
        release("Report", "2021-01-03"),
        release("Report", "2021-01-20"),
    ];
    let histogram = Histogram::build(&releases, &all(&releases), &[]);
    assert_eq!(histogram.granularity, Granularity::Week);
    assert_eq!(
        starts(&histogram),
        [
            day("2020-12-28"),
            day("2021-01-04"),
            day("2021-01-11"),
            day("2021-01-18")
        ]
    );
    assert_eq!(totals(&histogram), [2, 0, 0, 1]);
    assert_eq!(histogram.buckets[3].end, day("2021-01-24"));
}

#[test]
fn releases_count_on_the_publishers_calendar_day() {
    // 04:30 on April 1st in UTC, but March 31st where it was published.
    let late_march = release("Report", "2022-03-31T23:30:00-05:00");
    // 22:00 on March 31st in UTC, but April 1st where it was published.
    let early_april = release("Report", "2022-04-01T01:00:00+03:00");
    let releases = [late_march, early_april];
    let histogram = Histogram::build_with(Granularity::Month, &releases, &[0, 1], &[]);
    assert_eq!(starts(&histogram), [day("2022-03-01"), day("2022-04-01")]);
    assert_eq!(totals(&histogram), [1, 1]);
    assert_eq!(
        Histogram::build_with(Granularity::Month, &releases, &[0], &[]).buckets[0].start,
        day("2022-03-01")
    );
    assert_eq!(
        Histogram::build_with(Granularity::Month, &releases, &[1], &[]).buckets[0].start,
        day("2022-04-01")
    );

    // The same at year granularity on New Year's Eve.
    let releases = [
        release("Report", "2021-12-31T23:59:00-10:00"),
        release("Report", "2022-01-01T00:01:00+14:00"),
    ];
    let histogram = Histogram::build_with(Granularity::Year, &releases, &[0, 1], &[]);
    assert_eq!(starts(&histogram), [day("2021-01-01"), day("2022-01-01")]);
    assert_eq!(totals(&histogram), [1, 1]);
}

#[test]
fn kinds_stack_in_the_callers_order_and_sum_to_the_total() {
    let releases = [
        release("Report", "2022-01-05"),
        release("Press Release", "2022-01-06"),
        release("Press Release", "2022-01-07"),
        release("Op-ed", "2022-01-08"),
        release("Statement", "2022-01-20"),
        release("Report", "2022-01-21"),
    ];
    let kinds = strings(&["Statement", "Press Release", "Report"]);
    let histogram = Histogram::build(&releases, &all(&releases), &kinds);
    assert_eq!(histogram.kinds, kinds);
    assert_eq!(histogram.granularity, Granularity::Week);
    assert_eq!(totals(&histogram), [4, 0, 2]);
    assert_eq!(
        histogram.buckets[0].by_kind,
        [0, 2, 1],
        "the op-ed counts only in the total"
    );
    assert_eq!(histogram.buckets[1].by_kind, [0, 0, 0]);
    assert_eq!(histogram.buckets[2].by_kind, [1, 0, 1]);

    // With every kind listed, the stacks sum to the totals.
    let kinds = strings(&["Report", "Press Release", "Op-ed", "Statement"]);
    let histogram = Histogram::build(&releases, &all(&releases), &kinds);
    for bucket in &histogram.buckets {
        assert_eq!(bucket.by_kind.iter().sum::<u32>(), bucket.total);
    }
    assert_eq!(histogram.buckets[0].by_kind, [1, 2, 1, 0]);
}

#[test]
fn many_kinds_are_counted_the_same_as_a_few() {
    // More than sixteen kinds take the hash-map path; duplicates resolve to the first either way.
    let names: Vec<String> = (0..40).map(|i| format!("Kind {i}")).collect();
    let releases: Vec<Release> = (0..400)
        .map(|i| {
            let date = day("2022-01-01") + chrono::Days::new(i * 3 % 300);
            release_on(&names[(i as usize * 7) % 45 % 40], ReleaseDate::Day(date))
        })
        .collect();
    let matches = all(&releases);
    for list in [&names[..5], &names[..16], &names[..17], &names[..]] {
        let mut kinds = list.to_vec();
        kinds.push(list[0].clone());
        let histogram = Histogram::build(&releases, &matches, &kinds);
        for bucket in &histogram.buckets {
            for (k, kind) in kinds.iter().enumerate() {
                let naive = if k == kinds.len() - 1 {
                    0
                } else {
                    releases
                        .iter()
                        .filter(|r| r.kind == *kind)
                        .filter(|r| (bucket.start..=bucket.end).contains(&r.date.calendar_date()))
                        .count() as u32
                };
                assert_eq!(bucket.by_kind[k], naive, "{} kinds, {kind}", kinds.len());
            }
        }
    }
}

#[test]
fn only_the_matched_releases_count() {
    let releases = [
        release("Report", "2010-06-01"),
        release("Report", "2022-01-05"),
        release("Report", "2022-02-05"),
        release("Report", "2030-01-01"),
        release("Report", "2022-05-05"),
    ];
    let histogram = Histogram::build(&releases, &[4, 1], &[]);
    assert_eq!(histogram.granularity, Granularity::Month);
    assert_eq!(totals(&histogram), [1, 0, 0, 0, 1]);
    assert_eq!(histogram.buckets[0].start, day("2022-01-01"));

    let empty = Histogram::build(&releases, &[], &strings(&["Report"]));
    assert!(empty.buckets.is_empty());
    assert_eq!(empty.max_total, 0);
    assert_eq!(empty.kinds, ["Report"]);
    assert_eq!(empty.index_of(day("2022-01-05")), None);
    assert_eq!(empty.selected(None, None), None);
}

#[test]
fn range_index_of_and_selected_round_trip() {
    let releases = [
        release("Report", "2021-11-20"),
        release("Report", "2022-06-02"),
    ];
    let histogram = Histogram::build(&releases, &[0, 1], &[]);
    assert_eq!(histogram.granularity, Granularity::Month);
    let n = histogram.buckets.len();
    assert_eq!(n, 8);
    for (i, bucket) in histogram.buckets.iter().enumerate() {
        assert_eq!(histogram.index_of(bucket.start), Some(i));
        assert_eq!(histogram.index_of(bucket.end), Some(i));
        assert_eq!(histogram.range(i, i), (bucket.start, bucket.end));
    }
    for a in 0..n {
        for b in 0..n {
            let (from, to) = histogram.range(a, b);
            assert_eq!(histogram.range(b, a), (from, to));
            assert_eq!(
                histogram.selected(Some(from), Some(to)),
                Some((a.min(b), a.max(b)))
            );
            assert_eq!(histogram.index_of(from), Some(a.min(b)));
            assert_eq!(histogram.index_of(to), Some(a.max(b)));
        }
    }
    assert_eq!(
        histogram.range(2, 0),
        (day("2021-11-01"), day("2022-01-31"))
    );
    assert_eq!(
        histogram.range(5, 99),
        (day("2022-04-01"), day("2022-06-30")),
        "clamped"
    );

    assert_eq!(histogram.index_of(day("2021-10-31")), None);
    assert_eq!(histogram.index_of(day("2022-07-01")), None);
    assert_eq!(
        histogram.index_of(day("2022-06-30")),
        Some(7),
        "the last bucket runs to its end"
    );

    // Partial overlaps select the buckets touched; open ends reach the edges.
    let selected =
        |from: Option<&str>, to: Option<&str>| histogram.selected(from.map(day), to.map(day));
    assert_eq!(
        selected(Some("2021-12-15"), Some("2022-02-01")),
        Some((1, 3))
    );
    assert_eq!(
        selected(Some("2020-01-01"), Some("2021-11-01")),
        Some((0, 0))
    );
    assert_eq!(
        selected(Some("2022-06-30"), Some("2030-01-01")),
        Some((7, 7))
    );
    assert_eq!(
        selected(Some("2000-01-01"), Some("2030-01-01")),
        Some((0, 7))
    );
    assert_eq!(selected(None, Some("2022-03-10")), Some((0, 4)));
    assert_eq!(selected(Some("2022-03-10"), None), Some((4, 7)));
    assert_eq!(selected(None, None), Some((0, 7)));
    // Wholly outside, or inverted: nothing to draw.
    assert_eq!(selected(Some("2022-07-01"), None), None);
    assert_eq!(selected(None, Some("2021-10-31")), None);
    assert_eq!(selected(Some("2020-01-01"), Some("2020-12-31")), None);
    assert_eq!(selected(Some("2022-03-01"), Some("2022-02-01")), None);
}

#[test]
fn a_search_result_feeds_the_histogram() {
    let dataset = parse_dataset(include_str!("../../../public/data/releases.json"))
        .unwrap()
        .dataset;
    let index = SearchIndex::build(&dataset.releases);
    let kinds = &index.facet(Facet::Kind).values;
    let result = index.run(&dataset.releases, &ViewState::default());
    let histogram = Histogram::build(&dataset.releases, &result.matches, kinds);
    assert!(!histogram.buckets.is_empty());
    assert_eq!(
        histogram.buckets.iter().map(|b| b.total).sum::<u32>() as usize,
        result.matches.len()
    );
    for bucket in &histogram.buckets {
        assert_eq!(
            bucket.by_kind.iter().sum::<u32>(),
            bucket.total,
            "every kind is listed"
        );
    }
    for (k, kind) in kinds.iter().enumerate() {
        let stacked: u32 = histogram.buckets.iter().map(|b| b.by_kind[k]).sum();
        assert_eq!(
            stacked as usize,
            index.facet(Facet::Kind).total(k),
            "{kind}"
        );
    }
}

/// A deterministic pseudo-random sequence (SplitMix64), so the large case needs no seed.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[test]
fn a_hundred_thousand_releases_over_decades_build_yearly_buckets() {
    let first = day("1990-01-01");
    let span = (day("2024-12-31") - first).num_days() as u64 + 1;
    let kinds = strings(&["Press Release", "Report", "Statement", "Speech"]);
    let mut state = 7;
    let mut releases: Vec<Release> = (0..100_000)
        .map(|_| {
            let r = splitmix(&mut state);
            let date = first + chrono::Days::new(r % span);
            release_on(&kinds[(r >> 40) as usize % 4], ReleaseDate::Day(date))
        })
        .collect();
    releases[0].date = ReleaseDate::Day(first);
    releases[99_999].date = ReleaseDate::Day(day("2024-12-31"));
    let matches = all(&releases);
    let histogram = Histogram::build(&releases, &matches, &kinds);
    assert_eq!(histogram.granularity, Granularity::Year);
    assert_eq!(histogram.buckets.len(), 35);
    assert_eq!(histogram.buckets[0].start, first);
    assert_eq!(histogram.buckets[34].end, day("2024-12-31"));
    assert_eq!(totals(&histogram).iter().sum::<u32>(), 100_000);
    let mut per_year = [0u32; 35];
    for r in &releases {
        per_year[(r.date.year() - 1990) as usize] += 1;
    }
    assert_eq!(totals(&histogram), per_year);
    assert_eq!(histogram.max_total, *per_year.iter().max().unwrap());
    for bucket in &histogram.buckets {
        assert_eq!(bucket.by_kind.iter().sum::<u32>(), bucket.total);
    }

    let monthly = Histogram::build_with(Granularity::Month, &releases, &matches, &kinds);
    assert_eq!(monthly.buckets.len(), 35 * 12);
    let weekly = Histogram::build_with(Granularity::Week, &releases, &matches, &kinds);
    // 1990-01-01 is a Monday; 2024-12-31 is a Tuesday in the week of 2024-12-30.
    assert_eq!(weekly.buckets[0].start, first);
    assert_eq!(weekly.buckets.last().unwrap().start, day("2024-12-30"));
    assert_eq!(
        weekly.buckets.len() as i64,
        (day("2024-12-30") - first).num_days() / 7 + 1
    );
}

/// One random release: a day, whether it carries a time (and in which offset), and a kind.
fn arbitrary_release(span: u64) -> impl Strategy<Value = Release> {
    (
        0..span,
        proptest::option::of((-14i32..=14, 0u32..24, 0u32..60)),
        0usize..5,
    )
        .prop_map(move |(offset, moment, kind)| {
            let date = day("1995-01-01") + chrono::Days::new(offset);
            let date = match moment {
                None => ReleaseDate::Day(date),
                Some((hours, hour, minute)) => ReleaseDate::Moment(
                    FixedOffset::east_opt(hours * 3600)
                        .unwrap()
                        .from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap())
                        .unwrap(),
                ),
            };
            release_on(
                ["Report", "Statement", "Press Release", "Speech", "Op-ed"][kind],
                date,
            )
        })
}

/// Random releases over a span of 1 day to about 60 years, and a random subset of them in a
/// random order.
fn releases_and_matches() -> impl Strategy<Value = (Vec<Release>, Vec<u32>)> {
    prop_oneof![
        Just(1u64),
        Just(40),
        Just(120),
        Just(700),
        Just(4000),
        Just(22_000)
    ]
    .prop_flat_map(|span| proptest::collection::vec(arbitrary_release(span), 0..60))
    .prop_flat_map(|releases| {
        let len = releases.len();
        (
            Just(releases),
            proptest::sample::subsequence((0..len as u32).collect::<Vec<_>>(), 0..=len)
                .prop_shuffle(),
        )
    })
}

fn check(histogram: &Histogram, releases: &[Release], matches: &[u32], kinds: &[String]) {
    let granularity = histogram.granularity;
    let matched: Vec<&Release> = matches.iter().map(|&i| &releases[i as usize]).collect();
    if matched.is_empty() {
        assert!(histogram.buckets.is_empty());
        assert_eq!(histogram.max_total, 0);
        return;
    }
    let first = matched
        .iter()
        .map(|r| r.date.calendar_date())
        .min()
        .unwrap();
    let last = matched
        .iter()
        .map(|r| r.date.calendar_date())
        .max()
        .unwrap();
    let buckets = &histogram.buckets;
    assert_eq!(buckets[0].start, granularity.period_start(first));
    assert_eq!(
        buckets.last().unwrap().start,
        granularity.period_start(last)
    );
    for pair in buckets.windows(2) {
        assert_eq!(
            pair[0].end.succ_opt().unwrap(),
            pair[1].start,
            "no gap, no overlap"
        );
    }
    for (i, bucket) in buckets.iter().enumerate() {
        assert_eq!(bucket.start, granularity.period_start(bucket.start));
        assert_eq!(bucket.end, granularity.period_end(bucket.start));
        let inside = |r: &&&Release| (bucket.start..=bucket.end).contains(&r.date.calendar_date());
        assert_eq!(bucket.total as usize, matched.iter().filter(inside).count());
        for (k, kind) in kinds.iter().enumerate() {
            let naive = matched
                .iter()
                .filter(inside)
                .filter(|r| r.kind == *kind)
                .count();
            assert_eq!(bucket.by_kind[k] as usize, naive);
        }
        assert_eq!(histogram.index_of(bucket.start), Some(i));
        assert_eq!(histogram.index_of(bucket.end), Some(i));
    }
    assert_eq!(
        buckets.iter().map(|b| b.total as usize).sum::<usize>(),
        matches.len()
    );
    assert_eq!(
        histogram.max_total,
        buckets.iter().map(|b| b.total).max().unwrap()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn buckets_agree_with_a_naive_count((releases, matches) in releases_and_matches()) {
        let kinds = strings(&["Statement", "Report", "Speech"]);
        let histogram = Histogram::build(&releases, &matches, &kinds);
        check(&histogram, &releases, &matches, &kinds);
        if let Some(first) = matches.iter().map(|&i| releases[i as usize].date.calendar_date()).min() {
            let last = matches.iter().map(|&i| releases[i as usize].date.calendar_date()).max().unwrap();
            prop_assert_eq!(histogram.granularity, Granularity::choose(first, last));
        }
        for granularity in [Granularity::Week, Granularity::Month, Granularity::Year] {
            let forced = Histogram::build_with(granularity, &releases, &matches, &kinds);
            prop_assert_eq!(forced.granularity, granularity);
            check(&forced, &releases, &matches, &kinds);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The axis never names a bucket twice, names at most `most`, always the first bucket, and
    /// the last whenever there is room for two labels.
    #[test]
    fn axis_ticks_are_few_distinct_and_reach_both_ends(
        (releases, matches) in releases_and_matches(),
        most in 1usize..10,
    ) {
        let histogram = Histogram::build(&releases, &matches, &[]);
        let ticks = histogram.axis_ticks(most);
        let n = histogram.buckets.len();
        if n == 0 {
            prop_assert!(ticks.is_empty());
            return Ok(());
        }
        let indices: Vec<usize> = ticks.iter().map(|(i, _)| *i).collect();
        prop_assert!(indices.windows(2).all(|pair| pair[0] < pair[1]), "{:?}", indices);
        prop_assert!(indices.len() <= most, "{:?} for {}", indices, most);
        prop_assert_eq!(indices[0], 0);
        prop_assert!(*indices.last().unwrap() < n);
        if most >= 2 && n >= 2 {
            prop_assert_eq!(*indices.last().unwrap(), n - 1);
        }
        prop_assert!(ticks[0].1 && ticks.last().unwrap().1, "both ends are major");
    }
}

#[test]
fn a_tap_shows_the_count_before_it_filters() {
    use pressline_core::histogram::{tap, Tap};
    // First tap on a bar: its count; the same bar again: the filter.
    let first = tap(None, 4, 4);
    assert_eq!(first, Tap::ShowCount(4));
    let Tap::ShowCount(shown) = first else {
        unreachable!()
    };
    assert_eq!(tap(Some(shown), 4, 4), Tap::Filter(4, 4));
    // Another bar: its count first; a drag filters at once, in either direction.
    assert_eq!(tap(Some(shown), 7, 7), Tap::ShowCount(7));
    assert_eq!(tap(Some(shown), 7, 2), Tap::Filter(2, 7));
}

// The brush: how a pointer and the keyboard choose bars (`histogram::Brush`).

mod brush {
    use pressline_core::histogram::{bar_at, Brush, Command, Key, Phase, Pointer};
    use proptest::prelude::*;

    use Pointer::{Hovering, Touch};

    const BARS: usize = 10;

    fn filter(first: usize, last: usize) -> Command {
        Command::Filter { first, last }
    }

    /// Presses `key` (Shift held or not) on `BARS` bars with no date filter.
    fn press(brush: &mut Brush, key: Key, shift: bool) -> Command {
        brush.key(key, shift, BARS, None).expect("there are bars")
    }

    /// Presses keys named as the DOM names them, Shift held where a name says `Shift+`
    /// (`"End ArrowLeft Shift+ArrowLeft"`), on `BARS` bars with no date filter.
    fn keys(brush: &mut Brush, names: &str) {
        for name in names.split(' ') {
            let (shift, name) = match name.strip_prefix("Shift+") {
                Some(name) => (true, name),
                None => (false, name),
            };
            press(brush, Key::from_name(name).expect(name), shift);
        }
    }

    /// A brush whose pointer went down on `from` and moved over each of `over`.
    fn dragged(from: usize, over: &[usize]) -> Brush {
        let mut brush = Brush::default();
        brush.pointer_down(from);
        for &bar in over {
            brush.pointer_move(bar);
        }
        brush
    }

    #[test]
    fn keys_and_pointers_are_named_as_the_dom_names_them() {
        let names = [
            ("ArrowRight", Key::Next),
            ("ArrowUp", Key::Next),
            ("ArrowLeft", Key::Previous),
            ("ArrowDown", Key::Previous),
            ("Home", Key::First),
            ("End", Key::Last),
            ("Enter", Key::Apply),
            (" ", Key::Apply),
            ("Escape", Key::Clear),
        ];
        for (name, key) in names {
            assert_eq!(Key::from_name(name), Some(key), "{name:?}");
        }
        for other in [
            "Tab", "a", "Shift", "Esc", "PageUp", "", "enter", "Spacebar",
        ] {
            assert_eq!(Key::from_name(other), None, "{other:?}");
        }
        assert_eq!(Pointer::from_type("touch"), Touch);
        for other in ["mouse", "pen", "", "Touch"] {
            assert_eq!(Pointer::from_type(other), Hovering, "{other:?}");
        }
    }

    #[test]
    fn a_fresh_brush_has_no_focus_and_marks_the_date_filter() {
        let brush = Brush::default();
        assert_eq!(brush.focus(), None);
        assert_eq!(brush.phase(), Phase::Idle);
        assert!(!brush.is_dragging());
        assert!(!brush.awaits_second_tap());
        assert_eq!(brush.highlighted(None), None);
        assert_eq!(brush.highlighted(Some((2, 4))), Some((2, 4)));
    }

    #[test]
    fn the_first_key_starts_from_the_date_filters_last_bar_else_the_last_bar() {
        let mut brush = Brush::default();
        assert_eq!(
            brush.key(Key::Next, false, BARS, Some((2, 4))),
            Some(Command::Nothing)
        );
        assert_eq!(brush.focus(), Some(5));

        let mut brush = Brush::default();
        brush.key(Key::Previous, false, BARS, None);
        assert_eq!(brush.focus(), Some(8));

        let mut brush = Brush::default();
        assert_eq!(
            brush.key(Key::Apply, false, BARS, Some((2, 4))),
            Some(filter(4, 4))
        );
        let mut brush = Brush::default();
        assert_eq!(brush.key(Key::Apply, false, BARS, None), Some(filter(9, 9)));
        // Once a bar has the focus, the date filter no longer matters.
        brush.key(Key::First, false, BARS, None);
        assert_eq!(
            brush.key(Key::Next, false, BARS, Some((6, 7))),
            Some(Command::Nothing)
        );
        assert_eq!(brush.focus(), Some(1));
    }

    #[test]
    fn arrows_home_and_end_move_the_focus_and_stop_at_the_first_and_last_bars() {
        let mut brush = Brush::default();
        press(&mut brush, Key::First, false);
        assert_eq!(brush.focus(), Some(0));
        press(&mut brush, Key::Previous, false);
        assert_eq!(brush.focus(), Some(0), "nothing before the first bar");
        keys(&mut brush, "ArrowRight ArrowRight");
        assert_eq!(brush.focus(), Some(2));
        press(&mut brush, Key::Last, false);
        assert_eq!(brush.focus(), Some(BARS - 1));
        press(&mut brush, Key::Next, false);
        assert_eq!(brush.focus(), Some(BARS - 1), "nothing after the last bar");
        press(&mut brush, Key::Previous, false);
        assert_eq!(brush.focus(), Some(BARS - 2));
        // Moving chooses nothing.
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.highlighted(Some((1, 1))), Some((1, 1)));
    }

    #[test]
    fn one_bar_is_both_the_first_and_the_last() {
        let mut brush = Brush::default();
        for key in [Key::Next, Key::Previous, Key::First, Key::Last] {
            assert_eq!(brush.key(key, true, 1, None), Some(Command::Nothing));
            assert_eq!(brush.focus(), Some(0));
        }
        assert_eq!(brush.key(Key::Apply, false, 1, None), Some(filter(0, 0)));
    }

    #[test]
    fn shift_arrows_extend_a_range_from_where_the_focus_was_and_enter_applies_it() {
        // As the end-to-end test does it: End, Left, Shift+Left twice, Enter.
        let mut brush = Brush::default();
        keys(&mut brush, "End ArrowLeft Shift+ArrowLeft");
        assert_eq!(brush.phase(), Phase::Extending { anchor: BARS - 2 });
        assert_eq!(brush.highlighted(Some((0, 1))), Some((BARS - 3, BARS - 2)));
        press(&mut brush, Key::Previous, true);
        assert_eq!(
            brush.phase(),
            Phase::Extending { anchor: BARS - 2 },
            "the anchor stays"
        );
        assert_eq!(brush.focus(), Some(BARS - 4));
        assert_eq!(brush.highlighted(None), Some((BARS - 4, BARS - 2)));
        assert_eq!(
            press(&mut brush, Key::Apply, false),
            filter(BARS - 4, BARS - 2)
        );
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(
            brush.focus(),
            Some(BARS - 4),
            "the focus stays where it was"
        );
        assert_eq!(brush.highlighted(Some((3, 3))), Some((3, 3)));
    }

    #[test]
    fn a_range_extends_forward_and_may_shrink_back_across_its_anchor() {
        let mut brush = Brush::default();
        keys(&mut brush, "Home Shift+ArrowRight Shift+ArrowRight");
        assert_eq!(brush.highlighted(None), Some((0, 2)));
        keys(&mut brush, "Shift+ArrowLeft Shift+ArrowLeft");
        assert_eq!(brush.highlighted(None), Some((0, 0)));
        keys(&mut brush, "Shift+ArrowRight Shift+End");
        assert_eq!(press(&mut brush, Key::Apply, true), filter(0, BARS - 1));
    }

    #[test]
    fn a_move_without_shift_drops_the_range() {
        let mut brush = Brush::default();
        keys(&mut brush, "Home Shift+ArrowRight ArrowRight");
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.highlighted(None), None);
        assert_eq!(press(&mut brush, Key::Apply, false), filter(2, 2));
    }

    #[test]
    fn escape_drops_the_range_and_clears_the_dates() {
        let mut brush = Brush::default();
        keys(&mut brush, "End Shift+ArrowLeft");
        assert_eq!(press(&mut brush, Key::Clear, false), Command::ClearDates);
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.focus(), Some(BARS - 2), "the focus stays");
        // With nothing being chosen, it clears the dates all the same.
        assert_eq!(press(&mut brush, Key::Clear, false), Command::ClearDates);
        // And Enter then filters to the focused bar alone.
        assert_eq!(
            press(&mut brush, Key::Apply, false),
            filter(BARS - 2, BARS - 2)
        );
    }

    #[test]
    fn keys_are_left_to_the_browser_when_there_are_no_bars() {
        let mut brush = Brush::default();
        for key in [
            Key::Next,
            Key::Previous,
            Key::First,
            Key::Last,
            Key::Apply,
            Key::Clear,
        ] {
            assert_eq!(brush.key(key, true, 0, Some((0, 0))), None);
        }
        assert_eq!(brush, Brush::default());
    }

    #[test]
    fn bars_that_are_gone_are_brought_back_to_the_last() {
        // The focus and the anchor were set on 12 bars; the view changed and 5 are left.
        let mut brush = Brush::default();
        brush.key(Key::Last, false, 12, None);
        assert_eq!(
            brush.key(Key::Previous, false, 5, None),
            Some(Command::Nothing)
        );
        assert_eq!(brush.focus(), Some(3));

        let mut brush = Brush::default();
        brush.key(Key::Last, false, 12, None);
        assert_eq!(brush.key(Key::Apply, false, 5, None), Some(filter(4, 4)));

        let mut brush = Brush::default();
        brush.key(Key::Last, false, 12, None);
        brush.key(Key::Previous, true, 12, None);
        assert_eq!(brush.key(Key::Apply, false, 5, None), Some(filter(4, 4)));
        // The selection itself may name a bar that is gone.
        let mut brush = Brush::default();
        assert_eq!(
            brush.key(Key::Apply, false, 5, Some((2, 9))),
            Some(filter(4, 4))
        );
    }

    #[test]
    fn a_mouse_drag_filters_to_the_bars_it_crossed_in_either_direction() {
        let mut brush = dragged(7, &[6, 4, 2]);
        assert!(brush.is_dragging());
        assert_eq!(brush.phase(), Phase::Dragging { anchor: 7 });
        assert_eq!(brush.focus(), Some(2));
        assert_eq!(brush.highlighted(Some((0, 0))), Some((2, 7)));
        assert_eq!(brush.pointer_up(Some(2), Hovering), filter(2, 7));
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.highlighted(Some((2, 7))), Some((2, 7)));

        let mut brush = dragged(1, &[2, 3]);
        assert_eq!(brush.pointer_up(Some(3), Hovering), filter(1, 3));
        // From the last bar to the first.
        let mut brush = dragged(BARS - 1, &[0]);
        assert_eq!(brush.pointer_up(Some(0), Hovering), filter(0, BARS - 1));
    }

    #[test]
    fn a_drag_ends_on_the_bar_it_lifts_over_even_if_no_move_reached_it() {
        let mut brush = dragged(1, &[2]);
        assert_eq!(brush.pointer_up(Some(5), Hovering), filter(1, 5));
    }

    #[test]
    fn a_drag_lifted_outside_the_drawing_ends_on_the_focused_bar() {
        let mut brush = dragged(1, &[4]);
        assert_eq!(brush.pointer_up(None, Hovering), filter(1, 4));
    }

    #[test]
    fn a_click_without_a_drag_filters_to_its_bar() {
        let mut brush = dragged(3, &[]);
        assert_eq!(brush.highlighted(None), Some((3, 3)));
        assert_eq!(brush.pointer_up(Some(3), Hovering), filter(3, 3));
        assert!(
            !brush.awaits_second_tap(),
            "a mouse never asks for a second click"
        );
        // A wobble that comes back to the bar is still a click.
        let mut brush = dragged(3, &[4, 3]);
        assert_eq!(brush.pointer_up(Some(3), Hovering), filter(3, 3));
    }

    #[test]
    fn a_first_tap_shows_the_count_and_a_second_filters() {
        let mut brush = dragged(3, &[]);
        assert_eq!(brush.pointer_up(Some(3), Touch), Command::Nothing);
        assert_eq!(brush.focus(), Some(3));
        assert!(brush.awaits_second_tap());
        assert_eq!(brush.phase(), Phase::Idle);
        // The finger leaves as it lifts: the count stays.
        brush.pointer_leave(Touch);
        assert_eq!(brush.focus(), Some(3));
        assert!(brush.awaits_second_tap());

        // Another bar: its count first.
        brush.pointer_down(6);
        assert_eq!(brush.pointer_up(Some(6), Touch), Command::Nothing);
        assert_eq!(brush.focus(), Some(6));
        assert!(brush.awaits_second_tap());

        // The same bar again: the filter, and the count is no longer waiting for a tap.
        brush.pointer_down(6);
        assert_eq!(brush.pointer_up(Some(6), Touch), filter(6, 6));
        assert!(!brush.awaits_second_tap());
        // So the next tap on it shows the count again.
        brush.pointer_down(6);
        assert_eq!(brush.pointer_up(Some(6), Touch), Command::Nothing);
    }

    #[test]
    fn the_second_tap_message_is_only_for_the_focused_bar() {
        let mut brush = dragged(3, &[]);
        brush.pointer_up(Some(3), Touch);
        // The keyboard moves the focus elsewhere: no "tap again" for the bar read out.
        brush.key(Key::Next, false, BARS, None);
        assert!(!brush.awaits_second_tap());
        brush.key(Key::Previous, false, BARS, None);
        assert!(brush.awaits_second_tap());
    }

    #[test]
    fn a_touch_drag_filters_at_once() {
        let mut brush = dragged(0, &[1, 2]);
        assert_eq!(brush.pointer_up(Some(2), Touch), filter(0, 2));
        // Even across the bar whose count is showing.
        let mut brush = dragged(4, &[]);
        brush.pointer_up(Some(4), Touch);
        brush.pointer_down(4);
        brush.pointer_move(1);
        assert_eq!(brush.pointer_up(Some(1), Touch), filter(1, 4));
        assert!(!brush.awaits_second_tap());
    }

    #[test]
    fn a_lift_without_a_drag_does_nothing() {
        let mut brush = Brush::default();
        assert_eq!(brush.pointer_up(Some(3), Hovering), Command::Nothing);
        assert_eq!(brush.pointer_up(Some(3), Touch), Command::Nothing);
        assert_eq!(brush, Brush::default());
        // Nor does it end a range the keyboard is extending.
        keys(&mut brush, "Home Shift+ArrowRight");
        let before = brush;
        assert_eq!(brush.pointer_up(Some(7), Hovering), Command::Nothing);
        assert_eq!(brush, before);
    }

    #[test]
    fn escape_during_a_drag_ends_it_and_the_lift_filters_nothing() {
        let mut brush = dragged(2, &[5]);
        assert_eq!(press(&mut brush, Key::Clear, false), Command::ClearDates);
        assert!(!brush.is_dragging());
        assert_eq!(brush.pointer_up(Some(5), Hovering), Command::Nothing);
    }

    #[test]
    fn enter_during_a_drag_applies_the_dragged_range() {
        let mut brush = dragged(2, &[5]);
        assert_eq!(press(&mut brush, Key::Apply, false), filter(2, 5));
        assert_eq!(brush.pointer_up(Some(6), Hovering), Command::Nothing);
    }

    #[test]
    fn shift_during_a_drag_keeps_the_pointers_anchor_and_a_plain_move_ends_it() {
        let mut brush = dragged(2, &[5]);
        press(&mut brush, Key::Next, true);
        assert_eq!(brush.phase(), Phase::Dragging { anchor: 2 });
        assert_eq!(brush.highlighted(None), Some((2, 6)));
        assert_eq!(brush.pointer_up(Some(6), Hovering), filter(2, 6));

        let mut brush = dragged(2, &[5]);
        press(&mut brush, Key::Next, false);
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.pointer_up(Some(6), Hovering), Command::Nothing);
    }

    #[test]
    fn a_new_drag_replaces_a_keyboard_range() {
        let mut brush = Brush::default();
        keys(&mut brush, "Home Shift+ArrowRight");
        brush.pointer_down(8);
        assert_eq!(brush.phase(), Phase::Dragging { anchor: 8 });
        assert_eq!(brush.highlighted(None), Some((8, 8)));
        assert_eq!(brush.pointer_up(Some(9), Hovering), filter(8, 9));
    }

    #[test]
    fn a_cancelled_pointer_filters_nothing() {
        let mut brush = dragged(2, &[5]);
        brush.pointer_cancel();
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.focus(), Some(5));
        assert_eq!(brush.highlighted(Some((0, 1))), Some((0, 1)));
        assert_eq!(brush.pointer_up(Some(5), Hovering), Command::Nothing);
    }

    #[test]
    fn hovering_moves_the_focus_but_chooses_nothing() {
        let mut brush = Brush::default();
        brush.pointer_move(4);
        assert_eq!(brush.focus(), Some(4));
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.highlighted(None), None);
        assert_eq!(brush.highlighted(Some((1, 2))), Some((1, 2)));
        // The keyboard takes it from there.
        press(&mut brush, Key::Next, false);
        assert_eq!(brush.focus(), Some(5));
    }

    #[test]
    fn a_mouse_leaving_takes_the_focus_unless_it_is_dragging() {
        let mut brush = Brush::default();
        brush.pointer_move(4);
        brush.pointer_leave(Hovering);
        assert_eq!(brush.focus(), None);

        // A drag goes on outside the drawing (the pointer is captured).
        let mut brush = dragged(2, &[0]);
        brush.pointer_leave(Hovering);
        assert_eq!(brush.focus(), Some(0));
        assert!(brush.is_dragging());
        assert_eq!(brush.pointer_up(None, Hovering), filter(0, 2));

        // A range the keyboard was extending goes with the focus, so it never has one end.
        let mut brush = Brush::default();
        keys(&mut brush, "Home Shift+ArrowRight");
        brush.pointer_leave(Hovering);
        assert_eq!(brush.phase(), Phase::Idle);
        assert_eq!(brush.highlighted(Some((6, 7))), Some((6, 7)));
    }

    #[test]
    fn losing_the_focus_forgets_everything() {
        let mut brush = dragged(3, &[]);
        brush.pointer_up(Some(3), Touch);
        brush.blur();
        assert_eq!(brush, Brush::default());
        assert!(!brush.awaits_second_tap());

        let mut brush = dragged(3, &[5]);
        brush.blur();
        assert_eq!(brush, Brush::default());
        assert_eq!(brush.pointer_up(Some(5), Hovering), Command::Nothing);

        let mut brush = Brush::default();
        keys(&mut brush, "Home Shift+ArrowRight");
        brush.blur();
        assert_eq!(brush, Brush::default());
    }

    #[test]
    fn a_position_across_the_drawing_is_the_bar_under_it() {
        // Four bars across 100 units: 0–25, 25–50, 50–75, 75–100.
        assert_eq!(bar_at(0.0, 100.0, 4), Some(0));
        assert_eq!(bar_at(24.9, 100.0, 4), Some(0));
        assert_eq!(bar_at(25.0, 100.0, 4), Some(1));
        assert_eq!(bar_at(74.9, 100.0, 4), Some(2));
        assert_eq!(bar_at(99.9, 100.0, 4), Some(3));
        // Beyond the edges (a captured drag): the nearest bar.
        assert_eq!(bar_at(100.0, 100.0, 4), Some(3));
        assert_eq!(bar_at(1e9, 100.0, 4), Some(3));
        assert_eq!(bar_at(-0.5, 100.0, 4), Some(0));
        assert_eq!(bar_at(-1e9, 100.0, 4), Some(0));
        // One bar is everywhere.
        assert_eq!(bar_at(60.0, 100.0, 1), Some(0));
        // No bars, or a drawing with no width (hidden): nothing.
        assert_eq!(bar_at(10.0, 100.0, 0), None);
        assert_eq!(bar_at(10.0, 0.0, 4), None);
        assert_eq!(bar_at(10.0, -5.0, 4), None);
        // The middle of each bar is that bar, however many.
        for bars in [1, 2, 3, 7, 13, 120] {
            for i in 0..bars {
                let middle = (i as f64 + 0.5) / bars as f64 * 345.0;
                assert_eq!(bar_at(middle, 345.0, bars), Some(i), "{i} of {bars}");
            }
        }
    }

    /// One event a reader may cause.
    #[derive(Debug, Clone)]
    enum Event {
        Key(Key, bool),
        Down(usize),
        Move(usize),
        Up(Option<usize>, Pointer),
        Leave(Pointer),
        Cancel,
        Blur,
    }

    fn event() -> impl Strategy<Value = Event> {
        let key = prop_oneof![
            Just(Key::Next),
            Just(Key::Previous),
            Just(Key::First),
            Just(Key::Last),
            Just(Key::Apply),
            Just(Key::Clear),
        ];
        let pointer = prop_oneof![Just(Touch), Just(Hovering)];
        prop_oneof![
            (key, any::<bool>()).prop_map(|(key, shift)| Event::Key(key, shift)),
            (0..BARS).prop_map(Event::Down),
            (0..BARS).prop_map(Event::Move),
            (proptest::option::of(0..BARS), pointer.clone()).prop_map(|(b, p)| Event::Up(b, p)),
            pointer.prop_map(Event::Leave),
            Just(Event::Cancel),
            Just(Event::Blur),
        ]
    }

    proptest! {
        /// Whatever a reader does: a range being chosen has both ends, the bars marked and
        /// filtered to are in order and among the bars, and only a lift or a key filters.
        #[test]
        fn any_events_keep_the_brush_sound(
            events in proptest::collection::vec(event(), 0..40),
            selected in proptest::option::of((0..BARS, 0..BARS)),
        ) {
            let selected = selected.map(|(a, b)| (a.min(b), a.max(b)));
            let mut brush = Brush::default();
            for event in events {
                let before = brush;
                let command = match event.clone() {
                    Event::Key(key, shift) => brush.key(key, shift, BARS, selected),
                    Event::Down(bar) => { brush.pointer_down(bar); None }
                    Event::Move(bar) => { brush.pointer_move(bar); None }
                    Event::Up(bar, pointer) => Some(brush.pointer_up(bar, pointer)),
                    Event::Leave(pointer) => { brush.pointer_leave(pointer); None }
                    Event::Cancel => { brush.pointer_cancel(); None }
                    Event::Blur => { brush.blur(); None }
                };
                if brush.phase() != Phase::Idle {
                    prop_assert!(brush.focus().is_some(), "{event:?} from {before:?}");
                }
                if let Some((first, last)) = brush.highlighted(selected) {
                    prop_assert!(first <= last && last < BARS, "{event:?} from {before:?}");
                }
                if let Some(Command::Filter { first, last }) = command {
                    prop_assert!(first <= last && last < BARS, "{event:?} from {before:?}");
                    prop_assert!(!brush.is_dragging());
                }
                if matches!(event, Event::Up(..)) {
                    prop_assert!(!brush.is_dragging());
                    if !before.is_dragging() {
                        prop_assert_eq!(brush, before);
                        prop_assert_eq!(command, Some(Command::Nothing));
                    }
                }
            }
        }
    }
}
