//! The synthetic dataset generator (`src/bin/generate_dataset.rs`) writes valid, deterministic,
//! realistically varied datasets that the core reads without a single problem.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::process::Command;

use pressline_core::{parse_dataset, LoadedDataset};

/// Runs the built generator with these arguments and returns what it printed.
fn generate(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_generate_dataset"))
        .args(args)
        .output()
        .expect("the generator runs");
    assert!(
        output.status.success(),
        "generate_dataset {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the generator writes UTF-8")
}

/// Parses generated text, failing the test on a format error.
fn load(text: &str) -> LoadedDataset {
    parse_dataset(text).expect("the generated dataset is in Pressline format")
}

#[test]
fn five_hundred_releases_load_without_problems() {
    let loaded = load(&generate(&["500"]));
    assert!(
        loaded.problems.is_empty(),
        "problems: {:#?}",
        &loaded.problems[..loaded.problems.len().min(5)]
    );
    let releases = &loaded.dataset.releases;
    assert_eq!(releases.len(), 500);

    let ids: HashSet<&str> = releases.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 500, "ids are unique");

    let kinds: HashSet<&str> = releases.iter().map(|r| r.kind.as_str()).collect();
    assert!(kinds.len() >= 5, "kinds: {kinds:?}");

    let topics: HashSet<&str> = releases
        .iter()
        .flat_map(|r| r.topics.iter().map(String::as_str))
        .collect();
    assert!(
        topics.len() > 40 && topics.len() <= 50,
        "{} distinct topics",
        topics.len()
    );

    let cyrillic_titles = releases
        .iter()
        .filter(|r| {
            r.title
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        })
        .count();
    assert!(cyrillic_titles > 50, "{cyrillic_titles} Cyrillic titles");

    let years: HashSet<i32> = releases.iter().map(|r| r.date.year()).collect();
    assert!(years.len() >= 8, "years: {years:?}");
}

#[test]
fn output_depends_only_on_the_seed() {
    let first = generate(&["500"]);
    assert_eq!(first, generate(&["500", "1"]), "the default seed is 1");
    assert_eq!(
        first,
        generate(&["500"]),
        "the same seed gives the same output"
    );
    let other = generate(&["500", "2"]);
    assert_ne!(first, other, "another seed gives another dataset");
    assert!(load(&other).problems.is_empty());
}

#[test]
fn bad_arguments_are_refused_with_usage() {
    for args in [&[][..], &["many"][..], &["5", "1", "extra"][..]] {
        let output = Command::new(env!("CARGO_BIN_EXE_generate_dataset"))
            .args(args)
            .output()
            .expect("the generator runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("usage"));
    }
}

#[test]
fn the_related_index_agrees_with_related_for_every_release() {
    use pressline_core::related::{related, RelatedIndex};
    let loaded = load(&generate(&["1200", "5"]));
    let releases = &loaded.dataset.releases;
    let index = RelatedIndex::build(releases);
    let mut scratch = index.scratch();
    let mut with_related = 0;
    for i in 0..releases.len() {
        let fast = index.related(i, 4, &mut scratch);
        assert_eq!(fast, related(releases, i, 4), "release {i}");
        with_related += usize::from(!fast.is_empty());
    }
    assert!(with_related > 1000, "the comparison covers real answers");
    assert!(index.related(0, 0, &mut scratch).is_empty());
}
