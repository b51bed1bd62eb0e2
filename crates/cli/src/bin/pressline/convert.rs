//! `pressline convert FILE --to pressline [--out FILE]`: any format Pressline reads, frozen
//! into its own (the format the app bundles).

use pressline_core::problem::skipped_record_count;

use crate::args::Args;
use crate::input::read_dataset;
use crate::Failure;

/// Runs the command. Skipped records are listed on stderr and make the exit status 1 (the
/// output is still written, with every valid record).
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &["to", "out"], &[])?;
    let source = args.single("FILE or URL")?;
    match args.required("to")? {
        "pressline" => {}
        other => {
            return Err(Failure::stop(format!(
                "cannot convert to {other:?}; the one target is `pressline`"
            )))
        }
    }
    let (_, format, loaded) = read_dataset(source)?;
    let mut json =
        serde_json::to_string_pretty(&loaded.dataset).expect("the model always serializes");
    json.push('\n');
    match args.value("out") {
        Some(out) => std::fs::write(out, &json)
            .map_err(|error| Failure::stop(format!("cannot write {out}: {error}")))?,
        None => print!("{json}"),
    }
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    let skipped = skipped_record_count(&loaded.problems);
    eprintln!(
        "{source}: {} → Pressline, {} releases written, {skipped} skipped",
        format.label(),
        loaded.dataset.releases.len()
    );
    if loaded.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            message: String::new(),
            status: 1,
        })
    }
}
