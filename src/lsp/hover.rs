//! Hover over a copydesk diagnostic: the rule's documentation from the registry, so a reporter
//! learns why the phrase is circled without leaving the story.
//!
//! Also keeps the diagnostics last published for each document. Hover and code actions read
//! them instead of analysing again: both run on the message loop, where an analysis of a long
//! manuscript would stall every keystroke behind it.

use super::diagnostics::SOURCE;
use super::lock;
use copydesk_core::rules::{self, Rule};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_lsp_server::ls_types::{
    Diagnostic, Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString, Position, Range,
    Uri,
};

/// One publication: the document version and the diagnostics published for it.
type Publication = (i32, Arc<Vec<Diagnostic>>);

/// The diagnostics last published per document, with the version they describe.
#[derive(Default)]
pub struct Published {
    by_uri: Mutex<HashMap<Uri, Publication>>,
}

impl Published {
    pub fn record(&self, uri: Uri, version: i32, diagnostics: Vec<Diagnostic>) {
        lock(&self.by_uri).insert(uri, (version, Arc::new(diagnostics)));
    }

    pub fn forget(&self, uri: &Uri) {
        lock(&self.by_uri).remove(uri);
    }

    /// The diagnostics published for `version` of `uri`; `None` when the document has changed
    /// since, because their ranges may no longer point at the words they were about.
    pub fn for_version(&self, uri: &Uri, version: i32) -> Option<Arc<Vec<Diagnostic>>> {
        lock(&self.by_uri)
            .get(uri)
            .filter(|(published, _)| *published == version)
            .map(|(_, diagnostics)| diagnostics.clone())
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

    #[test]
    fn published_diagnostics_are_only_served_for_their_version() {
        let published = Published::default();
        let uri: Uri = "file:///desk/story.md".parse().unwrap();
        assert!(published.for_version(&uri, 1).is_none());
        published.record(uri.clone(), 3, vec![diagnostic("x", range(0, 0, 0, 1))]);
        assert_eq!(published.for_version(&uri, 3).map(|d| d.len()), Some(1));
        assert!(published.for_version(&uri, 4).is_none());
        published.forget(&uri);
        assert!(published.for_version(&uri, 3).is_none());
    }
}
