//! Compiler-style output: the finding, the source line with the span underlined, related
//! places as context, the suggestion as help, and a one-line summary.

use super::{one_line, printable, FileReport, HumanOptions, Summary};
use crate::cli::line_index::LineIndex;
use annotate_snippets::{
    Annotation, AnnotationKind, Group, Level, Origin, Patch, Renderer, Snippet,
};
use copydesk_core::{Finding, Severity, Span};
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

/// Lines longer than this are cut to a window around the span, so a story pasted as one huge
/// line prints quickly and readably.
const LONG_EXCERPT: usize = 2048;
/// Context kept on each side of the span in a cut line.
const WINDOW: usize = 160;

/// What to show around a span: whole lines normally, a window of a very long line otherwise.
struct Excerpt {
    range: Range<usize>,
    first_line: usize,
    /// The excerpt starts inside a line, so its columns are not the file's.
    cut: bool,
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn excerpt(source: &str, index: &LineIndex, span: Span) -> Excerpt {
    let first = index.position(span.start).line;
    // A span ending just after a line break belongs to the line before it.
    let last = index
        .position(span.end.max(span.start + 1) - 1)
        .line
        .max(first);
    let lines = index.line_range(first).start..index.line_range(last).end;
    if lines.len() <= LONG_EXCERPT {
        return Excerpt {
            range: lines,
            first_line: first,
            cut: false,
        };
    }
    let start = floor_boundary(source, span.start.saturating_sub(WINDOW).max(lines.start));
    let end = span
        .end
        .saturating_add(WINDOW)
        .min(lines.end)
        .min(start + LONG_EXCERPT);
    let end = floor_boundary(source, end).max(start);
    Excerpt {
        first_line: index.position(start).line,
        range: start..end,
        cut: true,
    }
}

/// `span` moved into a snippet that starts at byte `base`, clamped to it.
fn relative(span: Span, lines: &Range<usize>) -> Range<usize> {
    let start = span.start.clamp(lines.start, lines.end) - lines.start;
    let end = span.end.clamp(lines.start, lines.end) - lines.start;
    start..end
}

/// A snippet of `report` around `span`; cut excerpts carry their true position in an origin
/// line instead of the snippet's path, since the snippet's own columns start mid-line.
fn snippet<'a, T: Clone>(
    report: &'a FileReport,
    index: &LineIndex,
    span: Span,
) -> (Option<Origin<'a>>, Snippet<'a, T>, Range<usize>) {
    let cut = excerpt(&report.source, index, span);
    let source = &report.source[cut.range.clone()];
    let snippet = Snippet::source(source).line_start(cut.first_line);
    if cut.cut {
        let at = index.position(span.start);
        let origin = Origin::path(report.path.as_str())
            .line(at.line)
            .char_column(at.column);
        (Some(origin), snippet, cut.range)
    } else {
        (None, snippet.path(report.path.as_str()), cut.range)
    }
}

fn report_groups<'a>(
    report: &'a FileReport,
    index: &LineIndex,
    finding: &'a Finding,
) -> Vec<Group<'a>> {
    let (origin, primary, lines) = snippet::<Annotation>(report, index, finding.span());
    let mut primary =
        primary.annotation(AnnotationKind::Primary.span(relative(finding.span(), &lines)));
    let mut elsewhere = Vec::new();
    for related in finding.related() {
        let inside = related.span.start >= lines.start && related.span.end <= lines.end;
        if inside {
            primary = primary.annotation(
                AnnotationKind::Context
                    .span(relative(related.span, &lines))
                    .label(one_line(&related.message)),
            );
        } else {
            let (origin, snippet, range) = snippet::<Annotation>(report, index, related.span);
            elsewhere.push((
                origin,
                snippet.annotation(
                    AnnotationKind::Context
                        .span(relative(related.span, &range))
                        .label(one_line(&related.message)),
                ),
            ));
        }
    }
    let title = level(finding.severity)
        .primary_title(one_line(finding.message()))
        .id(finding.rule.as_str());
    // A cut excerpt goes in a group of its own: in the title's group, a snippet without a path
    // after an origin line would be drawn as a second, nameless file.
    let mut groups = Vec::new();
    let mut group = match origin {
        Some(origin) => {
            groups.push(title.element(origin));
            Group::with_level(level(finding.severity)).element(primary)
        }
        None => title.element(primary),
    };
    for (origin, snippet) in elsewhere {
        if let Some(origin) = origin {
            groups.push(group.element(origin));
            group = Group::with_level(level(finding.severity));
        }
        group = group.element(snippet);
    }
    groups.push(group);
    if let Some(suggestion) = finding.suggestion() {
        let (origin, snippet, range) = snippet(report, index, finding.span());
        let snippet = snippet.patch(Patch::new(relative(finding.span(), &range), suggestion));
        let help = Level::HELP.secondary_title(format!("write `{suggestion}`"));
        groups.push(match origin {
            Some(origin) => help.element(origin).element(snippet),
            None => help.element(snippet),
        });
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
        // A file name holding a line break would otherwise print a line of its own choosing.
        let report = match printable(&report.path) {
            Cow::Borrowed(_) => Cow::Borrowed(report),
            Cow::Owned(path) => Cow::Owned(FileReport {
                path,
                ..report.clone()
            }),
        };
        let index = LineIndex::new(&report.source);
        for finding in &report.findings {
            let groups = report_groups(&report, &index, finding);
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
    fn a_story_on_one_huge_line_is_cut_around_each_finding_with_true_positions() {
        let filler = "The council met and talked about the budget for a long time. ".repeat(400);
        let source = format!("{filler}Critics say it failed. {filler}");
        let findings: Vec<_> = (0..50)
            .map(|_| {
                finding_at(&VAGUE, &source, "Critics say", "Who?")
                    .with_suggestion("Two analysts say")
            })
            .collect();
        let column = filler.chars().count() + 1;
        let reports = [FileReport {
            path: "one-line.txt".into(),
            source: source.clone(),
            findings,
            ..FileReport::default()
        }];
        let text = rendered(&reports, HumanOptions::default());
        assert!(
            text.contains(&format!("--> one-line.txt:1:{column}")),
            "{}",
            &text[..600]
        );
        assert!(text.contains("Critics say it failed."));
        // Fifty findings, each showing a window rather than the 50 KB line.
        assert!(text.len() < 50 * 2 * 1200, "{} bytes", text.len());
    }

    #[test]
    fn a_span_at_the_very_end_or_across_lines_does_not_panic() {
        let source = "Line one\nline two";
        let reports = [FileReport {
            path: "a.txt".into(),
            source: source.into(),
            findings: vec![
                copydesk_core::Finding::new(&VAGUE, Span::new(5, 14), "across"),
                copydesk_core::Finding::new(
                    &VAGUE,
                    Span::new(source.len(), source.len() + 3),
                    "past",
                ),
            ],
            ..FileReport::default()
        }];
        let text = rendered(&reports, HumanOptions::default());
        assert!(text.contains("across") && text.contains("past"));
    }
}
