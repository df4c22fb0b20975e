//! Finding and reading `.copydesk.toml`.

use super::parse::parse;
use super::Config;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// A configuration read from a file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    pub path: PathBuf,
}

impl Loaded {
    /// Whether `check` on a folder should read `path`, by the file's `include`/`exclude`
    /// globs (relative to the folder holding the configuration file). Compiles the globs on
    /// each call: for many files, build [`Loaded::file_filter`] once.
    pub fn includes(&self, path: &Path) -> bool {
        self.file_filter().includes(path)
    }

    /// The `include`/`exclude` globs, compiled. Globs were validated when the file was read;
    /// one that does not compile (only possible in a `Config` built in code) matches nothing.
    pub fn file_filter(&self) -> FileFilter {
        FileFilter::new(&self.config, &self.path).unwrap_or_else(|_| FileFilter {
            base: absolute(&self.path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            include: (!self.config.include.is_empty()).then(GlobSet::empty),
            exclude: None,
        })
    }
}

/// What went wrong reading a configuration file, naming the file (and key and line where known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub key: Option<String>,
    /// The whole explanation; it names the key itself where there is one.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

pub const FILE_NAME: &str = ".copydesk.toml";

/// The configuration that applies to `path` (a file or folder): the nearest `.copydesk.toml`
/// in the path's folder or any ancestor (a folder path starts at itself). `Ok(None)` when
/// there is none.
pub fn discover_for(path: &Path) -> Result<Option<Loaded>, ConfigError> {
    match find_for(path) {
        Some(file) => load_file(&file).map(Some),
        None => Ok(None),
    }
}

/// The nearest `.copydesk.toml` for `path`, without reading it.
pub fn find_for(path: &Path) -> Option<PathBuf> {
    let path = absolute(path);
    let start = if path.is_dir() {
        path.as_path()
    } else {
        path.parent()?
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// A house configuration is a page or two; anything far larger is a mistake or an attack.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// Reads one configuration file.
pub fn load_file(path: &Path) -> Result<Loaded, ConfigError> {
    let error = |message: String| ConfigError {
        path: path.to_path_buf(),
        line: None,
        key: None,
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| error(format!("cannot read the configuration file: {e}")))?
        .len();
    if size > MAX_FILE_SIZE {
        return Err(error(format!(
            "the configuration file is {size} bytes; the limit is {MAX_FILE_SIZE}"
        )));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| error(format!("cannot read the configuration file: {e}")))?;
    load_str(&text, path)
}

/// Reads configuration text as if it were the file at `path` (globs are relative to its folder).
pub fn load_str(text: &str, path: &Path) -> Result<Loaded, ConfigError> {
    let parsed = parse(text, path)?;
    FileFilter::build(
        &parsed.config,
        path,
        &parsed.include_lines,
        &parsed.exclude_lines,
    )?;
    Ok(Loaded {
        config: parsed.config,
        path: path.to_path_buf(),
    })
}

/// `include`/`exclude` globs anchored at the configuration file's folder. `*` stays inside one
/// folder, `**` crosses folders, and a glob that names a folder covers everything in it.
#[derive(Debug, Clone, Default)]
pub struct FileFilter {
    base: PathBuf,
    /// `None` when the file sets no `include`: everything is included.
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl FileFilter {
    /// Compiles `config`'s globs, anchored at the folder of `config_path`.
    pub fn new(config: &super::Config, config_path: &Path) -> Result<FileFilter, ConfigError> {
        FileFilter::build(config, config_path, &[], &[])
    }

    fn build(
        config: &super::Config,
        path: &Path,
        include_lines: &[usize],
        exclude_lines: &[usize],
    ) -> Result<FileFilter, ConfigError> {
        let glob_error =
            |key: &str, line: Option<usize>, pattern: &str, e: globset::Error| ConfigError {
                path: path.to_path_buf(),
                line,
                key: Some(key.to_owned()),
                message: format!("`{pattern}` in `{key}` is not a valid glob: {}", e.kind()),
            };
        let include = glob_set(&config.include, include_lines)
            .map_err(|(line, pattern, e)| glob_error("include", line, pattern, e))?;
        let exclude = glob_set(&config.exclude, exclude_lines)
            .map_err(|(line, pattern, e)| glob_error("exclude", line, pattern, e))?;
        Ok(FileFilter {
            base: absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            include,
            exclude,
        })
    }

    pub fn includes(&self, path: &Path) -> bool {
        let path = absolute(path);
        let Ok(relative) = path.strip_prefix(&self.base) else {
            // Outside the configuration's folder its globs say nothing; only an include list,
            // which names what to read, leaves such a file out.
            return self.include.is_none();
        };
        let hit = |set: &GlobSet| {
            relative
                .ancestors()
                .any(|p| !p.as_os_str().is_empty() && set.is_match(p))
        };
        let included = self.include.as_ref().is_none_or(hit);
        included && !self.exclude.as_ref().is_some_and(hit)
    }
}

/// Compiled globs, or the failing glob with its line (when known).
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

/// `path` made absolute and with `.`/`..` resolved by its text, without touching the file system
/// (so a missing file or a symlink still anchors where the user wrote it).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
