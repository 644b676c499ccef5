//! `shindan`: the command line for the people who write banks and analyse
//! results. A thin layer over `shindan-engine`: it reads files, hands their
//! text to the engine and prints what comes back.

mod choice;
mod commands;
mod date;
mod files;
mod report;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The whole command line, in one definition: help, usage errors,
/// suggestions and shell completions are all generated from it.
#[derive(Debug, Parser)]
#[command(
    name = "shindan",
    version = shindan_engine::VERSION,
    about = "Check question banks, classify companies, score answers and analyse results.",
    after_help = "Run `shindan <command> --help` for its options.\n\
                  exit status: 0 ok, 1 the input has problems, 2 usage errors",
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check banks and catalogues; every problem at once.
    #[command(long_about = commands::validate::LONG_ABOUT)]
    Validate(commands::validate::Args),
    /// Classify a company (中小企業基本法 第2条).
    Tier(commands::tier::Args),
    /// Score one company's answers, or a survey CSV (--responses).
    #[command(long_about = commands::score::LONG_ABOUT)]
    Score(commands::score::Args),
    /// Write a synthetic survey CSV.
    #[command(long_about = commands::sample::LONG_ABOUT)]
    Sample(commands::sample::Args),
    /// Peer reference data from results (`reference build`).
    #[command(subcommand)]
    Reference(commands::reference::Action),
    /// Instrument analysis of results: item statistics, α, flags.
    #[command(long_about = commands::analyze::LONG_ABOUT)]
    Analyze(commands::analyze::Args),
    /// Write checked banks in the browser app's compact form.
    #[command(long_about = commands::compile::LONG_ABOUT)]
    Compile(commands::compile::Args),
    /// Question counts, time estimate and indicator coverage.
    #[command(long_about = commands::coverage::LONG_ABOUT)]
    Coverage(commands::coverage::Args),
    /// Print the JSON Schema of bank and catalogue files, for editors.
    Schema,
    /// Print a shell completion script.
    #[command(long_about = commands::completions::LONG_ABOUT)]
    Completions(commands::completions::Args),
}

impl Command {
    fn run(self) -> Result<(), Failure> {
        match self {
            Command::Validate(args) => commands::validate::run(args),
            Command::Tier(args) => commands::tier::run(args),
            Command::Score(args) => commands::score::run(args),
            Command::Sample(args) => commands::sample::run(args),
            Command::Reference(action) => commands::reference::run(action),
            Command::Analyze(args) => commands::analyze::run(args),
            Command::Compile(args) => commands::compile::run(args),
            Command::Coverage(args) => commands::coverage::run(args),
            Command::Schema => commands::schema::run(),
            Command::Completions(args) => commands::completions::run(args),
        }
    }
}

/// How a command ends when it does not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The input has problems; they have been printed.
    Input,
    /// The command line is wrong in a way only the command can tell (the
    /// parser has already refused everything else).
    Usage(String),
    /// A named file cannot be read at all (missing, no permission).
    Unreadable(String),
    /// Standard output cannot be written; a closed pipe (`| head`) is the
    /// reader's choice and ends the command quietly.
    Output(std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Failure {
        Failure::Output(error)
    }
}

/// Pretty JSON of `value`. Serialising plain data does not fail, but if it
/// ever did the command must fail too, never print an empty document.
pub fn pretty_json(value: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map_err(|error| Failure::Output(std::io::Error::other(error)))
}

/// `println!` that returns a closed pipe as [`Failure::Output`] instead of
/// panicking.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// `print!` that returns a closed pipe as [`Failure::Output`].
#[macro_export]
macro_rules! say_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// Output format shared by the commands that have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}

fn main() -> ExitCode {
    // Help, version and usage errors end here, with clap's exit codes
    // (0 for help and version, 2 for usage errors).
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match cli.command.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            let error = usage_error(&matches, message);
            // Nothing more can be said if stderr is closed too.
            let _ = error.print();
            ExitCode::from(2)
        }
        Err(Failure::Unreadable(message)) => {
            eprintln!("shindan: error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Output(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(error)) => {
            eprintln!("shindan: error: cannot write: {error}");
            ExitCode::from(2)
        }
    }
}

/// A usage error found by a command, shown as the parser shows its own:
/// with the usage line of the subcommand that was run.
fn usage_error(matches: &ArgMatches, message: String) -> clap::Error {
    let mut command = Cli::command();
    command.build();
    let mut at = matches;
    while let Some((name, sub)) = at.subcommand() {
        let Some(found) = command.find_subcommand(name).cloned() else {
            break;
        };
        command = found;
        at = sub;
    }
    command.error(ErrorKind::ValueValidation, message)
}
