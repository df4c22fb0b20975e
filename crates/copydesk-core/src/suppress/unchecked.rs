//! Findings for text no check reads because a code fence or comment opened and never closed.
//! They join the checks' findings before suppressions apply, so a writer who means it can
//! switch them off like any other.

use crate::finding::Finding;
use crate::rules::UNCHECKED_TEXT;
use crate::text::extract::{Opener, Unchecked};
use crate::text::{Lines, Story};

pub fn findings(story: &Story) -> Vec<Finding> {
    if story.unchecked.is_empty() {
        return Vec::new();
    }
    let source = story.source();
    let lines = Lines::new(source);
    story
        .unchecked
        .iter()
        .map(|unchecked| finding(source, &lines, unchecked))
        .collect()
}

fn finding(source: &str, lines: &Lines<'_>, unchecked: &Unchecked) -> Finding {
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
    let first = lines.line_of(text_start) + 1;
    let last = lines.line_of(text_end.saturating_sub(1).max(text_start)) + 1;
    let where_ = if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}\u{2013}{last}")
    };
    let to_end = if source
        .get(unchecked.hidden.end..)
        .is_some_and(|rest| rest.trim().is_empty())
    {
        ", to the end of the story"
    } else {
        ""
    };
    let message = match unchecked.opener {
        Opener::CodeFence => {
            let opening = unchecked.at.text(source);
            let marker = opening.chars().next().unwrap_or('`');
            let fence: String = opening.chars().take_while(|c| *c == marker).collect();
            format!(
                "\u{201C}{fence}\u{201D} opens a code block that never closes, so {words} after it ({where_}{to_end}) are not checked; add a closing {fence} line or remove this one"
            )
        }
        Opener::HtmlComment => format!(
            "\u{201C}<!--\u{201D} opens a comment that never closes, so {words} after it ({where_}{to_end}) are not checked; close it with -->"
        ),
    };
    Finding::new(&UNCHECKED_TEXT, unchecked.at, message)
}
