//! `readiness`: the command-line face of the readiness core.
//!
//! Glue only: parse arguments, read files, call `readiness_core`, print.
//! Every rule about questionnaires, answers and scores lives in the core.

mod args;
mod batch;
mod benchmark;
mod commands;
mod failure;
mod input;
mod labels;
mod layout;
mod paths;
mod print;
mod style;
mod text;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Questionnaire { lang } => commands::questionnaire(lang),
        Command::Validate { file, strict } => commands::validate(&file, strict),
        Command::Upgrade { file } => commands::upgrade(&file),
        Command::Pack { file, lang } => commands::pack(file.as_deref(), lang),
        Command::Score {
            answers,
            questionnaire,
            lang,
            group,
            format,
        } => commands::score(
            &answers,
            questionnaire.path.as_deref(),
            input::lang(lang.lang),
            group.as_deref(),
            format,
        ),
        Command::Batch(args) => batch::run(&args),
        Command::Benchmark(args) => benchmark::run(&args),
        Command::Schema => commands::schema(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
