//! The one-way flow of ARCHITECTURE.md, checked: every library module may use only the modules
//! this table allows (what it reads from, never what reads from it). The table is the
//! architecture; a new module, or a new use against the flow, fails here until the table and
//! ARCHITECTURE.md say why.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules of the crate it may use. Leaves first, front ends last.
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("error", &[]),
    ("fsutil", &[]),
    ("faults", &[]),
    ("number", &[]),
    // The metrics' names and one-line recording calls: anything may record.
    ("metrics", &["fsutil"]),
    ("calendar", &["domain"]),
    ("policy", &["domain", "number"]),
    ("person", &["domain", "fsutil", "number"]),
    ("audit", &["faults", "fsutil", "metrics"]),
    ("journal", &["domain", "fsutil", "faults", "metrics"]),
    ("sources", &["domain", "fsutil", "number", "person"]),
    (
        "import",
        &["domain", "faults", "fsutil", "number", "person", "sources"],
    ),
    ("generation", &["domain", "fsutil", "person"]),
    (
        "build",
        &[
            "domain",
            "fsutil",
            "generation",
            "journal",
            "number",
            "person",
            "sources",
        ],
    ),
    (
        "engine",
        &["domain", "generation", "number", "person", "policy"],
    ),
    (
        "synth",
        &["domain", "fsutil", "number", "person", "sources"],
    ),
    (
        "config",
        &["audit", "calendar", "domain", "number", "person", "policy"],
    ),
    ("auth", &["config", "domain", "error"]),
    ("admission", &["auth", "config", "metrics"]),
    (
        "app",
        &[
            "admission",
            "audit",
            "auth",
            "build",
            "calendar",
            "config",
            "domain",
            "engine",
            "error",
            "fsutil",
            "generation",
            "journal",
            "number",
            "person",
            "policy",
            "sources",
        ],
    ),
    (
        "session",
        &[
            "app", "audit", "auth", "domain", "engine", "error", "metrics", "number", "person",
        ],
    ),
    (
        "status",
        &["app", "auth", "domain", "error", "generation", "journal"],
    ),
    // The proof of wash as a centre reads it.
    ("proof", &["app", "audit", "auth", "error"]),
    // The console's accounts: a user authenticates into a principal of the configuration.
    ("users", &["auth", "config", "domain", "fsutil"]),
    (
        "leads",
        &["engine", "error", "person", "session", "sources"],
    ),
    (
        "service",
        &[
            "admission",
            "app",
            "auth",
            "calendar",
            "domain",
            "engine",
            "error",
            "generation",
            "journal",
            "leads",
            "metrics",
            "person",
            "session",
        ],
    ),
    // The HTTP API: a front end beside `service`, whose listener error and bind it shares.
    (
        "http",
        &[
            "admission",
            "app",
            "audit",
            "auth",
            "calendar",
            "domain",
            "engine",
            "error",
            "journal",
            "leads",
            "metrics",
            "person",
            "service",
            "session",
            "sources",
            "status",
        ],
    ),
    // The web console: a front end beside `http`, whose error statuses it shares.
    (
        "console",
        &[
            "app", "audit", "auth", "calendar", "domain", "engine", "error", "http", "journal",
            "leads", "metrics", "proof", "session", "sources", "status", "users",
        ],
    ),
];

/// The crate modules a file uses: `crate::m` paths and `use crate::{m, …}` groups, outside
/// comments (doc links may name any module) and outside its unit tests (a test may set up
/// with anything; by convention they close the file after `#[cfg(test)]`, or, in a module
/// that is a folder, are its `tests.rs`, which the caller skips).
fn uses(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e}}`: the first segment of each top-level item.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.insert(first_segment(&item));
        } else {
            out.insert(first_segment(rest));
        }
    }
    out.retain(|m| !m.is_empty() && m != "self");
    // `crate::fault!` is the faults module's macro, exported at the crate root.
    if out.remove("fault") {
        out.insert("faults".to_owned());
    }
    out
}

fn first_segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn library_modules_use_only_what_flows_into_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, deps)| (*m, deps.iter().copied().collect()))
        .collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let module: String = relative
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .unwrap_or_default();
        // The binary (cli/, main.rs) is the outermost front end; lib.rs only declares.
        if ["cli", "main", "lib"].contains(&module.as_str()) {
            continue;
        }
        // A folder module's unit tests (`#[cfg(test)] mod tests;`) may set up with anything.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        let Some(may) = allowed.get(module.as_str()) else {
            problems.push(format!(
                "module `{module}` ({}) is not in the table of tests/architecture.rs: add it with what it may use, and to ARCHITECTURE.md",
                relative.display()
            ));
            continue;
        };
        for used in uses(&text) {
            if used != module && !may.contains(used.as_str()) {
                problems.push(format!(
                    "{} uses `crate::{used}`, which `{module}` may not use (against the flow of ARCHITECTURE.md)",
                    relative.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_import_reader_sees_grouped_and_nested_uses() {
    let text = "use crate::{domain::Day, engine::{self, Facts}, error};\n// crate::service in a comment\nfn f() { crate::number::x(); }";
    let got: Vec<String> = uses(text).into_iter().collect();
    assert_eq!(got, ["domain", "engine", "error", "number"]);
}
