//! The JSON contract (`"version": 1`). Fields may be added; the ones here keep their names,
//! types and meaning.

use super::one_line;
use super::{FileReport, Summary};
use crate::cli::line_index::{LineIndex, Position};
use copydesk_core::Finding;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: Cow<'a, str>,
    span: SpanJson,
    range: Range,
    related: Vec<RelatedJson<'a>>,
    suggestion: Option<&'a str>,
    fingerprint: Option<&'a str>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    message: Cow<'a, str>,
    span: SpanJson,
    range: Range,
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Range {
    start: PositionJson,
    end: PositionJson,
}

#[derive(Serialize)]
struct PositionJson {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    hints: usize,
    /// Files that could not be read or checked.
    failed: usize,
}

impl From<Position> for PositionJson {
    fn from(p: Position) -> Self {
        PositionJson {
            line: p.line,
            column: p.column,
        }
    }
}

fn span_and_range(index: &LineIndex, span: copydesk_core::Span) -> (SpanJson, Range) {
    (
        SpanJson {
            start: span.start,
            end: span.end,
        },
        Range {
            start: index.position(span.start).into(),
            end: index.position(span.end).into(),
        },
    )
}

fn diagnostic<'a>(
    index: &LineIndex,
    finding: &'a Finding,
    fingerprint: Option<&'a str>,
) -> Diagnostic<'a> {
    let (span, range) = span_and_range(index, finding.span());
    Diagnostic {
        rule: finding.rule.as_str(),
        category: finding.category.as_str(),
        severity: finding.severity.as_str(),
        message: one_line(finding.message()),
        span,
        range,
        related: finding
            .related()
            .iter()
            .map(|related| {
                let (span, range) = span_and_range(index, related.span);
                RelatedJson {
                    message: one_line(&related.message),
                    span,
                    range,
                }
            })
            .collect(),
        suggestion: finding.suggestion(),
        fingerprint,
    }
}

pub fn render(reports: &[FileReport], summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let files = reports
        .iter()
        .map(|report| {
            let index = LineIndex::new(&report.source);
            File {
                path: &report.path,
                diagnostics: report
                    .findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        diagnostic(&index, f, report.fingerprints.get(i).map(String::as_str))
                    })
                    .collect(),
                error: report.error.as_deref(),
            }
        })
        .collect();
    let document = Document {
        version: VERSION,
        files,
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            hints: summary.hints,
            failed: summary.failed,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use serde_json::Value;

    fn rendered(reports: &[FileReport]) -> Value {
        let mut out = Vec::new();
        render(reports, &Summary::of(reports), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn the_contract_shape_is_pinned() {
        let source = "# Budget\n\nThe vote was close.\nCritics say the plan will fail.\n";
        let finding = finding_at(&VAGUE, source, "Critics say", "Who are the critics?");
        let reports = [FileReport {
            path: "story.md".into(),
            source: source.into(),
            findings: vec![finding],
            fingerprints: vec!["abc".into()],
            error: None,
        }];
        let start = source.find("Critics").unwrap();
        let expected = serde_json::json!({
            "version": 1,
            "files": [{
                "path": "story.md",
                "diagnostics": [{
                    "rule": "vague-attribution",
                    "category": "unattributed-claim",
                    "severity": "warning",
                    "message": "Who are the critics?",
                    "span": {"start": start, "end": start + 11},
                    "range": {"start": {"line": 4, "column": 1}, "end": {"line": 4, "column": 12}},
                    "related": [],
                    "suggestion": null,
                    "fingerprint": "abc"
                }]
            }],
            "summary": {"files": 1, "errors": 0, "warnings": 1, "infos": 0, "hints": 0, "failed": 0}
        });
        assert_eq!(rendered(&reports), expected);
    }

    #[test]
    fn related_spans_suggestions_and_errors_are_carried() {
        let source = "Anna Kellogg spoke.\n\n«Yes», Kelog said.";
        let finding = finding_at(&DRIFT, source, "Kelog", "Spelled 'Kellogg' before.")
            .with_related(
                copydesk_core::Span::new(5, 12),
                "first spelled 'Kellogg' here",
            )
            .with_suggestion("Kellogg");
        let reports = [
            FileReport {
                path: "a.md".into(),
                source: source.into(),
                findings: vec![finding],
                ..FileReport::default()
            },
            FileReport {
                path: "b.md".into(),
                error: Some("b.md: not UTF-8".into()),
                ..FileReport::default()
            },
        ];
        let json = rendered(&reports);
        let diagnostic = &json["files"][0]["diagnostics"][0];
        // «» are two bytes each: the column counts characters.
        assert_eq!(
            diagnostic["range"]["start"],
            serde_json::json!({"line": 3, "column": 8})
        );
        assert_eq!(
            diagnostic["related"][0]["message"],
            "first spelled 'Kellogg' here"
        );
        assert_eq!(diagnostic["related"][0]["range"]["start"]["column"], 6);
        assert_eq!(diagnostic["suggestion"], "Kellogg");
        assert_eq!(json["files"][1]["error"], "b.md: not UTF-8");
        assert_eq!(json["files"][1]["diagnostics"], serde_json::json!([]));
        assert!(json["files"][0].get("error").is_none());
        assert_eq!(json["summary"]["failed"], 1);
    }
}
