//! The integration tests, one binary: each module is what was once a test file of its own, and
//! linking one binary instead of nineteen is most of what a first `cargo test` spends.

mod audit;
mod bad_input;
mod ci;
mod cli;
mod common;
mod compare;
mod config;
mod docx;
mod fixtures;
mod formats;
mod l10n;
mod layers;
mod privacy;
mod reports;
mod robustness;
mod rule_examples;
mod rule_tests;
#[cfg(feature = "serve")]
mod serve;
mod source_rules;
mod split;
mod stalls;
mod suppress;
mod views;
