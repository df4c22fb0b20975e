//! The `copydesk` binary: see the library for the command line and the language server.

fn main() -> std::process::ExitCode {
    copydesk::cli::main()
}
