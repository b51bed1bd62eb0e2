//! The `pressline` command as a user runs it: exit statuses, machine-readable output, reading
//! from a URL, converting, sharding, and publish's progress and summary.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use support::{pressline, stderr, stdout};

use pressline_core::formats::read_any;
use pressline_core::parse_dataset;

/// A valid dataset of `count` short releases, one a day.
fn many_releases(count: usize) -> String {
    let releases: Vec<serde_json::Value> = (0..count)
        .map(|n| {
            let date =
                chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(n as u64);
            serde_json::json!({
                "id": format!("release-{n}"),
                "kind": "Press Release",
                "date": date.to_string(),
                "title": format!("Release number {n}"),
                "body": "A paragraph.",
            })
        })
        .collect();
    serde_json::json!({ "pressline": 1, "title": "Many", "releases": releases }).to_string()
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pressline-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_says_clean_problems_or_unreadable_in_its_exit_status() {
    let clean = pressline(&[
        "validate",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/releases.json"
        ),
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).contains("12 valid releases, 0 skipped, 0 problems"));

    let broken = pressline(&[
        "validate",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/broken-records.json"
        ),
    ]);
    assert_eq!(broken.status.code(), Some(1));
    let text = stdout(&broken);
    assert!(
        text.contains("releases[12] (no id), field `id`: missing, but required"),
        "{text}"
    );
    assert!(
        text.contains("5 valid releases, 8 skipped, 14 problems (6 of them only dropped a field)"),
        "{text}"
    );

    let unreadable = pressline(&[
        "validate",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/not-json.json"
        ),
    ]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(stderr(&unreadable).contains("not valid JSON (line"));

    let missing = pressline(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read no/such/file.json"));
}

#[test]
fn validate_json_lists_every_problem_with_record_field_and_reason() {
    let output = pressline(&[
        "validate",
        "--json",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/broken-records.json"
        ),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/broken-records.json"
    ))
    .unwrap();
    let (_, loaded) = read_any(&text).unwrap();
    assert_eq!(report["readable"], true);
    assert_eq!(report["releases"], loaded.dataset.releases.len());
    assert_eq!(report["skipped"], 8);
    assert_eq!(
        report["fields_dropped"], 6,
        "a bad link costs the link, not the release"
    );
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), loaded.problems.len());
    for (listed, problem) in problems.iter().zip(&loaded.problems) {
        assert_eq!(listed["field"], problem.field.as_str());
        assert_eq!(listed["reason"], problem.kind.to_string());
        assert_eq!(listed["skips_record"], problem.skips_record());
        assert_eq!(
            listed["record"].as_u64(),
            problem.record.as_ref().map(|r| r.index as u64)
        );
    }
    let unreadable = pressline(&[
        "validate",
        "--json",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/not-json.json"
        ),
    ]);
    assert_eq!(unreadable.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&unreadable)).unwrap();
    assert_eq!(report["readable"], false);
    assert!(report["error"].as_str().unwrap().contains("not valid JSON"));
}

/// Serves `body` with `status` to each of `requests` connections, on a free local port.
fn serve(status: &'static str, body: String, requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}/releases.json")
}

#[test]
fn validate_reads_a_url_and_names_it_when_it_fails() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/releases.json"
    ))
    .unwrap();
    let url = serve("200 OK", seed, 1);
    let output = pressline(&["validate", &url]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(&format!("{url}: Pressline dataset format, 12 valid")));

    let url = serve("404 Not Found", "{}".into(), 1);
    let output = pressline(&["validate", &url]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(&format!("{url} answered HTTP 404")));
}

#[test]
fn convert_freezes_every_format_into_pressline_without_losing_a_record() {
    for fixture in ["json-feed", "wordpress-posts", "timelinejs"] {
        let path = format!(
            "{}/../../tests/fixtures/formats/{fixture}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let original = read_any(&std::fs::read_to_string(&path).unwrap())
            .unwrap()
            .1;
        let out = temp(fixture).join("converted.json");
        let output = pressline(&[
            "convert",
            &path,
            "--to",
            "pressline",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{fixture}: {}",
            stderr(&output)
        );
        assert_eq!(
            output.status.code() == Some(0),
            original.problems.is_empty()
        );
        let converted = parse_dataset(&std::fs::read_to_string(&out).unwrap())
            .expect("the output is in Pressline's own format");
        // Nothing is lost, but a picture without alternative text is said again.
        assert!(
            converted.problems.iter().all(|p| p.loses_nothing()),
            "{fixture}: {:?}",
            converted.problems
        );
        assert_eq!(converted.dataset, original.dataset, "{fixture}");
    }
    let refused = pressline(&[
        "convert",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/releases.json"
        ),
        "--to",
        "csv",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("the targets are `pressline` (one JSON file) and `content`"));
}

#[test]
fn shard_writes_a_manifest_and_one_file_per_year() {
    let dir = temp("shard");
    let output = pressline(&[
        "shard",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/archive-source.json"
        ),
        "--out",
        dir.to_str().unwrap(),
        "--by",
        "year",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let shards = manifest["shards"].as_array().unwrap();
    let mut total = 0;
    for shard in shards {
        let text = std::fs::read_to_string(dir.join(shard["url"].as_str().unwrap())).unwrap();
        let loaded = parse_dataset(&text).unwrap();
        assert_eq!(
            loaded.dataset.releases.len() as u64,
            shard["count"].as_u64().unwrap()
        );
        total += loaded.dataset.releases.len();
    }
    let source = read_any(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/archive-source.json"
        ))
        .unwrap(),
    )
    .unwrap()
    .1;
    assert_eq!(total, source.dataset.releases.len());
}

#[test]
fn publish_reports_progress_on_big_datasets_and_ends_with_a_summary() {
    let dir = temp("publish");
    std::fs::write(
        dir.join("index.html"),
        "<html><head><base href=\"/\" /><title>P</title></head><body></body></html>",
    )
    .unwrap();
    let dataset = dir.join("releases.json");
    std::fs::write(&dataset, many_releases(1500)).unwrap();
    let output = pressline(&[
        "publish",
        dataset.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
        "--base-url",
        "https://example.org/",
        "--feed-size",
        "20",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Not a terminal: a line per tenth.
    let progress = stderr(&output);
    assert!(
        progress.contains("1500/1500 release pages (100%)"),
        "{progress}"
    );
    // However fast the pages are written, every line is a progress line, and percentages only
    // grow (how many tenths are seen depends on the machine's speed, so no count is asserted).
    let percents: Vec<usize> = progress
        .lines()
        .map(|line| {
            assert!(line.contains("/1500 release pages ("), "{line}");
            line.split('(')
                .nth(1)
                .unwrap()
                .split('%')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(percents.windows(2).all(|w| w[0] < w[1]), "{progress}");
    let summary = stdout(&output);
    assert!(
        summary.starts_with("published 1500 release pages, the timeline, 20 feed entries and 1501 sitemap URLs (1 file)"),
        "{summary}"
    );
    assert!(summary.contains("peak memory"), "{summary}");
    assert_eq!(
        std::fs::read_dir(dir.join("releases")).unwrap().count(),
        1500
    );

    let wrong = pressline(&[
        "publish",
        dataset.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
        "--base-url",
        "ftp://x/",
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("must be absolute http(s)"));
}

#[test]
fn validate_and_convert_read_rss_and_atom_in_their_declared_encoding() {
    let dir = std::env::temp_dir().join(format!("pressline-feeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The RSS fixture as ISO-8859-1, with a name that needs it: é is the one byte 0xE9.
    let rss = include_str!("../../../tests/fixtures/formats/rss.xml")
        .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
        .replace("Kovalenko", "Kovalénko")
        .replace('\u{2014}', "-");
    let latin1: Vec<u8> = rss
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let rss_path = dir.join("latin1.xml");
    std::fs::write(&rss_path, &latin1).unwrap();
    let output = pressline(&["validate", rss_path.to_str().unwrap()]);
    let said = stdout(&output) + &stderr(&output);
    assert!(
        said.contains("RSS 2.0 feed format, 3 valid releases, 1 skipped"),
        "{said}"
    );
    let output = pressline(&["convert", rss_path.to_str().unwrap(), "--to", "pressline"]);
    let converted = parse_dataset(&stdout(&output)).expect("converted JSON reads back");
    assert_eq!(
        converted.dataset.releases[0].people[0].name,
        "Maria Kovalénko"
    );

    let atom_path = dir.join("atom.xml");
    std::fs::write(
        &atom_path,
        include_str!("../../../tests/fixtures/formats/atom.xml"),
    )
    .unwrap();
    let output = pressline(&["validate", atom_path.to_str().unwrap()]);
    let said = stdout(&output) + &stderr(&output);
    assert!(
        said.contains("Atom 1.0 feed format, 3 valid releases"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_and_convert_read_both_spreadsheet_templates_with_their_problems() {
    for (file, label) in [
        ("timelinejs-sheet.csv", "TimelineJS spreadsheet (CSV)"),
        ("pressline-sheet.csv", "Pressline spreadsheet (CSV)"),
        ("pressline-sheet.tsv", "Pressline spreadsheet (CSV)"),
    ] {
        let path = format!(
            "{}/../../tests/fixtures/formats/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, loaded) = read_any(&text).unwrap();
        let output = pressline(&["validate", "--json", &path]);
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(report["format"], label, "{file}");
        assert_eq!(report["releases"], loaded.dataset.releases.len(), "{file}");
        assert_eq!(report["skipped"], loaded.skipped_record_count(), "{file}");
        // Every problem is listed, named by its row's record and field.
        let listed = report["problems"].as_array().unwrap();
        assert_eq!(listed.len(), loaded.problems.len(), "{file}");
        assert!(
            !listed.is_empty(),
            "{file}: the fixture has problems to list"
        );
        assert!(listed.iter().all(|p| p["field"].is_string()), "{file}");
        assert_eq!(output.status.code(), Some(1), "problems exit 1");

        let output = pressline(&["convert", &path, "--to", "pressline"]);
        let converted = parse_dataset(&stdout(&output)).expect("converted JSON reads back");
        assert_eq!(converted.dataset, loaded.dataset, "{file}");
        assert!(
            converted.problems.iter().all(|p| p.loses_nothing()),
            "{file}: {:?}",
            converted.problems
        );
    }
}
