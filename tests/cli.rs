//! The `copydesk` binary end to end: formats, exit codes, errors, stdin and baselines.
//!
//! The rule families are written separately, so these tests assert structure that must hold
//! whatever the rules find; the exact rendering of findings is tested in the output modules.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const DRAFT: &str = "examples/draft-story.md";
const CLEAN: &str = "examples/clean-story.md";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn copydesk_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary runs");
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).unwrap();
        }
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().expect("exited normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn copydesk(args: &[&str]) -> Run {
    copydesk_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

fn rank(severity: &str) -> u8 {
    match severity {
        "hint" => 0,
        "info" => 1,
        "warning" => 2,
        "error" => 3,
        other => panic!("unknown severity {other}"),
    }
}

/// 1-based line and column (in characters) of a byte offset, computed the slow obvious way.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

fn assert_range_matches_span(source: &str, item: &Value) {
    let start = item["span"]["start"].as_u64().unwrap() as usize;
    let end = item["span"]["end"].as_u64().unwrap() as usize;
    assert!(
        start <= end && end <= source.len(),
        "span out of the file: {item}"
    );
    assert!(source.is_char_boundary(start) && source.is_char_boundary(end));
    let (line, column) = line_col(source, start);
    assert_eq!(item["range"]["start"]["line"], line, "{item}");
    assert_eq!(item["range"]["start"]["column"], column, "{item}");
    let (line, column) = line_col(source, end);
    assert_eq!(item["range"]["end"]["line"], line, "{item}");
    assert_eq!(item["range"]["end"]["column"], column, "{item}");
}

#[test]
fn json_output_keeps_the_contract() {
    let run = copydesk(&["check", "--format", "json", "--fail-on", "never", DRAFT]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = json(&run);
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["path"], DRAFT);
    assert!(files[0].get("error").is_none());
    let source = std::fs::read_to_string(DRAFT).unwrap();
    let mut counts = [0u64; 4];
    for d in files[0]["diagnostics"].as_array().unwrap() {
        for key in ["rule", "category", "severity", "message"] {
            assert!(
                d[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {d}"
            );
        }
        assert!(copydesk_core::Category::ALL
            .iter()
            .any(|c| c.as_str() == d["category"].as_str().unwrap()));
        assert_range_matches_span(&source, d);
        for related in d["related"].as_array().unwrap() {
            assert!(related["message"].is_string());
            assert_range_matches_span(&source, related);
        }
        assert!(d["suggestion"].is_null() || d["suggestion"].is_string());
        counts[rank(d["severity"].as_str().unwrap()) as usize] += 1;
    }
    let summary = &doc["summary"];
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["hints"], counts[0]);
    assert_eq!(summary["infos"], counts[1]);
    assert_eq!(summary["warnings"], counts[2]);
    assert_eq!(summary["errors"], counts[3]);
}

/// The example story is written to trip every family: each category must show up, so a
/// family that stops finding anything fails here and in the README's first command.
#[test]
fn the_example_draft_story_has_findings_of_every_category() {
    let run = copydesk(&["check", "--format", "json", "--fail-on", "never", DRAFT]);
    let doc = json(&run);
    let diagnostics = doc["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    eprintln!("{DRAFT}: {} findings", diagnostics.len());
    // Every check family; comments about suppression comments are not a check family.
    let families = copydesk_core::Category::ALL
        .into_iter()
        .filter(|c| *c != copydesk_core::Category::Suppression);
    for category in families {
        assert!(
            diagnostics
                .iter()
                .any(|d| d["category"] == category.as_str()),
            "the example draft story has no {category} finding"
        );
    }
}

/// The README promises a draft with one of every problem: every rule must fire on it, so
/// `copydesk check examples/draft-story.md` shows a newcomer everything copydesk knows.
#[test]
fn the_example_draft_story_raises_every_rule() {
    let run = copydesk(&["check", "--format", "json", "--fail-on", "never", DRAFT]);
    let doc = json(&run);
    let raised: std::collections::BTreeSet<String> = doc["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["rule"].as_str().map(str::to_owned))
        .collect();
    let missing: Vec<&str> = copydesk_core::rules::all()
        .map(|rule| rule.id)
        .filter(|id| !raised.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "the example draft raises no {missing:?}"
    );
}

#[test]
fn the_clean_example_story_passes_with_the_default_fail_level() {
    let run = copydesk(&["check", "--color", "never", CLEAN]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // The negative control raises nothing, not even a hint.
    assert!(
        run.stdout
            .contains("1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'));
}

#[test]
fn human_output_is_compiler_style_and_ends_with_a_summary() {
    let run = copydesk(&[
        "check",
        "--color",
        "never",
        "--fail-on",
        "never",
        DRAFT,
        CLEAN,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let last = run.stdout.lines().last().unwrap();
    assert!(last.starts_with("2 files checked: "), "{last}");
    for line in run.stdout.lines().filter(|l| l.starts_with(" --> ")) {
        assert!(
            line.starts_with(&format!(" --> {DRAFT}:"))
                || line.starts_with(&format!(" --> {CLEAN}:"))
        );
    }
    let quiet = copydesk(&[
        "check",
        "--quiet",
        "--color",
        "never",
        "--fail-on",
        "never",
        CLEAN,
    ]);
    assert!(!quiet.stdout.contains("checked"), "{}", quiet.stdout);
}

#[test]
fn exit_status_follows_fail_on() {
    let doc = json(&copydesk(&[
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        DRAFT,
    ]));
    let worst = doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| rank(d["severity"].as_str().unwrap()))
        .max();
    for (level, threshold) in [("hint", 0), ("info", 1), ("warning", 2), ("error", 3)] {
        let run = copydesk(&["check", "--format", "json", "--fail-on", level, DRAFT]);
        let expected = if worst.is_some_and(|w| w >= threshold) {
            1
        } else {
            0
        };
        assert_eq!(run.code, expected, "--fail-on {level}: {}", run.stderr);
    }
    assert_eq!(copydesk(&["check", "--fail-on", "never", DRAFT]).code, 0);
    assert_eq!(
        copydesk(&["check", "--fail-on", "sometimes", DRAFT]).code,
        2
    );
}

/// A folder with good stories and three kinds of bad one: each bad one is named, the good
/// ones are still checked, and the run exits 2.
#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("good.md"),
        "The mayor said the bridge would open in May.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("latin1.txt"),
        b"The caf\xe9 closed, the owner said.\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("story.md")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("missing.md"), root.join("gone.md")).unwrap();

    let run = copydesk_in(root, &["check", "--format", "json", ".", "story.md"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("latin1.txt: not UTF-8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("story.md: no stories found"),
        "{}",
        run.stderr
    );
    #[cfg(unix)]
    assert!(
        run.stderr.contains("gone.md: cannot read"),
        "{}",
        run.stderr
    );
    let doc = json(&run);
    let entry = |path: &str| {
        doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("{path} missing from {doc}"))
            .clone()
    };
    assert!(entry("good.md").get("error").is_none());
    assert!(entry("latin1.txt")["error"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert!(entry("story.md")["error"].is_string());
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files are reported in path order");
}

#[test]
fn a_missing_path_and_a_bad_config_file_exit_2_naming_them() {
    let run = copydesk(&["check", "no/such/story.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/story.md"), "{}", run.stderr);
    let run = copydesk(&["check", "--config", "no-such-config.toml", CLEAN]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-config.toml"), "{}", run.stderr);
}

#[test]
fn stdin_is_checked_under_the_name_given() {
    let story = std::fs::read(DRAFT).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let named = copydesk_in(
        dir,
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--stdin-filename",
            "examples/piped.md",
            "-",
        ],
        Some(&story),
    );
    assert_eq!(named.code, 0, "{}", named.stderr);
    let doc = json(&named);
    assert_eq!(doc["files"][0]["path"], "examples/piped.md");
    // The same text read from stdin or from the file gives the same findings: the name given
    // also picks the configuration (examples/.copydesk.toml for both).
    let from_file = json(&copydesk(&[
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        DRAFT,
    ]));
    assert_eq!(
        doc["files"][0]["diagnostics"],
        from_file["files"][0]["diagnostics"]
    );

    let anonymous = copydesk_in(
        dir,
        &["check", "--format", "json", "-"],
        Some(b"Quiet day.\n"),
    );
    assert_eq!(json(&anonymous)["files"][0]["path"], "<stdin>");
    let binary = copydesk_in(dir, &["check", "-"], Some(b"\xff\xfe\x00"));
    assert_eq!(binary.code, 2);
    assert!(binary.stderr.contains("<stdin>"), "{}", binary.stderr);
}

fn sarif_schema() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/sarif-schema-2.1.0.json"
    ))
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("sarif.json", serde_json::from_str(&text).unwrap())
        .unwrap();
    let index = compiler.compile("sarif.json", &mut schemas).unwrap();
    (schemas, index)
}

#[test]
fn sarif_output_is_schema_valid() {
    let (schemas, index) = sarif_schema();
    // The schema check itself must be able to fail.
    let wrong = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "info", "message": {"text": "m"}}]}]});
    assert!(schemas.validate(&wrong, index).is_err());

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(DRAFT, dir.path().join("draft story.md")).unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xff").unwrap();
    let run = copydesk_in(dir.path(), &["check", "--format", "sarif", "."], None);
    assert_eq!(run.code, 2);
    let doc = json(&run);
    if let Err(error) = schemas.validate(&doc, index) {
        panic!("SARIF output is not schema-valid: {error:#}");
    }
    let run0 = &doc["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "copydesk");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let results = run0["results"].as_array().unwrap();
    assert!(
        !results.is_empty(),
        "the draft story must give SARIF results"
    );
    for result in results {
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "draft%20story.md");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
    }
    let rules = copydesk(&["rules", "--format", "json"]);
    let rule_count = json(&rules).as_array().unwrap().len();
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        rule_count
    );
}

#[test]
fn github_format_prints_only_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(DRAFT, dir.path().join("a,b.md")).unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xff").unwrap();
    let run = copydesk_in(dir.path(), &["check", "--format", "github", "."], None);
    assert_eq!(run.code, 2);
    let pattern = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=[^,:]+::[^\r\n]+$",
    )
    .unwrap();
    for line in run.stdout.lines() {
        assert!(pattern.is_match(line), "not a workflow command: {line}");
    }
    assert!(run
        .stdout
        .contains("::error file=bad.txt,title=copydesk could not check this file::"));
    assert!(run
        .stdout
        .lines()
        .filter(|l| l.contains("line="))
        .all(|l| l.contains("file=a%2Cb.md,")));
}

#[test]
fn a_baseline_hides_known_findings_even_after_an_unrelated_edit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let story = std::fs::read_to_string(DRAFT).unwrap();
    std::fs::write(root.join("story.md"), &story).unwrap();
    let before = json(&copydesk_in(
        root,
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "story.md",
        ],
        None,
    ));
    let known = before["files"][0]["diagnostics"].as_array().unwrap().len();

    let write = copydesk_in(
        root,
        &["check", "--write-baseline", "baseline.json", "story.md"],
        None,
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(baseline["findings"].as_array().unwrap().len(), known);

    // A paragraph added at the top moves every line number.
    std::fs::write(
        root.join("story.md"),
        format!("Editor's note: updated on Tuesday.\n\n{story}"),
    )
    .unwrap();
    let after = copydesk_in(
        root,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "story.md",
        ],
        None,
    );
    assert_eq!(after.code, 0, "{}", after.stdout);
    assert_eq!(
        json(&after)["files"][0]["diagnostics"],
        serde_json::json!([])
    );
    let unfiltered = json(&copydesk_in(
        root,
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "story.md",
        ],
        None,
    ));
    assert_eq!(
        unfiltered["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        known
    );

    std::fs::write(root.join("broken.json"), "{").unwrap();
    let broken = copydesk_in(
        root,
        &["check", "--baseline", "broken.json", "story.md"],
        None,
    );
    assert_eq!(broken.code, 2);
    assert!(broken.stderr.contains("broken.json"), "{}", broken.stderr);
}

#[test]
fn rules_and_explain() {
    let list = copydesk(&["rules", "--format", "json"]);
    assert_eq!(list.code, 0);
    for rule in json(&list).as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        let explained = copydesk(&["explain", id]);
        assert_eq!(explained.code, 0);
        // Examples are indented as blocks; compare their words line by line.
        let flat = |text: &str| -> String {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let shown = flat(&explained.stdout);
        for example in ["wrong", "right"] {
            let text = flat(rule[example].as_str().unwrap());
            assert!(
                shown.contains(&text),
                "{id}: {example} example missing from explain"
            );
        }
    }
    let unknown = copydesk(&["explain", "no-such-rule"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no rule named `no-such-rule`"),
        "{}",
        unknown.stderr
    );
    assert!(copydesk(&["rules"]).code == 0);
}

/// `docs/rules.md` is generated: rerun with `COPYDESK_BLESS=1 cargo test --test cli docs_rules`
/// after changing a rule.
#[test]
fn docs_rules_md_is_current() {
    let generated = copydesk(&["rules", "--format", "markdown"]).stdout;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    if std::env::var_os("COPYDESK_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is stale: run `COPYDESK_BLESS=1 cargo test --test cli docs_rules`"
    );
}
