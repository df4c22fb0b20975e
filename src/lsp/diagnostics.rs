//! Findings as LSP diagnostics.

use super::encoding::{Encoding, PositionTable};
use crate::config_file::ConfigError;
use copydesk_core::{Finding, Severity, Span};
use ropey::Rope;
use serde_json::json;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

pub const SOURCE: &str = "copydesk";
/// The code of the diagnostic that reports an unreadable `.copydesk.toml`.
pub const CONFIG_ERROR_CODE: &str = "config-error";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Every finding of one analysis as a diagnostic. `text` is the rope's contents: the positions
/// of all the spans are found in one pass over it.
pub fn from_findings(
    findings: &[Finding],
    text: &str,
    rope: &Rope,
    uri: &Uri,
    encoding: Encoding,
) -> Vec<Diagnostic> {
    let spans = findings
        .iter()
        .flat_map(|f| std::iter::once(f.span()).chain(f.related().iter().map(|r| r.span)));
    let table = PositionTable::new(text, spans.flat_map(|s| [s.start, s.end]), encoding);
    let range = |span: Span| table.range(rope, span, encoding);
    findings
        .iter()
        .map(|finding| from_finding(finding, &range, uri))
        .collect()
}

/// One finding as a diagnostic. Related spans point into the same document; the suggested
/// replacement travels in `data` so a code action can offer it later without re-analysing.
fn from_finding(finding: &Finding, range: &dyn Fn(Span) -> Range, uri: &Uri) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related()
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(related.span)),
            message: related.message.to_string(),
        })
        .collect();
    Diagnostic {
        range: range(finding.span()),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.as_str().to_owned())),
        source: Some(SOURCE.to_string()),
        message: finding.message().to_string(),
        related_information: (!related.is_empty()).then_some(related),
        data: finding
            .suggestion()
            .map(|replacement| json!({ "suggestion": replacement })),
        ..Diagnostic::default()
    }
}

/// The one diagnostic shown when `.copydesk.toml` cannot be read: the checks still run with the
/// defaults, and the reporter learns why their house settings are not applied.
pub fn config_error(error: &ConfigError) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(CONFIG_ERROR_CODE.to_string())),
        source: Some(SOURCE.to_string()),
        message: format!(
            "copydesk could not read its configuration: {error}. Fix or remove that file; \
             until then this story is checked with the default rules."
        ),
        ..Diagnostic::default()
    }
}

/// The code of the diagnostic that says a document was not (fully) checked.
pub const NOT_CHECKED_CODE: &str = "not-checked";

/// Said at the top of a document the server did not finish checking, so the writer never
/// mistakes silence for a clean story.
pub fn not_checked(message: String) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::WARNING),
        code: Some(NumberOrString::String(NOT_CHECKED_CODE.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::rules::Rule;
    use copydesk_core::Category;

    static RULE: Rule = Rule {
        id: "test-rule",
        category: Category::AnonymousSource,
        default_severity: Severity::Warning,
        summary: "s",
        explanation: "e",
        wrong: "w",
        right: "r",
        example_preset: None,
        opt_in: false,
    };

    #[test]
    fn finding_maps_every_field() {
        let text = "Officials 😀 said.\nThe mayor said so.";
        let rope = Rope::from_str(text);
        let uri: Uri = "file:///tmp/story.md".parse().unwrap();
        let second = text.find("mayor").unwrap();
        let finding = Finding::new(&RULE, Span::new(0, 9), "Who are the officials?")
            .with_related(Span::new(second, second + 5), "named here")
            .with_suggestion("Two officials");
        let d = from_findings(&[finding], text, &rope, &uri, Encoding::Utf16).remove(0);
        assert_eq!(
            d.range,
            Range::new(Position::new(0, 0), Position::new(0, 9))
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(d.code, Some(NumberOrString::String("test-rule".into())));
        assert_eq!(d.source.as_deref(), Some("copydesk"));
        assert_eq!(d.message, "Who are the officials?");
        let related = d.related_information.unwrap();
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(
            related[0].location.range,
            Range::new(Position::new(1, 4), Position::new(1, 9))
        );
        assert_eq!(d.data, Some(json!({"suggestion": "Two officials"})));
    }

    #[test]
    fn config_error_names_the_file_and_sits_at_the_top() {
        let error = ConfigError {
            path: "/desk/.copydesk.toml".into(),
            line: Some(3),
            key: Some("preset".into()),
            message: "unknown preset".into(),
        };
        let d = config_error(&error);
        assert_eq!(d.range.start, Position::new(0, 0));
        assert!(d.message.contains("/desk/.copydesk.toml:3"));
        assert!(d.message.contains("default rules"));
    }
}
