//! Inline suppression comments, on findings made here and passed through `suppress::apply`
//! with stories written for the test.

use copydesk_core::rules::Rule;
use copydesk_core::suppress::{apply, apply_with};
use copydesk_core::{Category, Config, Engine, Finding, Severity, SourceFormat, Span, Story};

static VAGUE: Rule = Rule {
    id: "test-vague",
    category: Category::UnattributedClaim,
    default_severity: Severity::Warning,
    summary: "s",
    explanation: "e",
    wrong: "w",
    right: "r",
    example_preset: None,
    opt_in: false,
};
static UNNAMED: Rule = Rule {
    id: "test-unnamed",
    category: Category::AnonymousSource,
    default_severity: Severity::Warning,
    summary: "s",
    explanation: "e",
    wrong: "w",
    right: "r",
    example_preset: None,
    opt_in: false,
};

fn known(id: &str) -> bool {
    id == VAGUE.id || id == UNNAMED.id
}

/// A finding of `rule` on the first occurrence of `needle` in `text`.
fn at(rule: &'static Rule, text: &str, needle: &str) -> Finding {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    Finding::new(rule, Span::new(start, start + needle.len()), "test finding")
}

/// Runs suppression over `findings` in both formats and returns what survives as
/// (rule, text under span) pairs, checking both formats agree.
fn run(text: &str, findings: Vec<Finding>) -> Vec<(String, String)> {
    let mut results = Vec::new();
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        let story = Story::new(text, format);
        let mut out = findings.clone();
        apply_with(&story, &mut out, &known);
        let mut pairs: Vec<(String, String)> = out
            .iter()
            .map(|f| (f.rule.as_str().to_owned(), f.span().text(text).to_owned()))
            .collect();
        pairs.sort();
        results.push(pairs);
    }
    assert_eq!(results[0], results[1], "Markdown and plain text differ");
    results.pop().unwrap_or_default()
}

fn pair(rule: &str, text: &str) -> (String, String) {
    (rule.to_owned(), text.to_owned())
}

#[test]
fn no_comments_leave_findings_alone() {
    let text = "Critics say the plan will fail.\n\nOfficials said it would not.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "Officials"),
    ];
    assert_eq!(run(text, findings).len(), 2);
}

#[test]
fn disable_next_line_covers_only_the_next_non_blank_line() {
    let text = "<!-- copydesk-disable-next-line test-vague -->\n\nCritics say the plan will fail.\n\nSome say it will work.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&VAGUE, text, "Some say"),
    ];
    assert_eq!(run(text, findings), [pair("test-vague", "Some say")]);
}

#[test]
fn disable_next_line_names_only_its_rules() {
    let text = "<!-- copydesk-disable-next-line test-vague -->\nCritics say officials erred.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "officials"),
    ];
    assert_eq!(run(text, findings), [pair("test-unnamed", "officials")]);
}

#[test]
fn disable_next_line_with_several_rules_and_without_rules() {
    let text = "<!-- copydesk-disable-next-line test-vague, test-unnamed -->\nCritics say officials erred.\n<!-- copydesk-disable-next-line -->\nOthers say aides erred.\nThey say so.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "officials"),
        at(&VAGUE, text, "Others say"),
        at(&UNNAMED, text, "aides"),
        at(&VAGUE, text, "They say"),
    ];
    assert_eq!(run(text, findings), [pair("test-vague", "They say")]);
}

#[test]
fn stacked_next_line_comments_reach_the_same_line() {
    let text = "<!-- copydesk-disable-next-line test-vague -->\n<!-- copydesk-disable-next-line test-unnamed -->\nCritics say officials erred.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "officials"),
    ];
    assert!(run(text, findings).is_empty());
}

#[test]
fn disable_line_covers_its_own_line() {
    let text = "Critics say so. <!-- copydesk-disable-line test-vague -->\nOthers say not.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&VAGUE, text, "Others say"),
    ];
    assert_eq!(run(text, findings), [pair("test-vague", "Others say")]);
}

#[test]
fn disable_enable_range() {
    let text = "Critics say one.\n<!-- copydesk-disable test-vague -->\nOthers say two.\n\nMany say three.\n<!-- copydesk-enable test-vague -->\nSome say four.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&VAGUE, text, "Others say"),
        at(&VAGUE, text, "Many say"),
        at(&VAGUE, text, "Some say"),
    ];
    assert_eq!(
        run(text, findings),
        [
            pair("test-vague", "Critics say"),
            pair("test-vague", "Some say")
        ]
    );
}

#[test]
fn range_without_rule_covers_all_and_unclosed_runs_to_the_end() {
    let text =
        "Officials erred.\n<!-- copydesk-disable -->\nCritics say aides erred.\n\nMany say so.\n";
    let findings = vec![
        at(&UNNAMED, text, "Officials"),
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "aides"),
        at(&VAGUE, text, "Many say"),
    ];
    assert_eq!(run(text, findings), [pair("test-unnamed", "Officials")]);
}

#[test]
fn enabling_one_rule_inside_a_disable_all_range() {
    let text = "<!-- copydesk-disable -->\n<!-- copydesk-enable test-unnamed -->\nCritics say aides erred.\n<!-- copydesk-enable -->\nMany say so.\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "aides"),
        at(&VAGUE, text, "Many say"),
    ];
    assert_eq!(
        run(text, findings),
        [
            pair("test-unnamed", "aides"),
            pair("test-vague", "Many say")
        ]
    );
}

#[test]
fn disable_file_anywhere_covers_the_whole_story() {
    let text =
        "Critics say aides erred.\n\nMany say so.\n\n<!-- copydesk-disable-file test-vague -->\n";
    let findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "aides"),
        at(&VAGUE, text, "Many say"),
    ];
    assert_eq!(run(text, findings), [pair("test-unnamed", "aides")]);
}

#[test]
fn a_category_name_covers_every_rule_of_the_category() {
    let text = "<!-- copydesk-disable-file unattributed-claim -->\nCritics say aides erred.\n";
    let findings = vec![at(&VAGUE, text, "Critics say"), at(&UNNAMED, text, "aides")];
    assert_eq!(run(text, findings), [pair("test-unnamed", "aides")]);
    let text = "<!-- copydesk-disable-next-line anonymous-source -->\nCritics say aides erred.\n";
    let findings = vec![at(&VAGUE, text, "Critics say"), at(&UNNAMED, text, "aides")];
    assert_eq!(run(text, findings), [pair("test-vague", "Critics say")]);
}

#[test]
fn unused_suppressions_are_hinted() {
    let text = "<!-- copydesk-disable-next-line test-vague test-unnamed -->\nCritics say it.\n<!-- copydesk-disable-file -->\nOfficials said so.\n";
    let story = Story::new(text, SourceFormat::Markdown);
    // The file-level comment takes both findings first, so the next-line one hides nothing.
    let mut findings = vec![
        at(&VAGUE, text, "Critics say"),
        at(&UNNAMED, text, "Officials"),
    ];
    apply_with(&story, &mut findings, &known);
    let hints: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == "unused-suppression")
        .collect();
    assert_eq!(
        findings.len(),
        hints.len(),
        "the findings themselves are suppressed"
    );
    let named: Vec<&str> = hints.iter().map(|h| h.span().text(text)).collect();
    assert_eq!(named, ["test-vague", "test-unnamed"]);
    assert!(hints.iter().all(|h| h.severity == Severity::Hint));
    // A hint about a comment is in the suppression category, whatever rule the comment names.
    assert!(hints.iter().all(|h| h.category == Category::Suppression));
    assert!(
        hints[0].message().contains("hides no `test-vague` finding"),
        "{}",
        hints[0].message()
    );
}

#[test]
fn an_unused_suppression_of_every_rule_is_hinted_on_the_comment() {
    let text = "Clean copy.\n<!-- copydesk-disable -->\nMore clean copy.\n";
    let story = Story::new(text, SourceFormat::PlainText);
    let mut findings = Vec::new();
    apply_with(&story, &mut findings, &known);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].span().text(text), "<!-- copydesk-disable -->");
}

#[test]
fn stray_enable_is_hinted() {
    let text = "Clean.\n<!-- copydesk-enable test-vague -->\n";
    let story = Story::new(text, SourceFormat::Markdown);
    let mut findings = Vec::new();
    apply_with(&story, &mut findings, &known);
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0].message().contains("re-enables `test-vague`"),
        "{}",
        findings[0].message()
    );
}

#[test]
fn unknown_rule_names_are_reported_through_the_registry() {
    let text = "<!-- copydesk-disable-next-line no-such-rule -->\nCritics say it.\n";
    let story = Story::new(text, SourceFormat::Markdown);
    let mut findings = Vec::new();
    apply(&story, &mut findings);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "unused-suppression");
    assert_eq!(findings[0].span().text(text), "no-such-rule");
    assert!(
        findings[0].message().contains("not a copydesk rule"),
        "{}",
        findings[0].message()
    );
}

#[test]
fn hints_can_be_silenced_in_the_file_and_in_the_configuration() {
    let text = "<!-- copydesk-disable-file unused-suppression -->\n<!-- copydesk-disable test-vague -->\nClean.\n";
    let story = Story::new(text, SourceFormat::Markdown);
    let mut findings = Vec::new();
    apply_with(&story, &mut findings, &known);
    assert!(findings.is_empty(), "{findings:?}");

    // Through the engine, which applies the configured level after suppression.
    let text = "<!-- copydesk-disable-next-line no-such-rule -->\nClean copy.\n";
    let hinted = Engine::new(Config::default()).analyze(text, SourceFormat::Markdown);
    assert!(hinted.iter().any(|f| f.rule == "unused-suppression"));
    let mut quiet = Config::default();
    quiet.rules.insert(
        "unused-suppression".into(),
        copydesk_core::config::RuleLevel::Off,
    );
    let silenced = Engine::new(quiet).analyze(text, SourceFormat::Markdown);
    assert!(silenced.iter().all(|f| f.rule != "unused-suppression"));
}

#[test]
fn comments_inside_code_are_examples_not_suppressions() {
    let text = "```\n<!-- copydesk-disable-file -->\n```\n\nWrite `<!-- copydesk-disable -->` to switch off.\n\nCritics say it.\n";
    let findings = vec![at(&VAGUE, text, "Critics say")];
    assert_eq!(run(text, findings), [pair("test-vague", "Critics say")]);
}

#[test]
fn many_stacked_comments_stay_cheap_and_correct() {
    // Thousands of directive lines before one sentence: each must reach it without rescanning.
    let mut text = String::new();
    for _ in 0..5_000 {
        text.push_str("<!-- copydesk-disable-next-line test-vague -->\n");
    }
    text.push_str("Critics say it.\n");
    let story = Story::new(&text, SourceFormat::PlainText);
    let mut findings = vec![at(&VAGUE, &text, "Critics say")];
    apply_with(&story, &mut findings, &known);
    // One comment hid the finding; the other 4,999 are unused.
    assert_eq!(findings.len(), 4_999);
    assert!(findings.iter().all(|f| f.rule == "unused-suppression"));
}
