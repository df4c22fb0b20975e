//! An archive of 10,000 generated stories, checked twice: the reports must be byte for byte
//! the same (parallel checking must not leak into the output order). Larger archives:
//! `examples/gen_archive.rs`.

#[allow(dead_code)]
#[path = "../examples/gen_archive.rs"]
mod gen_archive;

use std::process::Command;

const STORIES: usize = 10_000;

#[test]
fn ten_thousand_stories_twice_give_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    gen_archive::write_archive(dir.path(), STORIES).unwrap();
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["check", "--format", "json", "--fail-on", "never", "."])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    };
    let first = run();
    let second = run();
    assert!(first == second, "two runs over the same archive differ");
    let doc: serde_json::Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(doc["summary"]["files"], STORIES);
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.windows(2).all(|w| w[0] < w[1]),
        "files are in path order"
    );
    let findings: u64 = ["errors", "warnings", "infos", "hints"]
        .iter()
        .map(|k| doc["summary"][k].as_u64().unwrap())
        .sum();
    eprintln!(
        "{STORIES} stories, {} bytes of JSON, {findings} findings",
        first.len()
    );
}
