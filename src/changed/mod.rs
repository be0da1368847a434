//! `--changed-since REV`: narrows a check to the documents changed since a git revision, so a
//! pull request is checked on what it touches. "Changed" is what `git diff REV` shows (commits
//! since REV, staged and unstaged edits) plus new files git does not ignore; deleted files are
//! left out. git is run as a command (`git` on the PATH); nothing here reads `.git` itself.

mod text;

use crate::engine::is_document;
use crate::lang::Lang;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// Why the changed documents cannot be known; `message` says it in a language, `Display` in
/// English. git's own words (`message`) stay as git writes them (it runs with `LC_ALL=C`).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum ChangedError {
    NoGit(std::io::Error),
    NotARepository {
        dir: PathBuf,
        message: String,
    },
    BadRevision {
        revision: String,
        reason: BadRevision,
    },
    Git {
        command: String,
        message: String,
    },
}

/// Why a revision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadRevision {
    /// It starts with `-`, so git would read it as an option.
    Dash,
    /// `git rev-parse --verify` finds no such commit.
    NoSuchCommit,
}

impl ChangedError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChangedError::NoGit(error) => {
                text::no_git(lang, &crate::messages::data::io_error(lang, error))
            }
            ChangedError::NotARepository { dir, message } => {
                text::not_a_repository(lang, &dir.display().to_string(), message)
            }
            ChangedError::BadRevision { revision, reason } => {
                text::bad_revision(lang, revision, *reason)
            }
            ChangedError::Git { command, message } => text::git_failed(lang, command, message),
        }
    }
}

/// Why a git command gave no output.
enum GitFailure {
    Spawn(std::io::Error),
    Status(String),
}

/// Runs `git -C dir args…` and returns its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitFailure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        // The output is parsed: no pager, no translations, no prompts.
        .env("GIT_PAGER", "cat")
        .env("LC_ALL", "C")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(GitFailure::Spawn)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let message = stderr
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("no message")
            .to_string();
        Err(GitFailure::Status(message))
    }
}

/// NUL-separated paths (`git … -z`), relative to the repository's top folder.
fn paths(output: &[u8]) -> impl Iterator<Item = String> + '_ {
    output
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// The files changed since `revision` in the repository holding `dir`, as absolute paths under
/// the repository's (canonical) top folder; only files that exist now.
pub fn changed_files(dir: &Path, revision: &str) -> Result<BTreeSet<PathBuf>, ChangedError> {
    let failed = |command: &str| {
        let command = command.to_string();
        move |failure| match failure {
            GitFailure::Spawn(error) => ChangedError::NoGit(error),
            GitFailure::Status(message) => ChangedError::Git { command, message },
        }
    };
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|failure| match failure {
        GitFailure::Spawn(error) => ChangedError::NoGit(error),
        GitFailure::Status(message) => ChangedError::NotARepository {
            dir: dir.to_path_buf(),
            message,
        },
    })?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let top = top.canonicalize().unwrap_or(top);
    // A revision is never an option: `--output=…` must not reach git as one.
    let bad_revision = |reason| ChangedError::BadRevision {
        revision: revision.to_string(),
        reason,
    };
    if revision.is_empty() || revision.starts_with('-') {
        return Err(bad_revision(BadRevision::Dash));
    }
    let commit = format!("{revision}^{{commit}}");
    git(&top, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|failure| match failure {
        GitFailure::Spawn(error) => ChangedError::NoGit(error),
        GitFailure::Status(_) => bad_revision(BadRevision::NoSuchCommit),
    })?;
    let diff = git(
        &top,
        &["diff", "--name-only", "--no-renames", "-z", revision, "--"],
    )
    .map_err(failed("diff --name-only"))?;
    let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])
        .map_err(failed("ls-files --others"))?;
    Ok(paths(&diff)
        .chain(paths(&untracked))
        .map(|relative| top.join(relative))
        .filter(|path| path.is_file())
        .collect())
}

/// The paths to check: of `paths` (files and folders, as given), the documents changed since
/// `revision` in the git repository of the working folder. A folder gives the changed
/// documents below it (as a folder walk would: `.md`, `.markdown`, `.txt`, no hidden folders);
/// a file is kept if it changed; a path that does not exist is kept, for the check to report.
pub fn restrict(paths: &[PathBuf], revision: &str) -> Result<Vec<PathBuf>, ChangedError> {
    let changed = changed_files(Path::new("."), revision)?;
    Ok(select(paths, &changed))
}

/// `restrict` with the changed files already known (absolute paths).
pub fn select(paths: &[PathBuf], changed: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut selected = Vec::new();
    for root in paths {
        let Ok(canonical) = root.canonicalize() else {
            selected.push(root.clone());
            continue;
        };
        if canonical.is_file() {
            if changed.contains(&canonical) {
                selected.push(root.clone());
            }
            continue;
        }
        for file in changed {
            if let Ok(relative) = file.strip_prefix(&canonical)
                && is_document(relative)
                && !is_hidden(relative)
            {
                selected.push(root.join(relative));
            }
        }
    }
    selected.sort();
    selected.dedup();
    selected
}

/// A folder walk skips names starting with `.`; so does this.
fn is_hidden(relative: &Path) -> bool {
    relative.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_changed_documents_only() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().canonicalize().unwrap();
        for name in [
            "docs/a.md",
            "docs/sub/b.txt",
            "docs/c.png",
            "docs/.git/d.md",
            "e.md",
        ] {
            let path = top.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x").unwrap();
        }
        let changed: BTreeSet<PathBuf> = [
            "docs/a.md",
            "docs/sub/b.txt",
            "docs/c.png",
            "docs/.git/d.md",
        ]
        .iter()
        .map(|n| top.join(n))
        .collect();
        let docs = top.join("docs");
        let picked = select(
            &[docs.clone(), top.join("e.md"), top.join("gone")],
            &changed,
        );
        assert_eq!(
            picked,
            vec![docs.join("a.md"), docs.join("sub/b.txt"), top.join("gone")]
        );
    }
}
