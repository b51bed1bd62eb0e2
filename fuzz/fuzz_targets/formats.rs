//! Format detection and the JSON Feed, WordPress and TimelineJS adapters (with their HTML
//! reading): no panic, and whatever they keep is a valid Pressline release.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline::core::formats::{html_text, read_any};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((_, loaded)) = read_any(text) {
        for release in &loaded.dataset.releases {
            assert!(pressline::core::validate::is_url_safe_id(&release.id));
            assert!(!release.title.trim().is_empty());
        }
    }
    // The HTML readers see raw CMS markup. What they return is text (escaped when shown), so
    // the property here is only that any markup whatever is read without a panic or a hang.
    let _ = html_text::html_to_text(text);
    let _ = html_text::html_to_markdown(text);
});
