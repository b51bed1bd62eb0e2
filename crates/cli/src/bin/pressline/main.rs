//! `pressline`: the command-line side of Pressline, built on the same pure core as the app.
//!
//! ```text
//! pressline validate FILE|URL|FOLDER [--json] [--now TIME]
//! pressline convert FILE|URL|FOLDER --to pressline|content [--out PATH] [--now TIME]
//! pressline shard FILE|URL|FOLDER --out DIR [--by year] [--now TIME]
//! pressline bundle DATASET --out FILE [--now TIME] [--images DIR]
//! pressline publish DATASET --out DIR [--base-url URL] [--feed-size N] [--data-src URL]
//!                   [--threads N] [--quiet] [--now TIME] [--images DIR [--image-cache DIR]]
//! ```
//!
//! A FOLDER is a content folder: `site.yml` and `releases/*.md` (releases as Markdown files).
//! Releases under embargo at `--now` (by default the system's clock) are left out of everything
//! written.
//!
//! Exit status: 0 done (and the data is clean), 1 the data has problems (records were
//! skipped), 2 the input could not be read or the command could not finish.

mod args;
mod bundle;
mod convert;
mod embargo;
mod input;
mod pictures;
mod progress;
mod publish;
mod shard;
mod validate;

use std::process::ExitCode;

/// What every command's failure carries: a message for stderr, and the exit status.
pub struct Failure {
    /// Said on stderr, after "pressline: ".
    pub message: String,
    /// 1 for problems in the data, 2 for anything that stopped the command.
    pub status: u8,
}

impl Failure {
    /// A failure that stopped the command (exit status 2).
    pub fn stop(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            status: 2,
        }
    }
}

const USAGE: &str = "\
usage:
  pressline validate FILE|URL|FOLDER [--json] [--now TIME]
      Every problem in a dataset (any format Pressline reads, or a content folder of Markdown
      files: site.yml and releases/*.md), with record (or file and line), field and reason;
      and the releases an embargo holds back. Exit status 0 clean, 1 problems, 2 unreadable.
  pressline convert FILE|URL|FOLDER --to pressline|content [--out PATH] [--now TIME]
      Rewrites an RSS or Atom feed, a spreadsheet (CSV/TSV), a JSON Feed, WordPress posts,
      a TimelineJS file or a content folder in Pressline's own format (--to pressline), or
      as a content folder (--to content --out DIR).
  pressline shard FILE|URL|FOLDER --out DIR [--by year] [--now TIME]
      Splits a dataset into one file per year and an archive manifest.
  pressline bundle DATASET --out FILE [--now TIME] [--images DIR]
      The dataset text the app's build bundles (make build runs it): what publish gives
      the app for the same dataset (and the same --images). Written only when it changed.
  pressline publish DATASET --out DIR [--base-url URL] [--feed-size N] [--data-src URL]
                    [--threads N] [--quiet] [--now TIME] [--images DIR [--image-cache DIR]]
      After `trunk build --release`: the timeline's index.html and every release's page,
      rendered by the app's components (which adopt them). With --base-url also link
      previews' addresses, JSON-LD, sitemap.xml, feed.xml (Atom), feed.json, robots.txt.
      With --images, pictures with a relative src are read from DIR/<src> and published
      as copies 480 to 1920 pixels wide (JPEG and WebP, upright, without metadata) in
      images/, and a full-size JPEG to download; --image-cache keeps the copies between
      builds.

  Every command leaves out the releases whose embargo_until is after --now (an RFC 3339
  date-time with offset, or YYYY-MM-DD; by default the system's clock).
";

fn main() -> ExitCode {
    let mut arguments = std::env::args().skip(1);
    let command = arguments.next().unwrap_or_default();
    let rest: Vec<String> = arguments.collect();
    let result = match command.as_str() {
        "validate" => validate::run(&rest),
        "convert" => convert::run(&rest),
        "shard" => shard::run(&rest),
        "publish" => publish::run(&rest),
        "bundle" => bundle::run(&rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        "" => Err(Failure::stop(format!("no command given\n{USAGE}"))),
        other => Err(Failure::stop(format!("unknown command {other:?}\n{USAGE}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("pressline: {}", failure.message);
            }
            ExitCode::from(failure.status)
        }
    }
}
