//! Findings for text no check reads because a code fence or comment opened and never closed.
//! They join the checks' findings before suppressions apply, so a writer who means it can
//! switch them off like any other.

use crate::finding::Finding;
use crate::rules::UNCHECKED_TEXT;
use crate::span::Span;
use crate::text::extract::{Opener, Unchecked};
use crate::text::Story;

pub fn findings(story: &Story) -> Vec<Finding> {
    if story.unchecked.is_empty() {
        return Vec::new();
    }
    let source = story.source();
    story
        .unchecked
        .iter()
        .map(|unchecked| finding(source, unchecked))
        .collect()
}

fn finding(source: &str, unchecked: &Unchecked) -> Finding {
    let hidden = unchecked.hidden.text(source);
    // Quote marks (`>`) and list bullets in front of hidden lines are not words.
    let words = hidden
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let words = if words == 1 {
        "1 word".to_string()
    } else {
        format!("{words} words")
    };
    let text_start = unchecked.hidden.start + (hidden.len() - hidden.trim_start().len());
    let text_end = unchecked.hidden.start + hidden.trim_end().len();
    // Where the hidden text lies goes in a related span, which moves with edits elsewhere; a
    // line number in the message would change whenever a line is added above it.
    let to_end = if source
        .get(unchecked.hidden.end..)
        .is_some_and(|rest| rest.trim().is_empty())
    {
        " (to the end of the story)"
    } else {
        ""
    };
    let message = match unchecked.opener {
        Opener::CodeFence => {
            let opening = unchecked.at.text(source);
            let marker = opening.chars().next().unwrap_or('`');
            let fence: String = opening.chars().take_while(|c| *c == marker).collect();
            format!(
                "\u{201C}{fence}\u{201D} opens a code block that never closes, so {words} after it{to_end} are not checked; add a closing {fence} line or remove this one"
            )
        }
        Opener::HtmlComment => format!(
            "\u{201C}<!--\u{201D} opens a comment that never closes, so {words} after it{to_end} are not checked; close it with -->"
        ),
    };
    let finding = Finding::new(&UNCHECKED_TEXT, unchecked.at, message);
    if text_start < text_end {
        finding.with_related(Span::new(text_start, text_end), "the text not checked")
    } else {
        finding
    }
}
