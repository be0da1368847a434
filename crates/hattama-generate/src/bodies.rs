//! The bodies of a district that decisions and measures are given to. Their names in each
//! grammatical form are data (`wording/bodies.yaml`); this module only lists them.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Body {
    Edu,
    Police,
    Juvenile,
    Social,
    Health,
    Culture,
    Youth,
    Akims,
    Guardianship,
    Emergency,
    Internal,
}

pub const ALL_BODIES: [Body; 11] = [
    Body::Edu,
    Body::Police,
    Body::Juvenile,
    Body::Social,
    Body::Health,
    Body::Culture,
    Body::Youth,
    Body::Akims,
    Body::Guardianship,
    Body::Emergency,
    Body::Internal,
];

impl Body {
    pub fn index(self) -> usize {
        ALL_BODIES.iter().position(|b| *b == self).unwrap_or(0)
    }

    /// Whether the body has one head who can be named in brackets.
    pub fn has_head(self) -> bool {
        self != Body::Akims
    }
}
