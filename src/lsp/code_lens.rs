//! The ledger's count at the top of the story (`textDocument/codeLens`: "7 named, 4 unnamed
//! sources; 2 without a reason"), and the whole ledger as data for editor plugins
//! (`copydesk/ledger`), which the VS Code status bar and the Neovim `:CopydeskSources` list read.

use super::encoding::Encoding;
use super::symbols::{LedgerSnapshot, GROUPS, OTHER_PEOPLE};
use copydesk_core::ledger;
use copydesk_core::Span;
use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{CodeLens, Command, Position, Range, Uri};

/// The client-side command a lens runs: the VS Code extension and the Neovim plugin register it
/// (it opens the outline or the source list). The server does not offer it through
/// `workspace/executeCommand`, so a client without it only shows the count.
pub const SHOW_SOURCES: &str = "copydesk.showSources";

/// One lens on the first line: the story's sourcing at a glance.
pub fn lenses(snapshot: &LedgerSnapshot, uri: &Uri) -> Vec<CodeLens> {
    let summary = snapshot.ledger().summary();
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    vec![CodeLens {
        range: top,
        command: Some(Command {
            title: summary.headline(),
            command: SHOW_SOURCES.to_string(),
            arguments: Some(vec![serde_json::Value::String(uri.as_str().to_string())]),
        }),
        data: None,
    }]
}

/// Parameters of `copydesk/ledger`.
#[derive(Debug, Deserialize)]
pub struct LedgerParams {
    pub uri: Uri,
}

/// The answer to `copydesk/ledger`: the ledger of the document's current version, ranges in the
/// negotiated encoding.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerReply {
    pub version: i32,
    pub summary: SummaryReply,
    /// The outline's groups, in its order, each with its entities.
    pub groups: Vec<GroupReply>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryReply {
    pub named: usize,
    pub unnamed: usize,
    pub unnamed_without_reason: usize,
    pub people: usize,
    pub headline: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupReply {
    pub title: &'static str,
    pub entities: Vec<EntityReply>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityReply {
    pub label: String,
    /// A stable identifier ("unnamed-person", "named-person", …; "person" for other people).
    pub kind: &'static str,
    /// What the outline and the hover say of it ("unnamed source, 2 people, no reason given").
    pub detail: String,
    pub mentions: Vec<TextReply>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<TextReply>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextReply {
    pub range: Range,
    pub text: String,
}

pub fn ledger_reply(snapshot: &LedgerSnapshot, version: i32, encoding: Encoding) -> LedgerReply {
    let ledger = snapshot.ledger();
    let summary = ledger.summary();
    let texts = |spans: &[Span]| -> Vec<TextReply> {
        spans
            .iter()
            .map(|&span| TextReply {
                range: snapshot.range(span, encoding),
                text: snapshot.text(span),
            })
            .collect()
    };
    let mut groups: Vec<GroupReply> = GROUPS
        .iter()
        .map(|(title, member)| GroupReply {
            title,
            entities: ledger
                .sources
                .iter()
                .filter(|s| member(s))
                .map(|source| {
                    let mut detail = vec![ledger::kind_label(source.kind).to_string()];
                    if let Some(n) = source.count {
                        detail.push(if n == 1 {
                            "one person".to_string()
                        } else {
                            format!("{n} people")
                        });
                    }
                    if source.is_unnamed() {
                        detail.push(match (source.reason, source.unasked) {
                            (Some(reason), _) => format!("reason: {}", reason.kind.label()),
                            (None, Some(unasked)) => unasked.label().to_string(),
                            (None, None) => "no reason given".to_string(),
                        });
                    }
                    EntityReply {
                        label: source.label.clone(),
                        kind: ledger::kind_id(source.kind),
                        detail: detail.join(", "),
                        mentions: texts(&source.mentions),
                        reason: source.reason.map(|reason| TextReply {
                            range: snapshot.range(reason.span, encoding),
                            text: snapshot.text(reason.span),
                        }),
                    }
                })
                .collect(),
        })
        .collect();
    groups.push(GroupReply {
        title: OTHER_PEOPLE,
        entities: ledger
            .other_people()
            .map(|(_, person)| EntityReply {
                label: person.name.clone(),
                kind: "person",
                detail: format!(
                    "named, not quoted; spellings: {}",
                    person.spellings.join(", ")
                ),
                mentions: texts(&person.mentions),
                reason: None,
            })
            .collect(),
    });
    groups.retain(|group| !group.entities.is_empty());
    LedgerReply {
        version,
        summary: SummaryReply {
            named: summary.named,
            unnamed: summary.unnamed,
            unnamed_without_reason: summary.unnamed_without_reason,
            people: summary.people,
            headline: summary.headline(),
        },
        groups,
    }
}
