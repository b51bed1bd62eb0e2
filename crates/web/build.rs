//! Prepares the dataset bundled into the app for the browser: `target/bundle/data/releases.json`,
//! which `make build` writes with `pressline bundle` from its `DATASET` (the seed's content
//! folder by default, embargoed releases left out), else the seed as JSON
//! (`public/data/releases.json`), so a plain `cargo build` or `cargo test` works too.
//!
//! A dataset with no problems is written in the compact binary of `core::packed`, which the app
//! reads at start-up with neither a JSON parser nor the validator in its first load. Any other
//! (records skipped, or not readable at all) is bundled as its JSON text and read at start-up
//! like a fetched dataset, so every problem is still reported and every valid record kept.

use std::path::PathBuf;
use std::{env, fs};

/// The dataset `make build` bundles (trunk copies it into the build as `data/releases.json`).
const BUNDLE: &str = "../../target/bundle/data/releases.json";

/// The seed as JSON, when nothing was bundled.
const SEED: &str = "../../public/data/releases.json";

fn main() {
    println!("cargo:rerun-if-changed={BUNDLE}");
    println!("cargo:rerun-if-changed={SEED}");
    let dataset = if std::path::Path::new(BUNDLE).exists() {
        BUNDLE
    } else {
        SEED
    };
    let text = fs::read_to_string(dataset).unwrap_or_else(|error| panic!("{dataset}: {error}"));
    let bytes = pressline_core::packed::bundle(&text);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("bundled-dataset.bin"), bytes).expect("OUT_DIR is writable");
}
