//! `pressline validate FILE|URL|FOLDER [--json] [--now TIME]`: every problem, with record (or
//! file and line), field and reason; and what an embargo holds back.

use serde_json::json;

use pressline_core::problem::skipped_record_count;

use crate::args::Args;
use crate::embargo::{hold_back, now};
use crate::input::read_dataset;
use crate::Failure;

/// Runs the command. Exit status 0 clean, 1 problems, 2 unreadable.
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &["now"], &["json"])?;
    let source = args.single("FILE, URL or FOLDER")?;
    let as_json = args.flag("json");
    let now = now(&args)?;
    let unreadable = |message: String| {
        if as_json {
            let report = json!({ "source": source, "readable": false, "error": message });
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("JSON values serialize")
            );
            Failure {
                message: String::new(),
                status: 2,
            }
        } else {
            Failure::stop(message)
        }
    };
    let mut input = read_dataset(source).map_err(|failure| unreadable(failure.message))?;
    // Releases under embargo are valid: counted, and listed apart.
    let releases = input.loaded.dataset.releases.len();
    let held = hold_back(&mut input, now);
    let (format, loaded) = (input.format, &input.loaded);
    let problems = &loaded.problems;
    let skipped = skipped_record_count(problems);
    // Dataset-level problems and a kept release's bad optional field cost only that field; a
    // missing recommended field (a picture's `alt`) costs nothing.
    let lost_nothing = problems.iter().filter(|p| p.loses_nothing()).count();
    let dropped = problems
        .iter()
        .filter(|p| !p.skips_record() && !p.loses_nothing())
        .count();
    if as_json {
        let listed: Vec<_> = problems
            .iter()
            .map(|problem| {
                let (file, line) = input.origin(source, problem);
                json!({
                    "record": problem.record.as_ref().map(|r| r.index),
                    "id": problem.record.as_ref().and_then(|r| r.id.clone()),
                    "file": file,
                    "line": line,
                    "field": problem.field,
                    "reason": problem.kind.to_string(),
                    "message": input.describe(problem),
                    "skips_record": problem.skips_record(),
                    "loses_nothing": problem.loses_nothing(),
                })
            })
            .collect();
        let (held_list, next_publication) = held.json();
        let report = json!({
            "source": source,
            "readable": true,
            "format": format.label(),
            "releases": releases,
            "skipped": skipped,
            "fields_dropped": dropped,
            "recommended_missing": lost_nothing,
            "problems": listed,
            "held": held_list,
            "next_publication": next_publication,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("JSON values serialize")
        );
    } else {
        for problem in problems {
            println!("{}", input.describe(problem));
        }
        let only_fields = match (dropped, lost_nothing) {
            (0, 0) => String::new(),
            (n, 0) => format!(" ({n} of them only dropped a field)"),
            (0, m) => format!(" ({m} of them only a recommended field missing)"),
            (n, m) => {
                format!(" ({n} of them only dropped a field, {m} only a recommended field missing)")
            }
        };
        println!(
            "{source}: {} format, {releases} valid releases, {skipped} skipped, {} problems\
             {only_fields}",
            format.label(),
            problems.len()
        );
        for line in held.lines() {
            println!("{line}");
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            message: String::new(),
            status: 1,
        })
    }
}
