//! Prose extraction: which bytes of a file are prose the checks should read.
//!
//! The result is a *masked copy* of the source with exactly the same byte length: prose bytes
//! are kept, everything else (code, HTML, front matter, link destinations, Markdown syntax) is
//! replaced by spaces, line breaks excepted. Because offsets never move, every later stage
//! reports spans that index the original file directly, with no offset table to keep in sync.

use crate::span::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
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

#[derive(Debug, Clone)]
pub struct Extracted {
    /// Same length as the source; non-prose bytes blanked.
    pub prose: String,
    /// Offsets where a new block (paragraph, heading, list item, table cell) starts even
    /// without a blank line before it. Sorted.
    pub block_starts: Vec<usize>,
}

pub fn extract(source: &str, format: SourceFormat) -> Extracted {
    match format {
        SourceFormat::PlainText => extract_plain(source),
        SourceFormat::Markdown => extract_markdown(source),
    }
}

/// Plain text is all prose except HTML comments, which is where suppressions
/// (`<!-- copydesk-disable … -->`) live in any format.
fn extract_plain(source: &str) -> Extracted {
    let mut mask = Mask::blank(source);
    let mut kept_from = 0;
    let mut rest = source;
    while let Some(open) = rest.find("<!--") {
        let comment_start = kept_from + open;
        mask.keep(Span::new(kept_from, comment_start));
        let after_open = comment_start + 4;
        kept_from = match source[after_open..].find("-->") {
            Some(close) => after_open + close + 3,
            None => source.len(),
        };
        rest = &source[kept_from..];
    }
    mask.keep(Span::new(kept_from, source.len()));
    Extracted {
        prose: mask.finish(),
        block_starts: Vec::new(),
    }
}

fn extract_markdown(source: &str) -> Extracted {
    let mut mask = Mask::blank(source);
    let mut block_starts = Vec::new();
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
                Tag::CodeBlock(_) => code_depth += 1,
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
