//! `hattama serve` (the command): binds the address, says where the page is, and serves until stopped.

use crate::cli::ServeArgs;
use anyhow::{Context, Result};
use hattama::lang::Lang;
use hattama::messages;
use hattama::rulebook::Rulebook;
use hattama::serve::{Folder, Server};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

/// Serves until the process is stopped; an address that cannot be used is an error (exit 2).
pub fn run(
    args: &ServeArgs,
    rulebook: Rulebook,
    folder: Option<Folder>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8> {
    if !args.bind.is_loopback() && !args.allow_remote {
        anyhow::bail!(messages::serve_remote_needs_flag(
            lang,
            &args.bind.to_string()
        ));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context(messages::serve_cannot_start(lang))?;
    let mut server = Server::new(rulebook, lang, args.as_of);
    if let Some(folder) = folder {
        server = server.with_folder(folder);
    }
    let server = Arc::new(server);
    runtime.block_on(async {
        let address = SocketAddr::new(args.bind, args.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .with_context(|| messages::serve_cannot_bind(lang, &address.to_string()))?;
        let bound = listener.local_addr()?;
        let url = format!("http://{bound}/");
        if !args.bind.is_loopback() {
            crate::stderr::say(&messages::serve_remote_warning(lang));
        }
        writeln!(out, "{}", messages::serve_listening(lang, &url))?;
        out.flush()?;
        if args.open {
            open_browser(&url);
        }
        hattama::serve::run(listener, server)
            .await
            .context(messages::serve_cannot_start(lang))
    })?;
    Ok(0)
}

/// Opens the page in the user's browser, as the desktop would open a link; if that fails the
/// address printed above is there to copy.
fn open_browser(url: &str) {
    let mut opener = if cfg!(target_os = "windows") {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", "", url]);
        command
    } else if cfg!(target_os = "macos") {
        let mut command = std::process::Command::new("open");
        command.arg(url);
        command
    } else {
        let mut command = std::process::Command::new("xdg-open");
        command.arg(url);
        command
    };
    // The opener returns once the browser has the address; waited for beside the server.
    std::thread::spawn(move || opener.status());
}
