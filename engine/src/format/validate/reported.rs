//! The proof that a problem was reported, so that no part of a bank can be
//! left out without a word.
//!
//! A check that cannot build its part returns `Err(Reported)`, and the only
//! way to get a [`Reported`] is to push an error into [`Reports`]: the field
//! is private to this module. A dropped question, option or condition
//! therefore always comes with an error that fails the whole file (the same
//! idea as rustc's `ErrorGuaranteed`).

use crate::format::diag::{Diagnostic, Severity};

/// An error diagnostic has been pushed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reported(());

/// Every diagnostic found so far, in the order found.
#[derive(Debug, Default)]
pub(crate) struct Reports {
    diagnostics: Vec<Diagnostic>,
    errors: usize,
}

impl Reports {
    /// Records an error (whatever severity it was built with) and hands
    /// back the proof.
    pub(crate) fn error(&mut self, mut diagnostic: Diagnostic) -> Reported {
        diagnostic.severity = Severity::Error;
        self.diagnostics.push(diagnostic);
        self.errors += 1;
        Reported(())
    }

    /// Records an error like [`Reports::error`] and says where it is kept,
    /// so that later findings can add to it ([`Reports::amend`]).
    pub(crate) fn error_kept(&mut self, diagnostic: Diagnostic) -> (Reported, usize) {
        let proof = self.error(diagnostic);
        (proof, self.diagnostics.len() - 1)
    }

    /// Where the last diagnostic recorded is kept, for [`Reports::amend`].
    pub(crate) fn last_index(&self) -> usize {
        self.diagnostics.len().saturating_sub(1)
    }

    /// Changes a diagnostic recorded before, e.g. to add a hint found later.
    pub(crate) fn amend(&mut self, index: usize, change: impl FnOnce(&mut Diagnostic)) {
        if let Some(diagnostic) = self.diagnostics.get_mut(index) {
            change(diagnostic);
        }
    }

    /// Records a warning: the part is still built.
    pub(crate) fn warning(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.severity = Severity::Warning;
        self.diagnostics.push(diagnostic);
    }

    /// How many errors have been recorded.
    pub(crate) fn error_count(&self) -> usize {
        self.errors
    }

    /// The proof for an error already recorded, if any: a value built with
    /// placeholders (a text without Japanese) must not be used either.
    pub(crate) fn any_error(&self) -> Result<(), Reported> {
        if self.errors > 0 {
            Err(Reported(()))
        } else {
            Ok(())
        }
    }

    /// The diagnostics, and the value only when no error was recorded.
    pub(crate) fn finish<T>(self, value: Result<T, Reported>) -> (Vec<Diagnostic>, Option<T>) {
        let value = value.and_then(|value| self.any_error().map(|()| value));
        (self.diagnostics, value.ok())
    }
}
