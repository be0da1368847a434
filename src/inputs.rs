//! The paths a command was given to check, as the command line sees them: each must exist and
//! be a document or a folder, and no output may be written over one of the documents checked.
//!
//! A folder walk reports what it cannot read and goes on (`engine::collect`); a path the user
//! typed that is missing or is a pipe or device is a mistake in the command, said at once.

use crate::config::Ignore;
use crate::lang::Lang;
use crate::messages;
use crate::read::FileKind;
use std::path::{Path, PathBuf};

/// A named path that cannot be checked, or an output that would overwrite an input; in `lang`.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct InputError {
    pub message: String,
}

/// Every named path exists and is a regular file or a folder. Only the metadata is looked at:
/// a named pipe is never opened.
pub fn check_named(paths: &[PathBuf], lang: Lang) -> Result<(), InputError> {
    for path in paths {
        let name = path.display().to_string();
        let message = match std::fs::metadata(path).map(|m| FileKind::of(&m)) {
            Ok(None | Some(FileKind::Directory)) => continue,
            Ok(Some(kind)) => messages::cli::named_not_regular(lang, &name, kind),
            Err(error) => messages::cli::named_missing(lang, &name, &error),
        };
        return Err(InputError { message });
    }
    Ok(())
}

/// How many bytes the named paths hold, when every one is a regular file; `None` when one is
/// a folder (whose size is known only once walked) or cannot be looked at. Only the metadata is
/// read. The pattern engine plans for the run by it (`matcher::expect_input`).
pub fn named_bytes(paths: &[PathBuf]) -> Option<u64> {
    paths.iter().try_fold(0u64, |total, path| {
        let metadata = std::fs::metadata(path).ok()?;
        metadata
            .is_file()
            .then(|| total.saturating_add(metadata.len()))
    })
}

/// Refuses `output` (`-o`, `--write-baseline`; `option` names it) when it is one of the
/// documents the run checks below `roots`: writing it would destroy an input.
pub fn check_output(
    output: &Path,
    option: &str,
    roots: &[PathBuf],
    ignore: &Ignore,
    lang: Lang,
) -> Result<(), InputError> {
    // A file that does not exist yet is no input; one that does is compared by its real path.
    let Ok(target) = output.canonicalize() else {
        return Ok(());
    };
    let is_input = roots
        .iter()
        .filter(|root| !ignore.is_ignored(root))
        .any(|root| {
            let Ok(root) = root.canonicalize() else {
                return false;
            };
            if root == target {
                return true;
            }
            // Below a named folder: a document the walk picks up (not hidden, not ignored).
            target.strip_prefix(&root).is_ok_and(|relative| {
                crate::engine::is_document(&target)
                    && !relative
                        .components()
                        .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
                    && !ignore.is_ignored(&target)
            })
        });
    if is_input {
        let message = messages::cli::output_is_input(lang, option, &output.display().to_string());
        return Err(InputError { message });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_inside_a_checked_folder_or_named_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.md");
        std::fs::write(&doc, "ПРОТОКОЛ").unwrap();
        std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
        let ignore = Ignore::default();
        let roots = [dir.path().to_path_buf()];
        assert!(check_output(&doc, "-o", &roots, &ignore, Lang::En).is_err());
        assert!(check_output(&doc, "-o", std::slice::from_ref(&doc), &ignore, Lang::En).is_err());
        let other = dir.path().join("notes.json");
        assert!(check_output(&other, "-o", &roots, &ignore, Lang::En).is_ok());
        let new = dir.path().join("new.md");
        assert!(check_output(&new, "-o", &roots, &ignore, Lang::En).is_ok());
    }

    #[test]
    fn missing_and_special_paths_are_named() {
        let error = check_named(&[PathBuf::from("no/such.md")], Lang::En).unwrap_err();
        assert!(error.message.contains("no/such.md"), "{}", error.message);
        if Path::new("/dev/zero").exists() {
            let error = check_named(&[PathBuf::from("/dev/zero")], Lang::Ru).unwrap_err();
            assert!(error.message.contains("/dev/zero"), "{}", error.message);
            assert!(error.message.contains("устройство"), "{}", error.message);
        }
    }

    #[test]
    fn named_files_are_sized_and_a_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "ПРОТОКОЛ").unwrap();
        std::fs::write(&b, "1234").unwrap();
        let size = "ПРОТОКОЛ".len() as u64 + 4;
        assert_eq!(named_bytes(&[a.clone(), b.clone()]), Some(size));
        assert_eq!(named_bytes(&[a.clone(), dir.path().to_path_buf()]), None);
        assert_eq!(named_bytes(&[a, dir.path().join("missing.md")]), None);
    }
}
