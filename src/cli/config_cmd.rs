//! `copydesk config`: show the configuration that applies to a path.
//!
//! Placeholder until the configuration issue lands.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the effective configuration (after presets and defaults) as TOML.
    #[arg(long)]
    pub show: bool,
    /// Use this configuration file instead of searching for `.copydesk.toml`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The file or folder whose configuration to show (default: the current folder).
    pub path: Option<PathBuf>,
}

pub fn run(_args: ConfigArgs) -> ExitCode {
    eprintln!("copydesk: `config` is not implemented yet");
    ExitCode::from(2)
}
