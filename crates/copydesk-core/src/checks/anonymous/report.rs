//! From one unnamed source (an entity with all its mentions) to its findings: every
//! requirement is checked once, at the first mention, and what is missing is folded into one
//! finding there, under the most severe rule that is switched on. Back-references carry no
//! finding of their own; an anonymous attack is reported where it is delivered.

use super::grouping::Group;
use super::mention::Mention;
use super::reasons::ReasonKind;
use crate::config::Config;
use crate::finding::Finding;
use crate::rules::{
    Rule, Severity, ANONYMITY_BOILERPLATE, ANONYMITY_UNEXPLAINED, ANONYMOUS_ATTACK,
    ANONYMOUS_SOURCE, ANONYMOUS_SOURCE_BARE, ANONYMOUS_SOURCE_UNCOUNTED,
};
use crate::span::Span;
use crate::text::Story;
use std::borrow::Cow;

/// The level each of the family's rules runs at, so that a rule that is off neither reports
/// nor has its requirement named in another rule's message.
pub struct Levels {
    levels: Vec<(&'static str, Option<Severity>)>,
}

impl Levels {
    pub fn new(config: &Config, rules: &[&'static Rule]) -> Levels {
        Levels {
            levels: rules
                .iter()
                .map(|rule| (rule.id, config.rule_level(rule)))
                .collect(),
        }
    }

    /// Whether the rule reports at all.
    pub fn is_on(&self, rule: &Rule) -> bool {
        self.of(rule).is_some()
    }

    fn of(&self, rule: &Rule) -> Option<Severity> {
        self.levels
            .iter()
            .find(|(id, _)| *id == rule.id)
            .map_or(Some(rule.default_severity), |(_, level)| *level)
    }
}

/// One requirement a source fails, worded only where it is reported: most problems are
/// folded under another's lead, and a story's sources are reported again on every keystroke.
pub struct Problem<'a> {
    pub rule: &'static Rule,
    /// The source's words at the mention.
    text: &'a str,
    missing: Missing<'a>,
}

enum Missing<'a> {
    Reason,
    ReasonBeyondTerms,
    ReasonBeyondStockPhrase,
    Description,
    Count,
    NamedCritic { target: &'a str },
}

impl Problem<'_> {
    /// The message when this problem leads the finding.
    fn lead(&self) -> String {
        let text = self.text;
        match self.missing {
            Missing::Reason => format!(
                "The story does not say why \"{text}\" is not named (no anonymity clause for \
                 this source anywhere in the story). Tell readers why anonymity was granted."
            ),
            Missing::ReasonBeyondTerms => format!(
                "The story says \"{text}\" spoke on condition of anonymity but not why. Give \
                 the reason anonymity was granted."
            ),
            Missing::ReasonBeyondStockPhrase => format!(
                "The only reason given for not naming \"{text}\" is a stock phrase. Say what \
                 the source risks by being named."
            ),
            Missing::Description => format!(
                "\"{text}\" says neither whom the source works for nor how they know. Describe \
                 the source's position or access."
            ),
            Missing::Count => {
                format!("\"{text}\" does not say how many sources there are. Give a number.")
            }
            Missing::NamedCritic { target } => format!(
                "\"{text}\" is unnamed but disparages or judges {target}: name the critic or \
                 report the facts behind the opinion."
            ),
        }
    }

    /// A few words naming the problem when another one leads: "how many sources there are".
    fn also(&self) -> Cow<'static, str> {
        match self.missing {
            Missing::Reason => "a reason for anonymity".into(),
            Missing::ReasonBeyondTerms => {
                "why anonymity was granted (only its terms are given)".into()
            }
            Missing::ReasonBeyondStockPhrase => "a reason beyond the stock phrase".into(),
            Missing::Description => "whom the source works for or how they know".into(),
            Missing::Count => "how many sources there are".into(),
            Missing::NamedCritic { target } => {
                format!("a named critic for the attack on {target}").into()
            }
        }
    }
}

/// How much a rule outranks another for the same words, severity being equal: an attack
/// before a missing reason, before a missing description, before the softer hints.
fn priority(rule: &Rule) -> usize {
    [
        ANONYMOUS_ATTACK.id,
        ANONYMITY_UNEXPLAINED.id,
        ANONYMOUS_SOURCE_BARE.id,
        ANONYMITY_BOILERPLATE.id,
        ANONYMOUS_SOURCE_UNCOUNTED.id,
    ]
    .iter()
    .position(|id| *id == rule.id)
    .unwrap_or(usize::MAX)
}

fn severity_rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
        Severity::Hint => 3,
    }
}

/// Folds the problems found at one span into one finding: the most severe enabled rule leads,
/// the others are listed after it. `None` when every problem's rule is off.
pub fn fold(levels: &Levels, span: Span, mut problems: Vec<Problem>) -> Option<Finding> {
    problems.retain(|p| levels.of(p.rule).is_some());
    problems.sort_by_key(|p| {
        (
            levels.of(p.rule).map_or(u8::MAX, severity_rank),
            priority(p.rule),
        )
    });
    let (lead, others) = problems.split_first()?;
    let mut message = lead.lead();
    if !others.is_empty() {
        let others: Vec<Cow<str>> = others.iter().map(Problem::also).collect();
        message.push_str(&format!(" Also missing: {}.", others.join("; ")));
    }
    Some(Finding::new(lead.rule, span, message))
}

/// What the story tells about one source, gathered over all its mentions.
pub struct Profile {
    pub reason: Option<ReasonKind>,
    pub reason_span: Option<Span>,
    pub basis: Option<Span>,
    pub affiliated: bool,
    pub counted: bool,
    pub plural: bool,
    /// The other outlet the source spoke to ("told the Sunday Times"): its anonymity, access
    /// and count are that outlet's to vouch for, not this story's.
    pub relayed_by: Option<Span>,
}

/// The requirements the first mention of a source fails.
pub fn entity_problems<'a>(text: &'a str, head: &str, p: &Profile) -> Vec<Problem<'a>> {
    let mut problems = Vec::new();
    if p.relayed_by.is_some() {
        // The story cannot give a reason or a description the other outlet did not, and the
        // sentence already credits that outlet.
        return problems;
    }
    let problem = |rule, missing| Problem {
        rule,
        text,
        missing,
    };
    match p.reason {
        None => problems.push(problem(&ANONYMITY_UNEXPLAINED, Missing::Reason)),
        Some(ReasonKind::ConditionOnly) => {
            problems.push(problem(&ANONYMITY_UNEXPLAINED, Missing::ReasonBeyondTerms))
        }
        Some(ReasonKind::Boilerplate) => problems.push(problem(
            &ANONYMITY_BOILERPLATE,
            Missing::ReasonBeyondStockPhrase,
        )),
        Some(ReasonKind::Explanation) => {}
    }
    if !p.affiliated && p.basis.is_none() && super::lexicon::BARE_HEADS.contains(&head) {
        problems.push(problem(&ANONYMOUS_SOURCE_BARE, Missing::Description));
    }
    if p.plural && !p.counted {
        problems.push(problem(&ANONYMOUS_SOURCE_UNCOUNTED, Missing::Count));
    }
    problems
}

/// The attack an unnamed source delivers at one of its mentions.
pub fn attack_problem<'a>(text: &'a str, target: &'a str) -> Problem<'a> {
    Problem {
        rule: &ANONYMOUS_ATTACK,
        text,
        missing: Missing::NamedCritic { target },
    }
}

/// The findings of one source: one at the first mention (its problems folded, or the
/// `anonymous-source` note when it has none), and one at each later mention that delivers an
/// attack. `attacks` gives, per mention of the group in order, the person attacked there;
/// `description` words the note, made only when a source has nothing missing.
#[allow(clippy::too_many_arguments)]
pub fn report(
    story: &Story,
    levels: &Levels,
    mentions: &[Mention],
    group: &Group,
    profile: &Profile,
    description: impl Fn() -> String,
    attacks: &[Option<String>],
    out: &mut Vec<Finding>,
) {
    let Some(first) = mentions.get(group.first_mention()) else {
        return;
    };
    let links = |mut finding: Finding, this: Span| {
        if first.span() != this {
            finding = finding.with_related(first.span(), "first mention of this source");
        }
        if let Some(span) = profile.reason_span {
            finding = finding.with_related(span, "anonymity clause for this source");
        }
        for other in group.mentions().filter_map(|m| mentions.get(m)) {
            if other.span() != this && other.span() != first.span() {
                finding = finding.with_related(other.span(), "another mention of this source");
            }
        }
        finding
    };
    for (k, mention) in group.mentions().filter_map(|m| mentions.get(m)).enumerate() {
        let text = story.text(mention.span());
        let mut problems = Vec::new();
        if let Some(Some(target)) = attacks.get(k) {
            problems.push(attack_problem(text, target));
        }
        if k == 0 {
            problems.extend(entity_problems(text, mention.head(), profile));
        }
        match fold(levels, mention.span(), problems) {
            Some(finding) => out.push(links(finding, mention.span())),
            // Another outlet's source is credited to that outlet in the sentence itself
            // ("an aide told the Sunday Times"): nothing is left for the reporter to add, and
            // editors reading such notes dropped every one. The ledger still lists it.
            None if k == 0
                && profile.relayed_by.is_none()
                && levels.of(&ANONYMOUS_SOURCE).is_some() =>
            {
                out.push(links(
                    Finding::new(&ANONYMOUS_SOURCE, mention.span(), description()),
                    mention.span(),
                ))
            }
            None => {}
        }
    }
}
