//! Finding and reading `.copydesk.toml`.
//!
//! Placeholder until the configuration issue lands: no file is ever found.

use super::Config;
use std::fmt;
use std::path::{Path, PathBuf};

/// A configuration read from a file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    pub path: PathBuf,
}

/// What went wrong reading a configuration file, naming the file (and key and line where known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": `{key}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

pub const FILE_NAME: &str = ".copydesk.toml";

/// The configuration that applies to `path` (a file or folder): the nearest `.copydesk.toml`
/// walking up from it. `Ok(None)` when there is none.
pub fn discover_for(_path: &Path) -> Result<Option<Loaded>, ConfigError> {
    Ok(None)
}

/// Reads one configuration file.
pub fn load_file(path: &Path) -> Result<Loaded, ConfigError> {
    Err(ConfigError {
        path: path.to_path_buf(),
        line: None,
        key: None,
        message: "configuration files are not supported yet".into(),
    })
}
