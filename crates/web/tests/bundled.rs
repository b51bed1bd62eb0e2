//! The web crate's build script bundles the seed dataset in the core's packed form.
#![cfg(not(target_arch = "wasm32"))]

use pressline_core::packed::bundle;

const SEED: &str = include_str!("../../../public/data/releases.json");

#[test]
fn what_build_rs_wrote_is_the_seed_bundled() {
    let built = include_bytes!(concat!(env!("OUT_DIR"), "/bundled-dataset.bin"));
    assert_eq!(built.as_slice(), bundle(SEED).as_slice());
}
