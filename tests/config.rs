//! `.copydesk.toml`: every key with good and bad values, error lines, discovery, file globs.

use copydesk_core::rules;
use copydesk::config_file::{discover_for, load_file, load_str, ConfigError, FILE_NAME};
use copydesk_core::config::{HousePreset, RuleLevel};
use copydesk_core::Severity;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder under cargo's per-target scratch space.
fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "config-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn load(text: &str) -> Result<copydesk::config_file::Loaded, ConfigError> {
    load_str(text, Path::new("/desk/.copydesk.toml"))
}

fn error(text: &str) -> ConfigError {
    match load(text) {
        Ok(loaded) => panic!("expected an error for:\n{text}\ngot {:?}", loaded.config),
        Err(e) => e,
    }
}

/// The error names the file, the line and the key in its message.
fn assert_error(text: &str, line: usize, key: &str, needle: &str) {
    let e = error(text);
    let shown = e.to_string();
    assert_eq!(e.line, Some(line), "{shown}");
    assert_eq!(e.key.as_deref(), Some(key), "{shown}");
    assert!(
        shown.starts_with(&format!("/desk/.copydesk.toml:{line}: ")),
        "{shown}"
    );
    assert!(shown.contains(needle), "`{needle}` not in: {shown}");
}

#[test]
fn empty_file_is_the_default_configuration() {
    let loaded = load("").unwrap();
    assert_eq!(loaded.config, copydesk_core::Config::default());
}

#[test]
fn unknown_top_level_key_names_key_line_and_choices() {
    assert_error(
        "preset = \"ap\"\n\n# comment\nrulez = {}\n",
        4,
        "rulez",
        "unknown key `rulez` in the top level; expected one of preset, rules, names",
    );
}

#[test]
fn invalid_toml_reports_its_line() {
    let e = error("preset = \"ap\"\nrules = [\n");
    assert!(e.line.is_some(), "{e}");
    assert!(e.to_string().contains("not valid TOML"), "{e}");
}

#[test]
fn every_preset_is_accepted() {
    for preset in HousePreset::ALL {
        let loaded = load(&format!("preset = \"{}\"", preset.as_str())).unwrap();
        assert_eq!(loaded.config.preset, preset);
    }
}

#[test]
fn bad_preset_values() {
    assert_error(
        "\npreset = \"guardian\"",
        2,
        "preset",
        "unknown preset `guardian`; expected one of none, ap, reuters, nyt, bbc",
    );
    assert_error(
        "preset = 3",
        1,
        "preset",
        "must be a string, not an integer",
    );
}

#[test]
fn preset_sets_style_dependent_rules_and_names() {
    let ap = load("preset = \"ap\"").unwrap().config;
    assert!(ap
        .preset
        .disabled_rules()
        .contains(&"anonymity-boilerplate"));
    assert!(ap.names.iter().any(|n| n.preferred == "Zelenskyy"));
    let nyt = load("preset = \"nyt\"").unwrap().config;
    assert!(nyt.names.iter().any(|n| n.preferred == "Zelensky"));
    assert!(!nyt
        .preset
        .disabled_rules()
        .contains(&"anonymity-boilerplate"));
    let none = load("").unwrap().config;
    assert!(none.names.is_empty());
}

#[test]
fn desk_name_replaces_the_preset_entry_for_the_same_person() {
    let config =
        load("preset = \"ap\"\n[[names]]\npreferred = \"Zelensky\"\nvariants = [\"Zelenskyy\"]\n")
            .unwrap()
            .config;
    let zel: Vec<_> = config
        .names
        .iter()
        .filter(|n| n.preferred.starts_with("Zelensk"))
        .collect();
    assert_eq!(zel.len(), 1);
    assert_eq!(zel[0].preferred, "Zelensky");
    // The preset's other names stay.
    assert!(config.names.iter().any(|n| n.preferred == "Kyiv"));
}

#[test]
fn rules_table_accepts_levels_for_registered_rules() {
    let Some(rule) = rules::all().next() else {
        eprintln!("SKIP: the rule registry is empty in this build; no rule id to set");
        return;
    };
    for (word, level) in [
        ("off", RuleLevel::Off),
        ("hint", RuleLevel::Severity(Severity::Hint)),
        ("info", RuleLevel::Severity(Severity::Info)),
        ("warning", RuleLevel::Severity(Severity::Warning)),
        ("error", RuleLevel::Severity(Severity::Error)),
    ] {
        let config = load(&format!("[rules]\n{} = \"{word}\"\n", rule.id))
            .unwrap()
            .config;
        assert_eq!(config.rules.get(rule.id), Some(&level));
        let expected = match level {
            RuleLevel::Off => None,
            RuleLevel::Severity(s) => Some(s),
        };
        assert_eq!(config.rule_level(rule), expected);
    }
    let id = rule.id;
    assert_error(
        &format!("[rules]\n\n{id} = \"loud\"\n"),
        3,
        &format!("rules.{id}"),
        "`loud` is not a level",
    );
    assert_error(
        &format!("[rules]\n{id} = true\n"),
        2,
        &format!("rules.{id}"),
        "must be a string, not a boolean",
    );
}

#[test]
fn rules_table_rejects_unknown_rule_ids() {
    assert_error(
        "preset = \"bbc\"\n[rules]\nno-such-rule = \"off\"\n",
        3,
        "rules.no-such-rule",
        "unknown rule `no-such-rule`",
    );
    assert_error("rules = [\"x\"]", 1, "rules", "must be a table");
}

#[test]
fn names_entries() {
    let config = load(
        "[[names]]\npreferred = \"Kellogg\"\nvariants = [\"Kellog\", \"Kelloggs\"]\n\n[[names]]\npreferred = \"Sisi\"\n",
    )
    .unwrap()
    .config;
    assert_eq!(config.names.len(), 2);
    assert_eq!(config.names[0].preferred, "Kellogg");
    assert_eq!(config.names[0].variants, ["Kellog", "Kelloggs"]);
    assert!(config.names[1].variants.is_empty());
    // Inline tables are the same thing.
    let inline = load("names = [{ preferred = \"Kellogg\", variants = [\"Kellog\"] }]")
        .unwrap()
        .config;
    assert_eq!(inline.names[0].variants, ["Kellog"]);
}

#[test]
fn bad_names_entries() {
    assert_error(
        "[[names]]\npreferred = \"Kellogg\"\nspelling = [\"Kellog\"]\n",
        3,
        "spelling",
        "unknown key `spelling` in [[names]] entry 1; expected one of preferred, variants",
    );
    assert_error(
        "[[names]]\npreferred = \"A\"\n[[names]]\npreferred = \"B\"\nvariants = \"Bee\"\n",
        5,
        "names[1].variants",
        "must be an array",
    );
    assert_error(
        "[[names]]\npreferred = \"\"\n",
        2,
        "names[0].preferred",
        "is empty",
    );
    assert_error(
        "names = [\"Kellogg\"]",
        1,
        "names",
        "`names` entries are tables",
    );
    let missing = error("[[names]]\nvariants = [\"Kellog\"]\n");
    assert_eq!(missing.key.as_deref(), Some("names[0]"));
    assert!(
        missing.to_string().contains("needs `preferred`"),
        "{missing}"
    );
    assert!(missing.line.is_some());
    let same = error("[[names]]\npreferred = \"Kellogg\"\nvariants = [\"Kellogg\"]\n");
    assert!(
        same.to_string()
            .contains("both the preferred spelling and a variant"),
        "{same}"
    );
}

#[test]
fn no_first_reference_list() {
    let config = load("no_first_reference = [\"Obama\", \"Merkel\"]")
        .unwrap()
        .config;
    assert_eq!(config.no_first_reference, ["Obama", "Merkel"]);
    assert_error(
        "no_first_reference = \"Obama\"",
        1,
        "no_first_reference",
        "must be an array",
    );
    assert_error(
        "no_first_reference = [\n  \"Obama\",\n  2,\n]",
        3,
        "no_first_reference",
        "must be a list of strings",
    );
    assert_error(
        "no_first_reference = [\"Obama\", \" \"]",
        1,
        "no_first_reference",
        "empty entry",
    );
}

#[test]
fn phrase_lists() {
    let config = load(
        "[phrases]\nanonymity_reasons = [\"because they feared the militia\"]\nanonymous_sources = [\"a person in the room\"]\nvague_attributions = [\"the chatter in the corridors\"]\n",
    )
    .unwrap()
    .config;
    assert_eq!(
        config.phrases.anonymity_reasons,
        ["because they feared the militia"]
    );
    assert_eq!(config.phrases.anonymous_sources, ["a person in the room"]);
    assert_eq!(
        config.phrases.vague_attributions,
        ["the chatter in the corridors"]
    );
    assert_error(
        "[phrases]\nanonymous_source = [\"x\"]\n",
        2,
        "anonymous_source",
        "unknown key `anonymous_source` in [phrases]; expected one of anonymity_reasons",
    );
    let long = "a".repeat(201);
    assert_error(
        &format!("[phrases]\nvague_attributions = [\n\"ok\",\n\"{long}\"]\n"),
        4,
        "phrases.vague_attributions",
        "the limit is 200",
    );
    assert_error("phrases = 1", 1, "phrases", "must be a table");
}

#[test]
fn phrase_patterns_compile_and_match() {
    let config = load(
        "[phrases]\nvague_attribution_patterns = ['it is (?:widely )?believed']\nanonymous_source_patterns = ['officials? (?:in|at) the \\w+ ministry']\nanonymity_reason_patterns = ['feared (?:for their|reprisals)']\n",
    )
    .unwrap()
    .config;
    let p = &config.phrases;
    assert!(p.vague_attribution_patterns[0]
        .regex()
        .is_match("It is widely believed that"));
    assert!(p.anonymous_source_patterns[0]
        .regex()
        .is_match("an official at the finance ministry"));
    assert!(p.anonymity_reason_patterns[0]
        .regex()
        .is_match("they feared reprisals"));
}

#[test]
fn bad_patterns_name_key_and_line() {
    assert_error(
        "[phrases]\nvague_attribution_patterns = [\n  'fine',\n  'broken (group',\n]\n",
        4,
        "phrases.vague_attribution_patterns",
        "invalid regular expression",
    );
}

#[test]
fn hostile_patterns_are_refused() {
    // Short to write, enormous to compile.
    assert_error(
        "[phrases]\nanonymous_source_patterns = ['(?:\\w{1000}){1000}']\n",
        2,
        "phrases.anonymous_source_patterns",
        "compiles to more than",
    );
    let nested = format!("{}x{}", "(".repeat(200), ")".repeat(200));
    let e = error(&format!(
        "[phrases]\nvague_attribution_patterns = ['{nested}']\n"
    ));
    assert_eq!(e.line, Some(2), "{e}");
    let long = "a".repeat(5000);
    assert_error(
        &format!("[phrases]\nanonymity_reason_patterns = ['{long}']\n"),
        2,
        "phrases.anonymity_reason_patterns",
        "the limit is 512",
    );
    let many = vec!["'x'"; 2001].join(", ");
    assert_error(
        &format!("[phrases]\nanonymous_sources = [{many}]\n"),
        2,
        "phrases.anonymous_sources",
        "the limit is 2000",
    );
}

#[test]
fn include_and_exclude_globs() {
    let loaded = load_str(
        "include = [\"stories/**/*.md\", \"wire\"]\nexclude = [\"**/drafts\", \"stories/*-old.md\"]\n",
        Path::new("/desk/.copydesk.toml"),
    )
    .unwrap();
    assert_eq!(loaded.config.include, ["stories/**/*.md", "wire"]);
    assert!(loaded.includes(Path::new("/desk/stories/a.md")));
    assert!(loaded.includes(Path::new("/desk/stories/2024/b.md")));
    assert!(
        loaded.includes(Path::new("/desk/wire/c.txt")),
        "a folder name covers its files"
    );
    assert!(!loaded.includes(Path::new("/desk/stories/a.txt")));
    assert!(!loaded.includes(Path::new("/desk/notes/a.md")));
    assert!(!loaded.includes(Path::new("/desk/stories/drafts/x.md")));
    assert!(!loaded.includes(Path::new("/desk/stories/x-old.md")));
    assert!(!loaded.includes(Path::new("/desk/stories/../notes/a.md")));
    assert!(!loaded.includes(Path::new("/elsewhere/stories/a.md")));

    let open = load("exclude = [\"*.txt\"]").unwrap();
    assert!(open.includes(Path::new("/desk/a.md")));
    assert!(!open.includes(Path::new("/desk/a.txt")));
    assert!(
        open.includes(Path::new("/desk/sub/a.txt")),
        "`*` stays in one folder"
    );
    assert!(open.includes(Path::new("/elsewhere/a.txt")));
}

#[test]
fn bad_globs_name_key_and_line() {
    assert_error(
        "include = [\n\"ok/*.md\",\n\"bad[.md\"\n]",
        3,
        "include",
        "not a valid glob",
    );
    assert_error("exclude = [\"{a,b\"]", 1, "exclude", "not a valid glob");
    assert_error("exclude = \"*.md\"", 1, "exclude", "must be an array");
}

#[test]
fn discovery_walks_up_and_stops_at_the_nearest_file() {
    let root = scratch("discover");
    let deep = root.join("desk/politics/2024");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(root.join(FILE_NAME), "preset = \"bbc\"\n").unwrap();
    let story = deep.join("story.md");
    std::fs::write(&story, "Text.").unwrap();

    let found = discover_for(&story)
        .unwrap()
        .expect("config above the story");
    assert_eq!(found.path, root.join(FILE_NAME));
    assert_eq!(found.config.preset, HousePreset::Bbc);
    // A folder starts at itself.
    let found = discover_for(&deep).unwrap().unwrap();
    assert_eq!(found.config.preset, HousePreset::Bbc);

    std::fs::write(root.join("desk").join(FILE_NAME), "preset = \"nyt\"\n").unwrap();
    let nearer = discover_for(&story).unwrap().unwrap();
    assert_eq!(nearer.path, root.join("desk").join(FILE_NAME));
    assert_eq!(nearer.config.preset, HousePreset::Nyt);
    // The folder holding the file finds it in itself.
    assert_eq!(
        discover_for(&root.join("desk"))
            .unwrap()
            .unwrap()
            .config
            .preset,
        HousePreset::Nyt
    );
    // Globs are anchored at the file that was found.
    std::fs::write(
        root.join("desk").join(FILE_NAME),
        "exclude = [\"politics\"]\n",
    )
    .unwrap();
    let anchored = discover_for(&story).unwrap().unwrap();
    assert!(!anchored.includes(&story));
    assert!(anchored.includes(&root.join("desk/sport/a.md")));
}

#[test]
fn discovery_reports_a_broken_file() {
    let root = scratch("broken");
    std::fs::write(root.join(FILE_NAME), "preset = \"ap\"\nrulez = 1\n").unwrap();
    let e = discover_for(&root.join("story.md")).unwrap_err();
    assert_eq!(e.path, root.join(FILE_NAME));
    assert_eq!(e.line, Some(2));
    assert!(e.to_string().contains("unknown key `rulez`"), "{e}");
}

#[test]
fn load_file_reads_and_reports_missing_files() {
    let root = scratch("load");
    let file = root.join("house.toml");
    std::fs::write(&file, "preset = \"reuters\"\n").unwrap();
    assert_eq!(
        load_file(&file).unwrap().config.preset,
        HousePreset::Reuters
    );
    let e = load_file(&root.join("missing.toml")).unwrap_err();
    assert_eq!(e.line, None);
    assert!(e.to_string().contains("cannot read"), "{e}");
}

#[test]
fn a_loaded_configuration_built_in_code_filters_files_too() {
    let loaded = copydesk::config_file::Loaded {
        config: copydesk_core::Config {
            include: vec!["stories/**".into()],
            exclude: vec!["**/draft-*.md".into()],
            ..copydesk_core::Config::default()
        },
        path: PathBuf::from("/desk/.copydesk.toml"),
    };
    let filter = loaded.file_filter();
    assert!(filter.includes(Path::new("/desk/stories/a.md")));
    assert!(!filter.includes(Path::new("/desk/stories/draft-a.md")));
    assert!(!loaded.includes(Path::new("/desk/notes/a.md")));
    // A glob that cannot compile matches nothing rather than everything.
    let broken = copydesk::config_file::Loaded {
        config: copydesk_core::Config {
            include: vec!["bad[".into()],
            ..copydesk_core::Config::default()
        },
        path: PathBuf::from("/desk/.copydesk.toml"),
    };
    assert!(!broken.includes(Path::new("/desk/a.md")));
}

#[test]
fn oversized_and_deeply_nested_files_are_errors_not_crashes() {
    let root = scratch("huge");
    let file = root.join(FILE_NAME);
    let mut text = String::from("no_first_reference = [\n");
    while text.len() <= 1024 * 1024 {
        text.push_str("  \"Somebody Quite Well Known\",\n");
    }
    text.push_str("]\n");
    std::fs::write(&file, &text).unwrap();
    let e = load_file(&file).unwrap_err();
    assert!(e.to_string().contains("the limit is 1048576"), "{e}");

    let nested = format!("preset = {}", "[".repeat(100_000));
    assert!(load(&nested).is_err());
}

#[test]
fn line_numbers_count_from_one_and_follow_crlf_files() {
    assert_error("rulez = 1", 1, "rulez", "unknown key");
    assert_error(
        "preset = \"ap\"\r\n\r\nrulez = 1\r\n",
        3,
        "rulez",
        "unknown key",
    );
}
