//! Every rule copydesk has, declared once: id, category, default severity and the documentation
//! `copydesk rules` and `copydesk explain` show.
//!
//! This module sits below everything that names a rule. Checks build findings from these
//! typed constants (`Finding::new(&rules::NAME_VARIANT, …)`); configuration, suppression and
//! the front ends look rules up here, never in the checks. A rule id is stable: it is a config
//! key, an LSP diagnostic code and a CLI id, and other tools depend on it.

mod anonymous;
mod names;
mod suppression;
mod unattributed;
mod unchecked;

pub use anonymous::*;
pub use names::*;
pub use suppression::*;
pub use unattributed::*;
pub use unchecked::*;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Documentation and defaults of one rule.
#[derive(Debug)]
pub struct Rule {
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
    /// The house preset (`preset = "…"` in `.copydesk.toml`) under which the examples show the
    /// rule, for rules that are a question of house style; `None` for the defaults.
    pub example_preset: Option<&'static str>,
    /// Off unless the configuration turns it on (`rule-id = "hint"` under `[rules]`): rules
    /// whose findings editors mostly drop on everyday copy, kept for desks that want them.
    /// `default_severity` is then the severity the rule suggests once it is on.
    pub opt_in: bool,
}

impl Rule {
    /// What a declaration does not say: examples under the default configuration.
    const DEFAULTS: Rule = Rule {
        id: "",
        category: Category::Suppression,
        default_severity: Severity::Hint,
        summary: "",
        explanation: "",
        wrong: "",
        right: "",
        example_preset: None,
        opt_in: false,
    };
}

/// Declares rules as `pub static` constants and lists them, in declaration order, in the
/// module's `DECLARED`, so a rule cannot be declared and left out of the registry.
macro_rules! declare_rules {
    ($(
        $(#[$meta:meta])*
        pub static $name:ident = Rule { $($field:ident: $value:expr),* $(,)? };
    )*) => {
        $(
            $(#[$meta])*
            // A declaration that sets every field leaves the defaults unused; that is fine.
            #[allow(clippy::needless_update)]
            pub static $name: super::Rule = super::Rule {
                $($field: $value,)*
                ..super::Rule::DEFAULTS
            };
        )*
        /// This module's rules, in the order `copydesk rules` lists them.
        pub(super) static DECLARED: &[&super::Rule] = &[$(&$name),*];
    };
}
use declare_rules;

/// Every rule, in the order `copydesk rules` lists them: by family, then as declared.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    [
        anonymous::DECLARED,
        unattributed::DECLARED,
        names::DECLARED,
        suppression::DECLARED,
        unchecked::DECLARED,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The rule with this id, if copydesk has one.
pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.id == id)
}

/// A rule as a finding names it: two bytes instead of a sixteen-byte `&str`, because findings are
/// the engine's bulk output (one every dozen bytes of some stories). It reads, compares, hashes,
/// orders and serialises as the rule's id, so code that held the id as a string keeps working.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RuleId(u16);

/// The rules findings are made from: the registry, then any declared outside it (a test's or an
/// example's own rule), entered the first time a finding names them.
struct RuleIds {
    registry: Vec<&'static Rule>,
    others: std::sync::Mutex<Vec<&'static Rule>>,
}

static RULE_IDS: std::sync::LazyLock<RuleIds> = std::sync::LazyLock::new(|| RuleIds {
    registry: all().collect(),
    others: std::sync::Mutex::new(Vec::new()),
});

impl RuleId {
    pub fn of(rule: &'static Rule) -> RuleId {
        let ids = &*RULE_IDS;
        if let Some(k) = ids.registry.iter().position(|r| std::ptr::eq(*r, rule)) {
            return RuleId(k as u16);
        }
        // A poisoned lock still holds a valid list: entries are only ever appended.
        let mut others = ids.others.lock().unwrap_or_else(|e| e.into_inner());
        let k = match others.iter().position(|r| std::ptr::eq(*r, rule)) {
            Some(k) => k,
            None => {
                others.push(rule);
                others.len() - 1
            }
        };
        RuleId((ids.registry.len() + k) as u16)
    }

    pub fn rule(self) -> &'static Rule {
        let ids = &*RULE_IDS;
        let k = usize::from(self.0);
        match ids.registry.get(k) {
            Some(rule) => rule,
            None => {
                let others = ids.others.lock().unwrap_or_else(|e| e.into_inner());
                others[k - ids.registry.len()]
            }
        }
    }

    pub fn as_str(self) -> &'static str {
        self.rule().id
    }
}

impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for RuleId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What a rule is about. Every rule belongs to exactly one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    AnonymousSource,
    UnattributedClaim,
    NameConsistency,
    /// Comments about the story's own `copydesk-disable` comments, and text that no check
    /// reads (a code fence that never closes).
    Suppression,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::AnonymousSource,
        Category::UnattributedClaim,
        Category::NameConsistency,
        Category::Suppression,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Category::AnonymousSource => "anonymous-source",
            Category::UnattributedClaim => "unattributed-claim",
            Category::NameConsistency => "name-consistency",
            Category::Suppression => "suppression",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ordered from least to most severe, so `severity >= threshold` reads naturally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Hint,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|sev| sev.as_str() == s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_documented() {
        let mut seen = HashSet::new();
        for rule in all() {
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

    #[test]
    fn no_rule_id_is_also_a_category_name_except_the_family_marker() {
        // `anonymous-source` is both a rule and a category; a directive naming it covers the
        // category. Any other overlap would be a surprise for suppression comments.
        for rule in all() {
            if let Some(category) = Category::ALL.iter().find(|c| c.as_str() == rule.id) {
                assert_eq!(*category, Category::AnonymousSource, "{}", rule.id);
            }
        }
    }

    #[test]
    fn find_knows_every_rule_and_nothing_else() {
        for rule in all() {
            assert!(std::ptr::eq(find(rule.id).unwrap(), rule));
        }
        assert!(find("anonymous-sorce").is_none());
    }

    #[test]
    fn a_rule_id_stands_for_its_rule_even_outside_the_registry() {
        static OWN: Rule = Rule {
            id: "zz-own-rule",
            ..Rule::DEFAULTS
        };
        for rule in all().chain([&OWN]) {
            let id = RuleId::of(rule);
            assert!(std::ptr::eq(id.rule(), rule));
            assert_eq!(id, rule.id);
            assert_eq!(id, RuleId::of(rule));
            assert_eq!(id.to_string(), rule.id);
            assert_eq!(format!("{id:?}"), format!("{:?}", rule.id));
        }
    }

    #[test]
    fn rule_ids_order_and_hash_as_their_text() {
        let ids: Vec<RuleId> = all().map(RuleId::of).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        let mut texts: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        texts.sort();
        assert_eq!(
            sorted.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
            texts
        );
        let hash = |value: &dyn Fn(&mut std::hash::DefaultHasher)| {
            let mut hasher = std::hash::DefaultHasher::new();
            value(&mut hasher);
            std::hash::Hasher::finish(&hasher)
        };
        for id in ids {
            use std::hash::Hash;
            assert_eq!(hash(&|h| id.hash(h)), hash(&|h| id.as_str().hash(h)));
        }
    }
}
