//! Which commission a document belongs to: its front matter, else its folder, else what its
//! text names.

use std::path::{Component, Path};

/// A commission as the audit groups it: an id and where its findings point (its folder).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Commission {
    pub id: String,
    pub path: String,
}

/// Keys of the front matter that name the commission.
const FRONT_MATTER_KEYS: [&str; 2] = ["commission", "district"];

/// How the folder tree names commissions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FolderLevel {
    /// The deepest folder above the file that is not a year (`oblast/district/2026/x.md` →
    /// `district`).
    #[default]
    Deepest,
    /// The N-th folder below the audited folder (1 = the first).
    Level(usize),
}

pub fn assign(
    root: &Path,
    file: &Path,
    front_matter: Option<&serde_yaml_ng::Mapping>,
    named_in_text: Option<&str>,
    level: FolderLevel,
) -> Commission {
    if let Some(name) = front_matter.and_then(|front| {
        FRONT_MATTER_KEYS.iter().find_map(|key| {
            front
                .get(*key)
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
    }) {
        return Commission {
            id: name.to_string(),
            path: name.to_string(),
        };
    }
    if let Some(folder) = folder_of(root, file, level) {
        return folder;
    }
    if let Some(name) = named_in_text.map(str::trim).filter(|s| !s.is_empty()) {
        return Commission {
            id: name.to_lowercase(),
            path: name.to_string(),
        };
    }
    Commission {
        id: String::new(),
        path: root.display().to_string(),
    }
}

fn folder_of(root: &Path, file: &Path, level: FolderLevel) -> Option<Commission> {
    let relative = file.strip_prefix(root).ok()?;
    let folders: Vec<&str> = relative
        .parent()?
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect();
    let index = match level {
        FolderLevel::Level(n) => n.checked_sub(1).filter(|&i| i < folders.len())?,
        FolderLevel::Deepest => folders.iter().rposition(|name| !is_year(name))?,
    };
    let id = folders[..=index].join("/");
    Some(Commission {
        path: root.join(&id).display().to_string(),
        id,
    })
}

fn is_year(name: &str) -> bool {
    name.len() == 4 && name.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_folder_that_is_not_a_year_names_the_commission() {
        let root = Path::new("corpus");
        let commission = assign(
            root,
            Path::new("corpus/aktobe/khromtau/2026/p1.md"),
            None,
            None,
            FolderLevel::Deepest,
        );
        assert_eq!(commission.id, "aktobe/khromtau");
        assert_eq!(commission.path, "corpus/aktobe/khromtau");
        let level = assign(
            root,
            Path::new("corpus/aktobe/khromtau/2026/p1.md"),
            None,
            None,
            FolderLevel::Level(1),
        );
        assert_eq!(level.id, "aktobe");
    }

    #[test]
    fn front_matter_wins_and_text_is_the_last_resort() {
        let root = Path::new("corpus");
        let mut front = serde_yaml_ng::Mapping::new();
        front.insert("commission".into(), "КДН Хромтау".into());
        let named = assign(
            root,
            Path::new("corpus/x/p.md"),
            Some(&front),
            None,
            FolderLevel::Deepest,
        );
        assert_eq!(named.id, "КДН Хромтау");
        let loose = assign(
            root,
            Path::new("corpus/p.md"),
            None,
            Some("Хромтауский район"),
            FolderLevel::Deepest,
        );
        assert_eq!(loose.id, "хромтауский район");
        let unknown = assign(
            root,
            Path::new("corpus/p.md"),
            None,
            None,
            FolderLevel::Deepest,
        );
        assert_eq!(unknown.id, "");
    }
}
