//! hattama: a protocol-quality and compliance analyzer for Kazakhstan's commissions on minors'
//! affairs. Data flows one way: read → parse → extract → check → report.

pub mod audit;
pub mod baseline;
pub mod byte_count;
pub mod calendar;
pub mod changed;
pub mod check;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod engine;
pub mod extract;
pub mod finding;
pub mod inputs;
pub mod lang;
pub mod matcher;
pub mod messages;
pub mod pack;
pub mod parse;
pub mod privacy;
pub mod progress;
pub mod read;
pub mod report;
pub mod rule_tests;
pub mod rulebook;
pub mod serde_error;
#[cfg(feature = "serve")]
pub mod serve;
pub mod split;
pub mod stages;
pub mod suppress;
pub mod yaml_depth;
