//! What the tests of the command share: the binary as a user runs it, with no locale of the
//! machine's (so the language is the one a test asks for) and no colour codes.

// Each test file uses a part of this module; the rest is dead code to that file.
#![allow(dead_code)]

use assert_cmd::Command;

pub fn hattama() -> Command {
    let mut command = Command::cargo_bin("hattama").unwrap();
    command
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    command
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}
