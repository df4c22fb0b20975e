//! `copydesk config`: show the configuration that applies to a path.

use crate::config_file::{discover_for, load_file};
use clap::Args;
use copydesk_core::config::show::{render, Origin};
use copydesk_core::Config;
use std::path::{Path, PathBuf};
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

pub fn run(args: ConfigArgs) -> ExitCode {
    let target = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let loaded = match &args.config {
        Some(file) => load_file(file).map(Some),
        None => discover_for(&target),
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("copydesk: {error}");
            return ExitCode::from(2);
        }
    };
    let defaults = Config::default();
    let (config, origin) = match &loaded {
        Some(loaded) => (&loaded.config, Origin::File(&loaded.path)),
        None => (
            &defaults,
            Origin::Defaults {
                searched_from: Path::new(&target),
            },
        ),
    };
    if args.show {
        print!("{}", render(config, origin));
    } else {
        match origin {
            Origin::File(path) => println!("{}", path.display()),
            Origin::Defaults { .. } => {
                println!(
                    "no {} found: built-in defaults",
                    crate::config_file::FILE_NAME
                )
            }
        }
    }
    ExitCode::SUCCESS
}
