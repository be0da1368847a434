//! `ignore:`: the paths check and audit skip, read like `.gitignore` lines.

use super::*;

/// A path glob as `.gitignore` reads one: without a `/` it matches a file or folder name at any
/// depth; with one, the path from the configuration's folder. `*` stops at `/`, `**` does not.
pub(super) fn path_glob(pattern: &str) -> Result<Glob, Problem> {
    let trimmed = pattern.trim_end_matches('/');
    let full = match trimmed.strip_prefix('/') {
        Some(anchored) => anchored.to_string(),
        None if trimmed.contains('/') => trimmed.to_string(),
        None => format!("**/{trimmed}"),
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|error| Problem::BadGlob {
            pattern: pattern.to_string(),
            fault: GlobFault::of(&error),
        })
}

/// The paths `ignore:` skips. A path is skipped when a glob matches it as given (as walked from
/// a folder named on the command line), or matches it or a folder above it relative to the
/// configuration's folder.
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    /// `None` when nothing is ignored.
    globs: Option<GlobSet>,
    /// The configuration's folder, absolute.
    base: PathBuf,
    cwd: PathBuf,
}

impl Ignore {
    /// `base` is the folder relative globs start from; `cwd` makes relative paths absolute.
    pub fn new(patterns: &[&str], base: &Path, cwd: &Path) -> Result<Ignore, Problem> {
        if patterns.is_empty() {
            return Ok(Ignore::default());
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            builder.add(path_glob(pattern)?);
        }
        Ok(Ignore {
            globs: Some(builder.build().map_err(|error| Problem::BadGlob {
                pattern: error.glob().unwrap_or_default().to_string(),
                fault: GlobFault::of(&error),
            })?),
            base: normalize(base),
            cwd: cwd.to_path_buf(),
        })
    }

    pub fn is_ignored(&self, path: &Path) -> bool {
        let Some(globs) = &self.globs else {
            return false;
        };
        if globs.is_match(normalize(path)) {
            return true;
        }
        let absolute = normalize(&self.cwd.join(path));
        absolute.strip_prefix(&self.base).is_ok_and(|relative| {
            relative
                .ancestors()
                .filter(|p| !p.as_os_str().is_empty())
                .any(|p| globs.is_match(p))
        })
    }
}
