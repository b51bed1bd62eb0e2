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
        let pictures = release.image.iter().chain(&release.images);
        for url in release.url.iter().chain(pictures.flat_map(|image| {
            image
                .src
                .iter()
                .chain(image.sizes.iter().map(|size| &size.src))
        })) {
            assert_safe(url);
        }
        for image in release.image.iter().chain(&release.images) {
            assert!(image.width != Some(0) && image.height != Some(0));
            assert!(image.sizes.iter().all(|size| size.width > 0));
        }
        // A translation has a language, and no other version of its story has the same one.
        if let Some(key) = &release.translation_key {
            let lang = whole
                .dataset
                .language_of(release)
                .expect("a version has a language");
            let same = whole.dataset.releases.iter().filter(|other| {
                other.translation_key.as_ref() == Some(key)
                    && whole
                        .dataset
                        .language_of(other)
                        .is_some_and(|other_lang| other_lang.eq_ignore_ascii_case(lang))
            });
            assert_eq!(same.count(), 1, "{key}");
        }
        for contact in whole.dataset.contacts.iter().chain(&release.contacts) {
            assert!(!contact.name.trim().is_empty());
            assert!(contact
                .languages
                .iter()
                .all(|tag| pressline_core::validate::is_language_tag(tag)));
            // A vCard is always written, every line within RFC 6350's 75 octets.
            let card = pressline_core::vcard::vcard(contact, whole.dataset.organization.as_ref());
            assert!(card.split("\r\n").all(|line| line.len() <= 75), "{card}");
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
