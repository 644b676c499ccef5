//! Diagnostics as plain data.
//!
//! Loading never fails with a Rust error: it returns [`Checked`], a value (if
//! one could be built) together with every problem found. Rendering to text
//! lives in [`crate::format::render`]; the browser shows the same data its own way.

use crate::format::source::{LineCol, SourceFile, Span};

/// How bad a diagnostic is. Only errors make a file unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used until this is fixed.
    Error,
    /// The file works, but something is likely unintended (a missing
    /// translation, say).
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// A stable identifier for each kind of problem. Tools and fixtures
        /// match on the kebab-case name, so names never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, so tests can demand a fixture for each.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name, as printed in `error[name]`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $name, )*
                }
            }
        }
    };
}

codes! {
    /// The bytes are not UTF-8 (for example a file saved as UTF-16).
    NotUtf8 = "not-utf8",
    /// The file holds nothing but blanks and comments.
    EmptyFile = "empty-file",
    /// The file is larger than a bank could reasonably be.
    TooLarge = "too-large",
    /// Collections are nested deeper than the format ever needs.
    TooDeep = "too-deep",
    /// The text is not well-formed YAML.
    YamlSyntax = "yaml-syntax",
    /// Aliases or events exceed the parser's budget (e.g. "billion laughs").
    TooComplex = "too-complex",
    /// A mapping repeats a key.
    DuplicateKey = "duplicate-key",
    /// A key the format does not know (often a typo).
    UnknownField = "unknown-field",
    /// A required key is absent.
    MissingField = "missing-field",
    /// A value has the wrong type or is not one of the allowed words.
    InvalidValue = "invalid-value",
    /// The document's root is not a mapping.
    WrongRoot = "wrong-root",
    /// The document is a different kind of file than expected.
    WrongKind = "wrong-kind",
    /// A bank names a catalogue other than the one it is loaded with.
    CatalogueMismatch = "catalogue-mismatch",
    /// Two things of one sort share an id.
    DuplicateId = "duplicate-id",
    /// An id has characters outside `a-z 0-9 _ -`, or is reserved.
    InvalidId = "invalid-id",
    /// A question names a dimension the catalogue does not define.
    UnknownDimension = "unknown-dimension",
    /// A rule names a support program the catalogue does not define.
    UnknownProgram = "unknown-program",
    /// A question claims to cover an indicator the catalogue does not define.
    UnknownIndicator = "unknown-indicator",
    /// A condition or an answer names a question the bank does not have.
    UnknownQuestion = "unknown-question",
    /// A condition or an answer names an option the question does not have.
    UnknownOption = "unknown-option",
    /// `show_if` refers to a question that comes later in the bank.
    ShowIfForward = "show-if-forward",
    /// `show_if` conditions refer to each other in a loop.
    ShowIfCycle = "show-if-cycle",
    /// A condition has no subject or several (`question`, `dimension`, `all`, …).
    InvalidCondition = "invalid-condition",
    /// A condition's test does not fit the question's kind.
    ConditionMismatch = "condition-mismatch",
    /// A field is missing for, or not used by, the question's kind.
    KindFields = "kind-fields",
    /// An option or band score lies outside 0–1.
    ScoreOutOfRange = "score-out-of-range",
    /// A weight or cap is not a positive number.
    InvalidWeight = "invalid-weight",
    /// A ladder or level list does not have exactly five steps.
    LadderSteps = "ladder-steps",
    /// Level thresholds or number bands do not go strictly upwards.
    ThresholdsNotAscending = "thresholds-not-ascending",
    /// A choice question has fewer than two options, or too many.
    OptionCount = "option-count",
    /// A dimension of the catalogue has no question in this bank.
    DimensionWithoutQuestions = "dimension-without-questions",
    /// A text has no Japanese version.
    MissingJa = "missing-ja",
    /// A text has no English version (the Japanese one is shown instead).
    MissingEn = "missing-en",
    /// A `ja` text has no Japanese in it, only Latin words (English under
    /// `ja:`, say); a term that is the same in both languages is not one.
    JaNotJapanese = "ja-not-japanese",
    /// A question's help states law but names no `basis:` and `effective:`.
    LawWithoutBasis = "law-without-basis",
    /// An answer does not fit its question (out of range, wrong type).
    InvalidAnswer = "invalid-answer",
}

impl Code {
    /// Whether problems of this kind make others in the same file follow
    /// from them (a bank loaded with the wrong catalogue): such a problem is
    /// shown first, whatever its line.
    pub fn is_root_cause(self) -> bool {
        matches!(self, Code::CatalogueMismatch)
    }
}

/// Puts diagnostics in the order they are shown: root causes first, then
/// by position in the file (stable, so equal positions keep their order).
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|diagnostic| {
        (
            !diagnostic.code.is_root_cause(),
            diagnostic.span.map(|span| span.start),
        )
    });
}

/// One problem, located in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable kind of problem.
    pub code: Code,
    /// What is wrong, lowercase, naming the offending thing.
    pub message: String,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// The YAML path of the offending value, e.g. `questions[3].options[1].score`.
    pub path: Option<String>,
    /// What to do about it.
    pub hints: Vec<String>,
    /// Background that is not itself advice, e.g. the YAML parser's own words.
    pub notes: Vec<String>,
    /// Other places the message refers to ("first defined here"), shown
    /// under the source beside the main span rather than as hint text.
    pub related: Vec<Related>,
}

/// A secondary location of a [`Diagnostic`], with what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Where in the same file.
    pub span: Span,
    /// What is there, lowercase ("first defined here").
    pub label: String,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span: None,
            path: None,
            hints: Vec::new(),
            notes: Vec::new(),
            related: Vec::new(),
        }
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Attaches the location.
    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// Attaches the YAML path.
    pub fn path(mut self, path: impl Into<String>) -> Diagnostic {
        self.path = Some(path.into());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Points at another place the message refers to.
    pub fn related(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Whether this diagnostic makes the file unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Line and column of the start of the span in `file`.
    pub fn line_col(&self, file: &SourceFile) -> Option<LineCol> {
        self.span.map(|span| file.line_col(span.start))
    }
}

/// A value that may have been built, with every diagnostic found on the way.
/// When any diagnostic is an error, `value` is `None`.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    /// The result, present only when there are no errors.
    pub value: Option<T>,
    /// Errors and warnings, root causes first, then in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    /// Builds the result from diagnostics and a value-producing step that
    /// only runs when no error was found.
    pub fn new(mut diagnostics: Vec<Diagnostic>, build: impl FnOnce() -> T) -> Checked<T> {
        sort(&mut diagnostics);
        let value = if diagnostics.iter().any(Diagnostic::is_error) {
            None
        } else {
            Some(build())
        };
        Checked { value, diagnostics }
    }

    /// A failure with the given diagnostics.
    pub fn failed(diagnostics: Vec<Diagnostic>) -> Checked<T> {
        Checked {
            value: None,
            diagnostics,
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The value, or the diagnostics when there is none.
    pub fn into_result(self) -> Result<T, Vec<Diagnostic>> {
        match self.value {
            Some(value) => Ok(value),
            None => Err(self.diagnostics),
        }
    }
}
