//! `shindan completions SHELL`: a completion script generated from the
//! same definition as the parser, so it knows every command, flag and
//! industry id the binary does.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::{Cli, Failure};

/// What `shindan completions --help` explains beyond the options.
pub const LONG_ABOUT: &str = "\
Prints a completion script for SHELL to stdout. For bash, for example:

    shindan completions bash > ~/.local/share/bash-completion/completions/shindan

or, for the current shell only, `source <(shindan completions bash)`.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell the script is for.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args) -> Result<(), Failure> {
    // Generated into memory first: the generator panics on a failed write,
    // and a closed pipe must end the command quietly instead.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "shindan", &mut script);
    let mut stdout = std::io::stdout().lock();
    std::io::Write::write_all(&mut stdout, &script)?;
    std::io::Write::flush(&mut stdout)?;
    Ok(())
}
