//! End-to-end tests of the `readiness` binary: every subcommand and exit
//! status, CSV and JSON Lines edge cases, and the shared vectors in
//! `tests/vectors/`, run through `score` and `batch`.
//!
//! One test binary with modules, so that the suite links once.

mod batch_csv;
mod batch_jsonl;
mod benchmark;
mod builtin;
mod commands;
mod score;
mod summary;
mod support;
mod vectors;
