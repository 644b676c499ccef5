//! `shindan analyze`: instrument analysis of many results for the people
//! who own the banks — per tier and bank edition, how each question
//! behaves and whether a dimension's questions hang together. The figures
//! are the engine's (`shindan_engine::analysis`, formulas in its docs);
//! this module reads the files and prints them.

use std::path::{Path, PathBuf};

use shindan_engine::analysis::{
    Analysis, DimensionAnalysis, Flag, FlagKind, GroupAnalysis, QuestionAnalysis, Statistic,
    Thresholds, Uncomputable,
};
use shindan_engine::{
    AnalysisBuilder, Bank, Catalogue, Lang, ResultDoc, echo, records_from_scored_csv,
};

use crate::commands::score::{cells, pad};
use crate::report::Reporter;
use crate::{Failure, Format, files};

/// What `shindan analyze --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Instrument analysis for the people who own the banks, per tier and bank
edition: per question the numbers asked and answered, N/A and skipped
rates, the answer distribution, floor and ceiling shares and the corrected
item–total correlation; per dimension Cronbach's α, α if each item is
dropped and the level distribution; flags for α below 0.6, item–rest
correlation below 0.2 and one answer chosen by over 80 %.

FILE is a result JSON, a JSON Lines file of results (`*.jsonl`, as `shindan
score --responses … --format jsonl` writes), a ZIP archive of result files
(`*.zip`: its `*.json` files), or a scored survey CSV
(`*.csv`, as `shindan score --responses` writes). Each result is scored
again against the bank and edition it names: give each with --bank (the
catalogue is found beside it, or given with --catalogue; earlier editions
are in question-banks/editions/). A scored CSV holds scores, not answers: only the
level distributions come from it (its edition is not recorded; its rows
count under their tier). Broken files and lines are reported on stderr and
skipped; the exit status is 1 when nothing could be analysed.

The formulas and the handling of N/A, skipped and hidden questions are in
the engine's `analysis` module docs.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Results: JSON, JSON Lines (`*.jsonl`), a ZIP of results (`*.zip`) or a scored survey CSV (`*.csv`).
    #[arg(value_name = "FILE", required = true)]
    inputs: Vec<PathBuf>,
    /// Each bank and edition the results use (they are scored again); repeat it.
    #[arg(long = "bank", value_name = "BANK", required = true)]
    bank_paths: Vec<PathBuf>,
    /// The catalogue (default: catalogue.yaml beside each bank).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// How the analysis is printed.
    #[arg(long = "format", value_name = "FORMAT", value_enum, default_value_t = Output::Text)]
    output: Output,
}

/// What `--format` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Tables, Japanese labels first.
    Text,
    /// One table for Excel (UTF-8 with BOM).
    Csv,
    /// The engine's analysis as is.
    Json,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args {
        inputs,
        bank_paths,
        catalogue,
        output,
    } = args;
    let mut reporter = Reporter::new(Format::Text);
    let banks = bank_paths
        .iter()
        .map(|path| files::load_bank_with_catalogue(path, catalogue.as_deref(), &mut reporter))
        .collect::<Result<Vec<Bank>, Failure>>()?;
    for (at, bank) in banks.iter().enumerate() {
        if banks[..at]
            .iter()
            .any(|b| b.id == bank.id && b.version == bank.version)
        {
            return Err(Failure::Usage(format!(
                "bank `{}` edition {} is given twice with --bank",
                bank.id, bank.version
            )));
        }
    }

    let mut builder = AnalysisBuilder::new();
    let (mut counted, mut skipped) = (0u64, 0u64);
    for path in &inputs {
        if is_csv(path) {
            let (read, refused) = scored_csv(path, &banks, &mut builder)?;
            counted += read;
            skipped += refused;
            continue;
        }
        files::each_result(path, |text, place| {
            let result = match text.map(ResultDoc::from_json) {
                Ok(Ok(result)) => result,
                Ok(Err(diagnostic)) => {
                    skipped += 1;
                    eprintln!("{place}: error: {}; skipped", echo(&diagnostic.message));
                    return;
                }
                Err(why) => {
                    skipped += 1;
                    eprintln!("{place}: error: {why}; skipped");
                    return;
                }
            };
            let rescored = bank_of(&result, &banks).and_then(|bank| {
                let rescored = result.rescore(bank).map_err(|p| p.to_string())?;
                Ok((bank, rescored))
            });
            match rescored {
                Ok((bank, rescored)) => {
                    builder.add(bank, &rescored.answers, &rescored.scores);
                    counted += 1;
                }
                Err(problem) => {
                    skipped += 1;
                    eprintln!("{place}: error: {problem}; skipped");
                }
            }
        })?;
    }
    let analysis = builder.build();
    eprintln!(
        "respondents analysed: {counted}; tier and edition groups: {}; inputs skipped: {skipped}",
        analysis.groups.len()
    );
    if counted == 0 {
        eprintln!("shindan: error: nothing to analyse");
        return Err(Failure::Input);
    }
    match output {
        Output::Json => crate::say!("{}", crate::pretty_json(&analysis)?),
        Output::Csv => crate::say_text!("{}", analysis.to_csv()),
        Output::Text => crate::say_text!("{}", text(&analysis, &banks)),
    }
    Ok(())
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csv"))
}

/// The bank and edition a result answers, among those given.
fn bank_of<'a>(result: &ResultDoc, banks: &'a [Bank]) -> Result<&'a Bank, String> {
    let named = &result.bank;
    if let Some(bank) = banks
        .iter()
        .find(|b| b.id == named.id && b.version == named.version)
    {
        return Ok(bank);
    }
    let given: Vec<&str> = banks
        .iter()
        .filter(|b| b.id == named.id)
        .map(|b| b.version.as_str())
        .collect();
    if given.is_empty() {
        Err(format!(
            "bank `{}` was not given with --bank",
            echo(&named.id)
        ))
    } else {
        Err(format!(
            "the result answers edition {} of bank `{}`, --bank gave {}; give that edition too (earlier editions are in question-banks/editions/)",
            echo(&named.version),
            named.id,
            given.join(", ")
        ))
    }
}

/// Counts the rows of a scored survey CSV; returns rows counted and rows
/// (or files) skipped.
fn scored_csv(
    path: &Path,
    banks: &[Bank],
    builder: &mut AnalysisBuilder,
) -> Result<(u64, u64), Failure> {
    let name = path.display();
    let bytes = std::fs::read(path)
        .map_err(|error| Failure::Unreadable(format!("cannot read {name}: {error}")))?;
    let Some(first) = banks.first() else {
        return Ok((0, 1));
    };
    let (records, problems) = records_from_scored_csv(&bytes, &first.catalogue);
    for problem in &problems {
        eprintln!(
            "{name}:{}: error: {}; skipped",
            problem.line, problem.message
        );
    }
    if records.is_empty()
        && problems
            .iter()
            .any(|p| p.message.contains("no `tier` column"))
    {
        eprintln!(
            "  = hint: a survey CSV of answers is analysed through its results: `shindan score --bank BANK --responses {name} --format jsonl > results.jsonl`, then `shindan analyze results.jsonl --bank BANK`"
        );
    }
    let (mut counted, mut skipped) = (0u64, problems.len() as u64);
    let mut missing: Vec<(&str, u64)> = Vec::new();
    for record in &records {
        // The current edition of the row's tier, else any edition of it.
        let bank = banks
            .iter()
            .find(|b| b.tier == record.tier && b.superseded_by.is_none())
            .or_else(|| banks.iter().find(|b| b.tier == record.tier));
        match bank {
            Some(bank) => {
                builder.add_scores(&bank.catalogue, record);
                counted += 1;
            }
            None => {
                skipped += 1;
                let tier = record.tier.as_str();
                match missing.iter_mut().find(|(t, _)| *t == tier) {
                    Some((_, count)) => *count += 1,
                    None => missing.push((tier, 1)),
                }
            }
        }
    }
    for (tier, count) in missing {
        eprintln!(
            "{name}: error: {count} rows of tier `{tier}`, but no bank of that tier was given with --bank; skipped"
        );
    }
    Ok((counted, skipped))
}

/// The catalogue that names a group's dimensions.
fn catalogue_of<'a>(group: &GroupAnalysis, banks: &'a [Bank]) -> Option<&'a Catalogue> {
    banks
        .iter()
        .find(|b| Some(&b.id) == group.bank.as_ref() && Some(&b.version) == group.version.as_ref())
        .or_else(|| banks.iter().find(|b| b.tier == group.tier))
        .or(banks.first())
        .map(|b| &b.catalogue)
}

/// The analysis as text tables, Japanese labels first.
fn text(analysis: &Analysis, banks: &[Bank]) -> String {
    let mut out = String::new();
    for group in &analysis.groups {
        let tier = group.tier.name();
        let source = match (&group.bank, &group.version) {
            (Some(bank), Some(version)) => {
                format!("質問票 bank {bank} — 版 edition {version}")
            }
            _ => "採点済みCSV scored CSV — 版の記録なし edition not recorded".to_owned(),
        };
        out.push_str(&format!(
            "■ {} {} — {source} — 回答者 respondents {}\n",
            tier.ja, tier.en, group.respondents
        ));
        if !group.answers {
            out.push_str(
                "  回答がないため、設問ごとの集計と α は算出できません。\n  The input holds scores, not answers: per-question figures and α need results (score the survey with --format jsonl).\n",
            );
        }
        let catalogue = catalogue_of(group, banks);
        for dimension in &group.dimensions {
            let name = catalogue
                .and_then(|c| c.dimensions.iter().find(|d| d.id == dimension.id))
                .map(|d| format!("{} {}", d.name.ja, d.name.en))
                .unwrap_or_default();
            out.push_str(&format!("\n  分野 dimension {} — {name}\n", dimension.id));
            dimension_text(&mut out, group, dimension);
        }
        out.push_str("\n  要確認 flags:");
        if group.flags.is_empty() {
            out.push_str(" なし none\n");
        } else {
            out.push('\n');
            for flag in &group.flags {
                out.push_str(&format!(
                    "    ⚠ {}\n",
                    flag_text(flag, group, &analysis.thresholds)
                ));
            }
        }
        out.push('\n');
    }
    out
}

/// Columns of the question table: Japanese and English heading, width.
const COLUMNS: [(&str, &str, usize); 9] = [
    ("対象", "asked", 6),
    ("回答", "answered", 8),
    ("N/A率", "N/A", 6),
    ("無回答率", "skipped", 8),
    ("床", "floor", 6),
    ("天井", "ceiling", 7),
    ("項目残余r", "item-rest", 9),
    ("除外時α", "α-if-drop", 9),
    ("最多回答", "top answer", 0),
];

fn dimension_text(out: &mut String, group: &GroupAnalysis, dimension: &DimensionAnalysis) {
    let alpha = match dimension.alpha {
        Statistic::Value(value) => format!("{value:.3}"),
        Statistic::NotComputable(why) => not_computable(why),
    };
    if group.answers {
        out.push_str(&format!(
            "    α {alpha}  (完答 complete cases {}, 設問 items {})\n",
            dimension.complete,
            dimension.items.len()
        ));
    } else {
        out.push_str(&format!("    α {alpha}\n"));
    }
    let levels: Vec<String> = dimension
        .levels
        .iter()
        .enumerate()
        .map(|(at, count)| format!("{}: {count}", at + 1))
        .collect();
    out.push_str(&format!(
        "    レベル levels  {}  なし none: {}\n",
        levels.join("  "),
        dimension.no_level
    ));
    let questions: Vec<&QuestionAnalysis> = group
        .questions
        .iter()
        .filter(|q| q.dimension == dimension.id)
        .collect();
    if questions.is_empty() {
        return;
    }
    let width = questions
        .iter()
        .map(|q| cells(&q.id))
        .chain([cells("設問"), cells("question")])
        .max()
        .unwrap_or(0);
    for (heading, pick) in [("設問", 0), ("question", 1)] {
        let mut line = format!("    {}", pad(heading, width));
        for (ja, en, wide) in COLUMNS {
            let label = if pick == 0 { ja } else { en };
            line.push_str(&format!("  {}", right(label, wide)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let mut notes: Vec<String> = Vec::new();
    for question in questions {
        let dropped = dimension
            .alpha_if_dropped
            .iter()
            .find(|a| a.question == question.id)
            .map(|a| a.alpha);
        let mut missing: Vec<(Uncomputable, &str)> = Vec::new();
        let mut cell = |statistic: Statistic, label: &'static str, percent: bool| match statistic {
            Statistic::Value(value) if percent => format!("{:.1}%", value * 100.0),
            Statistic::Value(value) => format!("{value:.3}"),
            Statistic::NotComputable(why) => {
                missing.push((why, label));
                "-".to_owned()
            }
        };
        let top = match &question.top_answer {
            Some(answer) => format!(
                "{} {answer}",
                cell(question.top_share, "最多回答 top answer", true)
            ),
            None => {
                cell(question.top_share, "最多回答 top answer", true);
                "-".to_owned()
            }
        };
        let figures = [
            question.asked.to_string(),
            question.answered.to_string(),
            cell(question.not_applicable_rate, "N/A率 N/A rate", true),
            cell(question.skipped_rate, "無回答率 skipped rate", true),
            cell(question.floor, "床 floor", true),
            cell(question.ceiling, "天井 ceiling", true),
            cell(question.item_rest, "項目残余r item-rest", false),
            dropped.map_or(String::new(), |a| cell(a, "除外時α α if dropped", false)),
            top,
        ];
        let mut line = format!("    {}", pad(&question.id, width));
        for ((_, _, wide), figure) in COLUMNS.iter().zip(&figures) {
            line.push_str(&format!("  {}", right(figure, *wide)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        let answers: Vec<String> = question
            .distribution
            .iter()
            .map(|a| format!("{}:{}", a.answer, a.count))
            .collect();
        let (ja, en) = if question.combined {
            ("回答分布(複数選択)", "answers, several per respondent")
        } else {
            ("回答分布", "answers")
        };
        let hidden = if question.hidden > 0 {
            format!("  非表示 hidden {}", question.hidden)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "    {}  {ja} {en}: {}{hidden}\n",
            pad("", width),
            answers.join(" ")
        ));
        let mut reasons: Vec<Uncomputable> = missing.iter().map(|(why, _)| *why).collect();
        reasons.sort();
        reasons.dedup();
        for why in reasons {
            let labels: Vec<&str> = missing
                .iter()
                .filter(|(w, _)| *w == why)
                .map(|(_, label)| *label)
                .collect();
            notes.push(format!(
                "{}: {} — {}",
                question.id,
                labels.join(", "),
                not_computable(why)
            ));
        }
    }
    for note in notes {
        out.push_str(&format!("    — {note}\n"));
    }
    let conditional: Vec<&str> = group
        .questions
        .iter()
        .filter(|q| q.dimension == dimension.id && q.scored && q.conditional)
        .map(|q| q.id.as_str())
        .collect();
    if !conditional.is_empty() {
        out.push_str(&format!(
            "    — {}: 条件付きの設問。α と項目残余r は表示された回答者だけのもの asked only after another answer: α and item-rest cover only those asked\n",
            conditional.join(", ")
        ));
    }
}

/// "算出不可 not computable (reason)".
fn not_computable(why: Uncomputable) -> String {
    let reason = why.describe();
    format!(
        "算出不可 not computable ({} {})",
        reason.get(Lang::Ja),
        reason.get(Lang::En)
    )
}

fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(cells(text))))
}

fn flag_text(flag: &Flag, group: &GroupAnalysis, thresholds: &Thresholds) -> String {
    let place = match &flag.question {
        Some(question) => format!("{}/{question}", flag.dimension),
        None => flag.dimension.clone(),
    };
    match flag.kind {
        FlagKind::LowAlpha => format!(
            "{place}: α {:.3} < {} — 設問がまとまっていない the items do not hang together",
            flag.value, thresholds.alpha_below
        ),
        FlagKind::LowItemRest => format!(
            "{place}: 項目残余相関 item-rest r {:.3} < {} — ほかの設問と連動しない it does not move with the other items",
            flag.value, thresholds.item_rest_below
        ),
        FlagKind::DominantAnswer => {
            let answer = flag
                .question
                .as_ref()
                .and_then(|id| group.questions.iter().find(|q| &q.id == id))
                .and_then(|q| q.top_answer.clone())
                .unwrap_or_default();
            format!(
                "{place}: 「{answer}」が {:.1}% > {:.0}% — 回答が一つに偏っている one answer dominates",
                flag.value * 100.0,
                thresholds.top_share_above * 100.0
            )
        }
    }
}
