//! The `copydesk` binary: the command line and the language server, both thin adapters over
//! the `copydesk` library.

mod cli;
mod lsp;

fn main() -> std::process::ExitCode {
    cli::main()
}
