//! The `pressline` command on content folders (releases as Markdown files) and embargoes:
//! problems named by file and line, the folder through validate, convert, shard and publish,
//! releases held back at a given `--now`, and nothing under embargo in anything published.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};

use support::{pressline, stderr, stdout};

use pressline_core::{parse_dataset, Dataset};

const SEED: &str = include_str!("../../../public/data/releases.json");

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pressline-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// Writes `files` (`(path, text)`, relative to `dir`), creating folders.
fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let file = dir.join(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}

/// The releases in the order a content folder's files are read: by `<id>.md`.
fn in_file_order(mut dataset: Dataset) -> Dataset {
    dataset
        .releases
        .sort_by_key(|release| format!("{}.md", release.id));
    dataset
}

#[test]
fn validate_names_each_problem_by_file_line_and_field() {
    let dir = temp("validate");
    write(
        &dir,
        &[
            ("site.yml", "title: Newsroom\nlang: en\n"),
            (
                "releases/kyiv.md",
                "---\nkind: Statement\ndate: soon\ntitle: Kyiv\n---\n\nBody.\n",
            ),
            (
                "releases/broken.md",
                "---\nkind: Report\ndate: 2022-11-10\ntitle: A: B\n---\n",
            ),
            (
                "releases/a.md",
                "---\nid: x\nkind: Report\ndate: 2022-11-10\ntitle: A\n---\n",
            ),
            (
                "releases/b.md",
                "---\nid: x\nkind: Report\ndate: 2022-11-11\ntitle: B\n---\n",
            ),
            (
                "releases/2022/good.md",
                "---\nkind: Report\ndate: 2022-01-01\ntitle: Good\nurl: javascript:alert(1)\n---\n",
            ),
            ("releases/notes.txt", "not a release"),
            ("releases/.draft.md", "not read: hidden"),
        ],
    );
    let source = path(&dir);
    let output = pressline(&["validate", source]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        format!(
            "{source}/releases/2022/good.md, line 5, field `url`: refused URL \
             \"javascript:alert(1)\"; only http:, https: or relative addresses are allowed; the \
             field is dropped, the release kept"
        ),
        format!(
            "{source}/releases/b.md, line 2, field `id`: duplicate id \"x\", already used by \
             {source}/releases/a.md; the release is skipped"
        ),
        format!("{source}/releases/broken.md, line 4: not valid YAML: "),
        format!(
            "{source}/releases/kyiv.md, line 3, field `date`: unparseable date \"soon\"; use \
             YYYY-MM-DD"
        ),
        format!(
            "{source}: Markdown files (content folder) format, 2 valid releases, 3 skipped, 4 \
             problems (1 of them only dropped a field)"
        ),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in\n{text}");
    }

    let output = pressline(&["validate", "--json", source]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["format"], "Markdown files (content folder)");
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 4);
    let kyiv = problems
        .iter()
        .find(|p| p["field"] == "date")
        .expect("the date problem");
    assert_eq!(kyiv["file"], format!("{source}/releases/kyiv.md"));
    assert_eq!(kyiv["line"], 3);
    assert_eq!(kyiv["skips_record"], true);
    assert!(problems
        .iter()
        .all(|p| p["line"].is_u64() && p["file"].is_string()));

    // A folder that is not a content folder is said to be so.
    let empty = temp("validate-empty");
    let output = pressline(&["validate", path(&empty)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("without site.yml or releases/"));
}

#[test]
fn the_seed_content_folder_is_what_convert_writes_and_reads_back_as_the_seed() {
    // The folder in the repository is the tool's output for the seed, file for file.
    let dir = temp("convert");
    let out = dir.join("content");
    let output = pressline(&[
        "convert",
        &repo("public/data/releases.json"),
        "--to",
        "content",
        "--out",
        path(&out),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let committed = Path::new(&repo("content")).to_owned();
    let mut names: Vec<String> = std::fs::read_dir(out.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 12);
    for name in names
        .iter()
        .map(|n| format!("releases/{n}"))
        .chain(["site.yml".into()])
    {
        assert_eq!(
            std::fs::read_to_string(out.join(&name)).unwrap(),
            std::fs::read_to_string(committed.join(&name)).unwrap(),
            "{name}"
        );
    }
    assert_eq!(
        std::fs::read_dir(committed.join("releases"))
            .unwrap()
            .count(),
        12
    );
    // Converting into a folder that already has releases would mix old and new: refused.
    let again = pressline(&[
        "convert",
        &repo("public/data/releases.json"),
        "--to",
        "content",
        "--out",
        path(&out),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already has files"));

    // Back to JSON: the seed's dataset, releases in the files' order.
    let output = pressline(&["convert", &repo("content"), "--to", "pressline"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let converted = parse_dataset(&stdout(&output)).unwrap();
    assert_eq!(converted.problems, []);
    let seed = parse_dataset(SEED).unwrap().dataset;
    assert_eq!(converted.dataset, in_file_order(seed));

    let output = pressline(&["validate", &repo("content")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("12 valid releases, 0 skipped, 0 problems"));
}

#[test]
fn the_seed_json_is_what_bundle_writes_for_the_seed_folder_and_only_once() {
    // The app bundles `pressline bundle content/`; the seed as JSON is that very text, so
    // everything that reads the JSON (tests, the oracle, JSON users) sees what the app shows.
    let dir = temp("bundle");
    let out = dir.join("data/releases.json");
    let output = pressline(&["bundle", &repo("content"), "--out", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), SEED);
    // Unchanged: not written again, so the app is not rebuilt.
    let written = std::fs::metadata(&out).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let output = pressline(&["bundle", &repo("content"), "--out", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::metadata(&out).unwrap().modified().unwrap(),
        written
    );
    // A JSON file with nothing held back is bundled as it is written, as publish serves it.
    let json = dir.join("valid.json");
    let output = pressline(&[
        "bundle",
        &repo("tests/fixtures/valid.json"),
        "--out",
        path(&json),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        std::fs::read_to_string(repo("tests/fixtures/valid.json")).unwrap()
    );
}

#[test]
fn shard_reads_a_content_folder() {
    let dir = temp("shard");
    let output = pressline(&["shard", &repo("content"), "--out", path(&dir)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shard =
        parse_dataset(&std::fs::read_to_string(dir.join("releases-2022.json")).unwrap()).unwrap();
    assert_eq!(shard.dataset.releases.len(), 12);
}

/// A dataset with releases under embargo: `held` (until 2030-01-01 09:00 in Kyiv) with a
/// unique id and title, `held-too` (from 2030-06-01, a bad link that costs only the link), and
/// `broken` whose embargo cannot be read.
const EMBARGO_ID: &str = "embargo-zq7x";
const EMBARGO_TITLE: &str = "Quokka Zephyr Ultimatum 7x";
const OTHER_ID: &str = "embargo-qq9w";
const BROKEN_ID: &str = "embargo-kk3v";
const BROKEN_TITLE: &str = "Xylophone Quagmire Briefing 3v";

fn embargoed_json() -> String {
    let mut dataset: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let releases = dataset["releases"].as_array_mut().unwrap();
    releases.push(serde_json::json!({
        "id": EMBARGO_ID, "kind": "Press Release", "date": "2030-01-01T09:00:00+02:00",
        "embargo_until": "2030-01-01T09:00:00+02:00", "title": EMBARGO_TITLE,
        "summary": "Not before nine.", "body": "Embargoed **body**.",
    }));
    releases.push(serde_json::json!({
        "id": OTHER_ID, "kind": "Report", "date": "2030-06-01", "embargo_until": "2030-06-01",
        "title": "Another held one", "url": "javascript:alert(1)",
    }));
    releases.push(serde_json::json!({
        "id": BROKEN_ID, "kind": "Report", "date": "2022-01-01", "embargo_until": "someday",
        "title": BROKEN_TITLE,
    }));
    serde_json::to_string_pretty(&dataset).unwrap()
}

/// The same dataset as a content folder in `dir`, from `json`, its JSON there.
fn embargoed_folder(dir: &Path, json: &Path) {
    // Converted with --now after every embargo: every valid release is written.
    let output = pressline(&[
        "convert",
        path(json),
        "--to",
        "content",
        "--out",
        path(&dir.join("content")),
        "--now",
        "2031-01-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // The broken embargo, in its own file.
    write(
        dir,
        &[(
            &format!("content/releases/{BROKEN_ID}.md"),
            &format!(
                "---\nkind: Report\ndate: 2022-01-01\nembargo_until: someday\ntitle: {BROKEN_TITLE}\n---\n"
            ),
        )],
    );
    assert!(dir
        .join(format!("content/releases/{EMBARGO_ID}.md"))
        .exists());
}

#[test]
fn releases_under_embargo_are_held_back_at_the_given_now() {
    let dir = temp("embargo");
    let json = dir.join("embargoed.json");
    std::fs::write(&json, embargoed_json()).unwrap();
    embargoed_folder(&dir, &json);
    for source in [json.clone(), dir.join("content")] {
        let source = path(&source);
        let output = pressline(&["validate", source, "--now", "2029-12-31T12:00:00Z"]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "the broken embargo is a problem"
        );
        let text = stdout(&output);
        assert!(
            text.contains(&format!(
                "held back by its embargo until 2030-01-01T07:00:00+00:00: {EMBARGO_ID}"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "held back by its embargo until 2030-06-01T00:00:00+00:00: {OTHER_ID}"
            )),
            "{text}"
        );
        assert!(
            text.contains("next publication: 2030-01-01T07:00:00+00:00 (rebuild then)"),
            "{text}"
        );
        assert!(text.contains("field `embargo_until`: unparseable embargo \"someday\""));
        // Held releases are valid: counted, and listed in --json.
        assert!(text.contains("14 valid releases, 1 skipped"), "{text}");
        let output = pressline(&[
            "validate",
            "--json",
            source,
            "--now",
            "2030-01-01T07:00:00Z",
        ]);
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(report["held"].as_array().unwrap().len(), 1, "{report}");
        assert_eq!(report["held"][0]["id"], OTHER_ID);
        assert_eq!(report["next_publication"], "2030-06-01T00:00:00+00:00");

        // convert leaves them out: a converted file is served, so public.
        let output = pressline(&[
            "convert",
            source,
            "--to",
            "pressline",
            "--now",
            "2029-12-31T12:00:00Z",
        ]);
        let converted = stdout(&output);
        assert!(!converted.contains(EMBARGO_ID) && !converted.contains(OTHER_ID));
        assert!(!converted.contains(BROKEN_ID) && !converted.contains(BROKEN_TITLE));
        assert_eq!(
            parse_dataset(&converted).unwrap().dataset.releases.len(),
            12
        );
        assert!(stderr(&output).contains("12 releases written, 1 skipped, 2 held back by embargo"));
        // ...until the embargo is over, to the second.
        let output = pressline(&[
            "convert",
            source,
            "--to",
            "pressline",
            "--now",
            "2030-01-01T09:00:00+02:00",
        ]);
        let converted = parse_dataset(&stdout(&output)).unwrap().dataset;
        assert!(converted.release(EMBARGO_ID).is_some());
        assert!(converted.release(OTHER_ID).is_none());

        // shard: in no shard, and no year of their own.
        let shards = temp("embargo-shards");
        let output = pressline(&[
            "shard",
            source,
            "--out",
            path(&shards),
            "--now",
            "2029-12-31T12:00:00Z",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(!shards.join("releases-2030.json").exists());
        let manifest = std::fs::read_to_string(shards.join("manifest.json")).unwrap();
        assert!(!manifest.contains("2030"), "{manifest}");
        let output = pressline(&[
            "shard",
            source,
            "--out",
            path(&shards),
            "--now",
            "2031-01-01",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let shard = std::fs::read_to_string(shards.join("releases-2030.json")).unwrap();
        assert!(shard.contains(EMBARGO_TITLE) && shard.contains(OTHER_ID));
    }
    // Without --now, the clock: 2030 is ahead of it.
    let output = pressline(&["convert", path(&json), "--to", "pressline"]);
    assert!(!stdout(&output).contains(EMBARGO_ID));
    let output = pressline(&["validate", path(&json), "--now", "tomorrow"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--now must be a date-time with offset"));
}

/// A directory shaped like trunk's output, bundling the seed.
fn fake_build(name: &str) -> PathBuf {
    let dir = temp(name);
    write(
        &dir,
        &[
            (
                "index.html",
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><base href=\"/\" /><title>Pressline</title></head><body></body></html>\n",
            ),
            ("data/releases.json", SEED),
            ("robots.txt", "User-agent: *\nAllow: /\n"),
        ],
    );
    dir
}

/// Every file under `dir` as text, decompressed where it is a gzip copy. A brotli file (the
/// build's, which `publish` removes beside what it rewrites) cannot be read here, so none may
/// be left.
fn every_text(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut texts = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.to_string_lossy();
            assert!(!name.ends_with(".br"), "a brotli file to check: {name}");
            let text = if name.ends_with(".gz") {
                let mut text = String::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_string(&mut text)
                    .unwrap();
                text
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            texts.push((path, text));
        }
    }
    texts
}

/// The files under `dir` whose text contains `needle`.
fn files_with(texts: &[(PathBuf, String)], needle: &str) -> Vec<String> {
    texts
        .iter()
        .filter(|(_, text)| text.contains(needle))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[test]
fn nothing_under_embargo_is_published_until_it_is_over() {
    let dir = temp("leak");
    let json = dir.join("embargoed.json");
    std::fs::write(&json, embargoed_json()).unwrap();
    embargoed_folder(&dir, &json);
    for (name, source) in [("json", json.clone()), ("folder", dir.join("content"))] {
        let build = fake_build(&format!("leak-{name}"));
        let publish = |now: &str| {
            let output = pressline(&[
                "publish",
                path(&source),
                "--out",
                path(&build),
                "--base-url",
                "https://news.example.org/",
                "--now",
                now,
                "--quiet",
            ]);
            assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
            output
        };

        let output = publish("2029-12-31T12:00:00Z");
        let said = stdout(&output);
        assert!(
            said.contains(&format!(
                "held back by its embargo until 2030-01-01T07:00:00+00:00: {EMBARGO_ID}"
            )),
            "{name}: {said}"
        );
        assert!(said.contains("next publication: 2030-01-01T07:00:00+00:00 (rebuild then)"));
        let texts = every_text(&build);
        assert!(texts.len() > 20, "{name}: the site was published");
        for secret in [EMBARGO_ID, EMBARGO_TITLE, OTHER_ID, BROKEN_ID, BROKEN_TITLE] {
            assert_eq!(
                files_with(&texts, secret),
                Vec::<String>::new(),
                "{name}: {secret}"
            );
        }
        // The published releases are there (the search above could not miss by looking at
        // nothing).
        assert!(
            !files_with(&texts, "russias-unlawful-transfer-of-civilians-a-war-crime").is_empty()
        );

        // Once the embargo is over, the release is everywhere a release goes.
        publish("2030-01-01T07:00:00Z");
        let texts = every_text(&build);
        let found = files_with(&texts, EMBARGO_TITLE);
        for place in [
            format!("releases/{EMBARGO_ID}/index.html"),
            "feed.xml".into(),
            "feed.xml.gz".into(),
            "feed.json".into(),
            "index.html".into(),
        ] {
            assert!(
                found.iter().any(|file| file.ends_with(&place)),
                "{name}: {place} not among {found:?}"
            );
        }
        let sitemap = files_with(
            &texts,
            &format!("https://news.example.org/releases/{EMBARGO_ID}"),
        );
        assert!(
            sitemap.iter().any(|file| file.ends_with("sitemap.xml")),
            "{sitemap:?}"
        );
        // Still held: the other one, and the one whose embargo cannot be read.
        for secret in [OTHER_ID, BROKEN_ID, BROKEN_TITLE] {
            assert_eq!(
                files_with(&texts, secret),
                Vec::<String>::new(),
                "{name}: {secret}"
            );
        }
    }
}

#[test]
fn a_build_that_bundles_a_release_under_embargo_is_not_published_over() {
    let build = fake_build("leak-bundle");
    std::fs::write(build.join("data/releases.json"), embargoed_json()).unwrap();
    let output = pressline(&[
        "publish",
        &repo("public/data/releases.json"),
        "--out",
        path(&build),
        "--now",
        "2029-12-31T12:00:00Z",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "bundles releases still under embargo ({EMBARGO_ID}, {OTHER_ID})"
        )),
        "{}",
        stderr(&output)
    );
    assert!(!build.join("releases").exists(), "nothing was published");
}

#[test]
fn publish_copies_the_pictures_uploaded_beside_the_releases() {
    let source = temp("media-source");
    write(
        &source,
        &[
            ("site.yml", "title: Pictures\n"),
            (
                "releases/with-picture.md",
                "---\nkind: Statement\ndate: 2024-05-02\ntitle: With a picture\nimage:\n  src: media/2024/shelter.jpg\n  alt: A school used as a shelter\n---\nText.\n",
            ),
            ("media/2024/shelter.jpg", "not really a JPEG"),
        ],
    );
    let out = fake_build("media-out");
    let output = pressline(&["publish", path(&source), "--out", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(out.join("media/2024/shelter.jpg")).unwrap(),
        "not really a JPEG"
    );
    let page = std::fs::read_to_string(out.join("releases/with-picture/index.html")).unwrap();
    assert!(page.contains("media/2024/shelter.jpg"), "{page}");
}

#[test]
fn a_picture_only_an_embargoed_release_names_is_held_back_with_it() {
    let source = temp("media-embargo-source");
    write(
        &source,
        &[
            ("site.yml", "title: Pictures\n"),
            (
                "releases/out-now.md",
                "---\nkind: Statement\ndate: 2024-05-02\ntitle: Out now\nimage:\n  src: media/shared.jpg\n  alt: Shared\n---\nSee also ![map](media/in-body.png).\n",
            ),
            (
                "releases/held.md",
                "---\nkind: Statement\ndate: 2024-05-02\ntitle: Held\nembargo_until: 2030-06-01T07:00:00Z\nimage:\n  src: media/secret.jpg\n  alt: The embargoed story's picture\nimages:\n  - src: media/shared.jpg\n    alt: Shared\n  - src: media/in-body.png\n    alt: A map\n---\nText.\n",
            ),
            ("media/secret.jpg", "the embargoed picture"),
            ("media/shared.jpg", "a picture both name"),
            ("media/in-body.png", "a picture a published body shows"),
            ("media/not-named.jpg", "an upload nothing names yet"),
        ],
    );
    let publish_at = |now: &str, name: &str| {
        let out = fake_build(name);
        let output = pressline(&["publish", path(&source), "--out", path(&out), "--now", now]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        out
    };
    let before = publish_at("2030-06-01T06:59:59Z", "media-embargo-before");
    assert!(
        !before.join("media/secret.jpg").exists(),
        "held back with its release"
    );
    for kept in ["shared.jpg", "in-body.png", "not-named.jpg"] {
        assert!(before.join("media").join(kept).exists(), "{kept}");
    }
    let after = publish_at("2030-06-01T07:00:00Z", "media-embargo-after");
    assert_eq!(
        std::fs::read_to_string(after.join("media/secret.jpg")).unwrap(),
        "the embargoed picture"
    );
}
