//! Prepares the dataset bundled into the app (`public/data/releases.json`) for the browser.
//!
//! A dataset with no problems is written in the compact binary of `core::packed`, which the app
//! reads at start-up with neither a JSON parser nor the validator in its first load. Any other
//! (records skipped, or not readable at all) is bundled as its JSON text and read at start-up
//! like a fetched dataset, so every problem is still reported and every valid record kept.

use std::path::PathBuf;
use std::{env, fs};

/// The bundled dataset, at the top of the repository (trunk copies `public/` into the build).
const DATASET: &str = "../../public/data/releases.json";

fn main() {
    println!("cargo:rerun-if-changed={DATASET}");
    let text = fs::read_to_string(DATASET).unwrap_or_else(|error| panic!("{DATASET}: {error}"));
    let bytes = pressline_core::packed::bundle(&text);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("bundled-dataset.bin"), bytes).expect("OUT_DIR is writable");
}
