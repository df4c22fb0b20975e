//! Finding and reading `.copydesk.toml` on disk, for both front ends. The text itself is
//! parsed by the engine (`copydesk_core::config::from_toml`).

use copydesk_core::config::{file_globs, from_toml};
pub use copydesk_core::config::{ConfigError, FILE_NAME};
use copydesk_core::Config;
use globset::GlobSet;
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
    let bytes = crate::files::read_regular(path, MAX_FILE_SIZE).map_err(|e| match e {
        crate::files::ReadError::TooLarge { limit } => error(format!(
            "the configuration file is larger than {}; the limit is {limit} bytes (a house configuration is a page or two)",
            crate::files::human_size(limit)
        )),
        other => error(format!("cannot read the configuration file: {other}")),
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| error("the configuration file is not UTF-8 text".to_string()))?;
    load_str(&text, path)
}

/// Reads configuration text as if it were the file at `path` (globs are relative to its folder).
pub fn load_str(text: &str, path: &Path) -> Result<Loaded, ConfigError> {
    Ok(Loaded {
        config: from_toml(text, path)?,
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
    pub fn new(config: &Config, path: &Path) -> Result<FileFilter, ConfigError> {
        let globs = file_globs(config, path, &[], &[])?;
        Ok(FileFilter {
            base: absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            include: globs.include,
            exclude: globs.exclude,
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
