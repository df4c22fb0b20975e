//! The effective configuration as TOML, for `copydesk config --show`.
//!
//! The output is itself a valid `.copydesk.toml` that reproduces the same configuration, with
//! comments saying where each setting came from.

use super::{Config, CourtesyTitles, LevelSource, RuleLevel};
use crate::rules;
use std::fmt::Write;
use std::path::Path;

/// Where a configuration came from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// Read from this file.
    File(&'a Path),
    /// No file was found walking up from this path: built-in defaults.
    Defaults { searched_from: &'a Path },
}

pub fn render(config: &Config, origin: Origin<'_>) -> String {
    let mut out = String::new();
    match origin {
        Origin::File(path) => {
            let _ = writeln!(
                out,
                "# Effective copydesk configuration, read from {}",
                path.display()
            );
        }
        Origin::Defaults { searched_from } => {
            let _ = writeln!(
                out,
                "# Effective copydesk configuration: built-in defaults (no {} in {} or its parents)",
                super::FILE_NAME,
                searched_from.display()
            );
        }
    }
    let _ = writeln!(
        out,
        "# Presets and defaults are applied; comments say where each setting comes from.\n"
    );

    let _ = writeln!(out, "preset = {}", quote(config.preset.as_str()));
    let _ = writeln!(
        out,
        "# courtesy titles under this preset: {}",
        courtesy(config.preset.courtesy_titles())
    );

    let _ = writeln!(
        out,
        "no_first_reference = {}",
        list(config.no_first_reference.iter().map(String::as_str))
    );
    let _ = writeln!(
        out,
        "own_outlets = {}",
        list(config.own_outlets.iter().map(String::as_str))
    );
    let _ = writeln!(
        out,
        "include = {}",
        list(config.include.iter().map(String::as_str))
    );
    let _ = writeln!(
        out,
        "exclude = {}",
        list(config.exclude.iter().map(String::as_str))
    );

    out.push_str("\n[rules]\n");
    let mut shown = std::collections::BTreeSet::new();
    for rule in rules::all() {
        shown.insert(rule.id);
        let level = match config.rule_level(rule) {
            Some(severity) => severity.as_str(),
            None => "off",
        };
        let source = match config.rule_level_source(rule.id) {
            LevelSource::Configured => "set in the file".to_owned(),
            LevelSource::Preset => format!("preset {}", config.preset.as_str()),
            LevelSource::Default => "default".to_owned(),
        };
        let _ = writeln!(out, "{} = {}  # {source}", key(rule.id), quote(level));
    }
    // Settings for rules this build does not know (only possible for a Config built in code).
    for (id, level) in &config.rules {
        if shown.insert(id) {
            let level = match level {
                RuleLevel::Off => "off",
                RuleLevel::Severity(s) => s.as_str(),
            };
            let _ = writeln!(out, "{} = {}  # set in the file", key(id), quote(level));
        }
    }
    // Rules the preset switches off that this build does not have: commented, so the output
    // still loads.
    for id in config.preset.disabled_rules() {
        if !shown.contains(id) {
            let _ = writeln!(
                out,
                "# {} = \"off\"  # preset {} (rule not in this build)",
                key(id),
                config.preset.as_str()
            );
        }
    }

    out.push_str("\n[anonymous]\n");
    let officials = config.anonymous.named_body_officials;
    let _ = writeln!(
        out,
        "named_body_officials = {}  # {}",
        quote(officials.as_str()),
        if officials == super::NamedBodyOfficials::default() {
            "default"
        } else {
            "set in the file"
        }
    );

    let p = &config.phrases;
    out.push_str("\n[phrases]  # added to the built-in lexicons\n");
    let strings = |v: &[String]| list(v.iter().map(String::as_str));
    let patterns = |v: &[super::Pattern]| list(v.iter().map(|p| p.as_str()));
    let _ = writeln!(out, "anonymity_reasons = {}", strings(&p.anonymity_reasons));
    let _ = writeln!(out, "anonymous_sources = {}", strings(&p.anonymous_sources));
    let _ = writeln!(
        out,
        "vague_attributions = {}",
        strings(&p.vague_attributions)
    );
    let _ = writeln!(
        out,
        "anonymity_reason_patterns = {}",
        patterns(&p.anonymity_reason_patterns)
    );
    let _ = writeln!(
        out,
        "anonymous_source_patterns = {}",
        patterns(&p.anonymous_source_patterns)
    );
    let _ = writeln!(
        out,
        "vague_attribution_patterns = {}",
        patterns(&p.vague_attribution_patterns)
    );

    let preset_names = config.preset.house_names();
    for name in &config.names {
        let from = if preset_names.contains(name) {
            format!("preset {}", config.preset.as_str())
        } else {
            "set in the file".to_owned()
        };
        let _ = writeln!(out, "\n[[names]]  # {from}");
        let _ = writeln!(out, "preferred = {}", quote(&name.preferred));
        let _ = writeln!(
            out,
            "variants = {}",
            list(name.variants.iter().map(String::as_str))
        );
    }

    out
}

fn courtesy(c: CourtesyTitles) -> &'static str {
    match c {
        CourtesyTitles::Unchecked => "not checked",
        CourtesyTitles::None => "none outside quotations (Smith)",
        CourtesyTitles::LaterReferences => "on later references (Mr. Smith)",
        CourtesyTitles::LaterReferencesNoDot => "on later references, no full stop (Mr Smith)",
    }
}

/// A TOML basic string, escaped by the `toml` crate.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Rule ids are kebab-case and so bare keys; quote anything else.
fn key(id: &str) -> String {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        id.to_owned()
    } else {
        quote(id)
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(quote).collect();
    format!("[{}]", items.join(", "))
}
