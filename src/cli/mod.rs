//! Command-line front end: argument parsing and dispatch.

pub mod config_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Checks news copy for unnamed sources, unattributed claims and drifting names."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the language server over stdio (editors start this).
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Show the configuration that applies to a path.
    Config(config_cmd::ConfigArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lsp { .. } => crate::lsp::run(),
        Command::Config(args) => config_cmd::run(args),
    }
}
