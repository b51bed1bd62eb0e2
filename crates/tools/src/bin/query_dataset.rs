//! Runs one timeline query with the pure core and prints the answer as JSON: the matching ids in
//! display order, the count, every facet value's count, and how many records were skipped. The
//! end-to-end tests use it as the oracle the browser's results must equal.
//!
//! Usage: `query_dataset DATASET.json 'kind=Report&q=war'`

use std::collections::BTreeMap;
use std::process::ExitCode;

use pressline_core::formats::{read_any, read_encoded};
use pressline_core::search::SearchIndex;
use pressline_core::view_state::{Facet, ViewState};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, query] = args.as_slice() else {
        eprintln!("usage: query_dataset DATASET.json QUERY-STRING");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    // As the app reads a fetched file: UTF-8 text, or a feed in its declared encoding.
    let read = match std::str::from_utf8(&bytes) {
        Ok(text) => read_any(text),
        Err(_) => read_encoded(&bytes),
    };
    let loaded = match read {
        Ok((_, loaded)) => loaded,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    let releases = &loaded.dataset.releases;
    let index = SearchIndex::build(releases);
    let (state, notices) = ViewState::from_query(query);
    let result = index.run(releases, &state);
    let facet_counts: BTreeMap<&str, BTreeMap<&str, usize>> = Facet::ALL
        .into_iter()
        .map(|facet| {
            let values = &index.facet(facet).values;
            let counts = values
                .iter()
                .map(String::as_str)
                .zip(result.facet_counts[facet.position()].iter().copied())
                .collect();
            (facet.param(), counts)
        })
        .collect();
    let answer = serde_json::json!({
        "canonical": state.to_query(),
        "problems": loaded.problems.len(),
        "skipped": loaded.skipped_record_count(),
        "ids": result.matches.iter().map(|&i| releases[i as usize].id.as_str()).collect::<Vec<_>>(),
        "count": result.matches.len(),
        "total": releases.len(),
        "facet_counts": facet_counts,
        "date_issue": result.date_issue.is_some(),
        "notices": notices.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    println!("{answer}");
    ExitCode::SUCCESS
}
