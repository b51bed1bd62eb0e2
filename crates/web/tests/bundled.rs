//! The build script's output: the dataset `make build` bundled (`target/bundle/data/releases.json`,
//! written by `pressline bundle`), else the seed as JSON, packed.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::packed::bundle;

/// What `make build` bundled, when it has run.
const BUNDLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../target/bundle/data/releases.json"
);

const SEED: &str = include_str!("../../../public/data/releases.json");

#[test]
fn what_build_rs_wrote_is_the_bundled_dataset_packed() {
    let built = include_bytes!(concat!(env!("OUT_DIR"), "/bundled-dataset.bin"));
    // build.rs reruns when either file changes, so it read the one present now.
    let source = std::fs::read_to_string(BUNDLE).unwrap_or_else(|_| SEED.to_owned());
    assert_eq!(built.as_slice(), bundle(&source).as_slice());
}
