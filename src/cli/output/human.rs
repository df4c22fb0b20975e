//! Compiler-style output: the finding, the source line with the span underlined, related
//! places as context, the suggestion as help, and a one-line summary.

use super::{FileReport, HumanOptions, Summary};
use crate::cli::line_index::LineIndex;
use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};
use copydesk::{Finding, Severity, Span};
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP.with_name("hint"),
    }
}

/// The whole lines a span touches, as a byte range into the source, and the first line number.
fn lines_of(index: &LineIndex, span: Span) -> (Range<usize>, usize) {
    let first = index.position(span.start).line;
    // A span ending just after a line break belongs to the line before it.
    let last = index
        .position(span.end.max(span.start + 1) - 1)
        .line
        .max(first);
    (
        index.line_range(first).start..index.line_range(last).end,
        first,
    )
}

/// `span` moved into a snippet that starts at byte `base`, clamped to it.
fn relative(span: Span, lines: &Range<usize>) -> Range<usize> {
    let start = span.start.clamp(lines.start, lines.end) - lines.start;
    let end = span.end.clamp(lines.start, lines.end) - lines.start;
    start..end
}

/// Messages quote the story, line breaks and all; a title reads better on one line.
fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    }
}

fn report_groups<'a>(
    report: &'a FileReport,
    index: &LineIndex,
    finding: &'a Finding,
) -> Vec<Group<'a>> {
    let source = report.source.as_str();
    let (lines, first_line) = lines_of(index, finding.span);
    let mut primary = Snippet::source(&source[lines.clone()])
        .line_start(first_line)
        .path(report.path.as_str())
        .annotation(AnnotationKind::Primary.span(relative(finding.span, &lines)));
    let mut elsewhere = Vec::new();
    for related in &finding.related {
        let (related_lines, related_first) = lines_of(index, related.span);
        if related_lines.start >= lines.start && related_lines.end <= lines.end {
            primary = primary.annotation(
                AnnotationKind::Context
                    .span(relative(related.span, &lines))
                    .label(one_line(&related.message)),
            );
        } else {
            elsewhere.push(
                Snippet::source(&source[related_lines.clone()])
                    .line_start(related_first)
                    .path(report.path.as_str())
                    .annotation(
                        AnnotationKind::Context
                            .span(relative(related.span, &related_lines))
                            .label(one_line(&related.message)),
                    ),
            );
        }
    }
    let mut title = level(finding.severity)
        .primary_title(one_line(&finding.message))
        .id(finding.rule)
        .element(primary);
    for snippet in elsewhere {
        title = title.element(snippet);
    }
    let mut groups = vec![title];
    if let Some(suggestion) = &finding.suggestion {
        groups.push(
            Level::HELP
                .secondary_title(format!("write `{suggestion}`"))
                .element(
                    Snippet::source(&source[lines.clone()])
                        .line_start(first_line)
                        .path(report.path.as_str())
                        .patch(Patch::new(
                            relative(finding.span, &lines),
                            suggestion.as_str(),
                        )),
                ),
        );
    }
    groups
}

pub fn render(
    reports: &[FileReport],
    summary: &Summary,
    options: HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports {
        if report.findings.is_empty() {
            continue;
        }
        let index = LineIndex::new(&report.source);
        for finding in &report.findings {
            let groups = report_groups(report, &index, finding);
            writeln!(out, "{}\n", renderer.render(&groups))?;
        }
    }
    if !options.quiet {
        writeln!(out, "{}", summary.line())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn rendered(reports: &[FileReport], options: HumanOptions) -> String {
        let mut out = Vec::new();
        render(reports, &Summary::of(reports), options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn like_a_compiler_with_related_note_and_help() {
        let source =
            "Maria Kellogg runs the mill.\n\nProfits fell.\n\n\u{201C}No,\u{201D} Kelog said.\n";
        let kellogg = source.find("Kellogg").unwrap();
        let finding = finding_at(
            &DRIFT,
            source,
            "Kelog",
            "'Kelog' is spelled 'Kellogg' earlier",
        )
        .with_related(
            Span::new(kellogg, kellogg + 7),
            "first spelled 'Kellogg' here",
        )
        .with_suggestion("Kellogg");
        let reports = [FileReport {
            path: "desk/story.md".into(),
            source: source.into(),
            findings: vec![finding],
            ..FileReport::default()
        }];
        let text = rendered(&reports, HumanOptions::default());
        eprintln!("{text}");
        assert!(text.contains("info[name-spelling-drift]: 'Kelog' is spelled 'Kellogg' earlier"));
        assert!(text.contains("--> desk/story.md:5:7"), "{text}");
        assert!(text.contains("\u{201C}No,\u{201D} Kelog said."));
        assert!(text.contains("^^^^^"));
        assert!(text.contains("first spelled 'Kellogg' here"));
        assert!(text.contains("desk/story.md:1:7"));
        assert!(text.contains("help: write `Kellogg`"));
        assert!(text.ends_with("1 file checked: 0 errors, 0 warnings, 1 info, 0 hints\n"));
        assert!(!text.contains('\u{1b}'), "no colour unless asked");
    }

    #[test]
    fn colour_only_when_asked_and_quiet_drops_the_summary() {
        let source = "Critics say so.\n";
        let reports = [FileReport {
            path: "a.txt".into(),
            source: source.into(),
            findings: vec![finding_at(&VAGUE, source, "Critics say", "Who?")],
            ..FileReport::default()
        }];
        let coloured = rendered(
            &reports,
            HumanOptions {
                color: true,
                quiet: true,
            },
        );
        assert!(coloured.contains('\u{1b}'));
        assert!(!coloured.contains("checked:"));
    }

    #[test]
    fn a_message_quoting_a_line_break_prints_on_one_line() {
        assert_eq!(
            one_line("\"two people familiar with the\n  talks\" is unnamed"),
            "\"two people familiar with the talks\" is unnamed"
        );
        assert!(matches!(one_line("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn a_span_at_the_very_end_or_across_lines_does_not_panic() {
        let source = "Line one\nline two";
        let reports = [FileReport {
            path: "a.txt".into(),
            source: source.into(),
            findings: vec![
                copydesk::Finding::new(&VAGUE, Span::new(5, 14), "across"),
                copydesk::Finding::new(&VAGUE, Span::new(source.len(), source.len() + 3), "past"),
            ],
            ..FileReport::default()
        }];
        let text = rendered(&reports, HumanOptions::default());
        assert!(text.contains("across") && text.contains("past"));
    }
}
