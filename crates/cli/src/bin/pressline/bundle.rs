//! `pressline bundle DATASET --out FILE [--now TIME] [--images DIR]`: the dataset text the app's
//! build bundles (`make build` runs it before trunk): exactly the text `publish` gives the app
//! for the same dataset (and the same `--images`), so the pages it prerenders and the app that
//! adopts them read the same releases. Written only when it changed, so an unchanged dataset
//! does not rebuild the app.

use std::fs;

use crate::args::Args;
use crate::embargo::{hold_back, now};
use crate::input::read_dataset;
use crate::pictures;
use crate::publish::app_text;
use crate::Failure;

/// Runs the command: problems and held-back releases are said on stderr; a dataset that cannot
/// be read at all fails.
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &["out", "now", "images"], &[])?;
    let source = args.single("FILE, URL or FOLDER")?;
    let out = args.required("out")?;
    let now = now(&args)?;
    let mut input = read_dataset(source)?;
    let held = hold_back(&mut input, now);
    for problem in &input.loaded.problems {
        eprintln!("{}", input.describe(problem));
    }
    // The pictures' copies are named as `publish --images` makes them; only headers are read.
    pictures::rewrite(&args, &mut input)?;
    for line in held.lines() {
        eprintln!("{line}");
    }
    let (text, _) = app_text(input, &held);
    if fs::read(out).ok().as_deref() != Some(text.as_bytes()) {
        if let Some(parent) = std::path::Path::new(out).parent() {
            fs::create_dir_all(parent).map_err(|error| {
                Failure::stop(format!("cannot create {}: {error}", parent.display()))
            })?;
        }
        fs::write(out, &text)
            .map_err(|error| Failure::stop(format!("cannot write {out}: {error}")))?;
    }
    Ok(())
}
