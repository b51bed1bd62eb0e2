//! The Pressline dataset reader and validator: whatever the bytes, no panic, and reading in
//! batches gives exactly what reading at once gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline_core::validate::DatasetReader;
use pressline_core::{parse_dataset, SafeUrl};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let whole = parse_dataset(text);
    let Ok(mut reader) = DatasetReader::new(text) else {
        assert!(whole.is_err());
        return;
    };
    while reader.read(3) < reader.len() {}
    let batched = reader.finish();
    let whole = whole.expect("the reader started, so the whole read succeeds");
    assert_eq!(batched.dataset, whole.dataset);
    assert_eq!(batched.problems, whole.problems);
    for release in &whole.dataset.releases {
        // Kept records are what the format promises.
        assert!(pressline_core::validate::is_url_safe_id(&release.id));
        assert!(!release.title.trim().is_empty());
        assert!(!release.title.contains('\0'));
        for url in release
            .url
            .iter()
            .chain(release.image.iter().filter_map(|i| i.src.as_ref()))
        {
            assert_safe(url);
        }
    }
    for problem in &whole.problems {
        // Every report is short enough to read, whatever the value.
        assert!(problem.to_string().chars().count() < 1_000, "{problem}");
    }
});

fn assert_safe(url: &SafeUrl) {
    let lower = url.as_str().to_ascii_lowercase();
    assert!(
        !lower.starts_with("javascript:")
            && !lower.starts_with("data:")
            && !lower.starts_with("vbscript:"),
        "{lower}"
    );
}
