//! Which commission each file an audit reports on belongs to, by path: documents, files that
//! could not be read, and (once the commissions are summarised) their folders, so that every
//! finding, wherever it points, is counted for one commission.

use super::Record;
use super::commission::Commission;
use super::score::CommissionSummary;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Default)]
pub struct Owners(pub BTreeMap<String, Commission>);

impl Owners {
    /// The commission of a file that a finding names, the first one given winning.
    pub fn claim(&mut self, path: &str, commission: &Commission) {
        self.0
            .entry(path.to_string())
            .or_insert_with(|| commission.clone());
    }

    /// Once the records' commissions are resolved (named, loose files placed): each record's
    /// own commission, and the name its commission got for every file of it.
    pub fn settle(&mut self, records: &[Record]) {
        let names: BTreeMap<&str, Arc<str>> = records
            .iter()
            .map(|r| (r.commission.id.as_str(), r.commission.name.clone()))
            .collect();
        for owner in self.0.values_mut() {
            if let Some(name) = names.get(owner.id.as_str()) {
                owner.name = name.clone();
            }
        }
        for record in records {
            self.0
                .insert(record.path.clone(), record.commission.clone());
        }
    }

    /// Each path's commission id; a commission's folder is its own (findings about a
    /// commission as a whole point at it).
    pub fn ids(self, commissions: &[CommissionSummary]) -> BTreeMap<String, String> {
        let mut ids: BTreeMap<String, String> =
            self.0.into_iter().map(|(path, c)| (path, c.id)).collect();
        for summary in commissions {
            ids.entry(summary.path.clone())
                .or_insert_with(|| summary.id.clone());
        }
        ids
    }
}
