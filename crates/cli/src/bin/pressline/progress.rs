//! Progress on stderr: a redrawn bar on a terminal, a line every 10 % otherwise (CI logs).

use std::io::{IsTerminal, Write};
use std::time::Instant;

/// Reports `done` of `total` pages.
pub struct Progress {
    terminal: bool,
    quiet: bool,
    started: Instant,
    last_tenth: usize,
}

impl Progress {
    /// Silent when `quiet`; below 1,000 pages only the summary is worth printing.
    pub fn new(quiet: bool) -> Self {
        Self {
            terminal: std::io::stderr().is_terminal(),
            quiet,
            started: Instant::now(),
            last_tenth: 0,
        }
    }

    /// Shows the progress so far.
    pub fn update(&mut self, done: usize, total: usize) {
        if self.quiet || total < 1000 {
            return;
        }
        let percent = done * 100 / total;
        let mut stderr = std::io::stderr().lock();
        if self.terminal {
            const WIDTH: usize = 30;
            let filled = done * WIDTH / total;
            let _ = write!(
                stderr,
                "\r[{}{}] {done}/{total} release pages ({percent}%), {:.1} s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                self.started.elapsed().as_secs_f64()
            );
            if done == total {
                let _ = writeln!(stderr);
            }
        } else if percent / 10 > self.last_tenth || (done == total && self.last_tenth < 10) {
            self.last_tenth = percent / 10;
            let _ = writeln!(
                stderr,
                "{done}/{total} release pages ({percent}%), {:.1} s",
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}
