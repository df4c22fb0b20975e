//! `copydesk sources`: the ledger of each story (who is in it, named and unnamed, and what the
//! story tells the reader about each) in the terminal or as data.
//!
//! The engine builds the ledger; this module only lays it out. Files, folders, standard input
//! and configuration are found exactly as `check` finds them.

use super::check;
use super::line_index::{LineIndex, Position};
use super::output::FileReport;
use super::output::{one_line, printable};
use crate::config_file;
use clap::{Args, ValueEnum};
use copydesk_core::ledger::{self, Ledger, Person, Source, Summary};
use copydesk_core::{Span, Story};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Bumped only when a field changes name, type or meaning; fields may be added.
pub const JSON_VERSION: u32 = 1;

/// Quoted text in the terminal listing is cut to this many characters.
const QUOTE_CHARS: usize = 72;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourcesFormat {
    /// The ledger for people: sources by group, with where each is mentioned.
    Human,
    /// One record per source and per person, with spans and positions.
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Exit status:
  0  every story was read and its ledger printed
  2  a story could not be read, a configuration file is invalid, or the arguments are wrong
     (the stories that could be read are still listed)

Unlike `check`, `sources` never exits with 1: it reports who is in a story and judges nothing.
Positions are 1-based lines and columns counted in characters, as `check` prints them; JSON
also gives every span as UTF-8 byte offsets (end exclusive).")]
pub struct SourcesArgs {
    /// Stories or folders to list (default: the current folder); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// The name to show for standard input; its extension picks Markdown or plain text.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: SourcesFormat,
    /// Use this configuration file instead of searching for `.copydesk.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Refuse stories larger than this (e.g. 20MB, 500KB; units are powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = crate::files::parse_size)]
    pub max_size: u64,
}

/// One story's ledger, or why there is none.
struct StoryLedger {
    path: String,
    source: String,
    ledger: Ledger,
    error: Option<String>,
}

pub fn run(args: SourcesArgs) -> ExitCode {
    let forced = match &args.config {
        Some(path) => match config_file::load_file(path) {
            Ok(loaded) => Some(loaded),
            Err(error) => return check::fail(error),
        },
        None => None,
    };
    let (jobs, failed) = check::gather(
        &args.paths,
        args.stdin_filename.as_deref(),
        forced,
        args.max_size,
    );
    let mut stories: Vec<StoryLedger> = failed
        .into_iter()
        .map(|FileReport { path, error, .. }| StoryLedger {
            path,
            source: String::new(),
            ledger: Ledger::default(),
            error,
        })
        .collect();
    stories.par_extend(jobs.par_iter().map(|job| {
        let mut story = StoryLedger {
            path: job.display.clone(),
            source: String::new(),
            ledger: Ledger::default(),
            error: None,
        };
        let read = job
            .engine
            .clone()
            .and_then(|engine| Ok((engine, job.source(args.max_size)?)));
        match read {
            Ok((engine, source)) => {
                story.ledger = engine.check_story(&Story::new(&source, job.format)).ledger;
                story.source = source;
            }
            Err(error) => story.error = Some(error),
        }
        story
    }));
    stories.sort_by(|a, b| a.path.cmp(&b.path));

    let mut printed = BTreeSet::new();
    for error in stories.iter().filter_map(|s| s.error.as_deref()) {
        if printed.insert(error) {
            eprintln!("copydesk: error: {}", printable(error));
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        SourcesFormat::Human => write_human(&stories, &mut out),
        SourcesFormat::Json => write_json(&stories, &mut out),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        if error.kind() != io::ErrorKind::BrokenPipe {
            return check::fail(format!("cannot write the ledger: {error}"));
        }
    }
    if stories.iter().any(|s| s.error.is_some()) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Which group of the ledger a source belongs to; the same three the editor outline shows.
fn group_of(source: &Source) -> &'static str {
    if source.is_named() {
        "named"
    } else if source.is_unnamed() {
        "unnamed"
    } else {
        "other"
    }
}

// ---- terminal --------------------------------------------------------------------------------

fn write_human(stories: &[StoryLedger], out: &mut impl Write) -> io::Result<()> {
    let mut totals = Summary::default();
    let mut listed = 0;
    for story in stories.iter().filter(|s| s.error.is_none()) {
        if listed > 0 {
            writeln!(out)?;
        }
        listed += 1;
        let summary = story.ledger.summary();
        totals.named += summary.named;
        totals.unnamed += summary.unnamed;
        totals.unnamed_without_reason += summary.unnamed_without_reason;
        totals.people += summary.people;
        write_story(story, &summary, out)?;
    }
    if listed > 1 {
        writeln!(out)?;
        writeln!(
            out,
            "{listed} stories: {}; {} people named",
            totals.headline(),
            totals.people
        )?;
    }
    Ok(())
}

fn write_story(story: &StoryLedger, summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    let index = LineIndex::new(&story.source);
    let text = &story.source;
    let ledger = &story.ledger;
    writeln!(out, "{}: {}", printable(&story.path), summary.headline())?;
    let groups = [
        ("Named sources", "named"),
        ("Unnamed sources", "unnamed"),
        ("Other sources", "other"),
    ];
    for (title, group) in groups {
        let members: Vec<&Source> = ledger
            .sources
            .iter()
            .filter(|s| group_of(s) == group)
            .collect();
        if members.is_empty() {
            continue;
        }
        writeln!(out, "  {title}")?;
        for source in members {
            write_source(source, text, &index, out)?;
        }
    }
    let others: Vec<&Person> = ledger.other_people().map(|(_, p)| p).collect();
    if !others.is_empty() {
        writeln!(out, "  Other people")?;
        for person in others {
            write_person(person, &index, out)?;
        }
    }
    if ledger.sources.is_empty() && ledger.people.is_empty() {
        writeln!(out, "  (no sources or people found)")?;
    }
    Ok(())
}

fn write_source(
    source: &Source,
    text: &str,
    index: &LineIndex,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut about = vec![ledger::kind_label(source.kind).to_string()];
    match source.count {
        Some(1) => about.push("one person".into()),
        Some(n) => about.push(format!("{n} people")),
        None if source.plural => about.push("a group".into()),
        None => {}
    }
    if let Some(unasked) = source.unasked {
        about.push(unasked.label().into());
    }
    writeln!(out, "    {} ({})", quote(&source.label), about.join(", "))?;
    writeln!(
        out,
        "      mentions: {}",
        mention_list(&source.mentions, text, index)
    )?;
    // A source the house asks no reason of is not marked as lacking one.
    if source.is_unnamed() && (source.unasked.is_none() || source.reason.is_some()) {
        match source.reason {
            Some(reason) => writeln!(
                out,
                "      reason ({}): {} {}",
                reason.kind.label(),
                at(index, reason.span),
                quoted_span(reason.span, text)
            )?,
            None => writeln!(out, "      reason: none given in the story")?,
        }
    }
    if let Some(basis) = source.basis {
        writeln!(
            out,
            "      basis: {} {}",
            at(index, basis),
            quoted_span(basis, text)
        )?;
    }
    match source.statements.as_slice() {
        [] => {}
        [only] => writeln!(
            out,
            "      says: {} {}",
            at(index, *only),
            quoted_span(*only, text)
        )?,
        [first, ..] => writeln!(
            out,
            "      says ({} statements, first): {} {}",
            source.statements.len(),
            at(index, *first),
            quoted_span(*first, text)
        )?,
    }
    Ok(())
}

fn write_person(person: &Person, index: &LineIndex, out: &mut impl Write) -> io::Result<()> {
    let count = person.mentions.len();
    writeln!(
        out,
        "    {} (first {}, {count} mention{})",
        quote(&person.name),
        at(index, person.first),
        if count == 1 { "" } else { "s" }
    )?;
    if !person.titles.is_empty() {
        writeln!(out, "      titles: {}", person.titles.join(", "))?;
    }
    if person.spellings.len() > 1 {
        writeln!(out, "      spellings: {}", person.spellings.join(", "))?;
    }
    Ok(())
}

/// "3:14", where a span starts.
fn at(index: &LineIndex, span: Span) -> String {
    let Position { line, column } = index.position(span.start);
    format!("{line}:{column}")
}

fn mention_list(mentions: &[Span], text: &str, index: &LineIndex) -> String {
    mentions
        .iter()
        .map(|m| format!("{} {}", at(index, *m), quoted_span(*m, text)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn quoted_span(span: Span, text: &str) -> String {
    quote(span.text(text))
}

/// Story text on one line, safe for a terminal, cut to [`QUOTE_CHARS`].
fn quote(text: &str) -> String {
    let line = one_line(text.trim());
    let safe = printable(&line);
    if safe.chars().count() > QUOTE_CHARS {
        let cut: String = safe.chars().take(QUOTE_CHARS - 1).collect();
        format!("\"{}…\"", cut.trim_end())
    } else {
        format!("\"{safe}\"")
    }
}

// ---- JSON --------------------------------------------------------------------------------------

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: JsonTotals,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<JsonSummary>,
    sources: Vec<JsonSource<'a>>,
    people: Vec<JsonPerson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize, Default)]
struct JsonSummary {
    named: usize,
    unnamed: usize,
    unnamed_without_reason: usize,
    people: usize,
    headline: String,
}

#[derive(Serialize, Default)]
struct JsonTotals {
    files: usize,
    failed: usize,
    named: usize,
    unnamed: usize,
    unnamed_without_reason: usize,
    people: usize,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    /// Position in the file's `sources`, in order of first mention.
    id: usize,
    label: &'a str,
    /// "named", "unnamed" or "other": the ledger's group.
    group: &'static str,
    kind: &'static str,
    description: &'static str,
    count: Option<u32>,
    plural: bool,
    reason: Option<JsonReason<'a>>,
    basis: Option<JsonText<'a>>,
    statements: Vec<JsonText<'a>>,
    mentions: Vec<JsonText<'a>>,
    /// Index into the file's `people`, for a named person.
    person: Option<usize>,
    /// Why the house asks nothing of an unnamed source ("market-colour", "bystander",
    /// "on-record-staff"), when it does not; such a source is not counted as lacking a reason.
    unasked: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonReason<'a> {
    kind: &'static str,
    #[serde(flatten)]
    text: JsonText<'a>,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: usize,
    name: &'a str,
    first: JsonText<'a>,
    mentions: Vec<JsonText<'a>>,
    titles: &'a [String],
    spellings: &'a [String],
    /// Index into the file's `sources` when the story quotes or paraphrases the person.
    source: Option<usize>,
}

#[derive(Serialize)]
struct JsonText<'a> {
    text: &'a str,
    span: JsonSpan,
    range: JsonRange,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonRange {
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(Serialize)]
struct JsonPosition {
    line: usize,
    column: usize,
}

impl From<Position> for JsonPosition {
    fn from(p: Position) -> JsonPosition {
        JsonPosition {
            line: p.line,
            column: p.column,
        }
    }
}

fn json_text<'a>(span: Span, text: &'a str, index: &LineIndex) -> JsonText<'a> {
    JsonText {
        text: span.text(text),
        span: JsonSpan {
            start: span.start,
            end: span.end,
        },
        range: JsonRange {
            start: index.position(span.start).into(),
            end: index.position(span.end).into(),
        },
    }
}

fn json_file<'a>(story: &'a StoryLedger) -> JsonFile<'a> {
    let text = story.source.as_str();
    let index = LineIndex::new(text);
    let ledger = &story.ledger;
    let spans = |spans: &[Span]| spans.iter().map(|s| json_text(*s, text, &index)).collect();
    let sources = ledger
        .sources
        .iter()
        .enumerate()
        .map(|(id, source)| JsonSource {
            id,
            label: &source.label,
            group: group_of(source),
            kind: ledger::kind_id(source.kind),
            description: ledger::kind_label(source.kind),
            count: source.count,
            plural: source.plural,
            reason: source.reason.map(|reason| JsonReason {
                kind: reason.kind.id(),
                text: json_text(reason.span, text, &index),
            }),
            basis: source.basis.map(|basis| json_text(basis, text, &index)),
            statements: spans(&source.statements),
            mentions: spans(&source.mentions),
            person: source.person,
            unasked: source.unasked.map(ledger::Unasked::id),
        })
        .collect();
    let people = ledger
        .people
        .iter()
        .enumerate()
        .map(|(id, person)| JsonPerson {
            id,
            name: &person.name,
            first: json_text(person.first, text, &index),
            mentions: spans(&person.mentions),
            titles: &person.titles,
            spellings: &person.spellings,
            source: ledger.sources.iter().position(|s| s.person == Some(id)),
        })
        .collect();
    let summary = (story.error.is_none()).then(|| {
        let summary = ledger.summary();
        JsonSummary {
            named: summary.named,
            unnamed: summary.unnamed,
            unnamed_without_reason: summary.unnamed_without_reason,
            people: summary.people,
            headline: summary.headline(),
        }
    });
    JsonFile {
        path: &story.path,
        summary,
        sources,
        people,
        error: story.error.as_deref(),
    }
}

fn write_json(stories: &[StoryLedger], out: &mut impl Write) -> io::Result<()> {
    let files: Vec<JsonFile> = stories.iter().map(json_file).collect();
    let mut totals = JsonTotals {
        files: stories.len(),
        ..JsonTotals::default()
    };
    for file in &files {
        match &file.summary {
            Some(summary) => {
                totals.named += summary.named;
                totals.unnamed += summary.unnamed;
                totals.unnamed_without_reason += summary.unnamed_without_reason;
                totals.people += summary.people;
            }
            None => totals.failed += 1,
        }
    }
    let document = JsonDocument {
        version: JSON_VERSION,
        files,
        summary: totals,
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_cut_on_one_line() {
        let long = "word ".repeat(40);
        let shown = quote(&format!("first\nsecond {long}"));
        assert!(shown.starts_with("\"first second word"), "{shown}");
        assert!(shown.ends_with("…\""), "{shown}");
        assert!(shown.chars().count() <= QUOTE_CHARS + 2);
        assert_eq!(quote("  Officials\u{1b}[31m "), "\"Officials\\u{1b}[31m\"");
    }
}
