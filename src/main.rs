//! The `hattama` command: parses arguments, then hands over to the library.

mod cli;
mod help;
#[cfg(feature = "serve")]
mod server;
mod stderr;
mod usage;
mod values;

fn main() -> std::process::ExitCode {
    cli::run()
}
