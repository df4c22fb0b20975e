//! `copydesk check`: arguments and the driver that reads files, checks them in parallel and
//! prints the result.

use super::baseline::{self, Baseline};
use super::output::{self, FileReport, Format, HumanOptions};
use super::walk::{self, Target};
use crate::config_file::{self, ConfigError, FileFilter, Loaded};
use crate::files::ReadError;
use clap::{Args, ValueEnum};
use copydesk_core::{Engine, Severity, SourceFormat, Story};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Progress is worth drawing only for archives, not for a handful of stories.
const PROGRESS_THRESHOLD: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Stories or folders to check (default: the current folder); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// The name to show for standard input; its extension picks Markdown or plain text.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "warning", value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Use this configuration file instead of searching for `.copydesk.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print findings only: no summary line, no progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file (and report none of them).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Write the baseline even when some files could not be checked (their accepted findings
    /// are then left out of it).
    #[arg(long, requires = "write_baseline")]
    pub write_baseline_on_error: bool,
    /// Refuse stories larger than this (e.g. 20MB, 500KB; units are powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = crate::files::parse_size)]
    pub max_size: u64,
}

/// Where a story comes from.
pub(crate) enum Input {
    File(PathBuf),
    Stdin(String),
}

pub(crate) struct Job {
    pub(crate) display: String,
    pub(crate) input: Input,
    pub(crate) format: SourceFormat,
    pub(crate) engine: Result<Arc<Engine>, String>,
}

impl Job {
    /// The story's text, or why it cannot be read.
    pub(crate) fn source(&self, limit: u64) -> Result<String, String> {
        match &self.input {
            Input::File(path) => read_story(path, &self.display, limit),
            Input::Stdin(text) => Ok(text.clone()),
        }
    }
}

/// Engines built so far, one per configuration file (`None`: the built-in defaults).
struct Engines {
    forced: Option<Loaded>,
    by_config: HashMap<Option<PathBuf>, Arc<Engine>>,
    by_folder: HashMap<PathBuf, Result<Option<Loaded>, ConfigError>>,
    filters: HashMap<PathBuf, FileFilter>,
}

impl Engines {
    fn config_for(&mut self, path: &Path) -> Result<Option<Loaded>, ConfigError> {
        if let Some(forced) = &self.forced {
            return Ok(Some(forced.clone()));
        }
        // Every file in one folder shares its configuration: look it up once per folder.
        let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
        self.by_folder
            .entry(folder)
            .or_insert_with(|| config_file::discover_for(path))
            .clone()
    }

    /// Whether a file found in a folder passes its configuration's include/exclude globs.
    fn selects(&mut self, loaded: &Loaded, path: &Path) -> bool {
        self.filters
            .entry(loaded.path.clone())
            .or_insert_with(|| loaded.file_filter())
            .includes(path)
    }

    fn engine(&mut self, loaded: Option<&Loaded>) -> Arc<Engine> {
        let key = loaded.map(|l| l.path.clone());
        self.by_config
            .entry(key)
            .or_insert_with(|| {
                Arc::new(Engine::new(
                    loaded.map(|l| l.config.clone()).unwrap_or_default(),
                ))
            })
            .clone()
    }
}

pub(crate) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Reads a file as UTF-8, or explains what is wrong and what to do about it.
fn read_story(path: &Path, display: &str, limit: u64) -> Result<String, String> {
    let bytes = crate::files::read_regular(path, limit).map_err(|error| match error {
        ReadError::TooLarge { .. } => {
            format!("{display}: not checked: {error}; raise it with --max-size if this really is one story")
        }
        ReadError::NotRegular(_) => format!(
            "{display}: not checked: {error} (to check text from a pipe, use `-` for standard input)"
        ),
        ReadError::NotFound => format!("{display}: {error}"),
        other => format!("{display}: cannot read: {other}"),
    })?;
    decode(bytes, display)
}

fn decode(bytes: Vec<u8>, display: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return format!("{display}: the file is UTF-16, copydesk reads UTF-8; re-save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)");
        }
        let at = error.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{display}: not UTF-8 text (invalid byte 0x{:02X} on line {line}, byte offset {at}); copydesk reads UTF-8 only: re-save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)",
            bytes.get(at).copied().unwrap_or(0)
        )
    })
}

fn check_job(job: &Job, limit: u64) -> FileReport {
    let mut report = FileReport {
        path: job.display.clone(),
        ..FileReport::default()
    };
    let engine = match &job.engine {
        Ok(engine) => engine,
        Err(error) => {
            report.error = Some(error.clone());
            return report;
        }
    };
    match job.source(limit) {
        Ok(source) => {
            // One reading of the story serves the checks and the fingerprints.
            let story = Story::new(&source, job.format);
            report.findings = engine.analyze_story(&story);
            report.fingerprints = baseline::fingerprints(&story, &report.findings);
            drop(story);
            report.source = source;
        }
        Err(error) => report.error = Some(error),
    }
    report
}

/// Whether two paths name one file (through links, `..` or different spellings).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub(crate) fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("copydesk: error: {message}");
    ExitCode::from(2)
}

/// The stories `paths` name (folders walked, `-` for standard input), each with the engine for
/// its configuration, and a report for each that cannot be checked. Shared with `sources`, so
/// both commands find the same files under the same configuration.
pub(crate) fn gather(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    forced: Option<Loaded>,
    max_size: u64,
) -> (Vec<Job>, Vec<FileReport>) {
    let mut engines = Engines {
        forced,
        by_config: HashMap::new(),
        by_folder: HashMap::new(),
        filters: HashMap::new(),
    };

    let mut paths = paths.to_vec();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    let walk::Walk {
        targets,
        errors: walk_errors,
        skipped,
    } = walk::collect(&paths);
    for note in &skipped {
        eprintln!("copydesk: {}", output::printable(note));
    }

    let mut reports: Vec<FileReport> = walk_errors
        .into_iter()
        .map(|e| FileReport {
            path: walk::display(&e.path),
            error: Some(e.message),
            ..FileReport::default()
        })
        .collect();
    let mut jobs = Vec::new();
    if reads_stdin {
        let name = stdin_filename.map(Path::to_path_buf);
        let display = name
            .as_deref()
            .map_or_else(|| "<stdin>".to_string(), walk::display);
        let input = match crate::files::read_at_most(std::io::stdin().lock(), max_size) {
            Ok(bytes) => decode(bytes, &display),
            Err(error @ ReadError::TooLarge { .. }) => Err(format!(
                "{display}: not checked: {error}; raise it with --max-size if this really is one story"
            )),
            Err(error) => Err(format!("{display}: cannot read standard input: {error}")),
        };
        let lookup = name.clone().unwrap_or_else(|| PathBuf::from("stdin.txt"));
        let engine = engines
            .config_for(&lookup)
            .map(|loaded| engines.engine(loaded.as_ref()))
            .map_err(|e| e.to_string());
        match input {
            Ok(text) => jobs.push(Job {
                display,
                input: Input::Stdin(text),
                format: SourceFormat::from_path(&lookup),
                engine,
            }),
            Err(error) => reports.push(FileReport {
                path: display,
                error: Some(error),
                ..FileReport::default()
            }),
        }
    }
    for Target { path, from_folder } in targets {
        let engine = match engines.config_for(&path) {
            Ok(loaded) => {
                if let (true, Some(loaded)) = (from_folder, &loaded) {
                    if !engines.selects(loaded, &path) {
                        continue;
                    }
                }
                Ok(engines.engine(loaded.as_ref()))
            }
            Err(error) => Err(error.to_string()),
        };
        jobs.push(Job {
            display: walk::display(&path),
            format: SourceFormat::from_path(&path),
            input: Input::File(path),
            engine,
        });
    }
    (jobs, reports)
}

pub fn run(args: CheckArgs) -> ExitCode {
    let forced = match &args.config {
        Some(path) => match config_file::load_file(path) {
            Ok(loaded) => Some(loaded),
            Err(error) => return fail(error),
        },
        None => None,
    };
    let known = match &args.baseline {
        Some(path) => match Baseline::read(path) {
            Ok(baseline) => Some(baseline),
            Err(error) => return fail(error),
        },
        None => None,
    };
    let (jobs, mut reports) = gather(
        &args.paths,
        args.stdin_filename.as_deref(),
        forced,
        args.max_size,
    );

    if let Some(baseline) = &args.write_baseline {
        if let Some(config) = args.config.as_deref().filter(|c| same_file(c, baseline)) {
            return fail(format!(
                "--write-baseline {} would overwrite the configuration file {}; write the baseline to its own file",
                baseline.display(),
                config.display()
            ));
        }
        if let Some(story) = jobs.iter().find_map(|job| match &job.input {
            Input::File(path) if same_file(path, baseline) => Some(&job.display),
            _ => None,
        }) {
            return fail(format!(
                "--write-baseline {} would overwrite {story}, which is being checked; write the baseline to its own file (e.g. copydesk-baseline.json)",
                baseline.display()
            ));
        }
    }

    let progress = (!args.quiet
        && jobs.len() >= PROGRESS_THRESHOLD
        && std::io::stderr().is_terminal())
    .then(|| {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("checking {bar:40} {pos}/{len} stories")
        {
            bar.set_style(style);
        }
        bar
    });
    let checked: Vec<FileReport> = jobs
        .par_iter()
        .map(|job| {
            let report = check_job(job, args.max_size);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            report
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    reports.extend(checked);
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    let failed = reports.iter().filter(|r| r.error.is_some()).count();
    if let (Some(path), true) = (
        &args.write_baseline,
        failed > 0 && !args.write_baseline_on_error,
    ) {
        eprintln!(
            "copydesk: error: baseline not written to {}: {failed} of {} files could not be checked, and the baseline would drop their accepted findings; fix them, or pass --write-baseline-on-error",
            path.display(),
            reports.len()
        );
    } else if let Some(path) = &args.write_baseline {
        let written = Baseline::from_reports(&reports);
        if let Err(error) = written.write(path) {
            return fail(error);
        }
        if !args.quiet {
            eprintln!(
                "copydesk: recorded {} findings in {}",
                written.findings.len(),
                path.display()
            );
        }
        for report in &mut reports {
            written.filter(report);
        }
    }
    if let Some(baseline) = &known {
        for report in &mut reports {
            baseline.filter(report);
        }
    }

    // Errors go to stderr in every format, once each, so a human sees them even when stdout
    // is a SARIF file.
    let mut printed = BTreeSet::new();
    for error in reports.iter().filter_map(|r| r.error.as_deref()) {
        if printed.insert(error) {
            eprintln!("copydesk: error: {}", output::printable(error));
        }
    }

    let options = HumanOptions {
        color: use_color(args.color),
        quiet: args.quiet,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Err(error) =
        output::render(args.format, &reports, options, &mut out).and_then(|_| out.flush())
    {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            return fail(format!("cannot write the report: {error}"));
        }
    }

    if reports.iter().any(|r| r.error.is_some()) {
        return ExitCode::from(2);
    }
    let failing = args.fail_on.threshold().is_some_and(|threshold| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= threshold)
    });
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_names_the_line_and_what_to_do() {
        let error = decode(b"ok\nna\xefve".to_vec(), "a.md").unwrap_err();
        assert!(error.starts_with("a.md: not UTF-8"), "{error}");
        assert!(error.contains("line 2"));
        assert!(error.contains("re-save"));
        let utf16 = decode(vec![0xFF, 0xFE, b'a', 0], "b.txt").unwrap_err();
        assert!(utf16.contains("UTF-16"));
    }
}
