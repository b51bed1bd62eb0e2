//! Releases written as Markdown files (`content`): whatever a release file or `site.yml` holds,
//! no panic, each file is a release or a problem named by a line in it, and a dataset written
//! as files reads back as the same dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline_core::content::{read_content, write_content, ContentFile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The input is a release file; its first line, if it is `title: …`-like, is also tried as
    // site.yml, so both readers see every shape.
    let file = |path: &str, text: &str| ContentFile {
        path: path.to_owned(),
        text: text.to_owned(),
    };
    let site = file("content/site.yml", text.lines().next().unwrap_or(""));
    let release = file("content/releases/fuzz.md", text);
    let read = read_content(Some(&site), std::slice::from_ref(&release));
    let dataset = &read.loaded.dataset;
    assert_eq!(
        dataset.releases.len() + read.loaded.skipped_record_count(),
        1
    );
    for problem in &read.loaded.problems {
        let origin = read
            .origins
            .origin(problem)
            .expect("every problem has a file");
        let lines = line_count(if origin.file.ends_with("site.yml") {
            &site.text
        } else {
            text
        });
        assert!(
            origin.line >= 1 && origin.line <= lines.max(1) + 1,
            "{problem:?}"
        );
        let _ = read.describe(problem);
    }
    // What was read is written back as files that read as the same dataset (a picture
    // without its alternative text is said again, and costs nothing).
    let files = write_content(dataset);
    let again = read_content(Some(&files[0]), &files[1..]);
    assert!(
        again.loaded.problems.iter().all(|p| p.loses_nothing()),
        "{:?}",
        again.loaded.problems
    );
    assert_eq!(&again.loaded.dataset, dataset);
});

/// Lines as YAML and editors count them: a line break is `\r\n`, `\n` or a lone `\r`.
fn line_count(text: &str) -> usize {
    text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1
}
