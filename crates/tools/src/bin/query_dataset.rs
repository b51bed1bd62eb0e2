//! Runs one timeline query with the pure core and prints the answer as JSON: the matching ids in
//! display order, the count, and every facet value's count. The end-to-end tests use it as the
//! oracle the browser's results must equal.
//!
//! Usage: `query_dataset DATASET.json 'kind=Report&q=war'`

use std::collections::BTreeMap;
use std::process::ExitCode;

use pressline_core::formats::read_any;
use pressline_core::search::SearchIndex;
use pressline_core::view_state::{Facet, ViewState};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, query] = args.as_slice() else {
        eprintln!("usage: query_dataset DATASET.json QUERY-STRING");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let loaded = match read_any(&text) {
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
