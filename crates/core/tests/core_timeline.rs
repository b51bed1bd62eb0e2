//! Native tests of the timeline's order and grouping.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::i18n::Language;
use pressline_core::timeline::{count_in_words, group_by_month, newest_first};
use pressline_core::{parse_dataset, Release};

fn releases(dates: &[(&str, &str)]) -> Vec<Release> {
    let records: Vec<String> = dates
        .iter()
        .map(|(id, date)| {
            format!(r#"{{ "id": "{id}", "kind": "R", "date": "{date}", "title": "{id}" }}"#)
        })
        .collect();
    let text = format!(
        r#"{{ "pressline": 1, "releases": [{}] }}"#,
        records.join(",")
    );
    let loaded = parse_dataset(&text).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset.releases
}

fn ids(releases: &[Release], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| releases[i].id.clone()).collect()
}

#[test]
fn newest_first_orders_by_date_then_keeps_file_order() {
    let list = releases(&[
        ("old", "2021-03-01"),
        ("new", "2022-11-10"),
        ("same-day-a", "2022-06-01"),
        ("same-day-b", "2022-06-01"),
        ("evening", "2022-06-01T20:00:00+00:00"),
        ("morning", "2022-06-01T08:00:00+00:00"),
    ]);
    let order = newest_first(&list);
    assert_eq!(
        ids(&list, &order),
        [
            "new",
            "evening",
            "morning",
            "same-day-a",
            "same-day-b",
            "old"
        ]
    );
}

#[test]
fn grouping_follows_years_and_months_in_display_order() {
    let list = releases(&[
        ("a", "2022-11-10"),
        ("b", "2022-09-21"),
        ("c", "2022-09-06"),
        ("d", "2021-12-31"),
        ("e", "2021-01-01"),
    ]);
    let years = group_by_month(&list, &newest_first(&list));
    let shape: Vec<(i32, Vec<(u32, usize)>)> = years
        .iter()
        .map(|y| {
            (
                y.year,
                y.months
                    .iter()
                    .map(|m| (m.month, m.releases.len()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [(2022, vec![(11, 1), (9, 2)]), (2021, vec![(12, 1), (1, 1)])]
    );
    assert_eq!(years[0].release_count(), 3);
}

#[test]
fn a_moment_belongs_to_the_month_of_its_own_offset() {
    // 23:30 on 31 January in New York is already February in UTC; the publisher's day counts.
    let list = releases(&[("late", "2022-01-31T23:30:00-05:00")]);
    let years = group_by_month(&list, &[0]);
    assert_eq!((years[0].year, years[0].months[0].month), (2022, 1));
}

#[test]
fn empty_input_gives_no_groups() {
    assert!(group_by_month(&[], &[]).is_empty());
    assert!(newest_first(&[]).is_empty());
}

#[test]
fn counts_are_said_in_words() {
    let words = |n: usize| count_in_words(Language::En, n, n, &|n| n.to_string());
    assert_eq!(words(0), "No releases");
    assert_eq!(words(1), "1 release");
    assert_eq!(words(12), "12 releases");
}

#[test]
fn an_embeds_address_in_the_host_fragment_round_trips_and_leaves_the_hosts_own_alone() {
    use pressline_core::embed::{history_fragment, read_history_fragment, EmbedHistory};
    for (path, query) in [
        ("/", ""),
        ("/", "kind=Report&q=war%20crimes"),
        ("/releases/a%2Fb", "sort=oldest"),
    ] {
        let hash = history_fragment(path, query);
        assert_eq!(
            read_history_fragment(&hash),
            Some((path.to_owned(), query.to_owned())),
            "{hash}"
        );
    }
    for hosts_own in [
        "",
        "#",
        "#contact",
        "#pl:",
        "#pl:releases/a",
        "#pl:/admin",
        "#/releases/a",
    ] {
        assert_eq!(read_history_fragment(hosts_own), None, "{hosts_own}");
    }
    assert_eq!(
        EmbedHistory::choose(Some("hash"), false),
        EmbedHistory::Hash
    );
    assert_eq!(
        EmbedHistory::choose(Some("bogus"), false),
        EmbedHistory::Memory
    );
}
