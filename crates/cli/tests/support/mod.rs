//! Running the `pressline` command from the tests, as a user would.

use std::process::{Command, Output};

/// Runs `pressline` with `args` and waits for it.
pub fn pressline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pressline"))
        .args(args)
        .output()
        .expect("the command runs")
}

/// What the command printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the command printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
