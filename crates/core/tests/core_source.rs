//! Native tests of fetched-dataset settings: which `src` is allowed, and the failure messages.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::source::{origin_of, LoadFailure, SourceConfig, DEFAULT_MAX_BYTES};
use pressline_core::{parse_dataset, FormatErrorKind};

const PAGE: &str = "https://news.example.org";

fn config(allowed: &str) -> SourceConfig {
    SourceConfig::from_attributes(Some("data/releases.json"), Some(allowed), None, None)
}

#[test]
fn origins_are_normalized() {
    assert_eq!(
        origin_of("https://Data.Example.org/x.json").as_deref(),
        Some("https://data.example.org")
    );
    assert_eq!(
        origin_of("http://a.org:80/x").as_deref(),
        Some("http://a.org")
    );
    assert_eq!(
        origin_of("https://a.org:8443").as_deref(),
        Some("https://a.org:8443")
    );
    assert_eq!(
        origin_of("//cdn.example.org/x").as_deref(),
        Some("https://cdn.example.org")
    );
    assert_eq!(
        origin_of("https://user:pw@evil.org/x").as_deref(),
        Some("https://evil.org")
    );
    assert_eq!(origin_of("javascript:alert(1)"), None);
    assert_eq!(origin_of("data/x.json"), None);
}

#[test]
fn without_src_the_deploy_setting_is_used() {
    assert_eq!(
        config("").choose(PAGE, None),
        Ok(Some("data/releases.json".to_owned()))
    );
    assert_eq!(
        SourceConfig::default().choose(PAGE, Some("  ")),
        Ok(None),
        "bundled"
    );
}

#[test]
fn same_origin_and_relative_src_are_allowed() {
    let config = config("");
    for src in [
        "other.json",
        "/data/other.json",
        "https://news.example.org/x.json",
        "HTTPS://NEWS.example.org:443/x",
    ] {
        assert_eq!(
            config.choose(PAGE, Some(src)),
            Ok(Some(src.to_owned())),
            "{src}"
        );
    }
}

#[test]
fn other_origins_need_the_allow_list() {
    let src = "https://data.partner.org/feed.json";
    let refused = config("").choose(PAGE, Some(src)).unwrap_err();
    assert_eq!(refused.kind(), "refused");
    assert!(!refused.is_retryable());
    assert_eq!(
        refused.to_string(),
        "Refused to load https://data.partner.org/feed.json: https://data.partner.org is not this \
         site and not on its list of allowed data sources."
    );
    let allowed = config("https://cdn.example.org https://DATA.partner.org/");
    assert_eq!(allowed.choose(PAGE, Some(src)), Ok(Some(src.to_owned())));
    for hostile in [
        "//evil.org/x.json",
        "https://news.example.org.evil.org/x",
        "https://evil.org#https://news.example.org",
        "javascript:alert(1)",
        "data:application/json,{}",
        "\\\\evil.org\\x",
    ] {
        assert!(allowed.choose(PAGE, Some(hostile)).is_err(), "{hostile}");
    }
}

#[test]
fn limits_have_defaults_and_can_be_set() {
    let default = SourceConfig::from_attributes(None, None, Some("lots"), Some("-1"));
    assert_eq!(
        (default.max_bytes, default.timeout_ms),
        (DEFAULT_MAX_BYTES, 30_000)
    );
    let set = SourceConfig::from_attributes(None, None, Some("1000"), Some("2500"));
    assert_eq!((set.max_bytes, set.timeout_ms), (1000, 2500));
}

#[test]
fn every_failure_names_the_url_and_the_cause() {
    let url = "https://news.example.org/data.json".to_owned();
    let format_error = parse_dataset("{ nope").unwrap_err();
    assert_eq!(format_error.kind, FormatErrorKind::NotJson);
    let cases = [
        (
            LoadFailure::Network {
                url: url.clone(),
                detail: "Failed to fetch".into(),
            },
            "network",
            "Could not reach https://news.example.org/data.json (network failure: Failed to fetch)",
        ),
        (
            LoadFailure::Http {
                url: url.clone(),
                status: 404,
                status_text: "Not Found".into(),
            },
            "http",
            "https://news.example.org/data.json answered HTTP 404 Not Found.",
        ),
        (
            LoadFailure::Timeout {
                url: url.clone(),
                limit_ms: 2500,
            },
            "timeout",
            "https://news.example.org/data.json did not answer within 2.5 seconds.",
        ),
        (
            LoadFailure::TooLarge {
                url: url.clone(),
                limit: 50_000_000,
                size: 61_234_567,
            },
            "too-large",
            "https://news.example.org/data.json is too large: 61 MB, over the limit of 50 MB.",
        ),
        (
            LoadFailure::NotText {
                url: url.clone(),
                offset: 3,
            },
            "not-text",
            "https://news.example.org/data.json is not UTF-8 text (invalid byte at offset 3).",
        ),
        (
            LoadFailure::ReaderUnavailable { url: url.clone() },
            "reader-unavailable",
            "https://news.example.org/data.json is not a Pressline dataset, and the part of the \
             app that reads other formats could not be loaded.",
        ),
        (
            LoadFailure::LoaderUnavailable { url: url.clone() },
            "loader-unavailable",
            "https://news.example.org/data.json could not be fetched: the part of the app that \
             fetches datasets could not be loaded.",
        ),
        (
            LoadFailure::Format {
                url: url.clone(),
                error: format_error,
            },
            "not-json",
            "https://news.example.org/data.json is not valid JSON (line 1, column 3)",
        ),
    ];
    for (failure, kind, start) in cases {
        assert_eq!(failure.kind(), kind);
        assert!(failure.to_string().starts_with(start), "{failure}");
        assert!(failure.is_retryable());
    }
}
