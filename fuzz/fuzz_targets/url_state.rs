//! URL-state parsing (query strings, paths, sub-paths, `?src=`): no panic, and whatever state
//! a URL gives survives being written back and read again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline_core::route::{app_path, base_path, Route};
use pressline_core::source::SourceConfig;
use pressline_core::view_state::{decode_component, encode_component, ViewState};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (state, _notices) = ViewState::from_query(text);
    let written = state.to_query();
    let (again, notices) = ViewState::from_query(&written);
    assert_eq!(again, state, "{written}");
    assert!(notices.is_empty(), "{written}: {notices:?}");

    assert_eq!(decode_component(&encode_component(text)), text);
    let route = Route::from_path(text);
    if route != Route::NotFound {
        assert_eq!(Route::from_path(&route.path()), route, "{text}");
    }
    let _ = app_path(text, &base_path(text));

    let config = SourceConfig::default();
    if let Ok(Some(chosen)) = config.choose("https://news.example.org", Some(text)) {
        let lower = chosen.trim().to_ascii_lowercase();
        assert!(
            !lower.starts_with("javascript:") && !lower.starts_with("data:"),
            "{chosen}"
        );
    }
});
