//! Native tests of the view models the components bind: view-state transitions, facet rows,
//! a release's neighbours, and a sharded archive's fetch plan and summary.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;

use pressline_core::archive::{
    next_older, retry_failed, ArchiveSummary, FetchPlan, ShardStatus, YearSpan,
};
use pressline_core::parse_dataset;
use pressline_core::related::{Neighbour, ReleasePlan};
use pressline_core::shards::{parse_manifest, Shard};
use pressline_core::source::LoadFailure;
use pressline_core::timeline::{facet_rows, FacetRow, FACET_VALUES_SHOWN};
use pressline_core::view_state::{SortOrder, ViewState};

const MANIFEST: &str = include_str!("../../../tests/fixtures/archive/manifest.json");

fn view(query: &str) -> ViewState {
    ViewState::from_query(query).0
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn every_change_of_search_sort_or_dates_goes_back_to_page_one_and_keeps_the_rest() {
    let on_page_3 = view("q=war&kind=Report&sort=oldest&page=3");
    let searched = on_page_3.with_query("energy");
    assert_eq!(searched.to_query(), "q=energy&kind=Report&sort=oldest");
    let sorted = on_page_3.with_sort(SortOrder::Newest);
    assert_eq!(sorted.to_query(), "q=war&kind=Report");
    let dated = on_page_3.with_dates(Some(day("2022-01-01")), None);
    assert_eq!(dated.page, 1);
    assert_eq!(dated.from, Some(day("2022-01-01")));
    assert_eq!(dated.to, None);
    assert_eq!(dated.query, "war");
    assert_eq!(dated.sort, SortOrder::Oldest);
    // Only the page moves with `with_page`.
    assert_eq!(
        on_page_3.with_page(4).to_query(),
        "q=war&kind=Report&sort=oldest&page=4"
    );
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

#[test]
fn facet_rows_put_unknown_selections_first_and_fold_after_the_first_few() {
    let values: Vec<String> = (0..12).map(|i| format!("v{i}")).collect();
    let counts: Vec<usize> = (0..12).map(|i| if i == 2 { 0 } else { i + 1 }).collect();
    // "gone" (from a pasted address) is not in the dataset; v10 is selected beyond the fold.
    let selected = strings(&["v10", "gone"]);
    let folded = facet_rows(&values, &counts, &selected, false);
    assert_eq!(
        folded[0],
        FacetRow {
            value: "gone".to_owned(),
            count: 0,
            selected: true
        }
    );
    assert!(
        folded[0].is_enabled(),
        "a selected value can always be cleared"
    );
    let shown: Vec<&str> = folded.iter().map(|row| row.value.as_str()).collect();
    assert_eq!(shown.len(), FACET_VALUES_SHOWN + 1);
    assert_eq!(shown.last(), Some(&"v10"));
    let empty = folded.iter().find(|row| row.value == "v2").unwrap();
    assert!(
        !empty.is_enabled(),
        "a value that would match nothing is disabled"
    );
    let expanded = facet_rows(&values, &counts, &selected, true);
    assert_eq!(expanded.len(), 13);
    assert_eq!(expanded[11].count, 11);
}

#[test]
fn a_release_links_its_neighbours_with_the_timeline_query() {
    let loaded = parse_dataset(include_str!("../../../public/data/releases.json")).unwrap();
    let releases = &loaded.dataset.releases;
    let plan = ReleasePlan {
        previous: Some(0),
        next: None,
        related: vec![],
    };
    let (previous, next) = plan.neighbour_links(releases, "kind=Report&page=2");
    assert_eq!(
        previous,
        Some(Neighbour {
            path: format!("/releases/{}", releases[0].id),
            query: "kind=Report&page=2".to_owned(),
            title: releases[0].title.clone(),
        })
    );
    assert_eq!(next, None);
}

fn shards() -> Vec<Shard> {
    parse_manifest(MANIFEST, "https://cdn.example.org/archive/manifest.json")
        .unwrap()
        .shards
}

fn failure() -> LoadFailure {
    LoadFailure::Network {
        url: "https://cdn.example.org/archive/x.json".to_owned(),
        detail: "offline".to_owned(),
    }
}

#[test]
fn the_fetch_plan_takes_only_waiting_shards_the_view_needs() {
    let shards = shards();
    let mut statuses = vec![ShardStatus::Waiting; shards.len()];
    statuses[0] = ShardStatus::Loaded;
    let plain = view("");
    let plan = |statuses: &[ShardStatus], state: &ViewState, wants_older, release_missing| {
        FetchPlan {
            shards: &shards,
            statuses,
            state,
            wants_older,
            release_missing,
        }
        .shards_to_fetch()
    };
    // The plain timeline has its newest shard: nothing, until the reader asks for more.
    assert_eq!(plan(&statuses, &plain, false, false), Vec::<usize>::new());
    assert_eq!(plan(&statuses, &plain, true, false), vec![1]);
    // A search needs every shard, but never one already loading or failed.
    statuses[1] = ShardStatus::Loading;
    statuses[2] = ShardStatus::Failed(failure());
    let searched = plan(&statuses, &view("q=war"), false, false);
    assert_eq!(searched, (3..shards.len()).collect::<Vec<_>>());
    // A release page whose release is not loaded looks in every waiting shard.
    let missing = plan(&statuses, &plain, false, true);
    assert_eq!(missing, (3..shards.len()).collect::<Vec<_>>());
    // Retry puts the failed shard back in the plan.
    retry_failed(&mut statuses);
    assert_eq!(statuses[2], ShardStatus::Waiting);
    assert!(plan(&statuses, &view("q=war"), false, false).contains(&2));
}

#[test]
fn the_summary_says_which_years_load_wait_or_failed() {
    let shards = shards();
    let mut statuses = vec![ShardStatus::Waiting; shards.len()];
    statuses[0] = ShardStatus::Loaded;
    statuses[1] = ShardStatus::Loading;
    statuses[2] = ShardStatus::Failed(failure());
    let summary = ArchiveSummary::of(&shards, &statuses);
    use chrono::Datelike;
    let span = |shard: &Shard| YearSpan {
        from: shard.from.year(),
        to: shard.to.year(),
    };
    assert_eq!(summary.loading, vec![span(&shards[1])]);
    assert_eq!(
        summary.waiting,
        shards[3..].iter().map(span).collect::<Vec<_>>()
    );
    assert_eq!(summary.failed, vec![failure()]);
    assert_eq!(summary.loaded_shards, 1);
    assert_eq!(summary.total_shards, shards.len());
}

#[test]
fn older_releases_asks_for_the_newest_shard_not_loaded() {
    let mut statuses = vec![
        ShardStatus::Loaded,
        ShardStatus::Waiting,
        ShardStatus::Waiting,
    ];
    assert_eq!(next_older(&statuses), Some((1, false)));
    statuses[1] = ShardStatus::Loading;
    assert_eq!(next_older(&statuses), Some((1, true)));
    statuses[1] = ShardStatus::Failed(failure());
    assert_eq!(next_older(&statuses), Some((1, false)));
    let all = vec![ShardStatus::Loaded; 3];
    assert_eq!(next_older(&all), None);
}

#[test]
fn the_shown_facet_values_are_the_rows_values_whatever_the_counts() {
    let values: Vec<String> = (0..12).map(|i| format!("v{i}")).collect();
    let selected = vec!["v10".to_owned(), "gone".to_owned()];
    for expanded in [false, true] {
        let shown = pressline_core::timeline::shown_facet_values(&values, &selected, expanded);
        for counts in [vec![0; 12], (0..12).collect::<Vec<usize>>()] {
            let rows = facet_rows(&values, &counts, &selected, expanded);
            let row_values: Vec<String> = rows.iter().map(|row| row.value.clone()).collect();
            assert_eq!(shown, row_values);
            for row in &rows {
                assert_eq!(
                    row.count,
                    pressline_core::timeline::facet_count(&values, &counts, &row.value)
                );
            }
        }
        assert_eq!(shown[0], "gone", "an unknown selection comes first");
        assert!(
            shown.contains(&"v10".to_owned()),
            "a selection past the fold stays"
        );
        // Folded: the first few rows (the unknown one among them), then the selection past them.
        assert_eq!(
            shown.len(),
            if expanded { 13 } else { FACET_VALUES_SHOWN + 1 }
        );
    }
}
