//! The rule registry. Each check family is one module that declares its rules and builds its
//! checker from the configuration; adding a family is one module and one line in [`FAMILIES`].

use crate::config::Config;
use crate::finding::{Category, Finding, Severity};
use crate::text::Story;

pub mod anonymous;
pub mod names;
pub mod unattributed;

/// Documentation and defaults of one rule, as `copydesk rules` and `copydesk explain` show it.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable kebab-case id: the config key, the LSP diagnostic code and the CLI id.
    pub id: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Why the rule exists and what it looks for, with the standard it comes from.
    pub explanation: &'static str,
    /// A sentence the rule flags.
    pub wrong: &'static str,
    /// The same sentence fixed.
    pub right: &'static str,
}

/// A check family, ready to run on stories. Built once per configuration, so lexicons are
/// compiled once and not on every keystroke.
pub trait Check: Send + Sync {
    fn check(&self, story: &Story, out: &mut Vec<Finding>);
}

pub struct Family {
    pub name: &'static str,
    pub rules: &'static [RuleInfo],
    pub build: fn(&Config) -> Box<dyn Check>,
}

/// Every check family copydesk runs.
pub static FAMILIES: &[&Family] = &[
    &anonymous::FAMILY,
    &unattributed::FAMILY,
    &names::FAMILY,
    &crate::suppress::FAMILY,
];

/// All rules of all families, in registry order.
pub fn all_rules() -> impl Iterator<Item = &'static RuleInfo> {
    FAMILIES.iter().flat_map(|family| family.rules.iter())
}

pub fn find_rule(id: &str) -> Option<&'static RuleInfo> {
    all_rules().find(|rule| rule.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_documented() {
        let mut seen = HashSet::new();
        for rule in all_rules() {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(!rule.summary.is_empty() && !rule.explanation.is_empty());
            assert!(!rule.wrong.is_empty() && !rule.right.is_empty());
        }
    }
}
