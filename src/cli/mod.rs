//! Command-line front end: argument parsing and dispatch.

pub mod baseline;
pub mod check;
pub mod config_cmd;
pub mod line_index;
pub mod output;
pub mod rules;
pub mod sources;
pub mod walk;

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
    /// Check stories and folders of stories.
    Check(check::CheckArgs),
    /// List the sources and people in stories: named, unnamed, and what the story says of each.
    Sources(sources::SourcesArgs),
    /// List every rule with its category, default severity and summary.
    Rules(rules::RulesArgs),
    /// Show a rule's reasoning with a wrong and a right example.
    Explain(rules::ExplainArgs),
    /// Run the language server over stdio (editors start this).
    Lsp {
        /// Accepted for editors that pass it (some pass it twice); stdio is the only transport.
        #[arg(long, action = clap::ArgAction::Count)]
        stdio: u8,
        /// Other arguments language clients append (`--clientProcessId=N`) are ignored: the
        /// server must start whatever the editor's launcher adds.
        #[arg(hide = true, trailing_var_arg = true, allow_hyphen_values = true)]
        client_arguments: Vec<String>,
    },
    /// Show the configuration that applies to a path.
    Config(config_cmd::ConfigArgs),
}

pub fn main() -> ExitCode {
    crate::process_memory::return_large_blocks_to_the_system();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap exits 2 on usage errors already; --help and --version are successes.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Sources(args) => sources::run(args),
        Command::Rules(args) => rules::run_rules(args),
        Command::Explain(args) => rules::run_explain(args),
        Command::Lsp { .. } => crate::lsp::run(),
        Command::Config(args) => config_cmd::run(args),
    }
}
