//! `copydesk explain` teaches by example, so its examples must be true: every rule's "wrong"
//! example raises that rule, and its "right" example raises neither that rule nor any warning
//! or error, under the preset the rule names for its examples (or the defaults), with the rule
//! itself on when it is opt-in.

use copydesk_core::config::{HousePreset, RuleLevel};
use copydesk_core::{rules, Config, Engine, Severity, SourceFormat};

fn engine_for(rule: &rules::Rule) -> Engine {
    let mut config = match rule.example_preset {
        Some(name) => Config::for_preset(
            HousePreset::parse(name)
                .unwrap_or_else(|| panic!("{}: unknown example preset {name}", rule.id)),
        ),
        None => Config::default(),
    };
    if rule.opt_in {
        config.rules.insert(
            rule.id.to_owned(),
            RuleLevel::Severity(rule.default_severity),
        );
    }
    Engine::new(config)
}

#[test]
fn wrong_examples_raise_their_rule() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let findings = engine_for(rule).analyze(rule.wrong, SourceFormat::Markdown);
        if !findings.iter().any(|f| f.rule == rule.id) {
            let got: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
            failures.push(format!("{}: wrong example raises {got:?}", rule.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn right_examples_raise_no_warning() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let findings = engine_for(rule).analyze(rule.right, SourceFormat::Markdown);
        for finding in &findings {
            if finding.rule == rule.id || finding.severity >= Severity::Warning {
                failures.push(format!(
                    "{}: right example raises {} ({}) on {:?}",
                    rule.id,
                    finding.rule,
                    finding.severity,
                    &rule.right[finding.span().start..finding.span().end]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
