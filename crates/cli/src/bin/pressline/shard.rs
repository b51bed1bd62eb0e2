//! `pressline shard FILE|URL|FOLDER --out DIR [--by year] [--now TIME]`: one Pressline file per
//! year and an archive manifest, for deploying decades of releases as a sharded archive. Releases
//! under embargo at `--now` are in none of them.

use pressline_core::shards::shard_by_year;

use crate::args::Args;
use crate::embargo::{hold_back, now};
use crate::input::read_dataset;
use crate::Failure;

/// Runs the command: writes `DIR/manifest.json` and `DIR/releases-YYYY.json` (shard URLs in
/// the manifest are relative to it).
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(raw, &["out", "by", "now"], &[])?;
    let source = args.single("FILE, URL or FOLDER")?;
    let out_dir = args.required("out")?;
    match args.value("by").unwrap_or("year") {
        "year" => {}
        other => {
            return Err(Failure::stop(format!(
                "cannot shard by {other:?}; shards are by `year`"
            )))
        }
    }
    let now = now(&args)?;
    let mut input = read_dataset(source)?;
    let held = hold_back(&mut input, now);
    for problem in &input.loaded.problems {
        eprintln!("skipped: {}", input.describe(problem));
    }
    for line in held.lines() {
        eprintln!("{line}");
    }
    let loaded = &input.loaded;
    std::fs::create_dir_all(out_dir)
        .map_err(|error| Failure::stop(format!("cannot create {out_dir}: {error}")))?;
    let mut entries = Vec::new();
    for (year, shard) in shard_by_year(&loaded.dataset) {
        let name = format!("releases-{year}.json");
        let json = serde_json::to_string(&shard).expect("the model always serializes");
        std::fs::write(format!("{out_dir}/{name}"), json)
            .map_err(|error| Failure::stop(format!("cannot write {name}: {error}")))?;
        let days = shard.releases.iter().map(|r| r.date.calendar_date());
        let from = days.clone().min().expect("a shard has releases");
        let to = days.max().expect("a shard has releases");
        entries.push(serde_json::json!({
            "url": name, "from": from.to_string(), "to": to.to_string(), "count": shard.releases.len(),
        }));
    }
    let manifest = serde_json::json!({ "pressline": 1, "shards": entries });
    let text = serde_json::to_string_pretty(&manifest).expect("JSON values serialize");
    std::fs::write(format!("{out_dir}/manifest.json"), text + "\n")
        .map_err(|error| Failure::stop(format!("cannot write the manifest: {error}")))?;
    println!(
        "{} releases in {} shards written to {out_dir}",
        loaded.dataset.releases.len(),
        entries.len()
    );
    Ok(())
}
