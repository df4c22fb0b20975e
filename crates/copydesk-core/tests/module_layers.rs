//! The engine's modules form layers: no loop of imports, between top-level modules or between
//! files. A loop makes every module in it depend on every other, so none can be read, tested or
//! changed alone (the rule registry and the suppression step once formed one of 17 files).
//!
//! Read from the source text: every `crate::…` and `super::…` path outside test code resolved
//! to the file of the module it names. A file naming its own ancestor (`super::Item` from a
//! child to its `mod.rs`) is the ordinary shape of a Rust module, not a loop, and is left out;
//! so is test code (`tests.rs` files, and everything after a file's `#[cfg(test)]`).

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`["config", "parse"]`) → the file that defines it.
fn module_files(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut modules = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).expect("under src");
            let mut module: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            modules.insert(module, path);
        }
    }
    modules
}

/// The longest prefix of `path` that is a module.
fn resolve<'m>(modules: &'m BTreeMap<Vec<String>, PathBuf>, path: &[String]) -> &'m [String] {
    (0..=path.len())
        .rev()
        .find_map(|n| modules.get_key_value(&path[..n]).map(|(k, _)| k.as_slice()))
        .unwrap_or(&[])
}

/// File-level import edges, ancestors and test code left out.
fn edges(src: &Path) -> BTreeSet<(Vec<String>, Vec<String>)> {
    let modules = module_files(src);
    let path_re = Regex::new(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)*)(::\{([^}]*)\})?")
        .expect("pattern");
    let mut out = BTreeSet::new();
    for (module, file) in &modules {
        if module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("readable file");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for cap in path_re.captures_iter(code) {
            // `super` is the parent module, for `mod.rs` files as for any other.
            let mut base: Vec<String> = if &cap[1] == "crate" {
                Vec::new()
            } else {
                module[..module.len().saturating_sub(1)].to_vec()
            };
            for segment in cap[2].split("::").filter(|s| !s.is_empty()) {
                if segment == "super" {
                    base.pop();
                } else {
                    base.push(segment.to_owned());
                }
            }
            let mut targets = vec![base.clone()];
            if let Some(group) = cap.get(4) {
                for name in group.as_str().split(',') {
                    let name = name.split_whitespace().next().unwrap_or_default();
                    if !name.is_empty() && name != "self" {
                        let mut target = base.clone();
                        target.extend(name.split("::").map(str::to_owned));
                        targets.push(target);
                    }
                }
            }
            for target in targets {
                let target = resolve(&modules, &target).to_vec();
                let is_ancestor = module.starts_with(&target);
                if !is_ancestor && target != *module {
                    out.insert((module.clone(), target));
                }
            }
        }
    }
    out
}

/// A loop in the graph, if there is one, as the modules along it.
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_file_imports_loop_back_to_itself() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges(&src()) {
        graph
            .entry(from.join("::"))
            .or_default()
            .insert(to.join("::"));
    }
    assert!(graph.len() > 20, "the import reader found too little");
    if let Some(cycle) = find_loop(&graph) {
        panic!("import loop between files: {}", cycle.join(" → "));
    }
}

#[test]
fn top_level_modules_form_layers() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges(&src()) {
        let (Some(from), Some(to)) = (from.first(), to.first()) else {
            continue;
        };
        if from != to {
            graph.entry(from.clone()).or_default().insert(to.clone());
        }
    }
    for (from, to) in &graph {
        eprintln!(
            "{from} → {}",
            to.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(cycle) = find_loop(&graph) {
        panic!("import loop between modules: {}", cycle.join(" → "));
    }
    // The declarations sit below everything that names a rule.
    let rules_uses = graph.get("rules").cloned().unwrap_or_default();
    assert!(
        rules_uses.is_empty(),
        "rules must not depend on other modules, but uses {rules_uses:?}"
    );
}

#[test]
fn the_reader_sees_a_planted_loop() {
    // Proof the test can fail: two files naming each other.
    let dir = std::env::temp_dir().join(format!("copydesk-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "pub mod inner;\n").unwrap();
    std::fs::write(dir.join("a/inner.rs"), "use crate::b::Thing;\n").unwrap();
    std::fs::write(dir.join("b.rs"), "use crate::a::{inner::Other};\n").unwrap();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges(&dir) {
        graph
            .entry(from.join("::"))
            .or_default()
            .insert(to.join("::"));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(find_loop(&graph).is_some(), "{graph:?}");
}
