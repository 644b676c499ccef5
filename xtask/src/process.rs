//! Running commands: cargo and the tools, with their failures as messages
//! that name the command, and a scratch folder for browser runs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::thread::JoinHandle;

pub fn cargo_binary() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Cargo at a lower CPU priority (`nice -n 10`, from coreutils): for builds
/// that can wait while a test run's longest chain, the web crate's
/// compilation and its single-threaded LTO links, goes first.
pub fn cargo_yielding() -> Command {
    let mut command = Command::new("nice");
    command.args(["-n", "10"]).arg(cargo_binary());
    command
}

pub fn cargo(args: &[&str]) -> Result<(), String> {
    run(Command::new(cargo_binary()).args(args))
}

pub fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} exited with {status}", describe(command)))
    }
}

/// Runs `command` and returns its stdout; a failure names the command,
/// its status and what it wrote to stderr (when stderr was not inherited).
pub fn stdout_of(command: &mut Command) -> Result<Vec<u8>, String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let errors = String::from_utf8_lossy(&output.stderr);
    Err(format!(
        "{} exited with {}{}{}",
        describe(command),
        output.status,
        if errors.is_empty() { "" } else { ": " },
        errors.trim_end()
    ))
}

/// The command line without the environment (the tool PATH is long).
pub fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command and returns its stdout, or `None` when it cannot start or
/// fails: used to probe what is installed.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Sends the command's stdout and stderr to the end of `log`.
pub fn logged(command: &mut Command, log: &Path) -> Result<(), String> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|error| format!("cannot open {}: {error}", log.display()))?;
    let err = file.try_clone().map_err(|error| error.to_string())?;
    command.stdout(file).stderr(err);
    Ok(())
}

/// A job (an install, a build) running on another thread while the test
/// steps go on.
pub struct Background(Mutex<Option<JoinHandle<Result<(), String>>>>);

impl Background {
    pub const fn new() -> Self {
        Self(Mutex::new(None))
    }

    pub fn start(&self, job: impl FnOnce() -> Result<(), String> + Send + 'static) {
        let handle = std::thread::spawn(job);
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(handle);
        }
    }

    /// The job's result once it ends, or `now()` if it was never started.
    pub fn join(&self, now: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
        let handle = self.0.lock().ok().and_then(|mut slot| slot.take());
        match handle {
            Some(handle) => handle
                .join()
                .map_err(|_| "a background job stopped unexpectedly".to_owned())?,
            None => now(),
        }
    }
}

/// Prints the last lines of `log` to stderr: a background job's output
/// goes to its log, so its failure is explained there.
pub fn show_log_end(log: &Path) {
    if let Ok(text) = std::fs::read_to_string(log) {
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(80)..];
        eprintln!("--- the end of {} ---\n{}", log.display(), tail.join("\n"));
    }
}

/// A fresh temporary directory for one browser run, removed afterwards:
/// Chromium writes config, cache and `org.chromium.*` files into the home
/// and temp folders, which tests must not share or leave behind.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(purpose: &str) -> Result<Self, String> {
        let dir =
            std::env::temp_dir().join(format!("shindan-xtask-{purpose}-{}", std::process::id()));
        // A leftover from an earlier run with the same pid is stale.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        Ok(Self(dir))
    }

    /// The folder itself, for files a run leaves for the xtask to read.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Points the command's config, cache and temp folders into this one.
    pub fn isolate(&self, command: &mut Command) {
        command
            .env("XDG_CONFIG_HOME", self.0.join("config"))
            .env("XDG_CACHE_HOME", self.0.join("cache"))
            .env("TMPDIR", &self.0);
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
