//! SARIF 2.1.0, as GitHub code scanning reads it.
//!
//! Columns are Unicode code points (`columnKind`), the same as the JSON output, instead of
//! SARIF's default UTF-16 units; line and column are 1-based, end column exclusive.

use super::one_line;
use super::FileReport;
use crate::cli::line_index::LineIndex;
use crate::cli::rules::{help_markdown, help_text, rule_url, HOMEPAGE};
use copydesk_core::rules::{self, Rule};
use copydesk_core::{Severity, Span};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const FINGERPRINT_KEY: &str = "copydeskFingerprint/v1";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn rule_descriptor(rule: &Rule) -> Value {
    json!({
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "helpUri": rule_url(rule.id),
        "defaultConfiguration": {"level": level(rule.default_severity)},
        "properties": {"tags": [rule.category.as_str()]},
    })
}

/// A relative URI reference for a display path: forward slashes, reserved bytes escaped.
pub fn uri_for(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    let absolute = path.starts_with('/');
    if absolute {
        uri.push_str("file://");
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

fn region(index: &LineIndex, span: Span) -> Value {
    let start = index.position(span.start);
    let end = index.position(span.end);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn location(uri: &str, index: &LineIndex, span: Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region(index, span),
        }
    })
}

pub fn document(reports: &[FileReport]) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut rule_index: HashMap<&str, usize> = HashMap::new();
    for rule in rules::all() {
        rule_index.insert(rule.id, rules.len());
        rules.push(rule_descriptor(rule));
    }
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in reports {
        let uri = uri_for(&report.path);
        if let Some(error) = &report.error {
            notifications.push(json!({
                "level": "error",
                "message": {"text": error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            }));
            continue;
        }
        let index = LineIndex::new(&report.source);
        for (i, finding) in report.findings.iter().enumerate() {
            let rule = *rule_index.entry(finding.rule.as_str()).or_insert_with(|| {
                // A rule outside the registry still needs a descriptor for the index to point at.
                rules.push(json!({"id": finding.rule, "helpUri": rule_url(finding.rule.as_str())}));
                rules.len() - 1
            });
            let mut result = json!({
                "ruleId": finding.rule,
                "ruleIndex": rule,
                "level": level(finding.severity),
                "message": {"text": one_line(finding.message())},
                "locations": [location(&uri, &index, finding.span())],
                "properties": {"severity": finding.severity.as_str(), "category": finding.category.as_str()},
            });
            if let Some(fingerprint) = report.fingerprints.get(i) {
                result["partialFingerprints"] = json!({ FINGERPRINT_KEY: fingerprint });
            }
            if !finding.related().is_empty() {
                result["relatedLocations"] = finding
                    .related()
                    .iter()
                    .enumerate()
                    .map(|(id, related)| {
                        let mut loc = location(&uri, &index, related.span);
                        loc["id"] = json!(id);
                        loc["message"] = json!({"text": one_line(&related.message)});
                        loc
                    })
                    .collect();
            }
            if let Some(suggestion) = finding.suggestion() {
                result["fixes"] = json!([{
                    "description": {"text": format!("Replace with '{suggestion}'")},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": region(&index, finding.span()),
                            "insertedContent": {"text": suggestion},
                        }],
                    }],
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": HOMEPAGE,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(reports))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn schema_check(document: &Value) {
        let schema_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sarif-schema-2.1.0.json");
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource("sarif.json", schema).unwrap();
        let id = compiler.compile("sarif.json", &mut schemas).unwrap();
        if let Err(error) = schemas.validate(document, id) {
            panic!("SARIF output is not schema-valid: {error:#}");
        }
    }

    #[test]
    fn uris_are_relative_with_reserved_bytes_escaped() {
        assert_eq!(uri_for("news/my story#1.md"), "news/my%20story%231.md");
        assert_eq!(uri_for("/abs/é.md"), "file:///abs/%C3%A9.md");
    }

    #[test]
    fn results_point_at_rules_and_code_point_columns() {
        let source = "Intro.\n«Hi», critics say.\nKelog said.\n";
        let vague = finding_at(&VAGUE, source, "critics say", "Who?");
        let drift = finding_at(&DRIFT, source, "Kelog", "Spelled 'Kellogg' first.")
            .with_related(Span::new(0, 5), "first spelled here")
            .with_suggestion("Kellogg");
        let reports = [
            FileReport {
                path: "desk/a story.md".into(),
                source: source.into(),
                findings: vec![vague, drift],
                fingerprints: vec!["f1".into(), "f2".into()],
                error: None,
            },
            FileReport {
                path: "b.md".into(),
                error: Some("b.md: unreadable".into()),
                ..FileReport::default()
            },
        ];
        let doc = document(&reports);
        schema_check(&doc);
        let run = &doc["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
        let region = &results[0]["locations"][0]["physicalLocation"]["region"];
        // «Hi», is six characters but eight bytes: column 7 in code points.
        assert_eq!(region["startColumn"], 7);
        assert_eq!(region["endColumn"], 18);
        assert_eq!(results[0]["level"], "warning");
        assert_eq!(results[1]["level"], "note");
        assert_eq!(
            results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "desk/a%20story.md"
        );
        assert_eq!(results[1]["partialFingerprints"][FINGERPRINT_KEY], "f2");
        assert_eq!(
            results[1]["relatedLocations"][0]["message"]["text"],
            "first spelled here"
        );
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    }

    #[test]
    fn an_empty_run_is_schema_valid() {
        schema_check(&document(&[]));
    }
}
