//! `pressline validate FILE|URL [--json]`: every problem, with record, field and reason.

use serde_json::json;

use pressline_core::formats::read_any;
use pressline_core::problem::skipped_record_count;

use crate::args::Args;
use crate::input::read_text;
use crate::Failure;

/// Runs the command. Exit status 0 clean, 1 problems, 2 unreadable.
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &[], &["json"])?;
    let source = args.single("FILE or URL")?;
    let as_json = args.flag("json");
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
    let text = read_text(source).map_err(|failure| unreadable(failure.message))?;
    let (format, loaded) =
        read_any(&text).map_err(|error| unreadable(format!("{source}: {error}")))?;
    let problems = &loaded.problems;
    let skipped = skipped_record_count(problems);
    // Dataset-level problems and a kept release's bad optional field cost only that field.
    let dropped = problems.iter().filter(|p| !p.skips_record()).count();
    let releases = loaded.dataset.releases.len();
    if as_json {
        let listed: Vec<_> = problems
            .iter()
            .map(|problem| {
                json!({
                    "record": problem.record.as_ref().map(|r| r.index),
                    "id": problem.record.as_ref().and_then(|r| r.id.clone()),
                    "field": problem.field,
                    "reason": problem.kind.to_string(),
                    "skips_record": problem.skips_record(),
                })
            })
            .collect();
        let report = json!({
            "source": source,
            "readable": true,
            "format": format.label(),
            "releases": releases,
            "skipped": skipped,
            "fields_dropped": dropped,
            "problems": listed,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("JSON values serialize")
        );
    } else {
        for problem in problems {
            println!("{problem}");
        }
        println!(
            "{source}: {} format, {releases} valid releases, {skipped} skipped, {} problems \
             ({dropped} of them only dropped a field)",
            format.label(),
            problems.len()
        );
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
