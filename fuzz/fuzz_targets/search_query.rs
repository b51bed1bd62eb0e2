//! The search-query parser, highlighting and the index answering the query over the bundled
//! dataset: no panic, highlights give back the text unchanged, matches are real releases.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pressline_core::search::{highlight, SearchIndex, SearchQuery};
use pressline_core::view_state::ViewState;
use pressline_core::Release;

fn bundled() -> &'static (Vec<Release>, SearchIndex) {
    static SITE: OnceLock<(Vec<Release>, SearchIndex)> = OnceLock::new();
    SITE.get_or_init(|| {
        let text = include_str!("../../public/data/releases.json");
        let releases = pressline_core::parse_dataset(text)
            .unwrap()
            .dataset
            .releases;
        let index = SearchIndex::build(&releases);
        (releases, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let query = SearchQuery::parse(text);
    let (releases, index) = bundled();
    for release in releases.iter().take(3) {
        let segments = highlight(&release.title, &query);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, release.title);
    }
    let segments = highlight(text, &query);
    let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, text);
    let state = ViewState {
        query: text.to_owned(),
        ..ViewState::default()
    };
    let result = index.run(releases, &state);
    assert!(result
        .matches
        .iter()
        .all(|&i| (i as usize) < releases.len()));
});
