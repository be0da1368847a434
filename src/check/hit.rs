//! What a rule kind reports, document or corpus, before it is worded: where, the values its
//! message names, and the other documents it is about.

use crate::finding::{Position, Related, Tabled};
use minijinja::Value;
use std::collections::BTreeMap;
use std::ops::Range;

/// Where a finding points.
#[derive(Debug, Clone)]
pub enum Place {
    /// A span of the document being checked (byte offsets into its source).
    Span(Range<usize>),
    /// A place in a document of the corpus, or a commission's folder.
    File { path: String, at: Position },
}

/// One place where a rule fires, with the values its message names.
#[derive(Debug, Clone)]
pub struct Hit {
    pub place: Place,
    pub vars: BTreeMap<&'static str, Value>,
    pub related: Vec<Related>,
    /// What a report's own table reads of it (overdue decisions, copies).
    pub tabled: Option<Tabled>,
}

impl Hit {
    /// In the document being checked.
    pub fn at(span: Range<usize>) -> Hit {
        Hit::new(Place::Span(span))
    }

    /// In a document of the corpus (or, with its folder's path, about a commission).
    pub fn in_file(path: &str, at: Position) -> Hit {
        Hit::new(Place::File {
            path: path.to_string(),
            at,
        })
    }

    fn new(place: Place) -> Hit {
        Hit {
            place,
            vars: BTreeMap::new(),
            related: Vec::new(),
            tabled: None,
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Hit {
        self.vars.insert(name, value.into());
        self
    }

    /// Another document the finding is about.
    pub fn related(mut self, related: Related) -> Hit {
        self.related.push(related);
        self
    }

    /// A row of a report's table.
    pub fn tabled(mut self, tabled: Tabled) -> Hit {
        self.tabled = Some(tabled);
        self
    }

    /// The corpus document it points at.
    pub fn path(&self) -> Option<&str> {
        match &self.place {
            Place::File { path, .. } => Some(path),
            Place::Span(_) => None,
        }
    }
}
