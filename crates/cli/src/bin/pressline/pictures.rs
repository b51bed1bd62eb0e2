//! `--images DIR`, for `bundle` and `publish` alike: the pictures whose `src` is relative are
//! read from `DIR/<src>` and rewritten to name their copies (see
//! [`pressline::publish::images`]), so the app's bundled dataset and the published pages are
//! the same dataset. `publish` then makes the copies.

use std::path::Path;

use pressline::publish::images::{plan_images, ImagePlans};

use crate::args::Args;
use crate::input::Input;
use crate::Failure;

/// With `--images DIR`, plans the copies of `input`'s local pictures and rewrites them, saying
/// on stderr each picture left as it was. The dataset is then written anew rather than copied
/// as it was read (its pictures changed). `None` without `--images`.
pub fn rewrite(args: &Args, input: &mut Input) -> Result<Option<ImagePlans>, Failure> {
    let Some(dir) = args.value("images") else {
        return Ok(None);
    };
    if !Path::new(dir).is_dir() {
        return Err(Failure::stop(format!(
            "--images {dir}: not a folder (the folder pictures' relative addresses start from, \
             e.g. the content folder, whose media/ the editor uploads into)"
        )));
    }
    let plans = plan_images(&mut input.loaded.dataset, Path::new(dir));
    for problem in &plans.problems {
        eprintln!("picture: {problem}");
    }
    if plans.rewritten > 0 {
        input.text = None;
    }
    Ok(Some(plans))
}
