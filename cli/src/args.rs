//! The command line: subcommands, options and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use readiness_core::benchmark::MIN_COUNT;
use readiness_core::Lang;

/// A help epilogue followed by the exit status table, as one literal so that
/// clap's attributes can take it and the table is written once.
macro_rules! help {
    ($text:literal) => {
        concat!(
            $text,
            "

Exit status:
  0  success
  1  invalid input: a questionnaire or answers with problems, or a batch with bad lines
  2  usage error, or a file that cannot be read or written"
        )
    };
}

/// Validate readiness questionnaires and score answers to them, one response
/// or millions.
#[derive(Debug, Parser)]
#[command(
    name = "readiness",
    version,
    arg_required_else_help = true,
    after_help = help!(
        "\
Examples:
  readiness questionnaire > mine.json        copy the built-in questionnaire to edit
  readiness validate mine.json               check it, listing every problem
  readiness score answers.json               score one respondent, as text
  readiness batch responses.csv --summary    mean, median and levels of a whole survey
  readiness benchmark survey.csv --by sector > benchmarked.json
                                             publish how a survey scored, so that
                                             each report says how it compares"
    )
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the built-in questionnaire: a template to copy and edit
    #[command(after_help = help!(
        "\
Without --lang the file is printed exactly as shipped, with every text in
Indonesian and English. With --lang only that language's texts are kept.

Examples:
  readiness questionnaire > mine.json
  readiness questionnaire --lang en > mine-en.json"
    ))]
    Questionnaire {
        /// Keep the texts of one language only
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },

    /// Check a questionnaire file and list every problem in it
    #[command(after_help = help!(
        "\
Prints a one-line summary when the file is valid (exit 0). Otherwise prints
every problem on its own line, each with where it is and how to fix it (exit
1). A file that cannot be read exits 2.

A valid file may still get warnings: a level no answers reach, a cap that
never lowers a level, options of one question that read the same, advice
that repeats its option, a translation much longer than another, more than
15 minutes to answer. They are printed after the summary; with --strict
they fail the check (exit 1).

Examples:
  readiness validate mine.json
  readiness validate --strict mine.json
  readiness questionnaire | readiness validate -"
    ))]
    Validate {
        /// The questionnaire file, or - for standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },

    /// Print a questionnaire in the current format version
    #[command(after_help = help!(
        "\
Reads a valid questionnaire of any supported format version and prints it in
the current one. From format 1, each answer step below the top gets its own
advice: the old \"start\" text for the first two steps, \"improve\" for the
next two. Then write a distinct next step for each.

Example:
  readiness upgrade old.json > new.json"
    ))]
    Upgrade {
        /// The questionnaire file, or - for standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },

    /// Score one set of answers
    #[command(after_help = help!(
        "\
The answers file holds {\"answers\": {\"<question id>\": ANSWER, ...}}, where ANSWER
is 0 to 4, \"dont-know\", \"not-applicable\" or null (unanswered), and may name a
\"respondent\". Unanswered questions score like \"dont-know\".

A questionnaire with benchmarks (made by `readiness benchmark`) compares the
report with everyone they hold: the share of them each score is ahead of.
--group compares with one group of them instead.

Examples:
  readiness score answers.json
  readiness score answers.json --lang id --format json
  readiness score - --questionnaire mine.json < answers.json
  readiness score answers.json --questionnaire benchmarked.json --group retail"
    ))]
    Score {
        /// The answers file, or - for standard input
        #[arg(value_name = "ANSWERS")]
        answers: PathBuf,
        #[command(flatten)]
        questionnaire: QuestionnaireArg,
        #[command(flatten)]
        lang: LangArg,
        /// Compare with this group of the questionnaire's benchmarks (its id) instead of everyone
        #[arg(long, value_name = "ID")]
        group: Option<String>,
        /// How to print the report: readable text, or the JSON report the widget also produces
        #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
        format: ScoreFormat,
    },

    /// Score many responses from JSON Lines or CSV, in constant memory
    #[command(after_help = help!(
        "\
Input:
  JSON Lines: one answers object per line, as `score` reads it, with an
  optional \"respondent\" that is carried to the output.
  CSV: a header row of question ids, plus an optional `respondent` column;
  cells 0 to 4, dont-know, not-applicable, or empty for unanswered. Quoted
  fields, CRLF line ends, a UTF-8 byte order mark and `;` or tab separators
  (as spreadsheets export them) are understood.
  The format comes from --input-format, else the file extension (.jsonl or
  .ndjson: JSON Lines; .csv or .tsv: CSV), else the first character ({ means
  JSON Lines).

Output, one result per good input line, in input order:
  jsonl  the report, the same JSON as `score --format json`, one per line,
         with the respondent first when the input names one (the default)
  csv    respondent, overall score, level id, then one score per factor
  text   each report as `score` prints it
  json   one JSON array of the reports

A bad line is reported on standard error as `line N: what is wrong` and the
rest goes on; --strict stops at the first. The closing count (read, scored,
bad) goes to standard error; the exit status is 1 if any line was bad.

--summary prints statistics instead of one result per line: for the overall
score and each factor, the count, mean, median, 10th and 90th percentile and
the count per level (the overall level after caps), as text or --format json.
Percentiles are exact in constant memory: scores are whole tenths from 0.0
to 100.0, so a histogram of 1001 counters (one per tenth) is kept for the
overall score and for each factor. Percentiles are by nearest rank: the p-th
percentile is the smallest score x such that at least p% of the responses
score x or less (the median is the 50th, so for an even count the lower of
the two middle scores). The mean is rounded half away from zero to one
decimal, like every score.

Examples:
  readiness batch responses.csv --format csv > scores.csv
  readiness batch responses.jsonl --summary
  readiness batch export.csv --summary --format json --lang id
  cat responses.jsonl | readiness batch - --strict > reports.jsonl"
    ))]
    Batch(BatchArgs),

    /// Make benchmarks from responses: how everyone (and each group) scored
    #[command(after_help = help!(
        "\
Reads responses as `batch` does (JSON Lines or CSV, in constant memory) and
prints the questionnaire with a `benchmarks` section (replacing any it had):
for the overall score and each factor, how many responses scored in each
band of five points (0 to under 5, 5 to under 10, ... 95 to 100). Then every
report of the questionnaire says how it compares: \"ahead of 62% of 240
organisations, 2026\". The section holds counts only, never a response.

Only complete responses count: one with an unanswered question is left out
(\"dont-know\" and \"not-applicable\" are answers), and how many is said.

--by COLUMN groups the responses by a CSV column (its header, in any case) or
a JSON Lines field ({\"respondent\": \"r1\", \"sector\": \"Retail\", \"answers\":
{...}}). Each group gets distributions of its own, with an id made from its
name (\"Sales & Marketing\" is sales-marketing) for `score --group`. A
response without a group counts for everyone only.

Privacy: a group of fewer than --min-count responses is left out, and said
so, since its distribution could single out a respondent; fewer than
--min-count responses in all is an error (exit 1).

--label names who responded, shown beside each comparison. `--label TEXT`
sets it in every language of the questionnaire; `--label LANG=TEXT` in one
(repeat it for each). A language without one gets \"N responses\".

Bad lines are reported as `batch` reports them and left out; the benchmarks
of the rest are printed all the same, and the exit status is 1. The closing
count (read, counted, bad, the groups kept) goes to standard error.

Examples:
  readiness benchmark survey.csv > benchmarked.json
  readiness benchmark survey.csv --by sector --label en=\"240 organisations, 2026\" \\
      --label id=\"240 organisasi, 2026\" > benchmarked.json
  readiness benchmark responses.jsonl --questionnaire mine.json --by department"
    ))]
    Benchmark(BenchmarkArgs),

    /// Print a questionnaire as a pack: the form the widget reads fastest
    #[command(after_help = help!(
        "\
A pack is a checked questionnaire in one language, which the widget reads
without its validator: a page whose `src` names a pack downloads less and
shows its first screen sooner than one that names the JSON file. Without a
FILE, the built-in questionnaire. The file is checked first: problems are
listed as `validate` lists them (exit 1), and no pack is written.

Examples:
  readiness pack mine.json --lang id > mine.id.txt
  readiness pack --lang en > social-media-strategy.en.txt"
    ))]
    Pack {
        /// The questionnaire file, or - for standard input (default: the built-in one)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The language of the pack's texts
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Lang,
    },

    /// Print the JSON Schema of the questionnaire file format
    #[command(after_help = help!(
        "\
Editors use it to check and complete a questionnaire as you type, e.g. in VS
Code with \"$schema\" settings.

Examples:
  readiness schema > questionnaire.schema.json"
    ))]
    Schema,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The responses file, or - for standard input
    #[arg(value_name = "INPUT", default_value = "-")]
    pub input: PathBuf,
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
    /// The input format, when the file extension does not say
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// The output format [default: jsonl; text with --summary]
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    #[command(flatten)]
    pub lang: LangArg,
    /// Print statistics per factor and overall instead of one result per line
    #[arg(long)]
    pub summary: bool,
    /// Stop at the first bad line
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// The responses file, or - for standard input
    #[arg(value_name = "RESPONSES")]
    pub input: PathBuf,
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
    /// The input format, when the file extension does not say
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Group the responses by this CSV column or JSON Lines field
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,
    /// Leave out groups of fewer responses than this (and fail with fewer in all)
    #[arg(long, value_name = "N", default_value_t = MIN_COUNT, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_count: u32,
    /// Who responded, in every language (TEXT) or in one (LANG=TEXT); repeatable
    #[arg(long = "label", value_name = "[LANG=]TEXT")]
    pub labels: Vec<String>,
}

#[derive(Debug, Args)]
pub struct QuestionnaireArg {
    /// Score against this questionnaire file instead of the built-in one
    #[arg(long = "questionnaire", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LangArg {
    /// The language of texts and numbers [default: id if LC_ALL, LC_MESSAGES or LANG says Indonesian, else en]
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Jsonl,
    Csv,
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Jsonl,
    Csv,
}

/// A language tag: any language a questionnaire may declare (the CLI's
/// own words fall back to English where `labels::TABLE` lacks it).
fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| {
        let known: Vec<&str> = crate::labels::TABLE.iter().map(|labels| labels.lang).collect();
        format!(
            "`{tag}` is not a language tag; use a language's ISO 639-1 code, such as {}",
            known.join(" or ")
        )
    })
}
