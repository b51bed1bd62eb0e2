//! The web crate's modules are layers (see ARCHITECTURE.md): each imports only from the layers
//! below it, and no module imports one that imports it back, directly or through others.
//! This reads the crate's sources and checks both, file by file and directory by directory.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first; `pages::shared` is below the other pages, which do not import
/// each other. A module belongs to the longest prefix listed.
const LAYERS: &[(&str, u32)] = &[
    ("platform", 0),
    ("context", 1),
    ("loader", 2),
    ("pages::shared", 3),
    ("pages::timeline", 4),
    ("pages::release", 4),
    ("pages", 4),
    ("parts", 5),
    ("app", 6),
    ("prerender", 7),
    ("mount", 8),
    ("", 9),
];

/// A crate's modules: path (`pages::timeline::pager`, `` for the root) → source text.
type Sources = BTreeMap<String, String>;

#[test]
fn every_module_imports_only_from_layers_below_and_no_circle() {
    let sources = read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(sources.len() > 40, "read {} modules", sources.len());
    let edges = imports(&sources);
    let problems = check(&edges);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_circle_and_an_import_from_above() {
    let mut sources = Sources::new();
    sources.insert(String::new(), "pub mod platform; pub mod context;".into());
    sources.insert("platform".into(), "pub mod fetch; pub mod slices;".into());
    sources.insert(
        "platform::fetch".into(),
        "use crate::platform::slices::Slices;".into(),
    );
    sources.insert(
        "platform::slices".into(),
        "use crate::platform::fetch::fetch_text;".into(),
    );
    sources.insert("context".into(), "pub mod i18n;".into());
    sources.insert("context::i18n".into(), "pub fn t() {}".into());
    // Reaching up, through a re-export of the parent module.
    sources.insert(
        "platform::fetch".into(),
        "use crate::platform::slices::Slices; use super::super::context::i18n::t;".into(),
    );
    let problems = check(&imports(&sources));
    assert!(
        problems.iter().any(|p| p.contains("circle")
            && p.contains("platform::fetch")
            && p.contains("platform::slices")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("platform::fetch imports context::i18n")),
        "{problems:?}"
    );
}

/// Every `.rs` file under `dir` by module path (the binary's `main.rs` is not a module).
fn read_crate(dir: &Path) -> Sources {
    let mut sources = Sources::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(dir).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("main")) && parts.len() == 1 {
                continue;
            }
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            sources.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
        }
    }
    sources
}

/// The code of a source without its comments (line comments and doc comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            // Not inside a string: the crate's strings with `//` are URLs, never on `use` lines.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which module each module imports: `crate::…` and `super::…` paths, resolved through the
/// re-exports (`pub use child::Name`) of the module they name, to the module that defines what
/// is imported.
fn imports(sources: &Sources) -> BTreeMap<String, BTreeSet<String>> {
    let reexports = reexports(sources);
    let mut edges = BTreeMap::new();
    for (module, text) in sources {
        let mut targets = BTreeSet::new();
        for path in paths(&code(text), module) {
            if let Some(target) = resolve(&path, sources, &reexports) {
                if target != *module {
                    targets.insert(target);
                }
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

/// `module::Name` → the child module it is re-exported from.
fn reexports(sources: &Sources) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for (module, text) in sources {
        for statement in code(text).split(';') {
            let Some(rest) = statement.trim().strip_prefix("pub use ") else {
                continue;
            };
            let Some((child, names)) = rest.split_once("::") else {
                continue;
            };
            let names = names.trim_start_matches('{').trim_end_matches('}');
            for name in names.split(',') {
                let name = name.trim();
                let name = name.rsplit(" as ").next().unwrap_or(name).trim();
                if !name.is_empty() {
                    let child = if module.is_empty() {
                        child.to_owned()
                    } else {
                        format!("{module}::{child}")
                    };
                    found.insert(join(module, name), child);
                }
            }
        }
    }
    found
}

fn join(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_owned()
    } else {
        format!("{module}::{name}")
    }
}

/// Every path a module's code names from its own crate, absolute (`a::b::Name`), expanding
/// `use a::{b, c::D}` groups one level deep.
fn paths(code: &str, module: &str) -> Vec<String> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = [code[at..].find("crate::"), code[at..].find("super::")]
        .into_iter()
        .flatten()
        .min()
    {
        let begin = at + start;
        // Part of a longer name (`$crate::`, `pressline_core::`)?
        if code[..begin].ends_with(|c: char| is_name(c) || c == '$') {
            at = begin + 1;
            continue;
        }
        let end = code[begin..]
            .find(|c: char| !(is_name(c) || c == ':'))
            .map_or(code.len(), |length| begin + length);
        let absolute = absolute(code[begin..end].trim_end_matches(':'), module);
        at = end;
        if code[end..].starts_with('{') {
            let close = code[end..].find('}').map_or(code.len(), |c| end + c);
            for item in code[end + 1..close].split(',') {
                let item = item.split(" as ").next().unwrap_or("").trim();
                if !item.is_empty() && item != "self" {
                    out.push(format!("{absolute}::{item}"));
                }
            }
            at = close;
        }
        out.push(absolute);
    }
    out
}

/// `crate::a::b` → `a::b`; `super::x` from `a::b` → `a::x` (from `a` itself, when `a` is a
/// `mod.rs`, `super` is `a`'s parent too: modules here are files).
fn absolute(path: &str, module: &str) -> String {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
    if segments.first() == Some(&"crate") {
        segments.remove(0);
        return segments.join("::");
    }
    while segments.first() == Some(&"super") {
        segments.remove(0);
        base.pop();
    }
    base.extend(segments);
    base.join("::")
}

/// The module that defines `path`: its longest prefix that is a module, then through that
/// module's re-exports.
fn resolve(path: &str, sources: &Sources, reexports: &BTreeMap<String, String>) -> Option<String> {
    let segments: Vec<&str> = path.split("::").collect();
    for len in (0..=segments.len()).rev() {
        let prefix = segments[..len].join("::");
        if !sources.contains_key(&prefix) {
            continue;
        }
        let mut module = prefix;
        if let Some(name) = segments.get(len) {
            while let Some(child) = reexports.get(&join(&module, name)) {
                if !sources.contains_key(child) || *child == module {
                    break;
                }
                module = child.clone();
            }
        }
        return Some(module);
    }
    None
}

/// The layer of a module: the rank of the longest prefix in [`LAYERS`], and that prefix.
fn layer(module: &str) -> (u32, &'static str) {
    LAYERS
        .iter()
        .filter(|(prefix, _)| {
            prefix.is_empty() || module == *prefix || module.starts_with(&format!("{prefix}::"))
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(prefix, rank)| (*rank, *prefix))
        .unwrap()
}

/// Every broken rule, in words.
fn check(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut problems = Vec::new();
    for (from, targets) in edges {
        let (rank, group) = layer(from);
        for to in targets {
            let (to_rank, to_group) = layer(to);
            let sideways = to_rank == rank && to_group != group && !group.is_empty();
            if to_rank > rank || sideways {
                problems.push(format!(
                    "{from} imports {to}: {group:?} may not import {to_group:?}"
                ));
            }
        }
    }
    problems.extend(
        circles(edges)
            .into_iter()
            .map(|c| format!("circle: {}", c.join(" → "))),
    );
    // The same, directory by directory (`pages::timeline`, `loader`, …).
    let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in edges {
        let from_group = directory(from);
        for to in targets {
            let to_group = directory(to);
            if from_group != to_group && !from_group.is_empty() && !to_group.is_empty() {
                groups
                    .entry(from_group.clone())
                    .or_default()
                    .insert(to_group);
            }
        }
    }
    problems.extend(
        circles(&groups)
            .into_iter()
            .map(|c| format!("circle between directories: {}", c.join(" → "))),
    );
    problems
}

/// The directory a module's file is in, as a module path (`pages::timeline` for
/// `pages::timeline::pager`; a top-level file is its own).
fn directory(module: &str) -> String {
    let (_, group) = layer(module);
    if group.is_empty() {
        module.split("::").next().unwrap_or("").to_owned()
    } else {
        group.to_owned()
    }
}

/// The strongly connected components of more than one module (Tarjan's algorithm).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a str) {
        let n = state.index.len();
        state.index.insert(node, n);
        state.low.insert(node, n);
        state.stack.push(node);
        state.on_stack.insert(node);
        let edges = state.edges;
        for next in edges.get(node).into_iter().flatten() {
            let next = next.as_str();
            if !state.index.contains_key(next) {
                visit(state, next);
                let low = state.low[next].min(state.low[node]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(next) {
                let low = state.index[next].min(state.low[node]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                component.push(top.to_owned());
                if top == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node.as_str()) {
            visit(&mut state, node);
        }
    }
    state.found
}
