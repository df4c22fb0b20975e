//! What a check reports: a finding with a rule id, a category, a severity and byte spans.

pub use crate::rules::{Category, Severity};
use crate::rules::{Rule, RuleId};
use crate::span::{NarrowSpan, Span};
use foldhash::HashSet;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Another place in the story that explains a finding ("first spelled 'Kellogg' here").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Related {
    pub span: Span,
    /// Shared, like a finding's message: a check that reports one repeated misspelling gives
    /// each of its findings the same related note.
    #[serde(serialize_with = "as_str")]
    pub message: Arc<str>,
}

/// Findings are the engine's bulk output (a long story made of one vague claim repeated gives
/// one every 11 bytes), so a finding is 24 bytes: the rule is a two-byte id, the span is in
/// 32-bit offsets as the tokens are (the tokeniser stops at 4 GiB), and what it says sits
/// behind one pointer, shared by the findings that say the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case rule id, e.g. `anonymous-source`.
    pub rule: RuleId,
    pub category: Category,
    pub severity: Severity,
    span: NarrowSpan,
    message: Message,
}

/// What a finding says: what is wrong and why, in a journalist's terms, with the related places
/// and the suggested replacement the few findings that carry them have. Cheap to clone: one
/// pattern repeated through a long story gives thousands of findings with the same words, and
/// they share one copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message(Arc<MessageBody>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct MessageBody {
    text: Box<str>,
    /// Behind a pointer that costs nothing when empty, as it is for most findings.
    extras: Option<Box<Extras>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct Extras {
    related: Vec<Related>,
    /// Text that could replace `span`; shared where the same replacement recurs.
    suggestion: Option<Arc<str>>,
}

impl Message {
    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    fn extras(&self) -> Option<&Extras> {
        self.0.extras.as_deref()
    }

    /// This finding's own extras: a message shared with other findings is copied first.
    fn extras_mut(&mut self) -> &mut Extras {
        Arc::make_mut(&mut self.0)
            .extras
            .get_or_insert_with(Box::default)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message(Arc::new(MessageBody {
            text: text.into_boxed_str(),
            extras: None,
        }))
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::from(text.to_owned())
    }
}

impl std::ops::Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Finding {
    /// A finding with the rule's registered category and default severity; the engine applies
    /// configured severities afterwards.
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<Message>) -> Self {
        Finding {
            rule: RuleId::of(rule),
            category: rule.category,
            severity: rule.default_severity,
            span: NarrowSpan::new(span),
            message: message.into(),
        }
    }

    pub fn with_related(mut self, span: Span, message: impl Into<Arc<str>>) -> Self {
        self.message.extras_mut().related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_suggestion(mut self, replacement: impl Into<Arc<str>>) -> Self {
        self.message.extras_mut().suggestion = Some(replacement.into());
        self
    }

    /// The bytes of the story the finding is about.
    pub fn span(&self) -> Span {
        self.span.get()
    }

    /// Moves the finding, as an edit before it does.
    pub fn set_span(&mut self, span: Span) {
        self.span = NarrowSpan::new(span);
    }

    /// What is wrong and why, in a journalist's terms.
    pub fn message(&self) -> &str {
        self.message.as_str()
    }

    /// Other places in the story that explain the finding, in the order they were added.
    pub fn related(&self) -> &[Related] {
        self.message.extras().map_or(&[], |extras| &extras.related)
    }

    /// The related places, to move with an edit.
    pub fn related_mut(&mut self) -> &mut [Related] {
        if self.related().is_empty() {
            return &mut [];
        }
        &mut self.message.extras_mut().related
    }

    /// Text that could replace `span`.
    pub fn suggestion(&self) -> Option<&str> {
        self.message.extras()?.suggestion.as_deref()
    }
}

fn as_str<S: Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

/// One copy of each text a check gives many findings: the messages, related notes and
/// suggestions it formats per finding but that repeat with the misspelling they describe.
#[derive(Debug, Default)]
pub struct SharedTexts {
    messages: HashSet<Message>,
    texts: HashSet<Arc<str>>,
}

impl SharedTexts {
    /// The finding with its message replaced by the copy seen before, if any.
    pub fn share(&mut self, mut finding: Finding) -> Finding {
        self.share_in_place(&mut finding);
        finding
    }

    /// [`SharedTexts::share`] for a finding already in place.
    pub fn share_in_place(&mut self, finding: &mut Finding) {
        if let Some(shared) = self.messages.get(&finding.message) {
            finding.message = shared.clone();
            return;
        }
        // A message first seen: its notes and suggestion may still repeat in other messages.
        if finding.message.extras().is_some() {
            let extras = finding.message.extras_mut();
            for related in &mut extras.related {
                related.message = self.text(related.message.clone());
            }
            extras.suggestion = extras.suggestion.take().map(|text| self.text(text));
        }
        self.messages.insert(finding.message.clone());
    }

    /// The copy of `text` seen before, or a new one kept for next time.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.texts.get(text) {
            return shared.clone();
        }
        let shared: Arc<str> = text.into();
        self.texts.insert(shared.clone());
        shared
    }

    fn text(&mut self, text: Arc<str>) -> Arc<str> {
        if let Some(shared) = self.texts.get(&text) {
            return shared.clone();
        }
        self.texts.insert(text.clone());
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
        out.serialize_field("span", &self.span())?;
        out.serialize_field("message", self.message())?;
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
        assert!(Arc::ptr_eq(&a.message.0, &b.message.0));
        assert!(Arc::ptr_eq(
            &a.related()[0].message,
            &b.related()[0].message
        ));
        assert_eq!(b.suggestion(), Some("replacement 3"));
    }

    #[test]
    fn a_finding_fits_in_24_bytes() {
        assert!(std::mem::size_of::<Finding>() <= 24);
    }
}
