//! Functions a reader can hold: no function in the crates' sources runs over
//! [`MOST_LINES`] lines unless the comments right above it say why (a line with "long because").

use std::path::{Path, PathBuf};

/// The most lines a function may take (from its `fn` line to its closing brace).
const MOST_LINES: usize = 100;

#[test]
fn no_function_is_over_a_hundred_lines_without_a_reason() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["core", "web", "cli", "tools"] {
        rust_files(&crates.join(krate).join("src"), &mut files);
    }
    assert!(files.len() > 100, "found {} files", files.len());
    let mut too_long = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (name, line, length) in long_functions(&text) {
            too_long.push(format!("{}:{line} {name}: {length} lines", file.display()));
        }
    }
    assert!(
        too_long.is_empty(),
        "split these, or say above them why they are long:\n{}",
        too_long.join("\n")
    );
}

#[test]
fn the_check_sees_a_long_function_and_accepts_a_reason() {
    let body = "    let x = 1;\n".repeat(MOST_LINES);
    let long = format!("/// Does a thing.\npub fn thing() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&long),
        [("thing".to_owned(), 2, MOST_LINES + 2)]
    );
    let explained = format!(
        "/// Does a thing.\n// Long because it is one table.\npub fn thing() {{\n{body}}}\n"
    );
    assert!(long_functions(&explained).is_empty());
    let short = "fn a() {\n    b();\n}\n";
    assert!(long_functions(short).is_empty());
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// (name, line, length) of every function over [`MOST_LINES`] lines with no reason above it. A
/// function ends at the first line after it that closes a brace at its own indentation
/// (rustfmt's layout).
fn long_functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(name) = function_name(line) else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue; // A declaration (a trait's, or a foreign one).
        }
        let indent = line.len() - line.trim_start().len();
        let closing = format!("{}}}", " ".repeat(indent));
        let Some(end) = lines[at + 1..].iter().position(|l| *l == closing) else {
            continue;
        };
        let length = end + 2;
        if length > MOST_LINES && !has_reason_above(&lines, at) {
            found.push((name, at + 1, length));
        }
    }
    found
}

/// The function a line starts, if it does.
fn function_name(line: &str) -> Option<String> {
    let mut words = line.split_whitespace().peekable();
    while let Some(word) = words.next() {
        match word {
            "pub" | "pub(crate)" | "pub(super)" | "async" | "const" | "unsafe" | "extern" => {}
            "fn" => {
                let name = words.next()?;
                let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
                return Some(name[..end].to_owned());
            }
            _ => return None,
        }
    }
    None
}

/// True when the comments and attributes right above line `at` say why it is long.
fn has_reason_above(lines: &[&str], at: usize) -> bool {
    lines[..at]
        .iter()
        .rev()
        .map(|line| line.trim())
        .take_while(|line| line.starts_with("//") || line.starts_with("#["))
        .any(|line| line.to_lowercase().contains("long because"))
}
