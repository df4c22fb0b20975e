//! What a check reports: a finding with a rule id, a category, a severity and byte spans.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The three families copydesk checks. Every rule belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    AnonymousSource,
    UnattributedClaim,
    NameConsistency,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::AnonymousSource,
        Category::UnattributedClaim,
        Category::NameConsistency,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Category::AnonymousSource => "anonymous-source",
            Category::UnattributedClaim => "unattributed-claim",
            Category::NameConsistency => "name-consistency",
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

/// Another place in the story that explains a finding ("first spelled 'Kellogg' here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id, e.g. `anonymous-source`.
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong and why, in a journalist's terms.
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Text that could replace `span`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding with the rule's registered category and default severity; the engine applies
    /// configured severities afterwards.
    pub fn new(
        rule: &'static crate::checks::RuleInfo,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule: rule.id,
            category: rule.category,
            severity: rule.default_severity,
            span,
            message: message.into(),
            related: Vec::new(),
            suggestion: None,
        }
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_suggestion(mut self, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(replacement.into());
        self
    }
}
