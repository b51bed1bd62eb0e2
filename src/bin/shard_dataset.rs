//! Splits a dataset (any format Pressline reads) into one Pressline file per year plus an
//! archive manifest, for deploying decades of releases as a sharded archive.
//!
//! Usage: `shard_dataset DATASET.json OUT_DIR` (writes `OUT_DIR/manifest.json` and
//! `OUT_DIR/releases-YYYY.json`; shard URLs in the manifest are relative to it).

use std::process::ExitCode;

use pressline::core::formats::read_any;
use pressline::core::shards::shard_by_year;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: shard_dataset DATASET.json OUT_DIR");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {input}: {error}");
            return ExitCode::from(2);
        }
    };
    let loaded = match read_any(&text) {
        Ok((_, loaded)) => loaded,
        Err(error) => {
            eprintln!("{input}: {error}");
            return ExitCode::from(2);
        }
    };
    for problem in &loaded.problems {
        eprintln!("skipped: {problem}");
    }
    if let Err(error) = std::fs::create_dir_all(out_dir) {
        eprintln!("cannot create {out_dir}: {error}");
        return ExitCode::from(2);
    }
    let mut entries = Vec::new();
    for (year, shard) in shard_by_year(&loaded.dataset) {
        let name = format!("releases-{year}.json");
        let json = serde_json::to_string(&shard).expect("the model always serializes");
        if let Err(error) = std::fs::write(format!("{out_dir}/{name}"), json) {
            eprintln!("cannot write {name}: {error}");
            return ExitCode::from(2);
        }
        let days = shard.releases.iter().map(|r| r.date.calendar_date());
        let (from, to) = (
            days.clone().min().expect("a shard has releases"),
            days.max().expect("a shard has releases"),
        );
        entries.push(serde_json::json!({
            "url": name, "from": from.to_string(), "to": to.to_string(), "count": shard.releases.len(),
        }));
    }
    let manifest = serde_json::json!({ "pressline": 1, "shards": entries });
    let text = serde_json::to_string_pretty(&manifest).expect("JSON values serialize");
    if let Err(error) = std::fs::write(format!("{out_dir}/manifest.json"), text + "\n") {
        eprintln!("cannot write the manifest: {error}");
        return ExitCode::from(2);
    }
    println!(
        "{} releases in {} shards written to {out_dir}",
        loaded.dataset.releases.len(),
        entries.len()
    );
    ExitCode::SUCCESS
}
