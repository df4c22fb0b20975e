//! `.copydesk.toml` text to a [`Config`]: parsing, then the checks that need the whole file.
//! Reading the file from disk is the front ends' job.

use super::error::ConfigError;
use super::parse::parse;
use super::Config;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::Path;

/// Reads configuration text as if it were the file at `path` (which names the file in errors;
/// nothing is read from it).
pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let parsed = parse(text, path)?;
    file_globs(
        &parsed.config,
        path,
        &parsed.include_lines,
        &parsed.exclude_lines,
    )?;
    Ok(parsed.config)
}

/// A configuration's `include`/`exclude` globs, compiled; `None` where it sets none.
pub struct FileGlobs {
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
}

/// Compiles `config`'s file globs; `include_lines` and `exclude_lines` give each glob's line in
/// the file at `path`, for the error (empty when unknown).
pub fn file_globs(
    config: &Config,
    path: &Path,
    include_lines: &[usize],
    exclude_lines: &[usize],
) -> Result<FileGlobs, ConfigError> {
    let glob_error =
        |key: &str, line: Option<usize>, pattern: &str, e: globset::Error| ConfigError {
            path: path.to_path_buf(),
            line,
            key: Some(key.to_owned()),
            message: format!("`{pattern}` in `{key}` is not a valid glob: {}", e.kind()),
        };
    Ok(FileGlobs {
        include: glob_set(&config.include, include_lines)
            .map_err(|(line, pattern, e)| glob_error("include", line, pattern, e))?,
        exclude: glob_set(&config.exclude, exclude_lines)
            .map_err(|(line, pattern, e)| glob_error("exclude", line, pattern, e))?,
    })
}

/// Globs compiled as the front ends match them, against paths relative to the configuration
/// file's folder: `*` stays inside one folder, `**` crosses folders, and a leading `./` or
/// trailing `/` is ignored. On failure, the failing glob with its line (when known).
fn glob_set<'a>(
    patterns: &'a [String],
    lines: &[usize],
) -> Result<Option<GlobSet>, (Option<usize>, &'a str, globset::Error)> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for (i, pattern) in patterns.iter().enumerate() {
        let line = lines.get(i).copied();
        let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
        let glob: Glob = GlobBuilder::new(trimmed)
            .literal_separator(true)
            .build()
            .map_err(|e| (line, pattern.as_str(), e))?;
        builder.add(glob);
    }
    builder
        .build()
        .map(Some)
        .map_err(|e| (lines.first().copied(), patterns[0].as_str(), e))
}
