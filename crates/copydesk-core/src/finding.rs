//! What a check reports: a finding with a rule id, a category, a severity and byte spans.

use crate::rules::Rule;
pub use crate::rules::{Category, Severity};
use crate::span::Span;
use serde::{Serialize, Serializer};
use std::sync::Arc;

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
    /// What is wrong and why, in a journalist's terms. Shared, because one pattern repeated
    /// through a long story gives thousands of findings with the same words.
    #[serde(serialize_with = "as_str")]
    pub message: Arc<str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Text that could replace `span`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding with the rule's registered category and default severity; the engine applies
    /// configured severities afterwards.
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<Arc<str>>) -> Self {
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

fn as_str<S: Serializer>(message: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(message)
}
