//! The `hattama` command: parses arguments, then hands over to the library.

mod cli;
mod help;
#[cfg(feature = "serve")]
mod server;
mod stderr;
mod usage;
mod values;

/// See Cargo.toml, feature `jemalloc`.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
