//! Inline suppressions written in the story itself.
//!
//! ```text
//! <!-- copydesk-disable-next-line RULE [RULE…] -->   the next non-blank line
//! <!-- copydesk-disable-line RULE -->                the comment's own line
//! <!-- copydesk-disable RULE --> … <!-- copydesk-enable RULE -->   a range
//! <!-- copydesk-disable-file RULE -->                the whole story
//! ```
//!
//! Without a RULE a directive covers every rule. A category name (`anonymous-source`,
//! `unattributed-claim`, `name-consistency`) covers every rule of that category; where a name is
//! both a rule id and a category (`anonymous-source`) it covers the whole category. A finding is
//! on a line when its span starts there. Comments are read from the original text (Markdown
//! blanks them in the prose copy), so they work the same in `.md` and `.txt`.
//!
//! A suppression that hides nothing, names an unknown rule, or an enable that closes no disable
//! is reported as an `unused-suppression` hint (category `suppression`), so stale comments do
//! not pile up. This runs after the checks, on every family's findings.

mod directives;
mod unchecked;

use crate::finding::Finding;
use crate::rules::{self, Category, UNUSED_SUPPRESSION};
use crate::span::Span;
use crate::text::{Lines, Story};
use directives::{Directive, Kind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

pub use directives::Kind as DirectiveKind;

/// Drops findings that the story's own suppression comments switch off, and adds hints for
/// suppressions that are unused or name unknown rules.
pub fn apply(story: &Story, findings: &mut Vec<Finding>) {
    apply_with(story, findings, &|id| rules::find(id).is_some());
}

/// [`apply`] with the set of known rule ids given by `is_known` instead of the registry.
pub fn apply_with(story: &Story, findings: &mut Vec<Finding>, is_known: &dyn Fn(&str) -> bool) {
    findings.extend(unchecked::findings(story));
    // Directives, lines and "the next line" read lone CRs as line ends, as editors do.
    let source = crate::text::extract::lone_cr_as_lf(story.source());
    let source = source.as_ref();
    let directives = directives::find(source);
    if directives.is_empty() {
        return;
    }
    let lines = Lines::new(source);
    let mut state = Sweep::new(source, &directives, &lines);

    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].span().start);
    let mut suppressed = vec![false; findings.len()];
    for i in order {
        suppressed[i] = state.suppresses(&findings[i]);
    }
    let mut keep = suppressed.into_iter().map(|s| !s);
    findings.retain(|_| keep.next().unwrap_or(true));

    let hints = state.hints(is_known);
    // `copydesk-disable-file unused-suppression` silences the hints, its own included.
    let hints_off = directives
        .iter()
        .any(|d| d.kind == Kind::File && d.names.iter().any(|n| n.text == UNUSED_SUPPRESSION.id));
    if !hints_off {
        findings.extend(hints);
    }
}

/// For each line, whether it has text outside directive comments. Directives are in order and
/// do not overlap, so one pass over the bytes does it.
fn content_lines(source: &str, directives: &[Directive], lines: &Lines<'_>) -> Vec<bool> {
    let bytes = source.as_bytes();
    let mut content = vec![false; lines.count()];
    let mut next = directives.iter().peekable();
    let mut line = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(directive) = next.next_if(|d| d.span.start <= i) {
            i = i.max(directive.span.end);
            line = lines.line_of(i);
            continue;
        }
        match bytes[i] {
            b'\n' => line += 1,
            b if b.is_ascii_whitespace() => {}
            _ => {
                if let Some(slot) = content.get_mut(line) {
                    *slot = true;
                }
            }
        }
        i += 1;
    }
    content
}

/// Whether a directive name covers a finding: its rule id or its category.
fn covers(name: &str, finding: &Finding) -> bool {
    name == finding.rule || name == finding.category.as_str()
}

/// (directive, name index); name index 0 stands for "every rule" when a directive has none.
type Use = (usize, usize);

struct Sweep<'d> {
    directives: &'d [Directive],
    used: Vec<Vec<bool>>,
    /// Findings on a line are checked against the line and next-line directives aimed at it.
    by_line: HashMap<usize, Vec<usize>>,
    file_wide: Vec<usize>,
    lines: &'d Lines<'d>,
    /// Range directives in order, and how far the sweep has gone.
    ranges: Vec<usize>,
    next_range: usize,
    all_off: Option<usize>,
    off: HashMap<&'d str, Use>,
    /// Re-enabled while everything else stays disabled.
    except: HashSet<&'d str>,
    /// Enable comments that closed nothing, with the name (if any) that closed nothing.
    stray_enables: Vec<(usize, Option<usize>)>,
}

impl<'d> Sweep<'d> {
    fn new(source: &str, directives: &'d [Directive], lines: &'d Lines<'d>) -> Sweep<'d> {
        let source_lines = lines.count();
        // A next-line directive skips blank lines and lines holding only directives; computing
        // each line's next content line from the end keeps stacked directives linear.
        let content_line = content_lines(source, directives, lines);
        let mut next_content = vec![usize::MAX; source_lines + 1];
        for l in (0..source_lines).rev() {
            next_content[l] = if content_line[l] {
                l
            } else {
                next_content[l + 1]
            };
        }
        let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut ranges = Vec::new();
        let mut file_wide = Vec::new();
        for (d, directive) in directives.iter().enumerate() {
            match directive.kind {
                Kind::Line => by_line
                    .entry(lines.line_of(directive.span.start))
                    .or_default()
                    .push(d),
                Kind::NextLine => {
                    let after = lines.line_of(directive.span.end.saturating_sub(1)) + 1;
                    let target = next_content.get(after).copied().unwrap_or(usize::MAX);
                    if target != usize::MAX {
                        by_line.entry(target).or_default().push(d);
                    }
                }
                Kind::Disable | Kind::Enable => ranges.push(d),
                Kind::File => file_wide.push(d),
            }
        }
        Sweep {
            directives,
            used: directives
                .iter()
                .map(|d| vec![false; d.names.len().max(1)])
                .collect(),
            by_line,
            file_wide,
            lines,
            ranges,
            next_range: 0,
            all_off: None,
            off: HashMap::new(),
            except: HashSet::new(),
            stray_enables: Vec::new(),
        }
    }

    /// Whether directive `d` covers `finding`; marks the name that does as used.
    fn take(&mut self, d: usize, finding: &Finding) -> bool {
        let names = &self.directives[d].names;
        if names.is_empty() {
            self.used[d][0] = true;
            return true;
        }
        match names.iter().position(|n| covers(&n.text, finding)) {
            Some(n) => {
                self.used[d][n] = true;
                true
            }
            None => false,
        }
    }

    /// Findings must come in order of their start.
    fn suppresses(&mut self, finding: &Finding) -> bool {
        let at = finding.span().start;
        self.advance_ranges(at);
        for i in 0..self.file_wide.len() {
            if self.take(self.file_wide[i], finding) {
                return true;
            }
        }
        let line = self.lines.line_of(at);
        if let Some(list) = self.by_line.get(&line).cloned() {
            for d in list {
                if self.take(d, finding) {
                    return true;
                }
            }
        }
        let rule_hit = self.off.get(&*finding.rule).copied();
        let category_hit = self.off.get(finding.category.as_str()).copied();
        if let Some((d, n)) = rule_hit.or(category_hit) {
            self.used[d][n] = true;
            return true;
        }
        if let Some(d) = self.all_off {
            let excepted = self.except.iter().any(|name| covers(name, finding));
            if !excepted {
                self.used[d][0] = true;
                return true;
            }
        }
        false
    }

    /// Applies every disable/enable comment that starts at or before `at`.
    fn advance_ranges(&mut self, at: usize) {
        while let Some(&d) = self.ranges.get(self.next_range) {
            let directive = &self.directives[d];
            if directive.span.start > at {
                break;
            }
            self.next_range += 1;
            match (directive.kind, directive.names.is_empty()) {
                (Kind::Disable, true) => {
                    self.all_off = Some(d);
                    self.except.clear();
                }
                (Kind::Disable, false) => {
                    for (n, name) in directive.names.iter().enumerate() {
                        self.except.remove(name.text.as_str());
                        self.off.entry(name.text.as_str()).or_insert((d, n));
                    }
                }
                (Kind::Enable, true) => {
                    if self.all_off.is_none() && self.off.is_empty() {
                        self.stray_enables.push((d, None));
                    }
                    self.all_off = None;
                    self.off.clear();
                    self.except.clear();
                }
                (Kind::Enable, false) => {
                    for (n, name) in directive.names.iter().enumerate() {
                        let closed = self.off.remove(name.text.as_str()).is_some();
                        if self.all_off.is_some() {
                            self.except.insert(name.text.as_str());
                        } else if !closed {
                            self.stray_enables.push((d, Some(n)));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn hints(mut self, is_known: &dyn Fn(&str) -> bool) -> Vec<Finding> {
        self.advance_ranges(usize::MAX);
        let rule = &UNUSED_SUPPRESSION;
        let known = |name: &str| {
            is_known(name) || Category::ALL.iter().any(|c| c.as_str() == name) || name == rule.id
        };
        let mut out = Vec::new();
        for (d, directive) in self.directives.iter().enumerate() {
            for (n, name) in directive.names.iter().enumerate() {
                if !known(&name.text) {
                    out.push(Finding::new(
                        rule,
                        name.span,
                        format!(
                            "`{}` is not a copydesk rule or category, so this comment suppresses \
                             nothing; `copydesk rules` lists the rule ids.",
                            name.text
                        ),
                    ));
                } else if directive.kind != Kind::Enable && !self.used[d][n] {
                    out.push(Finding::new(
                        rule,
                        name.span,
                        format!(
                            "This {} comment hides no `{}` finding; remove it so it does not \
                             hide a real one later.",
                            directive.kind.keyword(),
                            name.text
                        ),
                    ));
                }
            }
            if directive.names.is_empty() && directive.kind != Kind::Enable && !self.used[d][0] {
                out.push(Finding::new(
                    rule,
                    directive.span,
                    format!(
                        "This {} comment hides no finding; remove it so it does not hide a real \
                         one later.",
                        directive.kind.keyword()
                    ),
                ));
            }
        }
        for &(d, n) in &self.stray_enables {
            let directive = &self.directives[d];
            let (span, what): (Span, String) = match n.and_then(|n| directive.names.get(n)) {
                Some(name) if known(&name.text) => (name.span, format!("`{}`", name.text)),
                Some(_) => continue, // already reported as unknown
                None => (directive.span, "any rule".to_owned()),
            };
            out.push(Finding::new(
                rule,
                span,
                format!("This copydesk-enable comment re-enables {what}, which no copydesk-disable comment before it switched off."),
            ));
        }
        out
    }
}
