//! The `hattama-generate` command: parses arguments, then hands over to the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
