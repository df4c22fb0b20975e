//! What `copydesk check` prints: one checked file per [`FileReport`], in one of four formats.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use copydesk_core::{Finding, Severity};
use std::borrow::Cow;
use std::io::{self, Write};

/// Messages quote the story, line breaks and all; a message reads better on one line, and
/// tools that read the output line by line (or a CI log) must not see a quoted line break as a
/// new record.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(is_line_break) {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A file name or message made safe for a terminal or CI log: control characters (a newline in
/// a file name could start a line with `::error::`, which GitHub Actions runs as a workflow
/// command; an escape sequence could restyle the terminal) are shown escaped, as `\n`.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || is_line_break(c);
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One checked (or unreadable) file, ready for printing.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// As shown to the user: relative to the working folder where possible, forward slashes.
    pub path: String,
    /// The file as read (empty when it could not be read).
    pub source: String,
    pub findings: Vec<Finding>,
    /// Baseline fingerprints, one per finding, in the same order.
    pub fingerprints: Vec<String>,
    /// Why the file could not be checked.
    pub error: Option<String>,
}

/// Counts over every file, after any baseline has been applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
    /// Files that could not be checked at all.
    pub failed: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut summary = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for report in reports {
            if report.error.is_some() {
                summary.failed += 1;
            }
            for finding in &report.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                    Severity::Hint => summary.hints += 1,
                }
            }
        }
        summary
    }

    /// Files that were read and checked.
    pub fn checked(&self) -> usize {
        self.files - self.failed
    }

    /// "3 files checked: 0 errors, 1 warning, 4 infos, 0 hints".
    pub fn line(&self) -> String {
        if self.checked() == 0 && self.failed > 0 {
            return format!(
                "no file checked: {} could not be checked",
                plural(self.failed, "file", "files")
            );
        }
        let mut line = format!(
            "{} checked: {}, {}, {}, {}",
            plural(self.checked(), "file", "files"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
            plural(self.hints, "hint", "hints"),
        );
        if self.failed > 0 {
            line.push_str(&format!(
                "; {} could not be checked",
                plural(self.failed, "file", "files")
            ));
        }
        line
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Annotated source, like a compiler.
    Human,
    /// The stable JSON contract (`"version": 1`).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    pub color: bool,
    pub quiet: bool,
}

pub fn render(
    format: Format,
    reports: &[FileReport],
    human: HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = Summary::of(reports);
    match format {
        Format::Human => human::render(reports, &summary, human, out),
        Format::Json => json::render(reports, &summary, out),
        Format::Sarif => sarif::render(reports, out),
        Format::Github => github::render(reports, out),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use copydesk_core::rules::Rule;
    use copydesk_core::{Category, Finding, Severity, Span};

    pub static VAGUE: Rule = Rule {
        id: "vague-attribution",
        category: Category::UnattributedClaim,
        default_severity: Severity::Warning,
        summary: "Attribution to nobody in particular.",
        explanation: "Readers cannot weigh a claim whose source is 'critics'.",
        wrong: "Critics say the plan will fail.",
        right: "Two opposition lawmakers, Ana Ruiz and Tom Bell, said the plan will fail.",
        example_preset: None,
        opt_in: false,
    };

    pub static DRIFT: Rule = Rule {
        id: "name-spelling-drift",
        category: Category::NameConsistency,
        default_severity: Severity::Info,
        summary: "A surname spelled two ways.",
        explanation: "Later references must match the first.",
        wrong: "Maria Kellogg ... Kelog said.",
        right: "Maria Kellogg ... Kellogg said.",
        example_preset: None,
        opt_in: false,
    };

    /// A finding on the first occurrence of `needle` in `source`.
    pub fn finding_at(rule: &'static Rule, source: &str, needle: &str, msg: &str) -> Finding {
        let start = source.find(needle).expect("needle in source");
        Finding::new(rule, Span::new(start, start + needle.len()), msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages_cannot_break_a_line() {
        assert_eq!(printable("a\n::error::x.md"), "a\\n::error::x.md");
        assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert!(matches!(printable("plain/é.md"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\r\n  b\u{2028}c"), "a b c");
    }

    #[test]
    fn summary_counts_by_severity_and_pluralises() {
        use test_support::*;
        let source = "Critics say it. Kelog said.";
        let mut drift = finding_at(&DRIFT, source, "Kelog", "spelled two ways");
        drift.severity = Severity::Hint;
        let reports = vec![
            FileReport {
                path: "a.md".into(),
                source: source.into(),
                findings: vec![finding_at(&VAGUE, source, "Critics say", "vague"), drift],
                ..FileReport::default()
            },
            FileReport {
                path: "b.md".into(),
                error: Some("unreadable".into()),
                ..FileReport::default()
            },
        ];
        let summary = Summary::of(&reports);
        assert_eq!(
            summary.line(),
            "1 file checked: 0 errors, 1 warning, 0 infos, 1 hint; 1 file could not be checked"
        );
        let nothing = Summary::of(&reports[1..]);
        assert_eq!(
            nothing.line(),
            "no file checked: 1 file could not be checked"
        );
    }
}
