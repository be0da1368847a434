//! Which commission a document belongs to. The folder decides (`oblast/district/2026/x.md`
//! belongs to `oblast/district`), because that is how a department files the documents it
//! receives; what a document names itself (front matter, header) only names the commission
//! and, with no folder to go by, groups the loose files. A document can never make a
//! commission of its own by naming one its folder does not.

use super::Record;
use super::naming::{self, Named};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};
use std::sync::Arc;

/// A commission as the audit groups it: an id, where its findings point (its folder), and
/// the name its documents give it (empty when none names it). Every document holds its
/// commission, so the name and place are shared, not copied.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Commission {
    pub id: String,
    pub path: String,
    pub name: Arc<str>,
    /// The place of that name, as names are compared (`мартук`); empty when unknown.
    pub place: Arc<str>,
}

impl Commission {
    /// The commission of files that sit in no commission folder and name none.
    pub fn unknown(root: &Path) -> Commission {
        Commission {
            id: String::new(),
            path: root.display().to_string(),
            name: Arc::from(""),
            place: Arc::from(""),
        }
    }

    /// What a report calls the commission: its name, else its id.
    pub fn label(&self) -> &str {
        if self.name.is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

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

/// The commission folder of `file` below `root`, if it sits in one.
pub fn by_folder(root: &Path, file: &Path, level: FolderLevel) -> Option<Commission> {
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
        name: Arc::from(""),
        place: Arc::from(""),
    })
}

fn is_year(name: &str) -> bool {
    name.len() == 4 && name.chars().all(|c| c.is_ascii_digit())
}

/// Once every document is read: names each folder's commission by what its documents call
/// it, and gives each loose file (in no commission folder) the commission its name agrees
/// with: the one folder commission of that place, else the loose files naming the same place.
/// `mask` hides personal data in a name that becomes an id (a loose file's front matter may
/// hold anything).
pub fn resolve(records: &mut [Record], mask: impl Fn(&str) -> String) {
    let mut folders: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut loose: Vec<usize> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        if record.commission.id.is_empty() {
            loose.push(index);
        } else {
            folders
                .entry(record.commission.id.clone())
                .or_default()
                .push(index);
        }
    }
    // Each folder commission's name, and the places (stems) of the names that stand for it:
    // whether a name agrees depends on its place alone, and a commission's many documents
    // name a few places, so a loose file is compared with those few.
    let mut named_folders: Vec<(Commission, Vec<String>)> = Vec::new();
    for members in folders.values() {
        let names: Vec<Option<&Named>> =
            members.iter().map(|&i| records[i].named.as_ref()).collect();
        let consensus = naming::consensus(&names);
        let (name, place): (Arc<str>, Arc<str>) = consensus
            .as_ref()
            .map(|c| (Arc::from(c.name.as_str()), Arc::from(c.place.as_str())))
            .unwrap_or_else(|| (Arc::from(""), Arc::from("")));
        for &i in members {
            records[i].commission.name = Arc::clone(&name);
            records[i].commission.place = Arc::clone(&place);
        }
        if let Some(consensus) = consensus {
            let places: BTreeSet<&str> = consensus
                .members
                .iter()
                .filter_map(|&m| records[members[m]].named.as_ref())
                .map(|named| named.stem.as_str())
                .collect();
            let places = places.into_iter().map(str::to_string).collect();
            named_folders.push((records[members[0]].commission.clone(), places));
        }
    }
    let mut unplaced: Vec<usize> = Vec::new();
    for index in loose {
        let Some(named) = records[index].named.as_ref() else {
            continue;
        };
        let matching: Vec<&Commission> = named_folders
            .iter()
            .filter(|(_, places)| {
                places
                    .iter()
                    .any(|place| naming::stems_agree(place, &named.stem))
            })
            .map(|(commission, _)| commission)
            .collect();
        match matching.as_slice() {
            [only] => records[index].commission = (*only).clone(),
            _ => unplaced.push(index),
        }
    }
    group_loose(records, &unplaced, mask);
}

/// Loose files no folder claims: those naming one place form one commission, called by the
/// name most of them use; a name no pattern could read groups only with the same name.
fn group_loose(records: &mut [Record], loose: &[usize], mask: impl Fn(&str) -> String) {
    let named: Vec<Option<&Named>> = loose.iter().map(|&i| records[i].named.as_ref()).collect();
    let groups = naming::clusters(&named);
    let mut assigned: Vec<(usize, naming::Consensus)> = Vec::new();
    for group in groups {
        let names: Vec<Option<&Named>> = group.iter().map(|&g| named[g]).collect();
        if let Some(consensus) = naming::consensus(&names) {
            assigned.extend(group.iter().map(|&g| (loose[g], consensus.clone())));
        }
    }
    for (index, consensus) in assigned {
        let name = mask(&consensus.name);
        records[index].commission = Commission {
            id: name.clone(),
            path: name.clone(),
            name: Arc::from(name.as_str()),
            place: Arc::from(consensus.place.as_str()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_folder_that_is_not_a_year_names_the_commission() {
        let root = Path::new("corpus");
        let commission = by_folder(
            root,
            Path::new("corpus/aktobe/martuk/2026/p1.md"),
            FolderLevel::Deepest,
        )
        .unwrap();
        assert_eq!(commission.id, "aktobe/martuk");
        assert_eq!(commission.path, "corpus/aktobe/martuk");
        let level = by_folder(
            root,
            Path::new("corpus/aktobe/martuk/2026/p1.md"),
            FolderLevel::Level(1),
        )
        .unwrap();
        assert_eq!(level.id, "aktobe");
        assert_eq!(
            by_folder(root, Path::new("corpus/p.md"), FolderLevel::Deepest),
            None
        );
        assert_eq!(
            by_folder(root, Path::new("corpus/2026/p.md"), FolderLevel::Deepest),
            None
        );
    }
}
