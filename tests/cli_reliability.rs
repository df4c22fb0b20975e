//! The `copydesk` binary against special files, huge files, unsafe names and line ends: each
//! reproduction of the reliability issue is a test here. A run that hangs is killed and fails
//! the test instead of blocking the suite; no test asserts on how long anything takes.

mod common;

use common::run::copydesk_in;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const STORY: &str = "The council met on Tuesday.\n\nCritics say the plan will fail.\n";

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_story_in_a_folder_is_skipped_and_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), STORY).unwrap();
    if !mkfifo(&dir.path().join("x.md")) {
        eprintln!("SKIP: mkfifo is not available");
        return;
    }
    let run = copydesk_in(dir.path(), &["check", "--fail-on", "never", "."], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("x.md: skipped: it is a named pipe (FIFO), not a regular file"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("1 file checked"), "{}", run.stdout);

    // Named on the command line it is an error, still without blocking.
    let run = copydesk_in(dir.path(), &["check", "x.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_ignore_file_does_not_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), STORY).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/b.md"), STORY).unwrap();
    if !mkfifo(&dir.path().join("sub/.gitignore")) {
        eprintln!("SKIP: mkfifo is not available");
        return;
    }
    let run = copydesk_in(dir.path(), &["check", "--fail-on", "never", "."], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("sub: folder skipped: sub/.gitignore is a named pipe"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("1 file checked"), "{}", run.stdout);

    assert!(mkfifo(&dir.path().join(".ignore")));
    let run = copydesk_in(dir.path(), &["check", "."], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(".: not searched: .ignore is a named pipe"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("no stories found"), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("no file checked: 1 file could not be checked"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_as_a_story_and_as_a_configuration() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), STORY).unwrap();
    let run = copydesk_in(dir.path(), &["check", "/dev/zero"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("/dev/zero: not checked: it is a character device"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("no file checked: 1 file could not be checked"),
        "{}",
        run.stdout
    );

    let run = copydesk_in(
        dir.path(),
        &["check", "--config", "/dev/zero", "a.md"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot read the configuration file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_sparse_gigabyte_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.md");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1024 * 1024 * 1024)
        .unwrap();
    let run = copydesk_in(dir.path(), &["check", "huge.md"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "huge.md: not checked: larger than the limit of 20 MB; raise it with --max-size"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_size_limit_is_configurable_and_counts_standard_input_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), STORY.repeat(40)).unwrap();
    let run = copydesk_in(dir.path(), &["check", "--max-size", "1KB", "a.md"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("larger than the limit of 1 KB"),
        "{}",
        run.stderr
    );
    let run = copydesk_in(
        dir.path(),
        &["check", "--max-size", "1KB", "-"],
        Some(STORY.repeat(40).as_bytes()),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("<stdin>: not checked"),
        "{}",
        run.stderr
    );
    let run = copydesk_in(
        dir.path(),
        &["check", "--max-size", "10MB", "--fail-on", "never", "a.md"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = copydesk_in(dir.path(), &["check", "--max-size", "lots", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a size"), "{}", run.stderr);
}

#[test]
fn a_baseline_is_never_written_over_a_story_being_checked() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.md");
    std::fs::write(&story, STORY).unwrap();
    for target in ["story.md", "./story.md"] {
        let run = copydesk_in(
            dir.path(),
            &["check", "story.md", "--write-baseline", target],
            None,
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("which is being checked"),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read_to_string(&story).unwrap(), STORY);
    }
    // Nor over the configuration in use.
    std::fs::write(dir.path().join("house.toml"), "preset = \"ap\"\n").unwrap();
    let run = copydesk_in(
        dir.path(),
        &[
            "check",
            "story.md",
            "--config",
            "house.toml",
            "--write-baseline",
            "house.toml",
        ],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("would overwrite the configuration file"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("house.toml")).unwrap(),
        "preset = \"ap\"\n"
    );
    // A folder being checked protects its stories too.
    let run = copydesk_in(
        dir.path(),
        &["check", ".", "--write-baseline", "story.md"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&story).unwrap(), STORY);
}

#[test]
fn a_run_with_errors_writes_no_baseline_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("story.md"), STORY).unwrap();
    let baseline = dir.path().join("baseline.json");
    let args = [
        "check",
        "story.md",
        "missing.md",
        "--write-baseline",
        "baseline.json",
    ];
    let run = copydesk_in(dir.path(), &args, None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("baseline not written"),
        "{}",
        run.stderr
    );
    assert!(!baseline.exists());

    let mut forced = args.to_vec();
    forced.push("--write-baseline-on-error");
    let run = copydesk_in(dir.path(), &forced, None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    assert!(!written["findings"].as_array().unwrap().is_empty());
    // Nothing but the baseline and the story is left in the folder (no temporary file).
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_as_one() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b.md", dir.path().join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).unwrap();
    let run = copydesk_in(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("a.md: cannot read: it is a symbolic link loop"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_file_name_cannot_inject_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=evil::injected.md";
    std::fs::write(dir.path().join(name), STORY).unwrap();
    std::fs::write(dir.path().join("bad\n::warning::utf8.md"), b"caf\xe9\n").unwrap();
    for format in ["human", "github", "json", "sarif"] {
        let run = copydesk_in(
            dir.path(),
            &["check", "--format", format, "--color", "never", "."],
            None,
        );
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        for line in run.stdout.lines().chain(run.stderr.lines()) {
            assert!(
                !line.starts_with("::error file=evil") && !line.starts_with("::warning::utf8"),
                "{format}: injected line {line:?}"
            );
            if format == "github" && line.starts_with("::") {
                assert!(
                    line.starts_with("::warning file=x%0A%3A%3Aerror")
                        || line.starts_with("::error file=bad%0A%3A%3Awarning")
                        || line.starts_with("::notice file=x%0A"),
                    "{line:?}"
                );
            }
        }
    }
}

/// A JSON or SARIF report without the fields that count bytes.
fn without_byte_offsets(report: &str) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for key in [
                    "span",
                    "byteOffset",
                    "byteLength",
                    "charOffset",
                    "charLength",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(report).expect("a JSON report");
    strip(&mut value);
    value
}

/// Runs every format over the same story saved with each kind of line end, in folders of the
/// same name length so paths do not shift anything.
#[test]
fn lf_crlf_and_lone_cr_give_the_same_output_in_every_format() {
    let story = "# Council vote\n\nThe council met on Tuesday. <!-- editor: check the date -->\n\nCritics say the plan will fail, two officials familiar with the talks said.\n\n<!-- copydesk-disable-next-line vague-attribution -->\nSome experts say it is late.\n\nMayor Ana Ruiz said the vote was close. Later, Ruis said she had no regrets.\n\n~~~~~\n\nThe rest is hidden.\n";
    let dir = tempfile::tempdir().unwrap();
    for (folder, text) in [
        ("lf", story.to_string()),
        ("cr", story.replace('\n', "\r")),
        ("rn", story.replace('\n', "\r\n")),
    ] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("story.md"), text).unwrap();
    }
    for format in ["json", "sarif", "github", "human"] {
        let run = |folder: &str| {
            let run = copydesk_in(
                &dir.path().join(folder),
                &[
                    "check",
                    "--format",
                    format,
                    "--color",
                    "never",
                    "--fail-on",
                    "never",
                    "story.md",
                ],
                None,
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            run.stdout
        };
        let lf = run("lf");
        assert!(
            lf.contains("vague-attribution") && lf.contains("unchecked-text"),
            "{lf}"
        );
        if format == "json" {
            // The suppression comment worked, so it is not reported unused.
            assert!(!lf.contains("unused-suppression"), "{lf}");
        }
        // A lone CR replaces LF byte for byte: everything matches, byte offsets included.
        assert_eq!(run("cr"), lf, "{format}: lone CR differs from LF");
        // CRLF adds a byte per line: lines and columns match, byte offsets move.
        let crlf = run("rn");
        if format == "json" || format == "sarif" {
            assert_eq!(
                without_byte_offsets(&crlf),
                without_byte_offsets(&lf),
                "{format}: CRLF differs from LF"
            );
        } else {
            assert_eq!(crlf, lf, "{format}: CRLF differs from LF");
        }
    }
}
