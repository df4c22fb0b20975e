//! Quick fixes for copydesk diagnostics: take the finding's suggested wording, or switch the
//! rule off for one line with a suppression comment the reporter can see and an editor can
//! review.
//!
//! Actions are built only from diagnostics the server published for the document's current
//! version, so an edit never lands on words that have moved since; when the client can check
//! versions itself, the edit also carries that version.

use super::encoding::{byte_to_position, range_to_bytes, Encoding};
use super::hover::rule_of;
use copydesk_core::suppress::DirectiveKind;
use copydesk_core::Category;
use ropey::Rope;
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionContext, CodeActionKind, CodeActionOrCommand, Diagnostic,
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit,
    TextEdit, Uri, WorkspaceEdit,
};

/// Hints about suppression comments come after suppressions are applied: a comment cannot
/// silence them, so no "disable" action is offered for this rule.
const UNSUPPRESSIBLE: &str = "unused-suppression";

/// The document the actions edit, as the server has it now.
pub struct Target<'a> {
    pub uri: &'a Uri,
    pub version: i32,
    pub rope: &'a Rope,
    pub encoding: Encoding,
    /// The client applies versioned edits (`workspace.workspaceEdit.documentChanges`), so it
    /// can refuse one made for an older version.
    pub versioned: bool,
}

/// The quick fixes for a `textDocument/codeAction` request. `published` are the diagnostics
/// published for `target`'s current version.
pub fn actions(
    target: &Target,
    requested: Range,
    context: &CodeActionContext,
    published: &[Diagnostic],
) -> Vec<CodeActionOrCommand> {
    if !wants_quickfix(context.only.as_deref()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut disabled: Vec<(&str, u32)> = Vec::new();
    for diagnostic in relevant(requested, &context.diagnostics, published) {
        let Some(rule) = rule_of(diagnostic) else {
            continue;
        };
        if let Some(action) = replacement(target, diagnostic) {
            out.push(action);
        }
        if rule.id == UNSUPPRESSIBLE {
            continue;
        }
        let edit = disable_for_line(target.rope, target.encoding, rule.id, diagnostic.range);
        // One comment per rule and line, however many findings of the rule are on it.
        if disabled.contains(&(rule.id, edit.range.start.line)) {
            continue;
        }
        disabled.push((rule.id, edit.range.start.line));
        out.push(action(
            disable_title(rule.id),
            diagnostic,
            workspace_edit(target, edit),
            false,
        ));
    }
    out
}

/// A directive name that is also a category name covers the whole category (see
/// `copydesk_core::suppress`), and the title says so.
fn disable_title(rule: &str) -> String {
    if Category::ALL
        .iter()
        .any(|category| category.as_str() == rule)
    {
        format!("Disable all {rule} rules for this line")
    } else {
        format!("Disable {rule} for this line")
    }
}

/// Whether `only` (the kinds the client asked for) admits quick fixes: a kind includes its
/// sub-kinds, so `quickfix` and the empty kind both do.
fn wants_quickfix(only: Option<&[CodeActionKind]>) -> bool {
    let quickfix = CodeActionKind::QUICKFIX;
    only.is_none_or(|kinds| {
        kinds.iter().any(|kind| {
            kind.as_str().is_empty()
                || kind == &quickfix
                || quickfix
                    .as_str()
                    .strip_prefix(kind.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// The published diagnostics the request is about: the ones the client sent back, when it
/// sent any of ours (matched against what was published, so a stale or forged one is
/// ignored and `data` comes from the server's copy); otherwise every one touching the range.
fn relevant<'a>(
    requested: Range,
    sent: &[Diagnostic],
    published: &'a [Diagnostic],
) -> Vec<&'a Diagnostic> {
    let ours: Vec<&Diagnostic> = sent.iter().filter(|d| rule_of(d).is_some()).collect();
    if ours.is_empty() {
        return published
            .iter()
            .filter(|d| d.range.start <= requested.end && requested.start <= d.range.end)
            .collect();
    }
    published
        .iter()
        .filter(|p| {
            ours.iter()
                .any(|s| s.range == p.range && s.code == p.code && s.message == p.message)
        })
        .collect()
}

/// "Replace with '…'" when the finding carries a suggestion that differs from the text.
fn replacement(target: &Target, diagnostic: &Diagnostic) -> Option<CodeActionOrCommand> {
    let suggestion = diagnostic.data.as_ref()?.get("suggestion")?.as_str()?;
    let bytes = range_to_bytes(target.rope, diagnostic.range, target.encoding);
    let current = target.rope.get_byte_slice(bytes.clone())?;
    if current == suggestion {
        return None;
    }
    // Back through positions: a range past the end or reversed comes out clamped and ordered.
    let range = Range::new(
        byte_to_position(target.rope, bytes.start, target.encoding),
        byte_to_position(target.rope, bytes.end, target.encoding),
    );
    let edit = TextEdit::new(range, suggestion.to_string());
    let shown: String = suggestion
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Some(action(
        format!("Replace with '{shown}'"),
        diagnostic,
        workspace_edit(target, edit),
        true,
    ))
}

/// Switches `rule` off for the line where the diagnostic starts (the line a suppression
/// tests) without changing how the story reads to the checks. A comment on a line of its own
/// ends a paragraph in Markdown and in plain text alike, so it may only go above a line that
/// starts one: there it is `<!-- copydesk-disable-next-line RULE -->`, indented and ended like
/// that line. Inside a paragraph the comment goes into the line itself as
/// `<!-- copydesk-disable-line RULE -->`: at its end when the finding ends on it, otherwise
/// just before the finding, so it never lands inside the words it is about. Only a finding
/// that starts a continuation line and runs onto the next leaves no such place, and gets the
/// comment above. Prose extraction blanks HTML comments in both formats.
pub fn disable_for_line(rope: &Rope, encoding: Encoding, rule: &str, range: Range) -> TextEdit {
    let bytes = range_to_bytes(rope, range, encoding);
    let line = rope.byte_to_line(bytes.start);
    let line_start = rope.line_to_byte(line);
    let at = |byte: usize| {
        let position = byte_to_position(rope, byte, encoding);
        Range::new(position, position)
    };
    let blank = |line: usize| rope.line(line).chars().all(char::is_whitespace);
    let inline = format!("<!-- {} {rule} -->", DirectiveKind::Line.keyword());
    if line > 0 && !blank(line - 1) {
        let content_end = line_start + content_len(rope, line);
        if bytes.end <= content_end {
            return TextEdit::new(at(content_end), format!(" {inline}"));
        }
        let before = rope.byte_slice(line_start..bytes.start);
        if !before.chars().all(char::is_whitespace) {
            return TextEdit::new(at(bytes.start), format!("{inline} "));
        }
    }
    let indent: String = rope
        .line(line)
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .collect();
    let comment = format!("<!-- {} {rule} -->", DirectiveKind::NextLine.keyword());
    TextEdit::new(
        at(line_start),
        format!("{indent}{comment}{}", line_ending(rope, line)),
    )
}

/// Bytes of `line` before its terminator (`\n`, `\r\n` or `\r`).
fn content_len(rope: &Rope, line: usize) -> usize {
    let text = rope.line(line);
    let mut len = text.len_bytes();
    for terminator in [b'\n', b'\r'] {
        if len > 0 && text.get_byte(len - 1) == Some(terminator) {
            len -= 1;
        }
    }
    len
}

/// `\r\n` when the line (or, on a last line without one, the line before) ends so; otherwise
/// `\n`, which suppressions read as a line break even in a file of lone `\r`s.
fn line_ending(rope: &Rope, line: usize) -> &'static str {
    let ends_crlf = |line: usize| {
        let text = rope.line(line);
        let n = text.len_chars();
        n >= 2 && text.char(n - 2) == '\r' && text.char(n - 1) == '\n'
    };
    let own = rope.line(line);
    let terminated = own
        .len_chars()
        .checked_sub(1)
        .is_some_and(|last| matches!(own.char(last), '\n' | '\r'));
    let crlf = if terminated {
        ends_crlf(line)
    } else {
        line.checked_sub(1).is_some_and(ends_crlf)
    };
    if crlf {
        "\r\n"
    } else {
        "\n"
    }
}

fn workspace_edit(target: &Target, edit: TextEdit) -> WorkspaceEdit {
    if target.versioned {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: target.uri.clone(),
                    version: Some(target.version),
                },
                edits: vec![OneOf::Left(edit)],
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(target.uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }
    }
}

fn action(
    title: String,
    diagnostic: &Diagnostic,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::diagnostics::SOURCE;
    use copydesk_core::rules;
    use serde_json::json;
    use tower_lsp_server::ls_types::{DiagnosticSeverity, NumberOrString, Position};

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    fn rule_id() -> &'static str {
        rules::all()
            .find(|rule| {
                rule.id != UNSUPPRESSIBLE && Category::ALL.iter().all(|c| c.as_str() != rule.id)
            })
            .expect("a rule")
            .id
    }

    fn diagnostic(range: Range, suggestion: Option<&str>) -> Diagnostic {
        Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String(rule_id().into())),
            source: Some(SOURCE.into()),
            message: "Who are the officials?".into(),
            data: suggestion.map(|s| json!({ "suggestion": s })),
            ..Diagnostic::default()
        }
    }

    fn context(diagnostics: Vec<Diagnostic>) -> CodeActionContext {
        CodeActionContext {
            diagnostics,
            only: None,
            trigger_kind: None,
        }
    }

    fn code_actions(list: Vec<CodeActionOrCommand>) -> Vec<CodeAction> {
        list.into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a,
                CodeActionOrCommand::Command(c) => panic!("a bare command: {c:?}"),
            })
            .collect()
    }

    /// The single edit of an action, whichever way the workspace edit carries it.
    fn single_edit(action: &CodeAction) -> TextEdit {
        let edit = action.edit.as_ref().expect("an edit");
        match (&edit.document_changes, &edit.changes) {
            (Some(DocumentChanges::Edits(docs)), None) => match &docs[0].edits[..] {
                [OneOf::Left(e)] => e.clone(),
                other => panic!("{other:?}"),
            },
            (None, Some(changes)) => changes.values().next().unwrap()[0].clone(),
            other => panic!("{other:?}"),
        }
    }

    /// Applies a text edit to `text` (UTF-16 positions) through a rope, as an editor would.
    fn apply(text: &str, edit: &TextEdit) -> String {
        let mut rope = Rope::from_str(text);
        let bytes = range_to_bytes(&rope, edit.range, Encoding::Utf16);
        let (s, e) = (rope.byte_to_char(bytes.start), rope.byte_to_char(bytes.end));
        rope.remove(s..e);
        rope.insert(s, &edit.new_text);
        rope.to_string()
    }

    fn target<'a>(uri: &'a Uri, rope: &'a Rope, versioned: bool) -> Target<'a> {
        Target {
            uri,
            version: 7,
            rope,
            encoding: Encoding::Utf16,
            versioned,
        }
    }

    #[test]
    fn suggestion_becomes_a_preferred_replacement_on_the_range() {
        let text = "Intro.\n\nThe 😀 officials said the plan would fail.\n";
        let rope = Rope::from_str(text);
        let uri: Uri = "file:///desk/story.md".parse().unwrap();
        // "officials" starts after "The 😀 " = 3 + 1 + 2 (surrogate pair) + 1 UTF-16 units.
        let d = diagnostic(Range::new(pos(2, 7), pos(2, 16)), Some("two officials"));
        let found = code_actions(actions(
            &target(&uri, &rope, true),
            d.range,
            &context(vec![d.clone()]),
            std::slice::from_ref(&d),
        ));
        assert_eq!(found.len(), 2, "{found:?}");
        let replace = &found[0];
        assert_eq!(replace.title, "Replace with 'two officials'");
        assert_eq!(replace.kind, Some(CodeActionKind::QUICKFIX));
        assert_eq!(replace.is_preferred, Some(true));
        let Some(DocumentChanges::Edits(docs)) = &replace.edit.as_ref().unwrap().document_changes
        else {
            panic!("versioned edit expected");
        };
        assert_eq!(docs[0].text_document.version, Some(7));
        assert_eq!(
            apply(text, &single_edit(replace)),
            "Intro.\n\nThe 😀 two officials said the plan would fail.\n"
        );
        assert_eq!(
            found[1].title,
            format!("Disable {} for this line", rule_id())
        );
        assert_eq!(found[1].is_preferred, None);
    }

    #[test]
    fn out_of_range_and_reversed_ranges_are_clamped() {
        let text = "Officials said.";
        let rope = Rope::from_str(text);
        let uri: Uri = "file:///desk/story.txt".parse().unwrap();
        let d = diagnostic(Range::new(pos(9, 3), pos(0, 10)), Some("Two officials"));
        let found = code_actions(actions(
            &target(&uri, &rope, false),
            Range::new(pos(0, 0), pos(0, 0)),
            &context(vec![d.clone()]),
            std::slice::from_ref(&d),
        ));
        let edit = single_edit(&found[0]);
        assert_eq!(edit.range, Range::new(pos(0, 10), pos(0, 15)));
        assert_eq!(apply(text, &edit), "Officials Two officials");
        assert!(found[0].edit.as_ref().unwrap().changes.is_some());
        let disable = single_edit(&found[1]);
        assert_eq!(disable.range, Range::new(pos(0, 0), pos(0, 0)));
    }

    #[test]
    fn a_suggestion_equal_to_the_text_is_not_offered() {
        let rope = Rope::from_str("Two officials said.");
        let uri: Uri = "file:///desk/story.txt".parse().unwrap();
        let d = diagnostic(Range::new(pos(0, 0), pos(0, 13)), Some("Two officials"));
        let found = code_actions(actions(
            &target(&uri, &rope, true),
            d.range,
            &context(vec![d.clone()]),
            std::slice::from_ref(&d),
        ));
        assert_eq!(found.len(), 1);
        assert!(found[0].title.starts_with("Disable "));
    }

    #[test]
    fn only_published_diagnostics_get_actions() {
        let rope = Rope::from_str("Officials said.\nSources said.\n");
        let uri: Uri = "file:///desk/story.txt".parse().unwrap();
        let published = diagnostic(Range::new(pos(0, 0), pos(0, 9)), Some("Two officials"));
        let mut forged = published.clone();
        forged.range = Range::new(pos(1, 0), pos(1, 7));
        let none = actions(
            &target(&uri, &rope, true),
            forged.range,
            &context(vec![forged]),
            std::slice::from_ref(&published),
        );
        assert!(none.is_empty(), "{none:?}");
        // No diagnostics sent: whatever was published on the requested range.
        let by_range = actions(
            &target(&uri, &rope, true),
            Range::new(pos(0, 3), pos(0, 3)),
            &context(Vec::new()),
            std::slice::from_ref(&published),
        );
        assert_eq!(by_range.len(), 2);
        let elsewhere = actions(
            &target(&uri, &rope, true),
            Range::new(pos(1, 3), pos(1, 3)),
            &context(Vec::new()),
            std::slice::from_ref(&published),
        );
        assert!(elsewhere.is_empty());
    }

    #[test]
    fn a_rule_named_like_its_category_is_disabled_as_the_category() {
        assert_eq!(
            disable_title("anonymous-source"),
            "Disable all anonymous-source rules for this line"
        );
        assert_eq!(
            disable_title(rule_id()),
            format!("Disable {} for this line", rule_id())
        );
    }

    /// Every range over a grid of positions, in and past a mixed-script text, in both
    /// encodings: no panic, and every edit applies to the text.
    #[test]
    fn any_range_gives_edits_that_apply() {
        let text = "A 😀 source\r\nsaid 東京\rwas\n\n  é officials\n";
        let rope = Rope::from_str(text);
        let uri: Uri = "file:///desk/story.txt".parse().unwrap();
        let mut edits = 0;
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let points: Vec<Position> = (0..7)
                .flat_map(|line| (0..16).map(move |c| pos(line, c)))
                .collect();
            for &a in &points {
                for &b in points.iter().step_by(9) {
                    let d = diagnostic(Range::new(a, b), Some("two officials"));
                    let t = Target {
                        encoding,
                        ..target(&uri, &rope, false)
                    };
                    for found in code_actions(actions(
                        &t,
                        d.range,
                        &context(vec![d.clone()]),
                        std::slice::from_ref(&d),
                    )) {
                        let edit = single_edit(&found);
                        let mut copy = rope.clone();
                        let bytes = range_to_bytes(&copy, edit.range, encoding);
                        let start = copy.byte_to_char(bytes.start);
                        copy.remove(start..copy.byte_to_char(bytes.end));
                        copy.insert(start, &edit.new_text);
                        assert!(copy.to_string().contains(&edit.new_text));
                        edits += 1;
                    }
                }
            }
        }
        assert!(edits > 0);
    }

    #[test]
    fn kinds_the_client_did_not_ask_for_are_not_offered() {
        assert!(wants_quickfix(None));
        assert!(wants_quickfix(Some(&[CodeActionKind::QUICKFIX])));
        assert!(wants_quickfix(Some(&[CodeActionKind::EMPTY])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::REFACTOR])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::new("quick")])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::new("quickfix.x")])));
    }

    /// Where the comment goes, by the finding's place in its paragraph.
    fn disabled(text: &str, range: Range) -> String {
        let rope = Rope::from_str(text);
        apply(text, &disable_for_line(&rope, Encoding::Utf16, "r", range))
    }

    #[test]
    fn at_a_paragraph_start_the_comment_goes_on_its_own_line_above() {
        let text = "Intro.\r\n\r\n  Officials said so,\r\nsources added.\r\n\r\nEnd";
        assert_eq!(
            disabled(text, Range::new(pos(2, 2), pos(2, 11))),
            "Intro.\r\n\r\n  <!-- copydesk-disable-next-line r -->\r\n  Officials said so,\r\nsources added.\r\n\r\nEnd"
        );
        // The last line has no ending of its own: the one before it is copied.
        assert!(disabled(text, Range::new(pos(5, 0), pos(5, 3)))
            .ends_with("\r\n<!-- copydesk-disable-next-line r -->\r\nEnd"));
        assert_eq!(
            disabled("Sources said.", Range::new(pos(0, 0), pos(0, 7))),
            "<!-- copydesk-disable-next-line r -->\nSources said."
        );
        assert_eq!(
            disabled("", Range::new(pos(5, 5), pos(6, 0))),
            "<!-- copydesk-disable-next-line r -->\n"
        );
    }

    #[test]
    fn inside_a_paragraph_the_comment_stays_on_the_line() {
        // Ends on its line: the comment goes at the end, before the line ending.
        assert_eq!(
            disabled(
                "The plan failed, one\r\nofficial said.\r\nNothing more.",
                Range::new(pos(1, 0), pos(1, 8))
            ),
            "The plan failed, one\r\nofficial said. <!-- copydesk-disable-line r -->\r\nNothing more."
        );
        // Runs onto the next line: the comment goes just before the finding.
        assert_eq!(
            disabled(
                "The plan failed,\nsaid two people familiar with\nthe talks.",
                Range::new(pos(1, 5), pos(2, 9))
            ),
            "The plan failed,\nsaid <!-- copydesk-disable-line r --> two people familiar with\nthe talks."
        );
        // Starts a continuation line and runs on: only the line above is left.
        assert_eq!(
            disabled(
                "The plan failed, said\ntwo people familiar with\nthe talks.",
                Range::new(pos(1, 0), pos(2, 9))
            ),
            "The plan failed, said\n<!-- copydesk-disable-next-line r -->\ntwo people familiar with\nthe talks."
        );
    }

    #[test]
    fn one_disable_action_per_rule_and_line_and_none_for_unused_suppressions() {
        let rope = Rope::from_str("Officials and sources said.\n");
        let uri: Uri = "file:///desk/story.txt".parse().unwrap();
        let a = diagnostic(Range::new(pos(0, 0), pos(0, 9)), None);
        let b = diagnostic(Range::new(pos(0, 14), pos(0, 21)), None);
        let hint = Diagnostic {
            code: Some(NumberOrString::String(UNSUPPRESSIBLE.into())),
            ..diagnostic(Range::new(pos(0, 0), pos(0, 3)), None)
        };
        let published = [a.clone(), b.clone(), hint.clone()];
        let found = actions(
            &target(&uri, &rope, true),
            Range::new(pos(0, 0), pos(0, 21)),
            &context(vec![a, b, hint]),
            &published,
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
