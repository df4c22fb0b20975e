//! Anonymity clauses ("who spoke on condition of anonymity because …") and what they give the
//! reader: a real reason, a boilerplate one, or only the terms.

use super::lexicon;
use crate::incremental::Memo;
use crate::span::Span;
use crate::text::{Story, TextId};
use aho_corasick::{AhoCorasick, MatchKind};
use std::borrow::Cow;
use std::sync::Arc;

pub use crate::ledger::ReasonKind;

#[derive(Hash, PartialEq, Eq)]
struct ReasonsKey {
    text: TextId,
    extra_reasons: Arc<[String]>,
}

#[derive(Debug, Clone, Copy)]
pub struct Reason {
    pub span: Span,
    pub sentence: usize,
    pub kind: ReasonKind,
}

pub struct ReasonFinder {
    markers: AhoCorasick,
    /// The desk's own reasons, part of the key a paragraph's clauses are kept under.
    extra_reasons: Arc<[String]>,
    /// Patterns at index >= this are the desk's own reasons, always explanations.
    first_extra: usize,
    boilerplate: AhoCorasick,
}

impl ReasonFinder {
    pub fn new(extra_reasons: &[String]) -> ReasonFinder {
        let mut patterns: Vec<String> = lexicon::ANONYMITY_MARKERS
            .iter()
            .map(|s| s.to_string())
            .collect();
        let first_extra = patterns.len();
        patterns.extend(
            extra_reasons
                .iter()
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty()),
        );
        // Lower-case patterns, matched in text of any case: the paragraph is not lower-cased.
        let build = |p: &[String]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(p)
                .expect("anonymity lexicon patterns are plain strings")
        };
        let boilerplate: Vec<String> = lexicon::BOILERPLATE.iter().map(|s| s.to_string()).collect();
        ReasonFinder {
            extra_reasons: patterns[first_extra..].into(),
            markers: build(&patterns),
            first_extra,
            boilerplate: build(&boilerplate),
        }
    }

    /// Every anonymity clause of the story, in order. Quoted text is skipped. A clause never
    /// runs over a paragraph break, so each paragraph is read alone, and with a memo its
    /// clauses are kept under its text.
    pub fn find(&self, story: &Story, memo: Option<&mut Memo>) -> Vec<Reason> {
        let mut out: Vec<Reason> = Vec::new();
        let Some(memo) = memo else {
            for p in 0..story.paragraphs.len() {
                self.find_in_paragraph(story, p, &mut out);
            }
            return out;
        };
        let mut table = memo.table::<ReasonsKey, Vec<Reason>>();
        for (p, para) in story.paragraphs.iter().enumerate() {
            let (base, first_sentence) = (para.span.start, para.sentences.start);
            let key = ReasonsKey {
                text: story.text_id(p),
                extra_reasons: Arc::clone(&self.extra_reasons),
            };
            let kept = table.get_or_compute(key, || {
                let mut own = Vec::new();
                self.find_in_paragraph(story, p, &mut own);
                for reason in &mut own {
                    reason.span = reason.span.unshifted(base);
                    reason.sentence -= first_sentence.min(reason.sentence);
                }
                own
            });
            out.extend(kept.iter().map(|reason| Reason {
                span: reason.span.shifted(base),
                sentence: reason.sentence + first_sentence,
                kind: reason.kind,
            }));
        }
        out
    }

    fn find_in_paragraph(&self, story: &Story, paragraph: usize, out: &mut Vec<Reason>) {
        let Some(base) = story.paragraphs.get(paragraph).map(|p| p.span.start) else {
            return;
        };
        let first = out.len();
        // Wrapped copy breaks a clause over lines ("asked not to\nbe named"); a line break
        // reads as a space, byte for byte, so offsets stay those of the paragraph. Only then
        // is the paragraph copied (a long one costs its size again): the markers are matched
        // whatever their case, and only a clause found is lower-cased.
        let text = story.text(story.paragraphs[paragraph].span);
        let unwrapped: Cow<str> = if text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
            text.chars()
                .map(|c| match c {
                    '\n' | '\r' | '\t' => ' ',
                    c => c,
                })
                .collect::<String>()
                .into()
        } else {
            text.into()
        };
        // Markers are searched with every run of white space read as one space, so a clause
        // wrapped over lines, or with a suppression comment blanked inside it ("asked not to
        // <!-- … -->\nbe named"), still matches; `origin` maps each byte back to the paragraph.
        let (collapsed, origin) = collapse_spaces(&unwrapped);
        let bytes = collapsed.as_bytes();
        for m in self.markers.find_iter(collapsed.as_ref()) {
            let at_word_start = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
            let at_word_end = bytes
                .get(m.end())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            if !at_word_start || !at_word_end || m.is_empty() {
                continue;
            }
            let (Some(start), Some(last)) = (origin.get(m.start()), origin.get(m.end() - 1)) else {
                continue;
            };
            let marker = Span::new(base + start, base + last + 1);
            if story.in_quote(marker) {
                continue;
            }
            let Some(sentence) = story.sentence_at(marker.start) else {
                continue;
            };
            if out[first..].last().is_some_and(|r| r.span.overlaps(marker)) {
                continue;
            }
            let clause = clause_around(story, sentence, marker);
            let extra = m.pattern().as_usize() >= self.first_extra;
            let kind = if extra {
                ReasonKind::Explanation
            } else {
                let (marker, clause) = (marker.unshifted(base), clause.unshifted(base));
                let region = marker.join(clause);
                let lower = unwrapped
                    .get(region.range())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                self.kind_of(
                    &lower,
                    marker.unshifted(region.start),
                    clause.unshifted(region.start),
                )
            };
            out.push(Reason {
                span: clause,
                sentence,
                kind,
            });
        }
    }

    fn kind_of(&self, lower: &str, marker: Span, clause: Span) -> ReasonKind {
        let tail = lower.get(marker.end..clause.end).unwrap_or("");
        let whole = lower.get(clause.range()).unwrap_or("");
        let marker_text = lower.get(marker.range()).unwrap_or("");
        let mut words = tail
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty());
        let connector = words.next().is_some_and(|w| {
            lexicon::EXPLANATION_CONNECTORS.contains(&w)
                && !(w == "to" && marker_text.ends_with(" to"))
        }) || tail.contains(" because ");
        if self.boilerplate.is_match(whole) {
            // A boilerplate phrase, unless a real reason also follows ("… and because …").
            let boiler_only = !tail.contains(" and because ") && !tail.contains("fear");
            if boiler_only {
                return ReasonKind::Boilerplate;
            }
        }
        if connector {
            ReasonKind::Explanation
        } else if marker_text.starts_with("not auth") || marker_text.starts_with("unauth") {
            ReasonKind::Boilerplate
        } else {
            ReasonKind::ConditionOnly
        }
    }
}

/// `lower` with every run of spaces read as one space, and the way back from its byte offsets
/// to `lower`'s. Most copy has no run to collapse, and then `lower` itself is searched.
fn collapse_spaces(lower: &str) -> (Cow<'_, str>, Origin) {
    if !lower.contains("  ") {
        return (
            lower.into(),
            Origin {
                len: lower.len(),
                runs: Vec::new(),
            },
        );
    }
    let mut collapsed = String::with_capacity(lower.len());
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut removed = 0;
    for c in lower.chars() {
        if c == ' ' && collapsed.ends_with(' ') {
            removed += 1;
            match runs.last_mut() {
                Some(run) if run.0 == collapsed.len() => run.1 = removed,
                _ => runs.push((collapsed.len(), removed)),
            }
            continue;
        }
        collapsed.push(c);
    }
    let len = collapsed.len();
    (collapsed.into(), Origin { len, runs })
}

/// Maps a byte offset of the collapsed text to the same byte of the text before collapsing.
/// Only the runs that were collapsed are kept, not an offset per byte: a 10 MB story would
/// otherwise hold 80 MB of offsets.
struct Origin {
    len: usize,
    /// (offset in the collapsed text where spaces were dropped, bytes dropped up to there),
    /// sorted by offset.
    runs: Vec<(usize, usize)>,
}

impl Origin {
    fn get(&self, at: usize) -> Option<usize> {
        if at >= self.len {
            return None;
        }
        let before = self.runs.partition_point(|&(offset, _)| offset <= at);
        let removed = before.checked_sub(1).map_or(0, |i| self.runs[i].1);
        Some(at + removed)
    }
}

/// The clause holding an anonymity marker: from after the previous comma (or the sentence
/// start) to the next comma or the sentence end, with a leading "who"/"speaking" kept.
fn clause_around(story: &Story, sentence: usize, marker: Span) -> Span {
    let Some(s) = story.sentences.get(sentence) else {
        return marker;
    };
    let text = story.prose();
    let before = text.get(s.span().start..marker.start).unwrap_or("");
    let start = before
        .rfind([',', ';', '(', '—'])
        .map(|i| s.span().start + i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(s.span().start);
    let after = text.get(marker.end..s.span().end).unwrap_or("");
    let end = after
        .find([',', ';', ')', '—'])
        .map(|i| marker.end + i)
        .unwrap_or(s.span().end);
    let slice = text.get(start..end).unwrap_or("");
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.trim_end().trim_end_matches(['.', '!', '?']).len();
    let span = Span::new(start + lead, (start + trail).max(start + lead));
    if span.is_empty() {
        marker
    } else {
        span
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::SourceFormat;

    #[test]
    fn collapsed_offsets_lead_back_to_every_byte() {
        for text in ["a  b   c d", "  x", "x  ", "plain text", "é  ü   ß", " "] {
            let (collapsed, origin) = collapse_spaces(text);
            let expected: Vec<(char, usize)> = {
                // The map one offset per byte would give: what the reader had before.
                let mut out = Vec::new();
                let mut last_space = false;
                for (at, c) in text.char_indices() {
                    if c == ' ' && last_space {
                        continue;
                    }
                    last_space = c == ' ';
                    out.extend((at..at + c.len_utf8()).map(|b| (c, b)));
                }
                out
            };
            assert_eq!(collapsed.len(), expected.len(), "{text:?}");
            for (k, &(_, at)) in expected.iter().enumerate() {
                assert_eq!(origin.get(k), Some(at), "{text:?} byte {k}");
            }
            assert_eq!(origin.get(collapsed.len()), None);
        }
    }

    fn kinds(text: &str) -> Vec<ReasonKind> {
        let story = Story::new(text, SourceFormat::PlainText);
        ReasonFinder::new(&[])
            .find(&story, None)
            .iter()
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn reason_kinds() {
        assert_eq!(
            kinds("The clerk, who spoke on condition of anonymity because she feared being fired, said so."),
            [ReasonKind::Explanation]
        );
        assert_eq!(
            kinds("An aide, who spoke on condition of anonymity, said so."),
            [ReasonKind::ConditionOnly]
        );
        assert_eq!(
            kinds("An aide said so, speaking on condition of anonymity because he was not authorized to speak publicly."),
            [ReasonKind::Boilerplate]
        );
        assert_eq!(kinds("Nobody asked for anything here."), []);
    }

    #[test]
    fn quoted_markers_are_ignored() {
        assert_eq!(
            kinds("He said: \"I asked not to be named because of my family.\""),
            []
        );
    }

    #[test]
    fn desk_reasons_count_as_explanations() {
        let story = Story::new(
            "The guard spoke under the village elders' agreement.",
            SourceFormat::PlainText,
        );
        let finder = ReasonFinder::new(&["under the village elders' agreement".to_string()]);
        let found = finder.find(&story, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ReasonKind::Explanation);
    }

    #[test]
    fn kept_clauses_move_with_their_paragraph_and_equal_a_fresh_reading() {
        let finder = ReasonFinder::new(&[]);
        let mut cache = crate::DocumentCache::new();
        let before = "The port reopened.\n\nAn aide, who spoke on condition of anonymity \
                      because she feared reprisals, said so.\n";
        let after = format!("A new first paragraph.\n\n{before}");
        for text in [before, after.as_str()] {
            let story = cache.story(text, SourceFormat::PlainText);
            let kept = finder.find(&story, Some(cache.memo()));
            let fresh = finder.find(&Story::new(text, SourceFormat::PlainText), None);
            let view = |found: &[Reason]| -> Vec<(Span, usize, ReasonKind)> {
                found.iter().map(|r| (r.span, r.sentence, r.kind)).collect()
            };
            assert_eq!(view(&kept), view(&fresh), "{text:?}");
            assert_eq!(fresh.len(), 1);
        }
        // Both paragraphs read for the first version; for the second, only the new one.
        assert_eq!(cache.memo().computed_last(), 3);
    }
}
