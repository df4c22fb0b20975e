//! Prose extraction: which bytes of a file are prose the checks should read.
//!
//! The result is a *masked copy* of the source with exactly the same byte length: prose bytes
//! are kept, everything else (code, HTML, front matter, link destinations, Markdown syntax) is
//! replaced by spaces, line breaks excepted. Because offsets never move, every later stage
//! reports spans that index the original file directly, with no offset table to keep in sync.

use crate::span::Span;
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceFormat {
    Markdown,
    #[default]
    PlainText,
}

impl SourceFormat {
    /// `.md` and `.markdown` are Markdown; everything else is read as plain text.
    pub fn from_path(path: &Path) -> SourceFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                SourceFormat::Markdown
            }
            _ => SourceFormat::PlainText,
        }
    }

    /// Maps an LSP `languageId` to a format; unknown ids are plain text.
    pub fn from_language_id(id: &str) -> SourceFormat {
        match id {
            "markdown" | "mdx" | "quarto" | "rmd" => SourceFormat::Markdown,
            _ => SourceFormat::PlainText,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Same length as the source; non-prose bytes blanked.
    pub prose: String,
    /// Offsets where a new block (paragraph, heading, list item, table cell) starts even
    /// without a blank line before it. Sorted.
    pub block_starts: Vec<usize>,
    /// Text hidden from the checks by something that opens and never closes, in order.
    pub unchecked: Vec<Unchecked>,
}

/// What opened a stretch of text that the checks do not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// A code fence (```` ``` ````, `~~~`) without its closing fence: code to the end of its
    /// container, usually the end of the story.
    CodeFence,
    /// `<!--` without `-->`.
    HtmlComment,
}

/// Text that is not prose only because something opened and was never closed: a writer who
/// typed `~~~~~.` as a separator would otherwise lose every check below it without a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unchecked {
    pub opener: Opener,
    /// The opening fence or `<!--`.
    pub at: Span,
    /// What it hides, after the opener, up to where it stops (usually the end of the story).
    pub hidden: Span,
}

pub fn extract(source: &str, format: SourceFormat) -> Extracted {
    // A lone CR ends a line for an editor and for CommonMark, but not everywhere in the Markdown
    // parser: an HTML comment then ran to the end of the story. Every stage reads lone CRs as
    // LFs instead; the byte length, and so every offset, stays the same.
    let source = lone_cr_as_lf(source);
    match format {
        SourceFormat::PlainText => extract_plain(&source),
        SourceFormat::Markdown => extract_markdown(&source),
    }
}

/// The extraction of `new`, an edit of `old` whose extraction is `was`, made by copying `was`
/// with the edited words spliced in: `None` unless the edit is one a Markdown parser cannot read
/// differently from a plain change of words. A keystroke in a long story's prose is such an
/// edit, and parsing the whole story again for it cost more than a third of the story's
/// rebuilding. The edit qualifies when what it removes and what it puts in are words (ASCII
/// letters, digits, spaces and plain punctuation), inside a line after a letter and before more
/// words, in a stretch between blank lines that was copied as prose whole and holds no
/// character Markdown reads inline or as a block marker (emphasis, code, links, HTML, entities,
/// escapes, tables, headings). Such a stretch is one paragraph or list item whose words only
/// move.
pub fn extract_after_edit(old: &str, was: &Extracted, new: &str) -> Option<Extracted> {
    if was.prose.len() != old.len() {
        return None;
    }
    let (old_bytes, new_bytes) = (old.as_bytes(), new.as_bytes());
    let start = common_prefix(old_bytes, new_bytes);
    let end_back = common_suffix(&old_bytes[start..], &new_bytes[start..]);
    let (old_end, new_end) = (old.len() - end_back, new.len() - end_back);
    let is_word = |b: &u8| b.is_ascii_alphanumeric() || b" ,.;:'\"?!-".contains(b);
    if !old_bytes[start..old_end].iter().all(is_word)
        || !new_bytes[start..new_end].iter().all(is_word)
    {
        return None;
    }
    let is_break = |b: u8| b == b'\n' || b == b'\r';
    let line_start = new_bytes[..start]
        .iter()
        .rposition(|&b| is_break(b))
        .map_or(0, |i| i + 1);
    // Words after the edit on its line, too: spaces the edit leaves at a line's end could
    // make a hard break.
    let words_after = new_bytes[new_end..]
        .iter()
        .take_while(|&&b| !is_break(b))
        .any(|b| !b.is_ascii_whitespace());
    if !new_bytes[line_start..start]
        .iter()
        .any(u8::is_ascii_alphabetic)
        || !words_after
    {
        return None;
    }
    // The stretch between blank lines around the edit, in the new text (the same bytes as the
    // old one's outside the edit). Found from the line ends nearest the edit: a search for
    // each kind of blank line would cross the whole story for the kind it does not use.
    let blank_at = |hay: &[u8], i: usize| {
        let after = &hay[i + 1..];
        after.starts_with(b"\n") || after.starts_with(b"\r\n")
    };
    let before = &new_bytes[..start];
    let stretch_start = memchr::memrchr_iter(b'\n', before)
        .find(|&i| blank_at(before, i))
        .map_or(0, |i| i + 1);
    let after = &new_bytes[new_end..];
    let stretch_end = memchr::memchr_iter(b'\n', after)
        .find(|&i| blank_at(after, i))
        .map_or(new.len(), |i| new_end + i);
    let markup = |b: &u8| b"*_~`[]<>&\\|#$".contains(b);
    if new_bytes[stretch_start..stretch_end].iter().any(markup) {
        return None;
    }
    let old_stretch_end = stretch_end - new_end + old_end;
    let stretch = stretch_start..old_stretch_end;
    if was.prose.as_bytes()[stretch.clone()] != old_bytes[stretch] {
        return None;
    }
    let touched = |span: Span| span.start <= old_end && start <= span.end;
    if was.block_starts.iter().any(|&b| touched(Span::new(b, b)))
        || was
            .unchecked
            .iter()
            .any(|u| touched(u.at) || touched(u.hidden))
    {
        return None;
    }
    let moved = |at: usize| {
        if at >= old_end {
            at - old_end + new_end
        } else {
            at
        }
    };
    let moved_span = |span: Span| Span::new(moved(span.start), moved(span.end));
    let mut prose = String::with_capacity(new.len());
    prose.push_str(was.prose.get(..start)?);
    prose.push_str(new.get(start..new_end)?);
    prose.push_str(was.prose.get(old_end..)?);
    Some(Extracted {
        prose,
        block_starts: was.block_starts.iter().map(|&b| moved(b)).collect(),
        unchecked: was
            .unchecked
            .iter()
            .map(|u| Unchecked {
                opener: u.opener,
                at: moved_span(u.at),
                hidden: moved_span(u.hidden),
            })
            .collect(),
    })
}

/// Compared a block at a time (a `memcmp`): a keystroke's texts agree for tens of kilobytes
/// on either side of it.
const COMPARED_AT_ONCE: usize = 256;

/// How many bytes `a` and `b` share at their start.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let shorter = a.len().min(b.len());
    let mut same = 0;
    while same + COMPARED_AT_ONCE <= shorter
        && a[same..same + COMPARED_AT_ONCE] == b[same..same + COMPARED_AT_ONCE]
    {
        same += COMPARED_AT_ONCE;
    }
    same + a[same..]
        .iter()
        .zip(&b[same..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let shorter = a.len().min(b.len());
    let mut same = 0;
    while same + COMPARED_AT_ONCE <= shorter
        && a[a.len() - same - COMPARED_AT_ONCE..a.len() - same]
            == b[b.len() - same - COMPARED_AT_ONCE..b.len() - same]
    {
        same += COMPARED_AT_ONCE;
    }
    same + a[..a.len() - same]
        .iter()
        .rev()
        .zip(b[..b.len() - same].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// `text` with each CR that is not followed by LF replaced by LF (same length, same offsets).
pub fn lone_cr_as_lf(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let is_lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    // Most stories have no CR at all; `contains` finds that with a fast byte search.
    if !text.contains('\r') || !(0..bytes.len()).any(is_lone) {
        return Cow::Borrowed(text);
    }
    let replaced: Vec<u8> = (0..bytes.len())
        .map(|i| if is_lone(i) { b'\n' } else { bytes[i] })
        .collect();
    // Only ASCII CR bytes changed into ASCII LF, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(replaced).unwrap_or_else(|_| text.to_owned()))
}

/// Plain text is all prose except HTML comments, which is where suppressions
/// (`<!-- copydesk-disable … -->`) live in any format.
fn extract_plain(source: &str) -> Extracted {
    let mut mask = Mask::blank(source);
    let mut unchecked = Vec::new();
    let mut kept_from = 0;
    let mut rest = source;
    while let Some(open) = rest.find("<!--") {
        let comment_start = kept_from + open;
        mask.keep(Span::new(kept_from, comment_start));
        let after_open = comment_start + 4;
        kept_from = match source[after_open..].find("-->") {
            Some(close) => after_open + close + 3,
            None => {
                push_if_hiding(
                    source,
                    Opener::HtmlComment,
                    Span::new(comment_start, after_open),
                    Span::new(after_open, source.len()),
                    &mut unchecked,
                );
                source.len()
            }
        };
        rest = &source[kept_from..];
    }
    mask.keep(Span::new(kept_from, source.len()));
    Extracted {
        prose: mask.finish(),
        block_starts: Vec::new(),
        unchecked,
    }
}

/// Records an unclosed opener if what it hides has any text at all.
fn push_if_hiding(source: &str, opener: Opener, at: Span, hidden: Span, out: &mut Vec<Unchecked>) {
    let has_text = source
        .get(hidden.range())
        .is_some_and(|text| text.chars().any(|c| !c.is_whitespace()));
    if has_text {
        out.push(Unchecked { opener, at, hidden });
    }
}

/// The line of `text` that starts at `start`, without its line break.
fn line_at(text: &str, start: usize) -> Span {
    let end = text
        .get(start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| start + i);
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    Span::new(start, end)
}

/// A line with its container marks (`>` of a quote, indentation) taken off.
fn without_container(line: &str) -> &str {
    line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
}

/// For a fenced code block's source range: the opening fence, and what it hides when the block
/// has no closing fence (the parser then ends it with its container).
fn unclosed_fence(source: &str, block: Span) -> Option<(Span, Span)> {
    let first = line_at(source, block.start);
    let first_text = first.text(source);
    let fence_text = without_container(first_text);
    let marker = fence_text
        .chars()
        .next()
        .filter(|c| *c == '`' || *c == '~')?;
    let length = fence_text.chars().take_while(|c| *c == marker).count();
    let fence_start = first.end - fence_text.len();
    let fence = Span::new(fence_start, first.end);
    let body = source.get(first.end..block.end)?;
    let last_line = body
        .trim_end_matches(['\n', '\r'])
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let closing = without_container(last_line);
    let closed = closing.len() >= length
        && closing.chars().take_while(|c| *c == marker).count() >= length
        && closing.trim_start_matches(marker).trim().is_empty()
        && body.contains('\n');
    (!closed).then_some((fence, Span::new(first.end, block.end)))
}

fn extract_markdown(source: &str) -> Extracted {
    let mut mask = Mask::blank(source);
    let mut block_starts = Vec::new();
    let mut unchecked = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // Depth counters: text inside these is not prose even though the parser reports it as text.
    let mut code_depth = 0usize;
    let mut metadata_depth = 0usize;
    let mut autolink_depth = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(kind) => {
                    code_depth += 1;
                    if let (CodeBlockKind::Fenced(_), Some((fence, hidden))) =
                        (kind, unclosed_fence(source, Span::from(range)))
                    {
                        push_if_hiding(source, Opener::CodeFence, fence, hidden, &mut unchecked);
                    }
                }
                Tag::HtmlBlock => {
                    let first = line_at(source, range.start);
                    let opens_comment = without_container(first.text(source)).starts_with("<!--");
                    let block = source.get(range.clone()).unwrap_or("");
                    if opens_comment && !block.contains("-->") {
                        let at_comment = first.end - without_container(first.text(source)).len();
                        push_if_hiding(
                            source,
                            Opener::HtmlComment,
                            Span::new(at_comment, at_comment + 4),
                            // The opening line is the comment the writer meant; what follows
                            // is what it swallows.
                            Span::new(first.end, range.end),
                            &mut unchecked,
                        );
                    }
                }
                Tag::MetadataBlock(_) => metadata_depth += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => autolink_depth += 1,
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::FootnoteDefinition(_) => block_starts.push(range.start),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::CodeBlock => code_depth = code_depth.saturating_sub(1),
                TagEnd::MetadataBlock(_) => metadata_depth = metadata_depth.saturating_sub(1),
                TagEnd::Link => autolink_depth = autolink_depth.saturating_sub(1),
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    block_starts.push(range.end)
                }
                _ => {}
            },
            Event::Text(_) if code_depth == 0 && metadata_depth == 0 && autolink_depth == 0 => {
                mask.keep(Span::from(range))
            }
            // Inline code, HTML, math and breaks are not prose; breaks keep their newline anyway.
            _ => {}
        }
    }
    block_starts.sort_unstable();
    block_starts.dedup();
    Extracted {
        prose: mask.finish(),
        block_starts,
        unchecked,
    }
}

/// Builds the masked copy: starts as all blanks, prose ranges are copied back in.
struct Mask<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    fn blank(source: &'a str) -> Self {
        let bytes = source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        Mask { source, bytes }
    }

    fn keep(&mut self, span: Span) {
        if let Some(src) = self.source.as_bytes().get(span.range()) {
            self.bytes[span.range()].copy_from_slice(src);
        }
    }

    fn finish(self) -> String {
        // Kept ranges come from the parser on char boundaries and blanks are ASCII, so this is
        // valid UTF-8; if a parser bug ever broke that, fall back to no prose rather than panic.
        String::from_utf8(self.bytes).unwrap_or_else(|e| {
            e.into_bytes()
                .iter()
                .map(|&b| if b == b'\n' || b == b'\r' { '\n' } else { ' ' })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    /// Splicing an edit into the last extraction must give what extracting the new text gives,
    /// whatever Markdown surrounds the edit: the splice is refused where it could differ.
    #[test]
    fn a_spliced_extraction_equals_a_fresh_one() {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "The mayor said ",
            "word ",
            "rates rose. ",
            "Ann Lee ",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "* ",
            "_",
            "**",
            "`",
            "[",
            "](",
            ")",
            "<b>",
            "&amp;",
            "\\",
            "|",
            "# ",
            "- ",
            "1. ",
            "> ",
            "```\n",
            "~~~\n",
            "<!--",
            "-->",
            "---\n",
            "+++\n",
            "    ",
            "\t",
            "é",
            "“",
            "”",
            ":",
            "[^1]",
            "![",
            "===\n",
            "  \n",
            "it's ",
            "well-known ",
            "2024 ",
            "snake_case",
            "x*y",
            "*",
            "a",
            "b ",
            "ab",
        ]);
        let texts = prop::collection::vec(piece, 1..40).prop_map(|pieces| pieces.concat());
        let words = "[a-z ,.'-]{0,6}";
        proptest!(ProptestConfig::with_cases(4000), |(
            old in texts,
            at in any::<prop::sample::Index>(),
            removed in 0usize..5,
            inserted in words,
            markdown in any::<bool>(),
        )| {
            let format = if markdown { SourceFormat::Markdown } else { SourceFormat::PlainText };
            let mut start = at.index(old.len() + 1);
            while !old.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + removed).min(old.len());
            while !old.is_char_boundary(end) {
                end += 1;
            }
            let new = format!("{}{}{}", &old[..start], inserted, &old[end..]);
            let was = extract(&old, format);
            if let Some(spliced) = extract_after_edit(&old, &was, &new) {
                prop_assert_eq!(spliced, extract(&new, format), "{:?} -> {:?}", old, new);
            }
        });
    }

    #[test]
    fn common_ends_are_found_across_compared_blocks() {
        let base: Vec<u8> = (0..3000u32).map(|i| b'a' + (i % 23) as u8).collect();
        for at in [0, 1, 255, 256, 257, 511, 1000, 2999] {
            let mut other = base.clone();
            other.insert(at, b'#');
            let naive_prefix = base.iter().zip(&other).take_while(|(x, y)| x == y).count();
            let naive_suffix = base
                .iter()
                .rev()
                .zip(other.iter().rev())
                .take_while(|(x, y)| x == y)
                .count();
            assert_eq!(common_prefix(&base, &other), naive_prefix, "at {at}");
            assert_eq!(common_suffix(&base, &other), naive_suffix, "at {at}");
        }
    }

    /// The splice is taken for a keystroke in plain prose, or it saves nothing.
    #[test]
    fn a_keystroke_in_prose_is_spliced() {
        let old = "# Harbour\n\nThe mayor said the fares would rise.\n\n- a list item\n";
        let new = old.replace("fares would", "fares would not");
        let was = extract(old, SourceFormat::Markdown);
        let spliced = extract_after_edit(old, &was, &new).expect("a plain edit is spliced");
        assert_eq!(spliced, extract(&new, SourceFormat::Markdown));
        // Spaces left at a line's end (a hard break once there are two): refused.
        let old = "The mayor said x \nthe fares would rise.\n";
        let new = old.replacen('x', "", 1);
        assert!(extract_after_edit(old, &extract(old, SourceFormat::Markdown), &new).is_none());
        // Emphasis in the paragraph: refused.
        let old = "The *mayor* said the fares would rise.\n";
        let new = old.replace("fares", "ferry fares");
        assert!(extract_after_edit(old, &extract(old, SourceFormat::Markdown), &new).is_none());
    }

    /// The paragraph around an edit runs between blank lines, whichever line ends they use:
    /// markup on another of its lines refuses the splice, markup past a blank line does not.
    #[test]
    fn the_stretch_checked_for_markup_ends_at_blank_lines() {
        let spliced = |old: &str| {
            let new = old.replace("fares", "ferry fares");
            let was = extract(old, SourceFormat::Markdown);
            let spliced = extract_after_edit(old, &was, &new);
            if let Some(spliced) = &spliced {
                assert_eq!(*spliced, extract(&new, SourceFormat::Markdown), "{old:?}");
            }
            spliced.is_some()
        };
        assert!(!spliced("The *mayor*\nsaid the fares would rise.\n"));
        assert!(!spliced("The *mayor*\r\nsaid the fares would rise.\r\n"));
        assert!(!spliced("The mayor said the fares would\nrise, *twice*.\n"));
        assert!(spliced(
            "The *mayor*.\n\nThe council said the fares would rise.\n"
        ));
        assert!(spliced(
            "The *mayor*.\n\r\nThe council said the fares would rise.\n"
        ));
        assert!(spliced(
            "The council said the fares would rise.\r\n\r\nThe *mayor*.\n"
        ));
    }

    use super::*;

    fn prose(md: &str) -> String {
        let out = extract(md, SourceFormat::Markdown);
        assert_eq!(out.prose.len(), md.len(), "offsets must not move");
        out.prose
    }

    #[test]
    fn plain_text_is_all_prose_but_comments() {
        let src = "Officials said so.\n\nThe end.";
        assert_eq!(extract(src, SourceFormat::PlainText).prose, src);
        let src =
            "<!-- copydesk-disable-next-line vague-attribution -->\nCritics say so. <!-- open";
        let prose = extract(src, SourceFormat::PlainText).prose;
        assert_eq!(prose.len(), src.len());
        assert!(prose.contains("Critics say so."));
        assert!(!prose.contains("copydesk") && !prose.contains("open"));
    }

    #[test]
    fn code_html_and_front_matter_are_blanked() {
        let md = "---\ntitle: Officials said\n---\n\nA source said `officials said` it.\n\n```\nsources say\n```\n\n<!-- critics say -->\n\nDone.\n";
        let p = prose(md);
        assert!(!p.contains("title"));
        assert!(p.contains("A source said"));
        assert!(!p.contains("officials said` it"));
        assert!(!p.contains("sources say"));
        assert!(!p.contains("critics"));
        assert!(p.contains("Done."));
    }

    #[test]
    fn link_text_is_prose_but_destination_and_autolinks_are_not() {
        let p = prose("See [the report](https://example.com/report) and <https://example.org>.\n");
        assert!(p.contains("the report"));
        assert!(!p.contains("example.com"));
        assert!(!p.contains("example.org"));
    }

    #[test]
    fn multibyte_text_keeps_byte_offsets() {
        let md = "# Zelenskiy’s aide\n\n“Reportedly,” *José* said 🎉.\n";
        let p = prose(md);
        let at = md.find("José").unwrap();
        assert_eq!(&p[at..at + "José".len()], "José");
    }

    #[test]
    fn headings_and_list_items_start_blocks() {
        let md = "# Title\nText right under it.\n\n- one\n- two\n";
        let out = extract(md, SourceFormat::Markdown);
        assert!(out.block_starts.contains(&md.find("Text").unwrap()));
    }

    #[test]
    fn fences_and_comments_that_never_close_are_reported_with_what_they_hide() {
        let md = "Intro.\n\n~~~~~.\nHidden text.\n";
        let out = extract(md, SourceFormat::Markdown);
        assert_eq!(out.unchecked.len(), 1);
        assert_eq!(out.unchecked[0].opener, Opener::CodeFence);
        assert_eq!(out.unchecked[0].at.text(md), "~~~~~.");
        assert_eq!(out.unchecked[0].hidden.text(md).trim(), "Hidden text.");
        for closed in [
            "A.\n\n```\ncode\n```\n\nB.\n",
            "A.\r\n\r\n````\r\n```\r\n````\r\n",
            "A.\n\n```\n",
            "> ```\n> code\n> ```\n\nB.\n",
        ] {
            assert!(
                extract(closed, SourceFormat::Markdown).unchecked.is_empty(),
                "{closed:?}"
            );
        }
        let comment = "A.\n\n<!-- note\n\nB said.\n";
        let out = extract(comment, SourceFormat::Markdown);
        assert_eq!(out.unchecked[0].opener, Opener::HtmlComment);
        assert_eq!(out.unchecked[0].hidden.text(comment).trim(), "B said.");
        let plain = "A said. <!-- open\nB said.";
        assert_eq!(extract(plain, SourceFormat::PlainText).unchecked.len(), 1);
    }

    #[test]
    fn lone_crs_read_as_line_ends() {
        let md = "A.\r<!-- x -->\rB said.\r";
        let p = prose(md);
        assert!(p.contains("B said."));
        assert!(!p.contains('\r'));
        assert!(matches!(lone_cr_as_lf("a\r\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn format_follows_extension() {
        assert_eq!(
            SourceFormat::from_path(Path::new("a/story.MD")),
            SourceFormat::Markdown
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("story.txt")),
            SourceFormat::PlainText
        );
    }
}
