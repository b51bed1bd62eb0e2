//! `pressline publish DATASET --out DIR [--base-url URL]`: the static, prerendered site over
//! trunk's build (see [`pressline::publish`]).

use std::path::PathBuf;
use std::time::Instant;

use pressline::publish::{publish, Deploy, PublishOptions};
use pressline_core::problem::skipped_record_count;

use crate::args::Args;
use crate::input::read_dataset;
use crate::progress::Progress;
use crate::Failure;

/// How many of the newest releases the feeds carry by default.
const FEED_SIZE: usize = 50;

/// Runs the command and prints a summary line with the time taken and the peak memory.
pub fn run(raw: &[String]) -> Result<(), Failure> {
    let args = Args::parse(
        raw,
        &["out", "base-url", "feed-size", "data-src", "threads"],
        &["quiet"],
    )?;
    let source = args.single("DATASET")?;
    // Without a base URL the pages are prerendered, without anything that needs one.
    let deploy = match args.value("base-url") {
        Some(url) => Some(Deploy::parse(url).map_err(|error| Failure::stop(error.to_string()))?),
        None => None,
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let options = PublishOptions {
        out_dir: PathBuf::from(args.required("out")?),
        deploy,
        feed_size: args.number("feed-size", FEED_SIZE)?,
        data_src: args.value("data-src").map(str::to_owned),
        threads: args.number("threads", threads)?.max(1),
    };
    let started = Instant::now();
    let (text, _, loaded) = read_dataset(source)?;
    for problem in &loaded.problems {
        eprintln!("skipped: {problem}");
    }
    let mut progress = Progress::new(args.flag("quiet"));
    let published = publish(&loaded, &text, &options, &mut |done, total| {
        progress.update(done, total)
    })
    .map_err(|error| Failure::stop(error.to_string()))?;
    let seconds = started.elapsed().as_secs_f64();
    let memory = peak_memory_mb().map_or_else(String::new, |mb| format!(", peak memory {mb} MB"));
    let data = published
        .data_src
        .as_deref()
        .map_or_else(String::new, |src| format!("; the app loads {src}"));
    println!(
        "published {} release pages, the timeline, {} feed entries and {} sitemap URLs ({} file{}) to {} for {} in {seconds:.2} s: {:.1} MB written{memory}{data}",
        published.release_pages,
        published.feed_entries,
        published.sitemap_urls,
        published.sitemap_files,
        if published.sitemap_files == 1 { "" } else { "s" },
        options.out_dir.display(),
        options
            .deploy
            .as_ref()
            .map_or("its own sub-path (no --base-url)", Deploy::base_url),
        published.bytes as f64 / 1e6,
    );
    if published.data_src.is_some()
        && options.data_src.is_none()
        && text.len() as u64 > pressline_core::source::DEFAULT_MAX_BYTES
    {
        eprintln!(
            "note: the app fetches all {:.0} MB of the dataset on every first visit; for a dataset \
             this big, deploy a sharded archive (`pressline shard`) and pass its manifest as \
             --data-src",
            text.len() as f64 / 1e6
        );
    }
    let skipped = skipped_record_count(&loaded.problems);
    if skipped > 0 {
        eprintln!("{skipped} records were skipped (listed above); the pages say so too");
    }
    Ok(())
}

/// The process's peak resident memory in MB (Linux; `None` elsewhere).
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
