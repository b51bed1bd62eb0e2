//! Format detection and the JSON Feed, WordPress, TimelineJS, RSS, Atom and spreadsheet (CSV,
//! TSV) adapters (with their HTML reading and the feeds' encodings), the sharded archive's
//! manifest and a UI catalogue: no panic, and whatever they keep is valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressline_core::formats::{html_text, read_any};
use pressline_core::i18n::{CatalogueJson, Language};
use pressline_core::shards::{is_manifest, parse_manifest};

fuzz_target!(|data: &[u8]| {
    // A feed's bytes in whatever encoding its prolog declares.
    let _ = pressline_core::formats::feed::decode(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Spreadsheets are told by their header row alone; `read_any` below reads them.
    let _ = pressline_core::formats::looks_like_spreadsheet(text);
    if let Ok((_, loaded)) = read_any(text) {
        for release in &loaded.dataset.releases {
            assert!(pressline_core::validate::is_url_safe_id(&release.id));
            assert!(!release.title.trim().is_empty());
        }
    }
    // The HTML readers see raw CMS markup. What they return is text (escaped when shown), so
    // the property here is only that any markup whatever is read without a panic or a hang.
    let _ = html_text::html_to_text(text);
    let _ = html_text::html_to_markdown(text);
    // A manifest names its shards relative to itself: they stay on the web.
    if is_manifest(text) {
        if let Ok(manifest) = parse_manifest(text, "https://data.example.org/archive/manifest.json")
        {
            for shard in &manifest.shards {
                assert!(
                    shard.url.starts_with("https://") || shard.url.starts_with("http://"),
                    "{}",
                    shard.url
                );
            }
        }
    }
    // A UI catalogue: every field is looked up as the app does. (Not `Messages::from_json`,
    // which keeps the strings for the program's life on purpose, a leak libFuzzer would flag.)
    if let Ok(catalogue) = CatalogueJson::parse(text) {
        let english = Language::En.messages();
        for (name, _) in english.texts() {
            let _ = catalogue.text(name);
        }
        for (name, _) in english.plurals() {
            for category in ["zero", "one", "two", "few", "many", "other"] {
                let _ = catalogue.plural_form(name, category);
            }
        }
    }
});
