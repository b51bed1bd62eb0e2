//! `pressline convert FILE|URL|FOLDER --to pressline|content [--out PATH] [--now TIME]`: any
//! format Pressline reads, frozen into its own JSON (the format the app bundles), or written out
//! as a content folder of Markdown files. Releases under embargo at `--now` are left out: a
//! converted file is meant to be served, and whatever is served is public.

use std::path::Path;

use pressline_core::content::{read_content, write_content, ContentFile, RELEASES_DIR};
use pressline_core::problem::skipped_record_count;
use pressline_core::Dataset;

use crate::args::Args;
use crate::embargo::{hold_back, now};
use crate::input::read_dataset;
use crate::Failure;

/// `dataset` as Pressline's JSON, as `convert --to pressline` writes it (and `publish` for a
/// dataset it cannot copy as it was read).
pub fn pressline_json(dataset: &Dataset) -> String {
    let mut json = serde_json::to_string_pretty(dataset).expect("the model always serializes");
    json.push('\n');
    json
}

/// Runs the command. Skipped records are listed on stderr and make the exit status 1 (the
/// output is still written, with every valid record).
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &["to", "out", "now"], &[])?;
    let source = args.single("FILE, URL or FOLDER")?;
    let to_content = match args.required("to")? {
        "pressline" => false,
        "content" => true,
        other => {
            return Err(Failure::stop(format!(
                "cannot convert to {other:?}; the targets are `pressline` (one JSON file) and \
                 `content` (a folder of Markdown files)"
            )))
        }
    };
    let out = args.value("out");
    if to_content && out.is_none() {
        return Err(Failure::stop(
            "--to content writes a folder: give it with --out DIR",
        ));
    }
    let now = now(&args)?;
    let mut input = read_dataset(source)?;
    let held = hold_back(&mut input, now);
    let dataset = &input.loaded.dataset;
    match out {
        Some(dir) if to_content => write_folder(dir, dataset)?,
        Some(out) => std::fs::write(out, pressline_json(dataset))
            .map_err(|error| Failure::stop(format!("cannot write {out}: {error}")))?,
        None => print!("{}", pressline_json(dataset)),
    }
    for problem in &input.loaded.problems {
        eprintln!("{}", input.describe(problem));
    }
    for line in held.lines() {
        eprintln!("{line}");
    }
    let skipped = skipped_record_count(&input.loaded.problems);
    let held_back = match held.held.len() {
        0 => String::new(),
        n => format!(", {n} held back by embargo"),
    };
    eprintln!(
        "{source}: {} → {}, {} releases written, {skipped} skipped{held_back}",
        input.format.label(),
        if to_content {
            "content folder"
        } else {
            "Pressline"
        },
        dataset.releases.len()
    );
    if input.loaded.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            message: String::new(),
            status: 1,
        })
    }
}

/// Writes `dataset` as a content folder in `dir`: `site.yml` and `releases/<id>.md`. A folder
/// whose `releases/` already has files is refused: old files would mix with the new ones.
fn write_folder(dir: &str, dataset: &Dataset) -> Result<(), Failure> {
    let dir = Path::new(dir);
    let releases = dir.join(RELEASES_DIR);
    let occupied = std::fs::read_dir(&releases)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied {
        return Err(Failure::stop(format!(
            "{} already has files; convert into a new folder",
            releases.display()
        )));
    }
    let files = write_content(dataset);
    check_round_trip(dataset, &files)?;
    std::fs::create_dir_all(&releases)
        .map_err(|error| Failure::stop(format!("cannot create {}: {error}", releases.display())))?;
    for file in &files {
        let path = dir.join(&file.path);
        std::fs::write(&path, &file.text)
            .map_err(|error| Failure::stop(format!("cannot write {}: {error}", path.display())))?;
    }
    Ok(())
}

/// Reads the files back before any is written: they must give the same dataset (in the files'
/// order), or nothing is written. A guard against a text the YAML writer quotes wrongly.
fn check_round_trip(dataset: &Dataset, files: &[ContentFile]) -> Result<(), Failure> {
    let (site, releases) = files.split_first().expect("site.yml comes first");
    let read = read_content(Some(site), releases);
    let mut expected = dataset.clone();
    let mut order: Vec<(&str, usize)> = releases
        .iter()
        .enumerate()
        .map(|(i, file)| (file.path.as_str(), i))
        .collect();
    order.sort();
    expected.releases = order
        .iter()
        .map(|&(_, i)| dataset.releases[i].clone())
        .collect();
    // A recommended field the dataset lacks (a picture's `alt`) is said again, and costs
    // nothing.
    let lost = read.loaded.problems.iter().find(|p| !p.loses_nothing());
    if lost.is_none() && read.loaded.dataset == expected {
        return Ok(());
    }
    let problem = lost.map_or_else(|| "a release differs".to_owned(), |p| read.describe(p));
    Err(Failure::stop(format!(
        "the Markdown files would not read back as the same dataset ({problem}); nothing was \
         written. Please report this"
    )))
}
