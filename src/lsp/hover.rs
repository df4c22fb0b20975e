//! Hover over a copydesk diagnostic: the rule's documentation from the registry, so a reporter
//! learns why the phrase is circled without leaving the story.
//!
//! Over a source or a person the story names, the hover shows what the story's ledger says of
//! them (both, beside any finding's documentation, when they fall on the same words).
//!
//! Also keeps what was last published for each document: its diagnostics and its ledger. Hover,
//! code actions, the outline and the code lens read them instead of analysing again: they run on
//! the message loop, where an analysis of a long manuscript would stall every keystroke behind it.

use super::diagnostics::SOURCE;
use super::encoding::{self, Encoding};
use super::lock;
use super::outbox::EncodedDiagnostics;
use super::symbols::{one_line, plural, shortened, LedgerSnapshot};
use copydesk_core::ledger::{self, Person, Source};
use copydesk_core::rules::{self, Rule};
use copydesk_core::Span;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_lsp_server::ls_types::{
    Diagnostic, Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString, Position, Range,
    Uri,
};

/// One publication: the document version, the diagnostics published for it and the ledger of
/// the same analysis (`None` when the document was not analysed, e.g. too large).
#[derive(Clone)]
pub struct Publication {
    pub version: i32,
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// The diagnostics as sent, for the next publication to reuse.
    pub encoded: Option<Arc<EncodedDiagnostics>>,
    pub ledger: Option<Arc<LedgerSnapshot>>,
}

/// What was last published per document, with the version it describes.
#[derive(Default)]
pub struct Published {
    by_uri: Mutex<HashMap<Uri, Publication>>,
    /// Woken on every publication, for requests that wait for the current version's analysis.
    recorded: tokio::sync::Notify,
}

impl Published {
    /// Records a publication and hands back the one it replaces: freeing a long manuscript's
    /// diagnostics takes a few milliseconds, which the caller may spend after publishing.
    #[must_use = "the replaced publication is freed wherever it is dropped"]
    pub fn record(
        &self,
        uri: Uri,
        version: i32,
        diagnostics: Vec<Diagnostic>,
        encoded: Option<Arc<EncodedDiagnostics>>,
        ledger: Option<Arc<LedgerSnapshot>>,
    ) -> Option<Publication> {
        let publication = Publication {
            version,
            diagnostics: Arc::new(diagnostics),
            encoded,
            ledger,
        };
        let replaced = lock(&self.by_uri).insert(uri, publication);
        self.recorded.notify_waiters();
        replaced
    }

    /// The last publication for `uri`, whatever its version.
    pub fn latest(&self, uri: &Uri) -> Option<Publication> {
        lock(&self.by_uri).get(uri).cloned()
    }

    /// The publication for `version` of `uri`, as [`Published::for_version`].
    pub fn publication(&self, uri: &Uri, version: i32) -> Option<Publication> {
        lock(&self.by_uri)
            .get(uri)
            .filter(|publication| publication.version == version)
            .cloned()
    }

    /// The publication for the version `current` reports, waiting up to `limit` for it: the
    /// outline and the code lens are asked for as soon as a document opens or changes, before
    /// its analysis (debounced) has run, and an answer about an older text would point at the
    /// wrong words. `current` gives `None` once the document is closed.
    pub async fn when_current(
        &self,
        uri: &Uri,
        current: impl Fn() -> Option<i32>,
        limit: std::time::Duration,
    ) -> Option<Publication> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            // Registered before looking, so a publication between the look and the wait wakes it.
            let recorded = self.recorded.notified();
            tokio::pin!(recorded);
            recorded.as_mut().enable();
            let version = current()?;
            if let Some(publication) = self.publication(uri, version) {
                return Some(publication);
            }
            if tokio::time::timeout_at(deadline, recorded).await.is_err() {
                return None;
            }
        }
    }

    pub fn forget(&self, uri: &Uri) {
        lock(&self.by_uri).remove(uri);
    }

    /// The diagnostics published for `version` of `uri`; `None` when the document has changed
    /// since, because their ranges may no longer point at the words they were about.
    pub fn for_version(&self, uri: &Uri, version: i32) -> Option<Arc<Vec<Diagnostic>>> {
        self.publication(uri, version)
            .map(|publication| publication.diagnostics)
    }
}

/// The rule a copydesk diagnostic reports, if it is one of ours and a known rule.
pub fn rule_of(diagnostic: &Diagnostic) -> Option<&'static Rule> {
    if diagnostic.source.as_deref() != Some(SOURCE) {
        return None;
    }
    match &diagnostic.code {
        Some(NumberOrString::String(code)) => rules::find(code),
        _ => None,
    }
}

/// Whether `position` is on the text `range` covers (an empty range: exactly at it).
fn covers(range: Range, position: Position) -> bool {
    if range.start == range.end {
        position == range.start
    } else {
        range.start <= position && position < range.end
    }
}

/// The documentation of every rule whose diagnostic covers `position`, each rule once.
pub fn hover(diagnostics: &[Diagnostic], position: Position) -> Option<Hover> {
    let mut range: Option<Range> = None;
    let mut sections: Vec<String> = Vec::new();
    let mut shown: Vec<&str> = Vec::new();
    for diagnostic in diagnostics.iter().filter(|d| covers(d.range, position)) {
        let Some(rule) = rule_of(diagnostic) else {
            continue;
        };
        range.get_or_insert(diagnostic.range);
        if !shown.contains(&rule.id) {
            shown.push(rule.id);
            sections.push(rule_markdown(rule));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// Quoted story text in a hover card is cut to this many characters.
const QUOTE_CHARS: usize = 90;

/// Everything to show at `position`: the documentation of the findings there and what the
/// ledger says of the source or person named there, one after the other.
pub fn hover_at(
    publication: &Publication,
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let findings = hover(&publication.diagnostics, position);
    let cards = publication
        .ledger
        .as_deref()
        .and_then(|snapshot| ledger_cards(snapshot, position, encoding));
    match (findings, cards) {
        (None, None) => None,
        (Some(findings), None) => Some(findings),
        (None, Some((range, cards))) => Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: cards,
            }),
            range: Some(range),
        }),
        (Some(mut findings), Some((_, cards))) => {
            if let HoverContents::Markup(markup) = &mut findings.contents {
                markup.value = format!("{}\n\n---\n\n{cards}", markup.value);
            }
            Some(findings)
        }
    }
}

/// The ledger cards for the source and the person mentioned at `position`, with the range of
/// the mention.
fn ledger_cards(
    snapshot: &LedgerSnapshot,
    position: Position,
    encoding: Encoding,
) -> Option<(Range, String)> {
    let offset = encoding::position_to_byte(&snapshot.rope, position, encoding);
    let ledger = snapshot.ledger();
    let source = ledger.source_at(offset);
    let person = ledger.person_at(offset);
    let mention = source
        .and_then(|s| s.mentions.iter().find(|m| m.contains(offset)))
        .or_else(|| person.and_then(|p| p.mentions.iter().find(|m| m.contains(offset))))?;
    let mut cards = Vec::new();
    if let Some(source) = source {
        cards.push(source_card(snapshot, source));
    }
    if let Some(person) = person {
        cards.push(person_card(snapshot, person));
    }
    Some((
        snapshot.range(*mention, encoding),
        cards.join("\n\n---\n\n"),
    ))
}

/// What the story tells the reader about a source: what it is, how many, why it is not named
/// and where that is said, how it knows, what it says, and every mention.
pub fn source_card(snapshot: &LedgerSnapshot, source: &Source) -> String {
    let mut lines = vec![format!(
        "**{}**: {} (copydesk source ledger)",
        escape(&shortened(&one_line(&source.label), QUOTE_CHARS)),
        ledger::kind_label(source.kind)
    )];
    lines.push(String::new());
    match (source.count, source.plural) {
        (Some(1), _) => lines.push("- **Count:** one person".into()),
        (Some(n), _) => lines.push(format!("- **Count:** {n} people")),
        (None, true) => lines.push("- **Count:** a group; the story does not say how many".into()),
        (None, false) => {}
    }
    if !source.is_named() {
        lines.push(match (source.reason, source.unasked) {
            (Some(reason), _) => format!(
                "- **Reason for anonymity** ({}): {}",
                reason.kind.label(),
                quote_at(snapshot, reason.span)
            ),
            (None, Some(unasked)) => format!("- **Not asked for a reason:** {}", unasked.label()),
            (None, None) => "- **Reason for anonymity:** none given anywhere in the story".into(),
        });
    }
    lines.push(match source.basis {
        Some(basis) => format!("- **How the source knows:** {}", quote_at(snapshot, basis)),
        None => "- **How the source knows:** not said".into(),
    });
    match source.statements.as_slice() {
        [] => {}
        [only] => lines.push(format!("- **Says:** {}", quote_at(snapshot, *only))),
        [first, rest @ ..] => lines.push(format!(
            "- **Says** ({} statements): {} and {} more",
            rest.len() + 1,
            quote_at(snapshot, *first),
            rest.len()
        )),
    }
    lines.push(format!(
        "- **Mentions** ({}): {}",
        source.mentions.len(),
        source
            .mentions
            .iter()
            .map(|m| quote_at(snapshot, *m))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    lines.join("\n")
}

/// What the story establishes about a person it names.
pub fn person_card(snapshot: &LedgerSnapshot, person: &Person) -> String {
    let count = person.mentions.len();
    let lines = [
        format!(
            "**{}**: person (copydesk source ledger)",
            escape(&shortened(&one_line(&person.name), QUOTE_CHARS))
        ),
        String::new(),
        format!(
            "- **First reference:** {}",
            quote_at(snapshot, person.first)
        ),
        format!(
            "- **Mentions:** {count}, on line{} {}",
            plural(count),
            lines_of(snapshot, &person.mentions)
        ),
        format!(
            "- **Titles used:** {}",
            if person.titles.is_empty() {
                "none".to_string()
            } else {
                escape(&person.titles.join(", "))
            }
        ),
        format!(
            "- **Spellings seen:** {}",
            escape(&person.spellings.join(", "))
        ),
    ];
    lines.join("\n")
}

/// `line 3: “the words”`.
fn quote_at(snapshot: &LedgerSnapshot, span: Span) -> String {
    format!(
        "line {}: “{}”",
        snapshot.line(span),
        escape(&shortened(&snapshot.text(span), QUOTE_CHARS))
    )
}

/// "3, 5, 9": the distinct lines the spans start on.
fn lines_of(snapshot: &LedgerSnapshot, spans: &[Span]) -> String {
    let mut lines: Vec<usize> = spans.iter().map(|s| snapshot.line(*s)).collect();
    lines.dedup();
    lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One rule as Markdown: summary, explanation, then the wrong and right examples.
pub fn rule_markdown(rule: &Rule) -> String {
    format!(
        "**{}** (copydesk): {}\n\n{}\n\nFlagged:\n\n{}\n\nBetter:\n\n{}",
        escape(rule.id),
        escape(rule.summary),
        escape(rule.explanation),
        quoted(rule.wrong),
        quoted(rule.right),
    )
}

/// An example as a block quote, line by line.
fn quoted(example: &str) -> String {
    example
        .lines()
        .map(|line| format!("> {}", escape(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Backslash-escapes Markdown syntax, so examples show literally: an example that is an HTML
/// comment (`<!-- copydesk-disable… -->`) would otherwise render as nothing.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::rules;
    use tower_lsp_server::ls_types::DiagnosticSeverity;

    fn diagnostic(code: &str, range: Range) -> Diagnostic {
        Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String(code.into())),
            source: Some(SOURCE.into()),
            message: "m".into(),
            ..Diagnostic::default()
        }
    }

    fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Range {
        Range::new(Position::new(l1, c1), Position::new(l2, c2))
    }

    fn text_of(hover: &Hover) -> &str {
        text(hover)
    }

    fn text(hover: &Hover) -> &str {
        match &hover.contents {
            HoverContents::Markup(markup) => &markup.value,
            other => panic!("not markup: {other:?}"),
        }
    }

    #[test]
    fn hover_shows_the_rule_documentation_over_its_range_only() {
        let rule = rules::all().next().expect("at least one rule");
        let diagnostics = [diagnostic(rule.id, range(2, 4, 3, 1))];
        let shown = hover(&diagnostics, Position::new(2, 10)).expect("hover inside");
        assert_eq!(shown.range, Some(range(2, 4, 3, 1)));
        let markdown = text(&shown);
        assert!(markdown.contains(&escape(rule.summary)), "{markdown}");
        assert!(markdown.contains(&escape(rule.explanation)), "{markdown}");
        let first_wrong_line = rule.wrong.lines().next().unwrap_or_default();
        assert!(markdown.contains(&format!("> {}", escape(first_wrong_line))));
        assert!(hover(&diagnostics, Position::new(3, 0)).is_some());
        assert!(hover(&diagnostics, Position::new(2, 3)).is_none(), "before");
        assert!(
            hover(&diagnostics, Position::new(3, 1)).is_none(),
            "at the end"
        );
        assert!(hover(&diagnostics, Position::new(9, 0)).is_none());
    }

    #[test]
    fn overlapping_diagnostics_show_each_rule_once() {
        let mut rules = rules::all();
        let (a, b) = (rules.next().unwrap(), rules.next().unwrap());
        let diagnostics = [
            diagnostic(a.id, range(0, 0, 0, 9)),
            diagnostic(b.id, range(0, 2, 0, 5)),
            diagnostic(a.id, range(0, 3, 0, 4)),
        ];
        let shown = hover(&diagnostics, Position::new(0, 3)).unwrap();
        let markdown = text(&shown);
        assert_eq!(markdown.matches("---").count(), 1, "{markdown}");
        assert_eq!(markdown.matches("(copydesk)").count(), 2);
        assert_eq!(shown.range, Some(range(0, 0, 0, 9)));
    }

    #[test]
    fn foreign_and_unknown_diagnostics_have_no_hover() {
        let rule = rules::all().next().unwrap();
        let mut foreign = diagnostic(rule.id, range(0, 0, 0, 5));
        foreign.source = Some("spellcheck".into());
        let unknown = diagnostic("config-error", range(0, 0, 0, 5));
        let numeric = Diagnostic {
            code: Some(NumberOrString::Number(3)),
            ..diagnostic("x", range(0, 0, 0, 5))
        };
        assert!(hover(&[foreign, unknown, numeric], Position::new(0, 1)).is_none());
    }

    #[test]
    fn examples_that_are_html_comments_stay_visible() {
        let markdown = escape("<!-- copydesk-disable-next-line x -->");
        assert_eq!(markdown, "\\<\\!-- copydesk-disable-next-line x --\\>");
    }

    fn ledger_snapshot(text: &str) -> LedgerSnapshot {
        use copydesk_core::attribution::SourceKind;
        use copydesk_core::ledger::{AnonymityReason, Ledger, ReasonKind};
        let span = |words: &str| {
            let start = text.find(words).unwrap();
            Span::new(start, start + words.len())
        };
        let mut ledger = Ledger::default();
        ledger.sources.push(Source {
            label: "two aides".into(),
            kind: SourceKind::UnnamedPerson,
            mentions: vec![span("two aides"), span("The aides")],
            reason: Some(AnonymityReason {
                span: span("because they feared reprisals"),
                kind: ReasonKind::Explanation,
            }),
            basis: None,
            count: Some(2),
            plural: true,
            statements: vec![span("the deal was off")],
            person: None,
            unasked: None,
        });
        ledger.people.push(Person {
            name: "Ann Lee".into(),
            first: span("Ann Lee"),
            mentions: vec![span("Ann Lee"), {
                let start = text.rfind("Lee").unwrap();
                Span::new(start, start + 3)
            }],
            titles: vec!["Dr.".into()],
            spellings: vec!["Ann Lee".into(), "Lee".into()],
        });
        LedgerSnapshot::new(ledger, ropey::Rope::from_str(text))
    }

    #[test]
    fn a_source_mention_shows_its_card_beside_the_findings_there() {
        let text = "😀 Dr. Ann Lee met two aides; the deal was off.\nThe aides spoke because they feared reprisals. Lee left.";
        let snapshot = ledger_snapshot(text);
        let rule = rules::all().next().unwrap();
        let publication = Publication {
            version: 1,
            diagnostics: Arc::new(vec![diagnostic(rule.id, range(0, 19, 0, 28))]),
            encoded: None,
            ledger: Some(Arc::new(snapshot)),
        };
        // "two aides" starts after the emoji (two UTF-16 units) and 17 more: character 19.
        let shown = hover_at(&publication, Position::new(0, 20), Encoding::Utf16).unwrap();
        let markdown = text_of(&shown);
        assert!(markdown.contains("(copydesk):"), "{markdown}");
        assert!(
            markdown.contains("**two aides**: unnamed source"),
            "{markdown}"
        );
        assert!(markdown.contains("- **Count:** 2 people"), "{markdown}");
        assert!(
            markdown.contains("(explains why): line 2: “because they feared reprisals”"),
            "{markdown}"
        );
        assert!(
            markdown.contains("- **How the source knows:** not said"),
            "{markdown}"
        );
        assert!(
            markdown.contains("line 1: “two aides”; line 2: “The aides”"),
            "{markdown}"
        );
        // The later reference shows the same card, over its own words.
        let later = hover_at(&publication, Position::new(1, 1), Encoding::Utf16).unwrap();
        assert_eq!(later.range, Some(range(1, 0, 1, 9)));
        assert!(text_of(&later).contains("**two aides**"));
        assert!(!text_of(&later).contains("(copydesk):"));
    }

    #[test]
    fn a_person_mention_shows_the_person_card() {
        let text = "😀 Dr. Ann Lee met two aides; the deal was off.\nThe aides spoke because they feared reprisals. Lee left.";
        let publication = Publication {
            version: 1,
            diagnostics: Arc::new(Vec::new()),
            encoded: None,
            ledger: Some(Arc::new(ledger_snapshot(text))),
        };
        let utf8_column = text.find("Lee").unwrap() as u32 + 1;
        let shown = hover_at(&publication, Position::new(0, utf8_column), Encoding::Utf8).unwrap();
        let markdown = text_of(&shown);
        assert!(markdown.contains("**Ann Lee**: person"), "{markdown}");
        assert!(
            markdown.contains("First reference:** line 1: “Ann Lee”"),
            "{markdown}"
        );
        assert!(
            markdown.contains("**Mentions:** 2, on lines 1, 2"),
            "{markdown}"
        );
        assert!(markdown.contains("**Titles used:** Dr."), "{markdown}");
        assert!(
            markdown.contains("**Spellings seen:** Ann Lee, Lee"),
            "{markdown}"
        );
        assert!(hover_at(&publication, Position::new(0, 0), Encoding::Utf8).is_none());
    }

    #[test]
    fn published_diagnostics_are_only_served_for_their_version() {
        let published = Published::default();
        let uri: Uri = "file:///desk/story.md".parse().unwrap();
        assert!(published.for_version(&uri, 1).is_none());
        let replaced = published.record(
            uri.clone(),
            3,
            vec![diagnostic("x", range(0, 0, 0, 1))],
            None,
            None,
        );
        assert!(replaced.is_none());
        assert_eq!(published.for_version(&uri, 3).map(|d| d.len()), Some(1));
        let replaced = published.record(uri.clone(), 4, Vec::new(), None, None);
        assert_eq!(replaced.map(|p| p.version), Some(3));
        assert!(published.for_version(&uri, 3).is_none());
        assert_eq!(published.for_version(&uri, 4).map(|d| d.len()), Some(0));
        assert_eq!(published.latest(&uri).map(|p| p.version), Some(4));
        published.forget(&uri);
        assert!(published.latest(&uri).is_none());
        assert!(published.for_version(&uri, 4).is_none());
    }
}
