//! Runs one timeline query with the pure core and prints the answer as JSON: the matching ids in
//! display order, the count, every facet value's count (the language's, `content_lang`, among
//! them), and how many records were skipped. The end-to-end tests use it as the oracle the
//! browser's results must equal.
//!
//! Usage: `query_dataset DATASET.json 'kind=Report&q=war' [UI-LANGUAGE]`
//!
//! `UI-LANGUAGE` is the reader's interface language (`en`, `uk`, `ru`, `es`, `fr`, `ar`; English
//! when left out, as prerendered pages are): with no `content_lang` in the query, the timeline
//! shows one version of each story, in that language where there is one, as the app does.

use std::collections::BTreeMap;
use std::process::ExitCode;

use pressline_core::formats::{read_any, read_encoded};
use pressline_core::i18n::Language;
use pressline_core::site::Site;
use pressline_core::view_state::{Facet, ViewState};

const USAGE: &str =
    "usage: query_dataset DATASET.json QUERY-STRING [UI-LANGUAGE: en|uk|ru|es|fr|ar, default en]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, query, tag) = match args.as_slice() {
        [path, query] => (path, query, "en"),
        [path, query, tag] => (path, query, tag.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(reader) = Language::from_tag(tag) else {
        eprintln!("not a UI language: {tag}\n{USAGE}");
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
    let (format, loaded) = match read {
        Ok(read) => read,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    let problems = loaded.problems.len();
    let skipped = loaded.skipped_record_count();
    // Held as the app holds it: the index, its language facet complete, and the foldings.
    let site = Site::new(format, loaded);
    let (index, releases) = (&site.index, &site.dataset.releases);
    let (state, notices) = ViewState::from_query(query);
    let result = site.run(&state, reader);
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
        "language": reader.tag(),
        "problems": problems,
        "skipped": skipped,
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
