//! GitHub Actions workflow commands: `::warning file=…,line=…::message`, which the runner turns
//! into annotations on the pull request.

use super::{one_line, FileReport};
use crate::cli::line_index::LineIndex;
use copydesk_core::Severity;
use std::io::{self, Write};

/// GitHub has three annotation levels; info and hint both become notices.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

/// Escaping for the message part, as the runner's `escapeData` does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for `key=value` properties, as the runner's `escapeProperty` does.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        let file = escape_property(&report.path);
        if let Some(error) = &report.error {
            writeln!(
                out,
                "::error file={file},title={}::{}",
                escape_property("copydesk could not check this file"),
                escape_data(error)
            )?;
            continue;
        }
        let index = LineIndex::new(&report.source);
        for finding in &report.findings {
            let start = index.position(finding.span().start);
            let end = index.position(finding.span().end);
            let mut message = one_line(finding.message()).into_owned();
            if let Some(suggestion) = finding.suggestion() {
                message.push_str(&format!("\nSuggestion: {suggestion}"));
            }
            writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(finding.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(finding.rule.as_str()),
                escape_data(&message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(escape_property("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
        // Colons and commas are left alone in the message.
        assert_eq!(escape_data("a: b, c"), "a: b, c");
    }

    #[test]
    fn one_annotation_per_finding_with_positions_and_levels() {
        let source = "Intro.\nCritics say 50% of it, so far.\n";
        let mut finding = finding_at(&VAGUE, source, "Critics say", "Who, exactly?\nName them.");
        finding.severity = Severity::Info;
        let reports = [
            FileReport {
                path: "news/a,b:c.md".into(),
                source: source.into(),
                findings: vec![finding.with_suggestion("Two analysts said")],
                ..FileReport::default()
            },
            FileReport {
                path: "bad.md".into(),
                error: Some("bad.md: not UTF-8".into()),
                ..FileReport::default()
            },
        ];
        let mut out = Vec::new();
        render(&reports, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "::notice file=news/a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=12,title=vague-attribution::Who, exactly? Name them.%0ASuggestion: Two analysts said",
                "::error file=bad.md,title=copydesk could not check this file::bad.md: not UTF-8",
            ]
        );
    }
}
