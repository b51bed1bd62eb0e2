//! `pressline`: the command-line side of Pressline, built on the same pure core as the app.
//!
//! ```text
//! pressline validate FILE|URL [--json]
//! pressline convert FILE --to pressline [--out FILE]
//! pressline shard FILE --out DIR [--by year]
//! pressline publish DATASET --out DIR [--base-url URL] [--feed-size N] [--data-src URL]
//!                   [--threads N] [--quiet]
//! ```
//!
//! Exit status: 0 done (and the data is clean), 1 the data has problems (records were
//! skipped), 2 the input could not be read or the command could not finish.

mod args;
mod convert;
mod input;
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
  pressline validate FILE|URL [--json]
      Every problem in a dataset (any format Pressline reads), with record, field and reason.
      Exit status 0 clean, 1 problems, 2 unreadable.
  pressline convert FILE --to pressline [--out FILE]
      Rewrites a JSON Feed, WordPress REST or TimelineJS file in Pressline's own format.
  pressline shard FILE --out DIR [--by year]
      Splits a dataset into one file per year and an archive manifest.
  pressline publish DATASET --out DIR [--base-url URL] [--feed-size N] [--data-src URL]
                    [--threads N] [--quiet]
      After `trunk build --release`: the timeline's index.html and every release's page,
      rendered by the app's components (which adopt them). With --base-url also link
      previews' addresses, JSON-LD, sitemap.xml, feed.xml (Atom), feed.json, robots.txt.
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
