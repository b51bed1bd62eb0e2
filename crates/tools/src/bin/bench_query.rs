//! Native benchmark of the query engine: for each dataset file, parse and validate time, index
//! build time, index memory (measured by a counting allocator), and query times for typing,
//! phrases, exclusions and facet clicks. Prints a Markdown table for the README.
//!
//! Usage: `bench_query DATASET.json [DATASET.json ...]` (see `make bench`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pressline_core::search::IndexBuilder;
use pressline_core::search::SearchIndex;
use pressline_core::view_state::{Facet, ViewState};
use pressline_core::{parse_dataset, LoadedDataset, Release};

/// Counts live heap bytes so memory figures are measured, not estimated.
struct CountingAllocator;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts sizes.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn live() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

/// Median and worst of `runs` timed runs of `work`.
fn time_runs(runs: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: bench_query DATASET.json [DATASET.json ...]");
        std::process::exit(2);
    }
    println!("| releases | JSON | parse + validate | dataset memory | index build | index memory | words |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut query_rows = Vec::new();
    let mut histogram_rows = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (loaded, index) = load_and_index(path, &text);
        let releases = &loaded.dataset.releases;
        let views = sample_views(releases, &index);
        histogram_rows.push(histogram_row(releases, &index));
        for (label, view) in views {
            query_rows.push(query_row(releases, &index, &label, &view));
        }
    }
    print_table(
        "| releases | histogram of | bars | median | worst of 25 |",
        "|---:|---:|---:|---:|---:|",
        &histogram_rows,
    );
    print_table(
        "| releases | query (results + all facet counts) | matches | median | worst of 25 |",
        "|---:|---|---:|---:|---:|",
        &query_rows,
    );
}

/// Parses and indexes the dataset `text` (from `path`), printing the first table's row: the
/// time and memory each step took.
fn load_and_index(path: &str, text: &str) -> (LoadedDataset, SearchIndex) {
    let before = live();
    let start = Instant::now();
    let loaded = parse_dataset(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parse_time = start.elapsed();
    let dataset_bytes = live() - before;
    let releases = &loaded.dataset.releases;

    let before = live();
    let start = Instant::now();
    let index = SearchIndex::build(releases);
    let build_time = start.elapsed();
    let index_bytes = live() - before;
    // The browser builds the index in slices and finishes it a step at a time, each step a
    // task of its own that cannot be cut: the longest is the longest task while loading.
    let mut builder = IndexBuilder::default();
    builder.add(releases, usize::MAX);
    let mut finishing = builder.finish_in_steps();
    let mut steps = Vec::new();
    loop {
        let start = Instant::now();
        let done = finishing.step(releases);
        steps.push(start.elapsed());
        if done {
            break;
        }
    }
    if std::env::var_os("BENCH_STEPS").is_some() {
        eprintln!("{steps:?}");
    }
    let (longest_at, longest) = steps
        .iter()
        .enumerate()
        .max_by_key(|(_, time)| **time)
        .map(|(at, time)| (at, *time))
        .unwrap_or_default();
    eprintln!(
        "{} releases: the index's longest finishing step is {} (step {} of {})",
        releases.len(),
        ms(longest),
        longest_at + 1,
        steps.len()
    );
    println!(
        "| {} | {} | {} | {} | {} | {} | {} |",
        releases.len(),
        mib(text.len()),
        ms(parse_time),
        mib(dataset_bytes),
        ms(build_time),
        mib(index_bytes),
        index.vocabulary_len()
    );
    (loaded, index)
}

/// The views timed, each with its label: queries built from the data itself, so they hit
/// whatever the dataset says.
fn sample_views(releases: &[Release], index: &SearchIndex) -> Vec<(String, ViewState)> {
    let first_word = releases[0]
        .title
        .split_whitespace()
        .find(|w| w.chars().count() >= 6)
        .unwrap_or("war")
        .to_lowercase();
    let summary_words: Vec<&str> = releases[0]
        .summary
        .as_deref()
        .unwrap_or(&releases[0].title)
        .split_whitespace()
        .collect();
    let phrase = summary_words
        .iter()
        .take(2)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let excluded = summary_words.last().unwrap_or(&"x");
    let mut views = vec![("no filter".to_owned(), ViewState::default())];
    views.extend(typing_views(&first_word));
    views.push((
        format!("phrase `\"{phrase}\"`"),
        searching(format!("\"{phrase}\"")),
    ));
    views.push((
        format!("exclusion `{first_word} -{excluded}`"),
        searching(format!("{first_word} -{excluded}")),
    ));
    views.extend(facet_views(index, &first_word));
    views
}

/// Typing the first letters of `word`, one view per keystroke (up to five).
fn typing_views(word: &str) -> Vec<(String, ViewState)> {
    (1..=word.chars().count().min(5))
        .map(|end| {
            let typed: String = word.chars().take(end).collect();
            (format!("typing `{typed}`"), searching(typed))
        })
        .collect()
}

/// One facet clicked, then three, then three with the start of `word` typed and a date range.
fn facet_views(index: &SearchIndex, word: &str) -> Vec<(String, ViewState)> {
    let topic = index.facet(Facet::Topic).values[0].clone();
    let place = index.facet(Facet::Place).values[1].clone();
    let kind = index.facet(Facet::Kind).values[0].clone();
    let facet_view = ViewState::default().toggled(Facet::Topic, &topic);
    let combined = facet_view
        .toggled(Facet::Place, &place)
        .toggled(Facet::Kind, &kind);
    let narrowed = ViewState {
        query: word.chars().take(3).collect(),
        from: chrono::NaiveDate::from_ymd_opt(2018, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(2022, 12, 31),
        ..combined.clone()
    };
    vec![
        (format!("facet topic={topic}"), facet_view),
        ("3 facets".to_owned(), combined),
        ("3 facets + search + dates".to_owned(), narrowed),
    ]
}

/// The view with `query` typed and nothing else.
fn searching(query: String) -> ViewState {
    ViewState {
        query,
        ..ViewState::default()
    }
}

/// Times the histogram's redraw input: the unfiltered matches bucketed and stacked by kind.
fn histogram_row(releases: &[Release], index: &SearchIndex) -> String {
    let kinds = index.facet(Facet::Kind).values.clone();
    let all = index.run(releases, &ViewState::default()).matches;
    let mut bars = 0;
    let (median, worst) = time_runs(25, || {
        bars = pressline_core::histogram::Histogram::build(releases, &all, &kinds)
            .buckets
            .len()
    });
    format!(
        "| {} | {} | {bars} | {} | {} |",
        releases.len(),
        all.len(),
        ms(median),
        ms(worst)
    )
}

/// Times running `view` (its results and every facet's counts).
fn query_row(releases: &[Release], index: &SearchIndex, label: &str, view: &ViewState) -> String {
    let mut count = 0;
    let (median, worst) = time_runs(25, || count = index.run(releases, view).matches.len());
    format!(
        "| {} | {label} | {count} | {} | {} |",
        releases.len(),
        ms(median),
        ms(worst)
    )
}

/// Prints a Markdown table after a blank line.
fn print_table(header: &str, alignment: &str, rows: &[String]) {
    println!();
    println!("{header}");
    println!("{alignment}");
    for row in rows {
        println!("{row}");
    }
}
