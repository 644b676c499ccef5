//! `shindan score`: one company's answers → its result sheet.

use std::path::PathBuf;

use clap::ValueEnum;
use shindan_engine::{Bank, Lang, ResultDoc, Scores};

use crate::commands::batch::{self, BatchFormat};
use crate::report::Reporter;
use crate::{Failure, Format, date, files};

/// What `shindan score --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
The answers file (YAML or JSON) holds `answers:` by question id, and
optionally `profile:` and `label:`; a result JSON from the app works too.
Prints the result sheet as a table, or the result JSON (schema 1).

With --responses, scores a survey CSV (header: respondent, industry,
regular_employees, capital_yen, prefecture, then question and gate ids; see
`shindan sample`) one company per row, streaming: a CSV row of scores or a
result JSON line per company. A bad row is reported on stderr with its line
number and skipped; the exit status stays 0 unless --strict.";

#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("input")
        .required(true)
        .args(["answers", "responses"])
))]
pub struct Args {
    /// The question bank the answers are for.
    #[arg(long, value_name = "FILE")]
    bank: PathBuf,
    /// One company's answers (YAML or JSON, or a result JSON).
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// A survey CSV, one company per row.
    #[arg(long, value_name = "FILE.csv")]
    responses: Option<PathBuf>,
    /// The catalogue (default: catalogue.yaml beside the bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// The date the result carries (default: today in Japan).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<String>,
    /// A label for the result, instead of the answers file's.
    #[arg(long, value_name = "TEXT", conflicts_with = "responses")]
    label: Option<String>,
    /// What is printed: text or json with --answers (default text), csv or
    /// jsonl with --responses (default csv).
    #[arg(long, value_enum)]
    format: Option<ScoreFormat>,
    /// With --responses, exit 1 when a row is skipped.
    #[arg(long, conflicts_with = "answers")]
    strict: bool,
}

/// What `--format` asks for; which ones apply depends on the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScoreFormat {
    /// The result sheet as a table (--answers).
    Text,
    /// The result JSON, schema 1 (--answers).
    Json,
    /// A CSV row of scores per company (--responses).
    Csv,
    /// A result JSON line per company (--responses).
    Jsonl,
}

/// `--date` is a real calendar date.
fn parse_date(value: &str) -> Result<String, String> {
    if date::is_date(value) {
        Ok(value.to_owned())
    } else {
        Err("not a calendar date written YYYY-MM-DD".to_owned())
    }
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        bank: bank_path,
        answers,
        responses,
        catalogue,
        date,
        label,
        format,
        strict,
    } = args;
    if let Some(responses) = responses {
        let format = match format {
            None | Some(ScoreFormat::Csv) => BatchFormat::Csv,
            Some(ScoreFormat::Jsonl) => BatchFormat::Jsonl,
            Some(ScoreFormat::Text | ScoreFormat::Json) => {
                return Err(Failure::Usage(
                    "with --responses, --format is csv or jsonl".to_owned(),
                ));
            }
        };
        let mut reporter = Reporter::new(Format::Text);
        let bank =
            files::load_bank_with_catalogue(&bank_path, catalogue.as_deref(), &mut reporter)?;
        let date = date.unwrap_or_else(date::today);
        return batch::run(&bank, &responses, format, &date, strict);
    }
    let format = match format {
        None | Some(ScoreFormat::Text) => Format::Text,
        Some(ScoreFormat::Json) => Format::Json,
        Some(ScoreFormat::Csv | ScoreFormat::Jsonl) => {
            return Err(Failure::Usage(
                "with --answers, --format is text or json (csv and jsonl are for --responses)"
                    .to_owned(),
            ));
        }
    };
    // The parser requires one of the two.
    let Some(answers_path) = answers else {
        return Err(Failure::Usage(
            "--answers or --responses is required".to_owned(),
        ));
    };

    let mut reporter = Reporter::new(Format::Text);
    let bank = files::load_bank_with_catalogue(&bank_path, catalogue.as_deref(), &mut reporter)?;
    let file = match files::read(&answers_path)? {
        Ok(file) => file,
        Err(undecodable) => {
            reporter.report(&undecodable.file, &[undecodable.diagnostic]);
            return Err(Failure::Input);
        }
    };
    let checked = shindan_engine::read_answer_sheet(&file, &bank);
    reporter.report(&file, &checked.diagnostics);
    let sheet = checked.value.ok_or(Failure::Input)?;

    let scores = shindan_engine::score(&bank, &sheet.answers, sheet.profile.as_ref());
    let date = date.unwrap_or_else(date::today);
    let result = ResultDoc::new(
        &bank,
        &sheet.answers,
        &scores,
        sheet.profile,
        &date,
        label.or(sheet.label),
    );
    match format {
        Format::Json => crate::say!("{}", crate::pretty_json(&result)?),
        Format::Text => crate::say_text!("{}", table(&bank, &scores, &result)),
    }
    Ok(())
}

/// The result sheet as plain text, Japanese first.
fn table(bank: &Bank, scores: &Scores, result: &ResultDoc) -> String {
    let lang = Lang::Ja;
    let catalogue = &bank.catalogue;
    let mut out = format!(
        "{} — {} {} ({})  {}\n\n",
        bank.title.get(lang),
        bank.id,
        bank.version,
        bank.tier.name().get(lang),
        result.date
    );
    if let Some(note) = bank.as_of_note() {
        out.push_str(&format!("{}\n\n", note.get(lang)));
    }
    let width = catalogue
        .dimensions
        .iter()
        .map(|dimension| cells(dimension.name.get(lang)))
        .max()
        .unwrap_or(0);
    out.push_str(&format!("{}  score  level\n", pad("dimension", width)));
    for (dimension, outcome) in catalogue.dimensions.iter().zip(&scores.dimensions) {
        out.push_str(&format!(
            "{}  {:>5}  {:>5}\n",
            pad(dimension.name.get(lang), width),
            outcome
                .score
                .map_or("—".to_owned(), |score| format!("{score:.1}")),
            outcome
                .level
                .map_or("—".to_owned(), |level| level.to_string()),
        ));
    }
    out.push_str(&format!(
        "{}  {:>5}  {:>5}\n\ncompleteness: {:.0}%\n",
        pad("overall", width),
        scores
            .overall
            .map_or("—".to_owned(), |score| format!("{score:.1}")),
        scores
            .overall_level
            .map_or("—".to_owned(), |level| level.to_string()),
        scores.completeness * 100.0
    ));
    if !scores.gate_findings.is_empty() {
        out.push_str("\ngate findings:\n");
        for &index in &scores.gate_findings {
            let gate = &bank[index];
            out.push_str(&format!("  - {}: {}\n", gate.id, gate.text.get(lang)));
            if let Some(figure) = gate.figure(catalogue, result.profile.as_ref()) {
                out.push_str(&format!("    {}\n", figure.get(lang)));
            }
            out.push_str(&format!(
                "    {}\n    {}\n",
                gate.law.cite().get(lang),
                gate.help.get(lang)
            ));
        }
    }
    let not_applicable: Vec<&str> = bank
        .gates
        .iter()
        .zip(&scores.gates_applicable)
        .filter(|(_, applies)| !**applies)
        .map(|(gate, _)| gate.id.as_str())
        .collect();
    if !not_applicable.is_empty() {
        out.push_str(&format!(
            "\nnot applicable (該当しません): {}\n",
            not_applicable.join(", ")
        ));
    }
    if !scores.recommendations.is_empty() {
        out.push_str("\nrecommendations:\n");
        for (rank, &index) in scores.recommendations.iter().enumerate() {
            let rule = &bank[index];
            out.push_str(&format!(
                "  {}. [{}] {}\n",
                rank + 1,
                rule.id,
                rule.text.get(lang)
            ));
            for program in catalogue.routed(&rule.programs) {
                out.push_str(&format!("     → {}\n", catalogue[program].name.get(lang)));
            }
        }
    }
    out
}

/// Terminal cells `text` takes (a Japanese character takes two).
pub(crate) fn cells(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// `text` padded with spaces to `width` cells.
pub(crate) fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(cells(text))))
}
