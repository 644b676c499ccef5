//! `shindan`: the command line for the people who write banks and analyse
//! results. A thin layer over `shindan-engine`: it reads files, hands their
//! text to the engine and prints what comes back.

mod commands;
mod date;
mod files;
mod report;

use std::process::ExitCode;

const USAGE: &str = "\
usage: shindan <command> [options]

commands:
  validate FILE…      check banks and catalogues; every problem at once
  tier                classify a company (中小企業基本法 第2条)
  score               score one company's answers, or a survey CSV (--responses)
  sample              write a synthetic survey CSV
  reference build     peer reference data from results
  analyze FILE…       instrument analysis of results: item statistics, α, flags
  compile BANK…       write checked banks in the browser app's compact form
  coverage [FILE…]    question counts, time estimate and indicator coverage
  schema              print the JSON Schema of bank and catalogue files

Run `shindan <command> --help` for its options.
exit status: 0 ok, 1 the input has problems, 2 usage errors";

/// How a command ends when it does not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The input has problems; they have been printed.
    Input,
    /// The command line is wrong.
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

impl From<lexopt::Error> for Failure {
    fn from(error: lexopt::Error) -> Failure {
        Failure::Usage(error.to_string())
    }
}

/// Output format shared by the commands that have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}

impl Format {
    /// Parses `--format VALUE`.
    pub fn parse(value: &str) -> Result<Format, Failure> {
        match value {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            other => Err(Failure::Usage(format!(
                "unknown format `{other}` (use text or json)"
            ))),
        }
    }
}

fn main() -> ExitCode {
    let mut parser = lexopt::Parser::from_env();
    let result = match parser.next() {
        Ok(Some(lexopt::Arg::Value(command))) => match command.to_string_lossy().as_ref() {
            "validate" => commands::validate::run(parser),
            "tier" => commands::tier::run(parser),
            "score" => commands::score::run(parser),
            "sample" => commands::sample::run(parser),
            "reference" => commands::reference::run(parser),
            "analyze" => commands::analyze::run(parser),
            "compile" => commands::compile::run(parser),
            "coverage" => commands::coverage::run(parser),
            "schema" => commands::schema::run(parser),
            other => Err(Failure::Usage(format!("unknown command `{other}`"))),
        },
        Ok(Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h'))) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(lexopt::Arg::Long("version"))) => {
            println!("shindan {}", shindan_engine::VERSION);
            return ExitCode::SUCCESS;
        }
        Ok(Some(other)) => Err(Failure::Usage(format!("unexpected {}", describe(&other)))),
        Ok(None) => Err(Failure::Usage("no command given".to_owned())),
        Err(error) => Err(error.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("shindan: error: {message}\n\n{USAGE}");
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

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option -{c}"),
        lexopt::Arg::Long(name) => format!("option --{name}"),
        lexopt::Arg::Value(value) => format!("argument `{}`", value.to_string_lossy()),
    }
}

/// The error for an option or argument a command does not take.
pub fn unexpected(arg: lexopt::Arg<'_>) -> Failure {
    Failure::Usage(format!("unexpected {}", describe(&arg)))
}
