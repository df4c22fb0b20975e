//! The `copydesk` binary: see the library for the command line and the language server.

#[global_allocator]
static ALLOCATOR: copydesk::allocator::SplitBySize = copydesk::allocator::SplitBySize;

fn main() -> std::process::ExitCode {
    copydesk::cli::main()
}
