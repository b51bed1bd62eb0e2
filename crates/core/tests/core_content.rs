//! Releases written as Markdown files with YAML front matter (`content`): every field read, each
//! problem named by file, line and field, a broken file costing only itself, and the files
//! `write_content` writes reading back as the same dataset (the seed's content folder among
//! them).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use proptest::prelude::*;

use pressline_core::content::{read_content, write_content, ContentFile, ContentRead};
use pressline_core::{parse_dataset, Dataset, ProblemKind, ReleaseDate};

const SEED: &str = include_str!("../../../public/data/releases.json");

fn file(path: &str, text: &str) -> ContentFile {
    ContentFile {
        path: path.to_owned(),
        text: text.to_owned(),
    }
}

/// A folder of release files (no site.yml), each `(name, text)` under `content/releases/`.
fn read(files: &[(&str, &str)]) -> ContentRead {
    let files: Vec<ContentFile> = files
        .iter()
        .map(|(name, text)| file(&format!("content/releases/{name}"), text))
        .collect();
    read_content(None, &files)
}

/// Every problem as `describe` says it.
fn described(read: &ContentRead) -> Vec<String> {
    read.loaded
        .problems
        .iter()
        .map(|p| read.describe(p))
        .collect()
}

const COMPLETE: &str = "\
---
id: kyiv-briefing
kind: Press Release
date: 2022-11-10T09:30:00+02:00
embargo_until: 2022-11-10
title: Briefing in Kyiv
summary: What was said, in two lines.
people:
  - name: Marie Struthers
    role: Director for Eastern Europe and Central Asia
  - name: Oksana Pokalchuk
topics: [War crimes, Children]
places:
  - Kyiv
  - Ukraine
image:
  src: https://example.org/kyiv.jpg
  alt: The briefing room
  credit: 'Photo: Jane Doe/Agency'
url: https://example.org/press/kyiv-briefing
lang: en-GB
---

The **body**, in Markdown.

A second paragraph.
";

#[test]
fn every_front_matter_field_is_read() {
    let read = read(&[("some-other-name.md", COMPLETE)]);
    assert_eq!(read.loaded.problems, []);
    let release = &read.loaded.dataset.releases[0];
    let expected = parse_dataset(
        r#"{ "pressline": 1, "releases": [ {
            "id": "kyiv-briefing", "kind": "Press Release", "date": "2022-11-10T09:30:00+02:00",
            "embargo_until": "2022-11-10", "title": "Briefing in Kyiv",
            "summary": "What was said, in two lines.",
            "body": "The **body**, in Markdown.\n\nA second paragraph.",
            "people": [
                { "name": "Marie Struthers", "role": "Director for Eastern Europe and Central Asia" },
                { "name": "Oksana Pokalchuk" } ],
            "topics": ["War crimes", "Children"], "places": ["Kyiv", "Ukraine"],
            "image": { "src": "https://example.org/kyiv.jpg", "alt": "The briefing room",
                       "credit": "Jane Doe/Agency" },
            "url": "https://example.org/press/kyiv-briefing", "lang": "en-GB" } ] }"#,
    )
    .unwrap();
    assert_eq!(release, &expected.dataset.releases[0]);
    // The `id` given wins over the file's name.
    assert!(!read.origins.releases[0].id_from_file_name);
    assert_eq!(
        read.origins.file_of("kyiv-briefing"),
        Some("content/releases/some-other-name.md")
    );
}

#[test]
fn the_id_is_the_file_name_unless_given() {
    let read = read(&[(
        "kyiv.md",
        "---\nkind: Statement\ndate: 2022-11-10\ntitle: Kyiv\n---\n",
    )]);
    assert_eq!(read.loaded.dataset.releases[0].id, "kyiv");
    assert_eq!(read.loaded.dataset.releases[0].body, None);
    assert!(read.origins.releases[0].id_from_file_name);
}

#[test]
fn dates_and_date_times_in_yaml_become_pressline_dates() {
    // Written bare, quoted or as YAML 1.1 would take for a timestamp: all the same text.
    for (written, expected) in [
        ("2022-11-10", "2022-11-10"),
        ("'2022-11-10'", "2022-11-10"),
        ("\"2022-11-10\"", "2022-11-10"),
        ("2022-11-10T09:30:00+02:00", "2022-11-10T09:30:00+02:00"),
        ("2022-11-10T07:30:00Z", "2022-11-10T07:30:00+00:00"),
        ("!!timestamp 2022-11-10", "2022-11-10"),
    ] {
        let text = format!(
            "---\nkind: Report\ndate: {written}\nembargo_until: {written}\ntitle: T\n---\n"
        );
        let read = read(&[("a.md", &text)]);
        assert_eq!(read.loaded.problems, [], "{written}");
        let release = &read.loaded.dataset.releases[0];
        assert_eq!(
            release.date,
            ReleaseDate::parse(expected).unwrap(),
            "{written}"
        );
        assert_eq!(release.embargo_until, Some(release.date), "{written}");
    }
}

#[test]
fn numbers_and_booleans_where_text_belongs_are_reported_not_made_text() {
    let read = read(&[(
        "a.md",
        "---\nkind: Report\ndate: 2022-11-10\ntitle: 1984\nsummary: true\nlang: no\n---\n",
    )]);
    // YAML 1.2: `no` is text (Norwegian), `true` and `1984` are not.
    assert_eq!(
        described(&read),
        [
            "content/releases/a.md, line 4, field `title`: expected a string, found a number; \
             the release is skipped",
            "content/releases/a.md, line 5, field `summary`: expected a string, found a \
             boolean; the release is skipped",
        ]
    );
    let read = self::read(&[(
        "a.md",
        "---\nkind: Report\ndate: 20221110\ntitle: T\ntopics: [1, x]\n---\n",
    )]);
    assert_eq!(
        described(&read),
        [
            "content/releases/a.md, line 3, field `date`: expected a string, found a number; \
             the release is skipped",
            "content/releases/a.md, line 5, field `topics[0]`: expected a string, found a \
             number; the release is skipped",
        ]
    );
}

#[test]
fn a_broken_file_is_named_with_its_line_and_costs_only_itself() {
    let good = "---\nkind: Report\ndate: 2022-11-10\ntitle: Good\n---\n";
    let read = read(&[
        ("a-good.md", good),
        (
            "b-broken.md",
            "---\nkind: Report\ndate: 2022-11-10\ntitle: Colon: here\n---\n",
        ),
        ("c-good.md", good),
        (
            "d-unclosed.md",
            "---\nkind: Report\ntitle: \"never closed\n---\n",
        ),
    ]);
    let ids: Vec<&str> = read
        .loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["a-good", "c-good"]);
    assert_eq!(read.loaded.skipped_record_count(), 2);
    let said = described(&read);
    assert_eq!(said.len(), 2, "{said:?}");
    // The YAML parser's line, counted in the file (the `---` is line 1).
    assert!(
        said[0].starts_with("content/releases/b-broken.md, line 4: not valid YAML: "),
        "{said:?}"
    );
    assert!(said[0].ends_with("; the release is skipped"), "{said:?}");
    assert!(
        said[1].starts_with("content/releases/d-unclosed.md, line 3: not valid YAML: "),
        "{said:?}"
    );
    let problem = &read.loaded.problems[0];
    assert_eq!(problem.record.as_ref().unwrap().index, 1);
    assert!(matches!(
        problem.kind,
        ProblemKind::UnreadableFile { line: 4, .. }
    ));
}

#[test]
fn a_missing_opening_or_closing_line_is_said() {
    let read = read(&[
        (
            "a.md",
            "kind: Report\ndate: 2022-11-10\ntitle: No opening\n",
        ),
        (
            "b.md",
            "---\nkind: Report\ndate: 2022-11-10\ntitle: No closing\n",
        ),
        ("c.md", "\n---\nkind: Report\n---\n"),
    ]);
    assert!(read.loaded.dataset.releases.is_empty());
    assert_eq!(
        described(&read),
        [
            "content/releases/a.md, line 1: the file does not start with a `---` line: a \
             release file starts with its front matter (`key: value` lines) between two `---` \
             lines; the release is skipped",
            "content/releases/b.md, line 1: the front matter opened by the `---` on line 1 is \
             not closed: no `---` line after it (the file ends on line 4); the release is \
             skipped",
            "content/releases/c.md, line 1: the file does not start with a `---` line: a \
             release file starts with its front matter (`key: value` lines) between two `---` \
             lines; the release is skipped",
        ]
    );
}

#[test]
fn front_matter_that_is_not_a_mapping_is_said() {
    let read = read(&[
        ("a.md", "---\n- kind\n- date\n---\n"),
        ("b.md", "---\njust a sentence\n---\n"),
        ("c.md", "---\n---\nOnly a body.\n"),
        ("d.md", "---\nkind: A\nkind: B\n---\n"),
    ]);
    let said = described(&read);
    assert_eq!(
        said[0],
        "content/releases/a.md, line 2: the fields are a list, not a mapping of `key: value` \
         lines; the release is skipped"
    );
    assert_eq!(
        said[1],
        "content/releases/b.md, line 2: the fields are a single value, not a mapping of `key: \
         value` lines; the release is skipped"
    );
    // Empty front matter is no fields: validation says which are missing.
    assert_eq!(
        said[2],
        "content/releases/c.md, line 1, field `kind`: missing, but required; the release is \
         skipped"
    );
    let duplicate_key = said.iter().find(|s| s.contains("d.md")).unwrap();
    assert!(
        duplicate_key.starts_with("content/releases/d.md, line 3: not valid YAML: duplicated key"),
        "{duplicate_key}"
    );
}

#[test]
fn duplicate_ids_across_files_name_both_files() {
    let release =
        |title: &str| format!("---\nid: a\nkind: R\ndate: 2022-11-10\ntitle: {title}\n---\n");
    let read = read(&[("b.md", &release("Second")), ("a.md", &release("First"))]);
    // Files are read in path order: a.md keeps the id.
    assert_eq!(read.loaded.dataset.releases.len(), 1);
    assert_eq!(read.loaded.dataset.releases[0].title, "First");
    assert_eq!(
        described(&read),
        [
            "content/releases/b.md, line 2, field `id`: duplicate id \"a\", already used by \
          content/releases/a.md; the release is skipped"
        ]
    );
    assert_eq!(
        read.loaded.problems[0].kind,
        ProblemKind::DuplicateId { first_index: 0 }
    );
}

#[test]
fn a_file_name_that_is_not_a_url_safe_id_needs_an_id() {
    let body = "kind: R\ndate: 2022-11-10\ntitle: T\n";
    let read = read(&[
        ("Kyiv briefing.md", &format!("---\n{body}---\n")),
        ("Львів.md", &format!("---\nid: lviv\n{body}---\n")),
    ]);
    assert_eq!(read.loaded.dataset.releases.len(), 1);
    assert_eq!(read.loaded.dataset.releases[0].id, "lviv");
    assert_eq!(
        described(&read),
        [
            "content/releases/Kyiv briefing.md, line 1, field `id`: id \"Kyiv briefing\" is not \
          URL-safe; use letters, digits, '-', '_', '.' or '~', starting with a letter or digit, \
          at most 200 characters; the id is the file's name: rename the file, or give an `id` \
          in its front matter; the release is skipped"
        ]
    );
}

#[test]
fn files_are_read_in_path_order_and_other_files_ignored() {
    let release = "---\nkind: R\ndate: 2022-11-10\ntitle: T\n---\n";
    let read = read(&[
        ("c.md", release),
        ("notes.txt", "not a release"),
        ("a.md", release),
        ("picture.jpg", ""),
        ("b.markdown", release),
        ("2022/b.md", release),
    ]);
    let ids: Vec<&str> = read
        .loaded
        .dataset
        .releases
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["b", "a", "c"]);
    assert_eq!(read.origins.releases.len(), 3);
    assert_eq!(read.loaded.problems, []);
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_are_read() {
    let read = read(&[(
        "a.md",
        "\u{feff}---\r\nkind: Report\r\ndate: 2022-11-10\r\ntitle: T\r\n---\r\n\r\nBody.\r\n",
    )]);
    assert_eq!(read.loaded.problems, []);
    assert_eq!(
        read.loaded.dataset.releases[0].body.as_deref(),
        Some("Body.")
    );
}

#[test]
fn an_unreadable_embargo_holds_the_release_back_with_its_line() {
    let read = read(&[(
        "a.md",
        "---\nkind: R\ndate: 2022-11-10\ntitle: T\nembargo_until: next Tuesday\n---\n",
    )]);
    assert!(read.loaded.dataset.releases.is_empty());
    assert_eq!(
        described(&read),
        [
            "content/releases/a.md, line 5, field `embargo_until`: unparseable embargo \"next \
          Tuesday\" (held back rather than published early); use YYYY-MM-DD (the start of that \
          day, UTC) or a date-time with offset such as 2022-11-10T09:30:00-05:00; the release \
          is skipped"
        ]
    );
}

#[test]
fn a_bad_optional_field_is_dropped_with_its_line() {
    let read = read(&[(
        "a.md",
        "---\nkind: R\ndate: 2022-11-10\ntitle: T\nimage:\n  alt: x\n  src: javascript:alert(1)\n---\n",
    )]);
    assert_eq!(read.loaded.dataset.releases.len(), 1);
    assert_eq!(
        described(&read),
        ["content/releases/a.md, line 7, field `image.src`: refused URL \"javascript:alert(1)\"; \
          only http:, https: or relative addresses are allowed; the field is dropped, the \
          release kept"]
    );
}

#[test]
fn site_yml_gives_the_dataset_fields_or_the_defaults() {
    let release = file(
        "content/releases/a.md",
        "---\nkind: R\ndate: 2022-11-10\ntitle: T\n---\n",
    );
    // Missing: the defaults, as a JSON dataset without a title.
    let read = read_content(None, std::slice::from_ref(&release));
    assert_eq!(read.loaded.dataset.title, "Press releases");
    assert_eq!(read.loaded.problems, []);

    let site = file(
        "content/site.yml",
        "title: Newsroom\ndescription: 42\nlang: en\norganization:\n  name: NGO\n  url: ftp://x\n  press_email: [a]\n",
    );
    let read = read_content(Some(&site), std::slice::from_ref(&release));
    let dataset = &read.loaded.dataset;
    assert_eq!(dataset.title, "Newsroom");
    assert_eq!(dataset.description, None);
    assert_eq!(dataset.lang.as_deref(), Some("en"));
    assert_eq!(dataset.organization_name(), Some("NGO"));
    assert_eq!(dataset.releases.len(), 1);
    assert_eq!(
        described(&read),
        [
            "content/site.yml, line 2, field `description`: expected a string, found a number; \
             the field is dropped",
            "content/site.yml, line 7, field `organization.press_email`: expected a string, \
             found an array; the field is dropped",
            "content/site.yml, line 6, field `organization.url`: refused URL \"ftp://x\"; only \
             http:, https: or relative addresses are allowed; the field is dropped",
        ]
    );

    // Broken: reported, its fields left out, the releases read.
    let site = file("content/site.yml", "title: Newsroom\n  lang: en\n");
    let read = read_content(Some(&site), &[release]);
    assert_eq!(read.loaded.dataset.title, "Press releases");
    assert_eq!(read.loaded.dataset.releases.len(), 1);
    let said = described(&read);
    assert_eq!(said.len(), 1);
    assert!(
        said[0].starts_with("content/site.yml, line 2: not valid YAML: "),
        "{said:?}"
    );
    assert!(
        said[0].ends_with("; the site's fields are left out"),
        "{said:?}"
    );
}

/// The releases of `dataset` in the order their files are read: by `<id>.md`.
fn in_file_order(mut dataset: Dataset) -> Dataset {
    dataset
        .releases
        .sort_by_key(|release| format!("{}.md", release.id));
    dataset
}

/// The content folder at `dir`, read as the command reads it.
fn read_folder(dir: &Path) -> ContentRead {
    let read_file = |path: &Path| {
        file(
            &path.display().to_string(),
            &std::fs::read_to_string(path).unwrap(),
        )
    };
    let site = read_file(&dir.join("site.yml"));
    let releases: Vec<ContentFile> = std::fs::read_dir(dir.join("releases"))
        .unwrap()
        .map(|entry| read_file(&entry.unwrap().path()))
        .collect();
    read_content(Some(&site), &releases)
}

#[test]
fn the_seed_content_folder_is_the_bundled_dataset() {
    let folder = read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"));
    assert_eq!(folder.loaded.problems, []);
    let seed = parse_dataset(SEED).unwrap();
    assert_eq!(folder.loaded.dataset.releases.len(), 12);
    assert_eq!(folder.loaded.dataset, in_file_order(seed.dataset));
}

#[test]
fn written_files_read_back_as_the_same_dataset() {
    let seed = parse_dataset(SEED).unwrap().dataset;
    let hostile = parse_dataset(include_str!("../../../tests/fixtures/hostile-publish.json"))
        .unwrap()
        .dataset;
    let press_kit = parse_dataset(include_str!("../../../tests/fixtures/press-kit.json"))
        .unwrap()
        .dataset;
    for dataset in [seed, hostile, press_kit] {
        let files = write_content(&dataset);
        assert_eq!(files[0].path, "site.yml");
        assert!(files[1..].iter().all(|f| f.path.starts_with("releases/")));
        let read = read_content(Some(&files[0]), &files[1..]);
        assert_eq!(read.loaded.problems, []);
        assert_eq!(read.loaded.dataset, in_file_order(dataset));
    }
}

#[test]
fn press_kit_fields_are_written_as_readable_yaml() {
    let dataset = parse_dataset(include_str!("../../../tests/fixtures/press-kit.json"))
        .unwrap()
        .dataset;
    let files = write_content(&dataset);
    assert_eq!(
        files[0].text,
        "title: 'Example newsroom: press kit'\n\
         description: Translations, press contacts and pictures, every field of them.\n\
         lang: en\n\
         organization:\n  name: Example Rights Watch\n  url: https://example.org\n  \
         press_email: press@example.org\n\
         boilerplate: \"Example Rights Watch is a *fictional* human-rights organization, used in \
         Pressline's tests.\\n\\nIt has no members, offices or telephones.\"\n\
         contacts:\n\
         \x20 - name: Example Rights Watch\n\
         \x20   email: press@example.org\n\
         \x20   phone: +1 (212) 555-0100\n\
         \x20   languages:\n\
         \x20     - en\n\
         \x20     - es\n\
         \x20 - name: Olena Kovalenko\n\
         \x20   role: Media officer, Kyiv; Eastern Europe\n\
         \x20   email: olena.k@example.org\n\
         \x20   phone: +380 44 555 01 02\n\
         \x20   languages:\n\
         \x20     - uk\n\
         \x20     - ru\n\
         \x20     - en\n"
    );
    let briefing = files
        .iter()
        .find(|file| file.path == "releases/kyiv-briefing.md")
        .unwrap();
    assert!(
        briefing.text.contains(
            "image:\n\
             \x20 src: https://example.org/images/kyiv-1600.jpg\n\
             \x20 alt: A press briefing in a hall in Kyiv\n\
             \x20 credit: Photographer/Agency\n\
             \x20 caption: The briefing, 2 May 2024\n\
             \x20 width: 1600\n\
             \x20 height: 1067\n\
             \x20 sizes:\n\
             \x20   - src: https://example.org/images/kyiv-960.jpg\n\
             \x20     width: 960\n\
             \x20   - src: https://example.org/images/kyiv-480.jpg\n\
             \x20     width: 480\n\
             images:\n\
             \x20 - src: /images/kyiv-map.png\n\
             \x20   alt: A map of the districts the report covers\n\
             \x20   width: 1200\n\
             \x20   height: 900\n\
             \x20 - credit: 'Archive photo: Agency'\n\
             translation_key: kyiv-briefing-2024\n\
             contacts:\n\
             \x20 - name: Ана Гарсія\n\
             \x20   role: Спікерка\n\
             \x20   email: ana@example.org\n\
             \x20   languages:\n\
             \x20     - uk\n\
             \x20     - es\n\
             ---\n"
        ),
        "{}",
        briefing.text
    );
}

#[test]
fn a_picture_without_alt_reads_back_said_again_and_nothing_lost() {
    let loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [ { "id": "a", "kind": "R", "date": "2024-01-01",
            "title": "A", "image": { "src": "a.jpg", "width": 800 } } ] }"#,
    )
    .unwrap();
    assert_eq!(loaded.problems.len(), 1);
    let files = write_content(&loaded.dataset);
    let read = read_content(Some(&files[0]), &files[1..]);
    assert_eq!(read.loaded.dataset, loaded.dataset);
    assert_eq!(
        described(&read),
        [
            "releases/a.md, line 5, field `image.alt`: missing, and recommended: it tells people \
          who cannot see the picture what it shows; nothing is left out"
        ]
    );
}

#[test]
fn site_yml_contacts_are_checked_with_their_lines() {
    let read = read_content(
        Some(&file(
            "content/site.yml",
            "title: News\nboilerplate: About *us*.\ncontacts:\n  - name: Desk\n    phone: call us\n  - role: Nobody\n",
        )),
        &[file(
            "content/releases/a.md",
            "---\nkind: R\ndate: 2024-01-01\ntitle: A\ncontacts:\n  - name: Olena\n    languages: [uk, Ukrainian]\n---\n",
        )],
    );
    let dataset = &read.loaded.dataset;
    assert_eq!(dataset.boilerplate.as_deref(), Some("About *us*."));
    assert_eq!(dataset.contacts.len(), 1);
    assert_eq!(dataset.releases[0].contacts[0].languages, ["uk"]);
    assert_eq!(
        described(&read),
        [
            "content/site.yml, line 5, field `contacts[0].phone`: \"call us\" is not a telephone \
             number; use digits, spaces and + ( ) - . only, e.g. \"+1 (212) 555-0100\"; the \
             field is dropped",
            "content/site.yml, line 6, field `contacts[1].name`: missing, but required; the \
             field is dropped",
            "content/releases/a.md, line 7, field `contacts[0].languages[1]`: \"Ukrainian\" is \
             not a BCP 47 language tag such as \"en\" or \"uk-UA\"; the field is dropped, the \
             release kept",
        ]
    );
}

#[test]
fn ids_differing_only_in_case_get_two_files() {
    let loaded = parse_dataset(
        r#"{ "pressline": 1, "releases": [
            { "id": "Kyiv", "kind": "R", "date": "2022-11-10", "title": "One" },
            { "id": "kyiv", "kind": "R", "date": "2022-11-11", "title": "Two" } ] }"#,
    )
    .unwrap();
    let files = write_content(&loaded.dataset);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["site.yml", "releases/Kyiv.md", "releases/kyiv-2.md"]
    );
    assert!(files[2].text.contains("\nid: kyiv\n"));
    let read = read_content(Some(&files[0]), &files[1..]);
    assert_eq!(read.loaded.problems, []);
    assert_eq!(read.loaded.dataset.releases.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text a release can hold is written so that it reads back the same.
    #[test]
    fn any_text_survives_writing_and_reading(
        title in "\\PC{1,40}",
        summary in any::<String>(),
        body in any::<String>(),
        topic in "[ -~\\u{a0}-\\u{3000}\\n\\t]{0,30}",
        name in "[:#'\"\\-?|>!&*%@` a-z0-9]{1,20}",
    ) {
        let record = serde_json::json!({
            "id": "x", "kind": "Report", "date": "2022-11-10", "title": title,
            "summary": summary, "body": body, "topics": [topic], "people": [{ "name": name }],
        });
        let text = serde_json::json!({ "pressline": 1, "releases": [record] }).to_string();
        let dataset = parse_dataset(&text).unwrap().dataset;
        prop_assume!(dataset.releases.len() == 1);
        let files = write_content(&dataset);
        let read = read_content(Some(&files[0]), &files[1..]);
        prop_assert!(read.loaded.problems.is_empty(), "{:?}\n{}", read.loaded.problems, files[1].text);
        prop_assert_eq!(&read.loaded.dataset, &dataset, "{}", files[1].text);
    }

    /// Whatever a file holds, reading it never panics, it is a release or a problem named by
    /// a line of the file, and what was read is written back as files that read the same.
    #[test]
    fn any_file_is_a_release_or_a_problem(
        fields in "(kind: R\n|date: 2022-11-10\n|title: T\n|[-: a-z0-9\\n\\[\\]{}'\"#|>&*!~]{0,30}){0,8}",
        close in any::<bool>(),
    ) {
        let text = format!("---\n{fields}{}", if close { "\n---\nBody\n" } else { "" });
        let read = read(&[("a.md", &text)]);
        let dataset = &read.loaded.dataset;
        prop_assert_eq!(dataset.releases.len() + read.loaded.skipped_record_count(), 1);
        for problem in &read.loaded.problems {
            let origin = read.origins.origin(problem).unwrap();
            prop_assert!(origin.line >= 1 && origin.line <= text.lines().count(), "{:?}", problem);
        }
        let files = write_content(dataset);
        let again = read_content(Some(&files[0]), &files[1..]);
        prop_assert!(again.loaded.problems.iter().all(|p| p.loses_nothing()), "{:?}", again.loaded.problems);
        prop_assert_eq!(&again.loaded.dataset, dataset);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// What the fuzz target (`fuzz/fuzz_targets/content.rs`) checks, on text shaped like front
    /// matter: the first line also read as `site.yml`.
    #[test]
    fn any_site_and_release_text_reads_and_round_trips(
        text in "(---\n|title: [a-z:#' ]{0,6}\n|lang: [a-z-]{0,4}\n|organization: \\{url: [a-z:/.]{0,12}\\}\n|kind: R\n|date: 2022-11-1[0-9]\n|[-: a-z0-9\\n\\[\\]{}'\"#|>&*!~\\t\\u{85}\\u{feff}]{0,12}){0,10}",
    ) {
        let site = file("content/site.yml", text.lines().next().unwrap_or(""));
        let release = file("content/releases/fuzz.md", &text);
        let read = read_content(Some(&site), std::slice::from_ref(&release));
        let dataset = &read.loaded.dataset;
        prop_assert_eq!(dataset.releases.len() + read.loaded.skipped_record_count(), 1);
        for problem in &read.loaded.problems {
            let origin = read.origins.origin(problem).unwrap();
            let lines = if origin.file.ends_with("site.yml") { site.text.lines().count() } else { text.lines().count() };
            prop_assert!(origin.line >= 1 && origin.line <= lines.max(1) + 1, "{:?}", problem);
        }
        let files = write_content(dataset);
        let again = read_content(Some(&files[0]), &files[1..]);
        prop_assert!(again.loaded.problems.iter().all(|p| p.loses_nothing()), "{:?}", again.loaded.problems);
        prop_assert_eq!(&again.loaded.dataset, dataset);
    }
}
