//! `copydesk config --show`: the effective configuration as TOML, where it came from, and exit 2
//! on a broken file.

use copydesk::config_file::{load_str, FILE_NAME};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "show-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copydesk(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run copydesk")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const DESK: &str = r#"
preset = "ap"
no_first_reference = ["Obama"]
own_outlets = ["The Daily Ledger"]
exclude = ["drafts"]

[anonymous]
named_body_officials = "unnamed"

[[names]]
preferred = "Kellogg"
variants = ["Kellog"]

[phrases]
anonymous_sources = ["a person in the room"]
vague_attribution_patterns = ['it is (?:widely )?believed']
"#;

#[test]
fn show_prints_the_effective_configuration_and_its_origin() {
    let root = scratch("effective");
    std::fs::create_dir_all(root.join("stories")).unwrap();
    std::fs::write(root.join(FILE_NAME), DESK).unwrap();
    let out = copydesk(&["config", "--show", "stories"], &root);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains(&format!("read from {}", root.join(FILE_NAME).display())),
        "{text}"
    );
    assert!(text.contains("preset = \"ap\""), "{text}");
    assert!(text.contains("no_first_reference = [\"Obama\"]"), "{text}");
    assert!(
        text.contains("own_outlets = [\"The Daily Ledger\"]"),
        "{text}"
    );
    assert!(
        text.contains("named_body_officials = \"unnamed\"  # set in the file"),
        "{text}"
    );
    assert!(text.contains("preferred = \"Kellogg\""), "{text}");
    // The preset's own names are part of the effective configuration.
    assert!(text.contains("preferred = \"Zelenskyy\""), "{text}");
    assert!(text.contains("[[names]]  # preset ap"), "{text}");
    assert!(
        text.contains("anonymous_sources = [\"a person in the room\"]"),
        "{text}"
    );
    assert!(text.contains("it is (?:widely )?believed"), "{text}");
    assert!(
        text.contains("anonymity-boilerplate = \"off\"  # preset ap"),
        "{text}"
    );
    // Every registered rule is listed with its level.
    for rule in copydesk_core::rules::all() {
        assert!(
            text.contains(&format!("\n{} = \"", rule.id)),
            "{} missing:\n{text}",
            rule.id
        );
    }
}

#[test]
fn show_output_loads_back_to_the_same_configuration() {
    let root = scratch("roundtrip");
    std::fs::write(root.join(FILE_NAME), DESK).unwrap();
    let original = load_str(DESK, &root.join(FILE_NAME)).unwrap().config;
    let text = stdout(&copydesk(&["config", "--show"], &root));
    let reloaded = load_str(&text, &root.join(FILE_NAME))
        .unwrap_or_else(|e| panic!("--show output does not load: {e}\n{text}"))
        .config;
    // --show spells out every rule's level; the rest must be identical.
    assert_eq!(reloaded.names, original.names);
    assert_eq!(reloaded.phrases, original.phrases);
    assert_eq!(reloaded.preset, original.preset);
    assert_eq!(reloaded.no_first_reference, original.no_first_reference);
    assert_eq!(reloaded.own_outlets, original.own_outlets);
    assert_eq!(reloaded.anonymous, original.anonymous);
    assert_eq!(
        original.anonymous.named_body_officials,
        copydesk_core::config::NamedBodyOfficials::Unnamed
    );
    assert_eq!(reloaded.exclude, original.exclude);
    for rule in copydesk_core::rules::all() {
        assert_eq!(
            reloaded.rule_level(rule),
            original.rule_level(rule),
            "{}",
            rule.id
        );
    }
}

#[test]
fn explicit_config_file_wins_over_discovery() {
    let root = scratch("explicit");
    std::fs::write(root.join(FILE_NAME), "preset = \"ap\"\n").unwrap();
    std::fs::write(root.join("house.toml"), "preset = \"bbc\"\n").unwrap();
    let out = copydesk(&["config", "--show", "--config", "house.toml"], &root);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("preset = \"bbc\""), "{text}");
    assert!(text.contains("house.toml"), "{text}");
}

#[test]
fn no_file_shows_the_built_in_defaults() {
    let root = scratch("none");
    // Only meaningful when nothing above the scratch folder configures copydesk.
    if copydesk::config_file::find_for(&root).is_some() {
        eprintln!(
            "SKIP: a {FILE_NAME} above {} would be found",
            root.display()
        );
        return;
    }
    let out = copydesk(&["config", "--show"], &root);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("built-in defaults"), "{text}");
    assert!(text.contains("preset = \"none\""), "{text}");
}

#[test]
fn broken_file_prints_the_error_and_exits_2() {
    let root = scratch("broken");
    std::fs::write(root.join(FILE_NAME), "preset = \"ap\"\n\nrulez = 1\n").unwrap();
    let out = copydesk(&["config", "--show"], &root);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{FILE_NAME}:3: unknown key `rulez`")),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let missing = copydesk(&["config", "--show", "--config", "nope.toml"], &root);
    assert_eq!(missing.status.code(), Some(2));
}
