//! The story's ledger as the editor's outline (`textDocument/documentSymbol`): who is in the
//! story, in three groups ("Named sources", "Unnamed sources", "Other people"), each source or
//! person with its mentions as children.
//!
//! The ledger comes from the engine with the rest of an analysis; this module only converts its
//! byte spans to ranges in the negotiated encoding, against the very text it was built from.

use super::encoding::{self, Encoding};
use super::{lock, log};
use copydesk_core::ledger::{self, Ledger, Person, Source};
use copydesk_core::{PendingLedger, Span};
use ropey::Rope;
use std::panic::AssertUnwindSafe;
use std::sync::{Mutex, OnceLock};
use tower_lsp_server::ls_types::{DocumentSymbol, Position, Range, SymbolKind};

/// Outline entries longer than this are cut: an outline row is one line.
const NAME_CHARS: usize = 60;

/// A ledger with the document text it describes, kept together so spans always convert against
/// the version they were found in.
pub struct LedgerSnapshot {
    ledger: OnceLock<Ledger>,
    /// What completes the ledger, until the first request that reads it: an edit's analysis
    /// publishes its findings without the ledger ([`copydesk_core::EditAnalysis`]).
    pending: Mutex<Option<PendingLedger>>,
    pub rope: Rope,
}

impl LedgerSnapshot {
    #[cfg(test)]
    pub fn new(ledger: Ledger, rope: Rope) -> LedgerSnapshot {
        LedgerSnapshot {
            ledger: OnceLock::from(ledger),
            pending: Mutex::new(None),
            rope,
        }
    }

    pub fn pending(ledger: PendingLedger, rope: Rope) -> LedgerSnapshot {
        LedgerSnapshot {
            ledger: OnceLock::new(),
            pending: Mutex::new(Some(ledger)),
            rope,
        }
    }

    /// The ledger, completed by the first caller. A panic while completing it leaves an empty
    /// ledger and the server running, as a panicking analysis leaves the diagnostics.
    pub fn ledger(&self) -> &Ledger {
        self.ledger.get_or_init(|| {
            let Some(pending) = lock(&self.pending).take() else {
                return Ledger::default();
            };
            std::panic::catch_unwind(AssertUnwindSafe(|| pending.complete())).unwrap_or_else(|_| {
                log("completing the ledger panicked; the outline and hovers show none");
                Ledger::default()
            })
        })
    }

    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
        encoding::span_to_range(&self.rope, span, encoding)
    }

    /// The story's words under `span`, on one line.
    pub fn text(&self, span: Span) -> String {
        let end = span.end.min(self.rope.len_bytes());
        let start = span.start.min(end);
        // Spans from the engine fall on char boundaries of this very text; clamp regardless.
        let start = self.rope.char_to_byte(self.rope.byte_to_char(start));
        let end = self.rope.char_to_byte(self.rope.byte_to_char(end));
        one_line(&self.rope.byte_slice(start..end).to_string())
    }

    /// The 1-based line `span` starts on, as an editor numbers lines.
    pub fn line(&self, span: Span) -> usize {
        self.rope
            .byte_to_line(span.start.min(self.rope.len_bytes()))
            + 1
    }
}

/// Whitespace (line breaks included) folded to single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to `limit` characters, with an ellipsis when cut.
pub fn shortened(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Whether a source belongs to a group.
pub type Membership = fn(&Source) -> bool;

/// The outline groups in the order they are shown, with the sources each takes. Sources of a
/// kind that is neither named nor unnamed (a pronoun the engine could not resolve) get a group
/// of their own rather than being counted as either.
pub const GROUPS: [(&str, Membership); 3] = [
    ("Named sources", Source::is_named),
    ("Unnamed sources", Source::is_unnamed),
    ("Other sources", |s| !s.is_named() && !s.is_unnamed()),
];

pub const OTHER_PEOPLE: &str = "Other people";

/// The hierarchical outline; groups without members are left out.
pub fn document_symbols(snapshot: &LedgerSnapshot, encoding: Encoding) -> Vec<DocumentSymbol> {
    let ledger = snapshot.ledger();
    let mut groups = Vec::new();
    for (title, member) in GROUPS {
        let entities: Vec<DocumentSymbol> = ledger
            .sources
            .iter()
            .filter(|s| member(s))
            .filter_map(|s| source_symbol(snapshot, s, encoding))
            .collect();
        groups.extend(group(title, entities));
    }
    let people: Vec<DocumentSymbol> = ledger
        .other_people()
        .filter_map(|(_, p)| person_symbol(snapshot, p, encoding))
        .collect();
    groups.extend(group(OTHER_PEOPLE, people));
    groups
}

/// A group spans its members, so the outline can follow the cursor into it.
fn group(title: &str, members: Vec<DocumentSymbol>) -> Option<DocumentSymbol> {
    let first = members.first()?;
    let range = members
        .iter()
        .fold(first.range, |range, member| cover(range, member.range));
    let count = members.len();
    #[allow(deprecated)] // `deprecated` has no default; `tags` replaces it.
    Some(DocumentSymbol {
        name: title.to_string(),
        detail: Some(format!("{count}")),
        kind: SymbolKind::NAMESPACE,
        tags: None,
        deprecated: None,
        range,
        selection_range: first.selection_range,
        children: Some(members),
    })
}

fn source_symbol(
    snapshot: &LedgerSnapshot,
    source: &Source,
    encoding: Encoding,
) -> Option<DocumentSymbol> {
    let mut detail = vec![ledger::kind_label(source.kind).to_string()];
    match source.count {
        Some(1) => detail.push("one person".into()),
        Some(n) => detail.push(format!("{n} people")),
        None => {}
    }
    if source.is_unnamed() {
        detail.push(match (source.reason, source.unasked) {
            (Some(reason), _) => format!("reason: {}", reason.kind.label()),
            // The house asks no reason of it: say what it is instead of what it lacks.
            (None, Some(unasked)) => unasked.label().into(),
            (None, None) => "no reason given".into(),
        });
    }
    let kind = match source.kind {
        _ if source.is_unnamed() => SymbolKind::INTERFACE,
        copydesk_core::attribution::SourceKind::NamedPerson => SymbolKind::OBJECT,
        _ => SymbolKind::STRUCT,
    };
    entity(
        snapshot,
        &source.label,
        detail.join(", "),
        kind,
        &source.mentions,
        encoding,
    )
}

fn person_symbol(
    snapshot: &LedgerSnapshot,
    person: &Person,
    encoding: Encoding,
) -> Option<DocumentSymbol> {
    let count = person.mentions.len();
    let detail = format!("named, not quoted; {count} mention{}", plural(count));
    entity(
        snapshot,
        &person.name,
        detail,
        SymbolKind::OBJECT,
        &person.mentions,
        encoding,
    )
}

/// One source or person: it spans its mentions, is selected at its first, and lists every
/// mention as a child named by the words used there.
fn entity(
    snapshot: &LedgerSnapshot,
    name: &str,
    detail: String,
    kind: SymbolKind,
    mentions: &[Span],
    encoding: Encoding,
) -> Option<DocumentSymbol> {
    let children: Vec<DocumentSymbol> = mentions
        .iter()
        .map(|&span| {
            let range = snapshot.range(span, encoding);
            #[allow(deprecated)]
            DocumentSymbol {
                name: nonempty(shortened(&snapshot.text(span), NAME_CHARS)),
                detail: Some(format!("line {}", snapshot.line(span))),
                kind: SymbolKind::FIELD,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            }
        })
        .collect();
    let first = children.first()?;
    let range = children
        .iter()
        .fold(first.range, |range, child| cover(range, child.range));
    #[allow(deprecated)]
    Some(DocumentSymbol {
        name: nonempty(shortened(&one_line(name), NAME_CHARS)),
        detail: Some(detail),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: first.selection_range,
        children: Some(children),
    })
}

/// Clients reject symbols with empty names (VS Code throws).
fn nonempty(name: String) -> String {
    if name.is_empty() {
        "(unnamed)".to_string()
    } else {
        name
    }
}

fn cover(a: Range, b: Range) -> Range {
    let min = |x: Position, y: Position| if y < x { y } else { x };
    let max = |x: Position, y: Position| if y > x { y } else { x };
    Range::new(min(a.start, b.start), max(a.end, b.end))
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::attribution::SourceKind;

    fn source(label: &str, kind: SourceKind, mentions: &[(usize, usize)]) -> Source {
        Source {
            label: label.into(),
            kind,
            mentions: mentions.iter().map(|&(a, b)| Span::new(a, b)).collect(),
            reason: None,
            basis: None,
            count: None,
            plural: false,
            statements: Vec::new(),
            person: None,
            unasked: None,
        }
    }

    #[test]
    fn groups_hold_their_members_with_mentions_and_empty_groups_are_left_out() {
        let text = "😀 Two aides said so.\nThe aides said more. Ann Lee said no.";
        let at = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).unwrap().0;
            (start, start + word.len())
        };
        let mut ledger = Ledger::default();
        ledger.sources.push(source(
            "Two aides",
            SourceKind::UnnamedPerson,
            &[at("Two aides", 0), at("The aides", 0)],
        ));
        ledger.sources.push(source(
            "Ann Lee",
            SourceKind::NamedPerson,
            &[at("Ann Lee", 0)],
        ));
        let snapshot = LedgerSnapshot::new(ledger, Rope::from_str(text));
        let outline = document_symbols(&snapshot, Encoding::Utf16);
        let names: Vec<&str> = outline.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Named sources", "Unnamed sources"]);
        let unnamed = &outline[1].children.as_ref().unwrap()[0];
        assert_eq!(unnamed.name, "Two aides");
        let mentions = unnamed.children.as_ref().unwrap();
        assert_eq!(mentions.len(), 2);
        // The emoji is two UTF-16 units (four bytes) before "Two".
        assert_eq!(mentions[0].range.start, Position::new(0, 3));
        assert_eq!(mentions[1].range.start, Position::new(1, 0));
        assert_eq!(mentions[1].detail.as_deref(), Some("line 2"));
        assert_eq!(
            unnamed.range,
            Range::new(Position::new(0, 3), Position::new(1, 9))
        );
        assert_eq!(outline[1].range, unnamed.range);
        let utf8 = document_symbols(&snapshot, Encoding::Utf8);
        let first = &utf8[1].children.as_ref().unwrap()[0]
            .children
            .as_ref()
            .unwrap()[0];
        assert_eq!(first.range.start, Position::new(0, 5));
    }

    #[test]
    fn long_labels_are_cut_to_one_line() {
        let label = format!("people\nwho {}", "know ".repeat(30));
        let shown = shortened(&one_line(&label), NAME_CHARS);
        assert!(shown.starts_with("people who know"));
        assert!(shown.ends_with('…'));
        assert_eq!(shown.chars().count(), NAME_CHARS);
    }
}
