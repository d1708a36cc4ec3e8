//! Architecture invariants that a test can hold (see ARCHITECTURE.md): the
//! core names no platform crate or API, and no crate's modules depend on
//! each other in a cycle. Each matcher is also run on examples, so that a
//! spelling it misses is a failing test rather than a silent pass.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates whose modules must form a tree of layers, from the workspace root.
const CRATE_SOURCES: [&str; 3] = ["core/src", "wasm/src", "cli/src"];

/// The core is pure: no crate that knows a browser or a platform may enter
/// its dependencies, so that it builds and behaves the same everywhere.
#[test]
fn core_depends_on_no_platform_crate() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for banned in [
        "wasm-bindgen",
        "web-sys",
        "js-sys",
        "gloo",
        "wasm-bindgen-futures",
        "getrandom",
        "tokio",
    ] {
        assert!(
            !manifest.lines().any(|line| names_dependency(line, banned)),
            "core/Cargo.toml depends on `{banned}`: platform code belongs in wasm/ or cli/"
        );
    }
}

/// The core reads no clock, environment, file or network at run time.
#[test]
fn core_sources_touch_no_platform_api() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (path, text) in rust_files(&src) {
        let found = platform_apis(&text);
        assert!(
            found.is_empty(),
            "core/src/{} uses {}: pass it in as an argument instead",
            path.display(),
            found.join(", ")
        );
    }
}

/// Each crate's modules form layers: no module depends, directly or through
/// others, on a module that depends on it. A cycle means a type sits in the
/// wrong file: move it to a module both can use.
#[test]
fn no_module_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cycles = Vec::new();
    for src in CRATE_SOURCES {
        for cycle in module_cycles(&rust_files(&root.join(src))) {
            cycles.push(format!("{src}{cycle}"));
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that depend on each other (move the type they share to a module both can use):\n{}",
        cycles.join("\n")
    );
}

/// ARCHITECTURE.md maps every source file: a file it does not name is one a
/// newcomer cannot find from it. (Test data, vectors and transcripts are
/// mapped by their folder.)
#[test]
fn every_source_file_is_on_the_map() {
    const SOURCES: [(&str, &[&str]); 6] = [
        ("core/src", &["rs"]),
        ("wasm/src", &["rs"]),
        ("cli/src", &["rs"]),
        ("www", &["js", "css", "html"]),
        ("scripts", &["sh", "mjs", "js", "env"]),
        ("npm", &["mjs", "js", "ts"]),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut missing = Vec::new();
    for (dir, extensions) in SOURCES {
        let mut folders = vec![root.join(dir)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if path.is_dir() {
                    // The demo site's pages are content, mapped as `site/`.
                    if name != "node_modules" && name != "site" {
                        folders.push(path);
                    }
                } else if path
                    .extension()
                    .is_some_and(|ext| extensions.contains(&ext.to_string_lossy().as_ref()))
                    && !map.contains(&name)
                {
                    missing.push(path.strip_prefix(&root).unwrap().display().to_string());
                }
            }
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name these files: {missing:#?}"
    );
}

/// The matchers above, on the spellings they must catch and must let pass.
#[test]
fn the_matchers_catch_every_spelling() {
    for line in [
        "wasm-bindgen = \"0.2\"",
        "wasm-bindgen=\"0.2\"",
        "wasm-bindgen.workspace = true",
        "  wasm-bindgen . workspace = true",
        "wasm-bindgen = { version = \"0.2\", optional = true }",
        "\"wasm-bindgen\" = \"0.2\"",
        "[dependencies.wasm-bindgen]",
        "[target.'cfg(target_arch = \"wasm32\")'.dependencies.wasm-bindgen]",
        "bindgen = { package = \"wasm-bindgen\", version = \"0.2\" }",
        "package=\"wasm-bindgen\"",
    ] {
        assert!(names_dependency(line, "wasm-bindgen"), "missed: {line}");
    }
    for line in [
        "# wasm-bindgen = \"0.2\"",
        "wasm-bindgen-futures = \"0.4\"",
        "[dependencies]",
        "[target.'cfg(target_arch = \"wasm32\")'.dependencies]",
        "serde.workspace = true",
        "name = \"readiness-core\"",
    ] {
        assert!(!names_dependency(line, "wasm-bindgen"), "wrongly caught: {line}");
    }

    assert_eq!(platform_apis("use std::{fs, env};"), ["std::fs", "std::env"]);
    assert_eq!(
        platform_apis("use std::{\n    io::Write,\n    time::{Duration, Instant},\n};"),
        ["std::time"]
    );
    assert_eq!(platform_apis("let home = ::std::env::var(\"HOME\");"), ["std::env"]);
    assert_eq!(platform_apis("use std::net::TcpStream;"), ["std::net"]);
    assert_eq!(platform_apis("let now = SystemTime::now();"), ["SystemTime"]);
    assert_eq!(platform_apis("let t = Instant::now();"), ["Instant::now"]);
    assert!(platform_apis("use std::io::{self, Write};\nuse std::fmt;\nuse std::collections::HashMap;").is_empty());

    let files = |files: &[(&str, &str)]| -> Vec<(PathBuf, String)> {
        files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), text.to_string()))
            .collect()
    };
    let two_way = files(&[
        ("main.rs", "mod a;\nmod b;\nfn main() { a::run(); }"),
        ("a.rs", "use crate::b::Thing;"),
        ("b.rs", "use crate::{a::{self, Other}, c};"),
        ("c.rs", "pub struct C;"),
    ]);
    assert_eq!(module_cycles(&two_way), [": a -> b -> a"]);
    let child_uses_parent = files(&[
        ("main.rs", "mod batch;"),
        ("batch/mod.rs", "mod csv;\nmod source;\npub struct Entry;"),
        ("batch/source.rs", "pub struct Next;"),
        ("batch/csv.rs", "use super::source::Next;\nuse super::Entry;"),
    ]);
    assert_eq!(module_cycles(&child_uses_parent), ["/batch: csv -> self -> csv"]);
    // The root's re-exports are not a layer; test modules are left out.
    let nested = files(&[
        ("lib.rs", "mod batch;\nmod failure;\npub use failure::Failure;"),
        ("failure.rs", "use crate::Failure as Same;"),
        ("batch/mod.rs", "mod csv;\nmod sink;"),
        ("batch/csv.rs", "mod header;\nuse crate::failure::Failure;"),
        ("batch/csv/header.rs", "use super::super::sink::Sink;"),
        (
            "batch/sink.rs",
            "pub struct Sink;\n\n#[cfg(test)]\nmod tests {\n    use crate::batch::csv::header;\n}\n",
        ),
    ]);
    assert!(module_cycles(&nested).is_empty());
    let nested_cycle = files(&[
        ("lib.rs", "mod batch;"),
        ("batch/mod.rs", "mod csv;\nmod sink;"),
        ("batch/csv.rs", "mod header;"),
        ("batch/csv/header.rs", "use super::super::sink::Sink;"),
        ("batch/sink.rs", "use crate::batch::csv::Header;"),
    ]);
    assert_eq!(module_cycles(&nested_cycle), ["/batch: csv -> sink -> csv"]);
}

/// Whether a line of a Cargo manifest declares the dependency `name`, in any
/// of its spellings: `name = …`, `name.workspace = true`, `"name" = …`, a
/// `[dependencies.name]` table, or another name for it (`package = "name"`).
fn names_dependency(line: &str, name: &str) -> bool {
    let line = line.trim();
    if line.starts_with('#') {
        return false;
    }
    if let Some(table) = line.strip_prefix('[') {
        let table = table.trim_end_matches(']').trim();
        return match table.rsplit_once('.') {
            Some((kind, last)) => kind.ends_with("dependencies") && last.trim().trim_matches('"') == name,
            None => false,
        };
    }
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let key = compact.split(['=', '.']).next().unwrap_or_default();
    key.trim_matches('"') == name || compact.contains(&format!("package=\"{name}\""))
}

/// The platform APIs a source text names: each `std::time`, `std::env`,
/// `std::fs` or `std::net` path, however spelt (`use std::{fs, env}` names
/// two), and `SystemTime` and `Instant::now`.
fn platform_apis(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths_after(text, "std") {
        let module = path.first().map(String::as_str).unwrap_or_default();
        let api = format!("std::{module}");
        if ["time", "env", "fs", "net"].contains(&module) && !found.contains(&api) {
            found.push(api);
        }
    }
    for name in ["SystemTime", "Instant::now"] {
        if text.contains(name) {
            found.push(name.to_owned());
        }
    }
    found
}

/// Every `.rs` file under `dir` with its text, by path relative to `dir`.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_owned(), text));
            }
        }
    }
    files.sort();
    files
}

/// The cycles among the modules of one crate's sources, each as the folder
/// it is in and its modules: "/batch: csv -> sink -> csv" ("" is the
/// crate's own folder).
///
/// Each folder is a graph: its nodes are the modules in it (`csv` is
/// `csv.rs`, `csv/` and everything under them), plus `self`, the file that
/// declares them (`batch/mod.rs` or `batch.rs`), which depends on each. An
/// edge is a path in the code (not in a comment or a `#[cfg(test)]` module)
/// that starts `crate::`, `super::` or `self::`: `use crate::batch::sink::X`
/// in `batch/csv/header.rs` is the edge `csv -> sink` in `batch/`. Naming
/// an item of `self` (`super::Entry` in `batch/csv.rs`) is an edge to
/// `self`, which depends back on the child: a cycle. The crate root
/// (`lib.rs`, `main.rs`) is left out: its items are re-exports, not a layer.
fn module_cycles(files: &[(PathBuf, String)]) -> Vec<String> {
    let modules: Vec<Vec<String>> = files.iter().map(|(path, _)| module_path(path)).collect();
    let children = |folder: &[String]| -> BTreeSet<String> {
        modules
            .iter()
            .filter(|module| module.len() > folder.len() && module.starts_with(folder))
            .map(|module| module[folder.len()].clone())
            .collect()
    };
    // Folder → module → the modules it names, in that folder.
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for module in &modules {
        for depth in 1..module.len() {
            let folder = &module[..depth];
            graphs
                .entry(folder.to_vec())
                .or_default()
                .entry("self".to_owned())
                .or_default()
                .insert(module[depth].clone());
        }
    }
    for ((_, text), here) in files.iter().zip(&modules) {
        for named in references(&code(text), here) {
            let shared = here.iter().zip(&named).take_while(|(a, b)| a == b).count();
            if shared == here.len() {
                // A module naming itself or what it declares.
                continue;
            }
            let folder = &here[..shared];
            let to = match named.get(shared) {
                Some(name) if children(folder).contains(name) => name.clone(),
                _ if folder.is_empty() => continue,
                _ => "self".to_owned(),
            };
            graphs
                .entry(folder.to_vec())
                .or_default()
                .entry(here[shared].clone())
                .or_default()
                .insert(to);
        }
    }
    let mut cycles = Vec::new();
    for (folder, graph) in &graphs {
        let folder: String = folder.iter().map(|name| format!("/{name}")).collect();
        for cycle in find_cycles(graph) {
            cycles.push(format!("{folder}: {}", cycle.join(" -> ")));
        }
    }
    cycles
}

/// A file's module as a path from the crate root: `batch/csv.rs` is
/// `[batch, csv]`, `batch/mod.rs` is `[batch]`, `lib.rs` and `main.rs` `[]`.
fn module_path(file: &Path) -> Vec<String> {
    let mut path: Vec<String> = file
        .with_extension("")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = path.last().map(String::as_str);
    if last == Some("mod") || (path.len() == 1 && matches!(last, Some("lib" | "main"))) {
        path.pop();
    }
    path
}

/// The code of a source text: without comments, and without the
/// `#[cfg(test)] mod … { … }` blocks, which rustfmt closes with a `}` at the
/// indentation of their `mod` line.
fn code(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let opens_tests = line.trim() == "#[cfg(test)]"
            && lines.peek().is_some_and(|next| {
                let next = next.trim();
                (next.starts_with("mod ") || next.starts_with("pub mod ")) && next.ends_with('{')
            });
        if opens_tests {
            let indent = &line[..line.len() - line.trim_start().len()];
            let close = format!("{indent}}}");
            lines.by_ref().find(|line| *line == close);
            continue;
        }
        let line = line.split("//").next().unwrap_or_default();
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// The modules and items the code names from its own crate, as paths from
/// the crate root: in `batch/csv.rs`, `crate::failure::Failure` is
/// `[failure, Failure]`, `super::source::{Entry, Next}` is
/// `[batch, source, Entry]` and `[batch, source, Next]`.
fn references(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let parent = &here[..here.len().saturating_sub(1)];
    let mut references = Vec::new();
    for (keyword, base) in [("crate", &[][..]), ("super", parent), ("self", here)] {
        for path in paths_after(code, keyword) {
            let mut full = base.to_vec();
            for name in path {
                match name.as_str() {
                    "super" => {
                        full.pop();
                    }
                    "self" => {}
                    _ => full.push(name),
                }
            }
            references.push(full);
        }
    }
    references
}

/// Every path that starts with `first::` in `code`, without `first`, with
/// `use` groups spelt out: `std::{fs, io::Write}` gives `[fs]` and
/// `[io, Write]`. A path that continues another (`a::std::fs`) is not one.
fn paths_after(code: &str, first: &str) -> Vec<Vec<String>> {
    let start = format!("{first}::");
    let mut paths = Vec::new();
    for (at, _) in code.match_indices(&start) {
        let before = &code[..at];
        let before = before.strip_suffix("::").unwrap_or(before);
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        paths.extend(use_tree(&mut &code[at + start.len()..]));
    }
    paths
}

/// The paths of a `use` tree (or the path of an expression) at the start of
/// `rest`, which it advances: `a::b::C` is one, `{a, b::{c, d}}` three.
fn use_tree(rest: &mut &str) -> Vec<Vec<String>> {
    *rest = rest.trim_start();
    if let Some(inner) = rest.strip_prefix('{') {
        *rest = inner;
        let mut paths = Vec::new();
        loop {
            paths.extend(use_tree(rest));
            *rest = rest.trim_start();
            match rest.strip_prefix(',') {
                Some(after) => *rest = after,
                None => {
                    *rest = rest.strip_prefix('}').unwrap_or(rest);
                    return paths;
                }
            }
            if let Some(after) = rest.trim_start().strip_prefix('}') {
                *rest = after;
                return paths;
            }
        }
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '*'))
        .unwrap_or(rest.len());
    let name = rest[..end].to_owned();
    *rest = &rest[end..];
    if name.is_empty() {
        return vec![Vec::new()];
    }
    match rest.trim_start().strip_prefix("::") {
        Some(after) => {
            *rest = after;
            let mut paths = use_tree(rest);
            for path in &mut paths {
                path.insert(0, name.clone());
            }
            paths
        }
        None => vec![vec![name]],
    }
}

/// The cycles in `graph`, found by a depth-first search: one for each edge
/// back to a module still on the search's path, as the modules on it with
/// the first again at the end.
fn find_cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        cycles: &mut Vec<Vec<String>>,
    ) {
        if let Some(at) = path.iter().position(|on| on == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            cycles.push(cycle);
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, cycles);
        }
        path.pop();
        done.insert(node.to_owned());
    }
    let mut done = BTreeSet::new();
    let mut cycles = Vec::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    cycles
}
