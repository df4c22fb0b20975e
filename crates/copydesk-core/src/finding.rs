//! What a check reports: a finding with a rule id, a category, a severity and byte spans.

pub use crate::rules::{Category, Severity};
use crate::rules::{Rule, RuleId};
use crate::span::Span;
use foldhash::HashSet;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Another place in the story that explains a finding ("first spelled 'Kellogg' here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub span: Span,
    /// Shared, like a finding's message: a check that reports one repeated misspelling gives
    /// each of its findings the same related note.
    #[serde(serialize_with = "as_str")]
    pub message: Arc<str>,
}

/// Findings are the engine's bulk output (a long story made of one vague claim repeated gives
/// one every 11 bytes), so a finding is 48 bytes: the rule is a two-byte id, and what few carry —
/// related places and a suggested replacement — sits behind one pointer that costs nothing when
/// empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case rule id, e.g. `anonymous-source`.
    pub rule: RuleId,
    pub category: Category,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong and why, in a journalist's terms. Shared, because one pattern repeated
    /// through a long story gives thousands of findings with the same words.
    pub message: Arc<str>,
    extras: Option<Box<Extras>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Extras {
    related: Vec<Related>,
    /// Text that could replace `span`; shared where the same replacement recurs.
    suggestion: Option<Arc<str>>,
}

impl Finding {
    /// A finding with the rule's registered category and default severity; the engine applies
    /// configured severities afterwards.
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<Arc<str>>) -> Self {
        Finding {
            rule: RuleId::of(rule),
            category: rule.category,
            severity: rule.default_severity,
            span,
            message: message.into(),
            extras: None,
        }
    }

    pub fn with_related(mut self, span: Span, message: impl Into<Arc<str>>) -> Self {
        self.extras_mut().related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_suggestion(mut self, replacement: impl Into<Arc<str>>) -> Self {
        self.extras_mut().suggestion = Some(replacement.into());
        self
    }

    /// Other places in the story that explain the finding, in the order they were added.
    pub fn related(&self) -> &[Related] {
        self.extras.as_ref().map_or(&[], |extras| &extras.related)
    }

    /// The related places, to move with an edit.
    pub fn related_mut(&mut self) -> &mut [Related] {
        self.extras
            .as_mut()
            .map_or(&mut [], |extras| &mut extras.related)
    }

    /// Text that could replace `span`.
    pub fn suggestion(&self) -> Option<&str> {
        self.extras.as_ref()?.suggestion.as_deref()
    }

    fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Box::default)
    }
}

fn as_str<S: Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

/// One copy of each text a check gives many findings: the messages, related notes and
/// suggestions it formats per finding but that repeat with the misspelling they describe.
#[derive(Debug, Default)]
pub struct SharedTexts {
    seen: HashSet<Arc<str>>,
}

impl SharedTexts {
    /// The finding with its texts replaced by the copies seen before, if any.
    pub fn share(&mut self, mut finding: Finding) -> Finding {
        self.share_in_place(&mut finding);
        finding
    }

    /// [`SharedTexts::share`] for a finding already in place.
    pub fn share_in_place(&mut self, finding: &mut Finding) {
        finding.message = self.text(finding.message.clone());
        if let Some(extras) = finding.extras.as_deref_mut() {
            for related in &mut extras.related {
                related.message = self.text(related.message.clone());
            }
            extras.suggestion = extras.suggestion.take().map(|text| self.text(text));
        }
    }

    /// The copy of `text` seen before, or a new one kept for next time.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.seen.get(text) {
            return shared.clone();
        }
        let shared: Arc<str> = text.into();
        self.seen.insert(shared.clone());
        shared
    }

    fn text(&mut self, text: Arc<str>) -> Arc<str> {
        if let Some(shared) = self.seen.get(&text) {
            return shared.clone();
        }
        self.seen.insert(text.clone());
        text
    }
}

/// The fields in their declared order, `related` and `suggestion` only when present, as the
/// derived form with `skip_serializing_if` wrote them.
impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let related = self.related();
        let suggestion = self.suggestion();
        let fields = 5 + usize::from(!related.is_empty()) + usize::from(suggestion.is_some());
        let mut out = serializer.serialize_struct("Finding", fields)?;
        out.serialize_field("rule", &self.rule)?;
        out.serialize_field("category", &self.category)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("span", &self.span)?;
        out.serialize_field("message", &*self.message)?;
        if related.is_empty() {
            out.skip_field("related")?;
        } else {
            out.serialize_field("related", related)?;
        }
        match suggestion {
            Some(suggestion) => out.serialize_field("suggestion", suggestion)?,
            None => out.skip_field("suggestion")?,
        }
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_texts_give_equal_findings_one_copy() {
        let rule = crate::rules::all().next().expect("a rule");
        let make = || {
            Finding::new(rule, Span::new(0, 1), format!("message {}", 1))
                .with_related(Span::new(2, 3), format!("note {}", 2))
                .with_suggestion(format!("replacement {}", 3))
        };
        let mut shared = SharedTexts::default();
        let (a, b) = (shared.share(make()), shared.share(make()));
        assert_eq!(a, make());
        assert!(Arc::ptr_eq(&a.message, &b.message));
        assert!(Arc::ptr_eq(
            &a.related()[0].message,
            &b.related()[0].message
        ));
        assert_eq!(b.suggestion(), Some("replacement 3"));
    }

    #[test]
    fn a_finding_fits_in_48_bytes() {
        assert!(std::mem::size_of::<Finding>() <= 48);
    }
}
