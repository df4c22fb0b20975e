//! Reading `<!-- copydesk-… -->` comments out of the original text, in one pass.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `copydesk-disable-next-line`: the next non-blank line that is not itself a directive.
    NextLine,
    /// `copydesk-disable-line`: the line the comment is on.
    Line,
    /// `copydesk-disable`: from here to the matching enable (or the end of the file).
    Disable,
    /// `copydesk-enable`.
    Enable,
    /// `copydesk-disable-file`: the whole story.
    File,
}

impl Kind {
    pub const fn keyword(self) -> &'static str {
        match self {
            Kind::NextLine => "copydesk-disable-next-line",
            Kind::Line => "copydesk-disable-line",
            Kind::Disable => "copydesk-disable",
            Kind::Enable => "copydesk-enable",
            Kind::File => "copydesk-disable-file",
        }
    }
}

/// A rule id or category name written in a directive, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
    /// Empty means every rule.
    pub names: Vec<Name>,
}

/// Every directive in `source`, in order. Comments inside fenced code blocks or inline code
/// are examples, not directives, and are skipped.
pub fn find(source: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    // Built at the first comment: most stories have none, and the server asks on every
    // keystroke, where a line-by-line walk of a manuscript for code spans cost more than the
    // search for "<!--" itself.
    let mut code: Option<CodeRanges> = None;
    let mut from = 0;
    while let Some(open) = source
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest.as_bytes(), b"<!--"))
    {
        let start = from + open;
        let body_start = start + 4;
        let Some(close) = source
            .get(body_start..)
            .and_then(|rest| memchr::memmem::find(rest.as_bytes(), b"-->"))
        else {
            break;
        };
        let body_end = body_start + close;
        let end = body_end + 3;
        from = end;
        if code
            .get_or_insert_with(|| CodeRanges::new(source))
            .contains(start)
        {
            continue;
        }
        if let Some(directive) = parse(source, body_start, body_end, Span::new(start, end)) {
            out.push(directive);
        }
    }
    out
}

fn parse(source: &str, body_start: usize, body_end: usize, span: Span) -> Option<Directive> {
    let body = source.get(body_start..body_end)?;
    let mut words = words(body).map(|(s, e)| (body_start + s, body_start + e));
    let (ks, ke) = words.next()?;
    let keyword = source.get(ks..ke)?;
    let kind = [
        Kind::NextLine,
        Kind::Line,
        Kind::Disable,
        Kind::Enable,
        Kind::File,
    ]
    .into_iter()
    .find(|k| k.keyword() == keyword)?;
    let mut names = Vec::new();
    for (s, e) in words {
        let text = source.get(s..e).unwrap_or("");
        // `-- why` after the rules is a free-text reason, as in ESLint.
        if text == "--" {
            break;
        }
        names.push(Name {
            text: text.to_owned(),
            span: Span::new(s, e),
        });
    }
    Some(Directive { kind, span, names })
}

/// Byte ranges of the words of `body`, split on whitespace and commas.
fn words(body: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let sep = |c: char| c.is_whitespace() || c == ',';
        let rest = body.get(pos..)?;
        let skip = rest.find(|c: char| !sep(c))?;
        let start = pos + skip;
        let len = body.get(start..)?.find(sep).unwrap_or(body.len() - start);
        pos = start + len;
        Some((start, start + len))
    })
}

/// Fenced code blocks and inline code spans, found line by line.
struct CodeRanges {
    ranges: Vec<(usize, usize)>,
}

impl CodeRanges {
    fn new(source: &str) -> CodeRanges {
        let mut ranges = Vec::new();
        let mut fence: Option<(char, usize, usize)> = None; // (char, length, start offset)
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            let trimmed = line.trim_start_matches(' ');
            let indent = line.len() - trimmed.len();
            let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
            let run = marker.map_or(0, |c| trimmed.chars().take_while(|x| *x == c).count());
            match (fence, marker) {
                (None, Some(c)) if indent < 4 && run >= 3 => fence = Some((c, run, offset)),
                (Some((c, len, start)), Some(m)) if m == c && run >= len && indent < 4 => {
                    ranges.push((start, offset + line.len()));
                    fence = None;
                }
                (None, _) => inline_code(line, offset, &mut ranges),
                _ => {}
            }
            offset += line.len();
        }
        if let Some((_, _, start)) = fence {
            ranges.push((start, source.len()));
        }
        CodeRanges { ranges }
    }

    fn contains(&self, offset: usize) -> bool {
        let i = self.ranges.partition_point(|&(_, end)| end <= offset);
        self.ranges
            .get(i)
            .is_some_and(|&(start, _)| start <= offset)
    }
}

/// Backtick spans within one line (enough for `<!-- … -->` written as an example).
fn inline_code(line: &str, offset: usize, out: &mut Vec<(usize, usize)>) {
    let mut open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        if c == '`' {
            match open {
                None => open = Some(i),
                Some(start) => {
                    out.push((offset + start, offset + i + 1));
                    open = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kind_and_names() {
        let text =
            "A.\n<!-- copydesk-disable-next-line one-rule, other-rule -- checked with desk -->\nB.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::NextLine);
        let names: Vec<&str> = found[0].names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(names, ["one-rule", "other-rule"]);
        assert_eq!(found[0].names[0].span.text(text), "one-rule");
    }

    #[test]
    fn other_comments_and_code_are_ignored() {
        let text = "<!-- a note -->\n```\n<!-- copydesk-disable -->\n```\nSay `<!-- copydesk-disable -->` here.\n<!-- copydesk-disable-file -->";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::File);
    }

    #[test]
    fn unclosed_comment_is_not_a_directive() {
        assert!(find("<!-- copydesk-disable").is_empty());
    }
}
