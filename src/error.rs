//! The one error type of the crate: every message names the input, the problem and what is admissible.

/// A genuine failure: bad input. Findings (an abstaining player, a refuted claim) are values, not errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A number string that is not an exact finite rational.
    #[error("invalid number {input:?}: {reason}")]
    InvalidNumber { input: String, reason: String },
    /// A polynomial string that does not parse; `column` counts characters from 1.
    #[error("invalid polynomial {input:?} at column {column}: {reason}")]
    InvalidPolynomial {
        input: String,
        column: usize,
        reason: String,
    },
    /// The zero polynomial where a non-zero one is needed (every number is a root of it).
    #[error(
        "the polynomial {input:?} is identically zero; every number is a root, so there is nothing to isolate"
    )]
    ZeroPolynomial { input: String },
    /// A model name the toolkit does not know.
    #[error("unknown model {name:?}; the models are: {known}")]
    UnknownModel { name: String, known: String },
    /// A `name=value` argument naming no parameter of the model.
    #[error("unknown parameter {name:?} for {model}; its parameters are: {known}")]
    UnknownParameter {
        model: String,
        name: String,
        known: String,
    },
    /// A required parameter that was not given.
    #[error("missing parameter {name} for {model}: {domain}")]
    MissingParameter {
        model: String,
        name: String,
        domain: String,
    },
    /// A malformed argument (not `name=value`, or a value that is not an exact number).
    #[error("invalid argument {argument:?}: {reason}")]
    InvalidArgument { argument: String, reason: String },
    /// A command a model does not run; `others` names the models that do.
    #[error("{model}: the model has no `{command}` command ({others}; see gpai models)")]
    Unsupported {
        model: String,
        command: String,
        others: String,
    },
    /// An output a game does not have (a threshold that does not exist, a share not given).
    #[error("{path}: {reason}")]
    NoOutput { path: String, reason: String },
    /// A problem at a place in an input file (a claim, policy or stored report).
    #[error("{file}:{line}:{column}: {message}")]
    File {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file that cannot be read or written.
    #[error("{path}: cannot {action}: {reason}")]
    Io {
        path: String,
        action: &'static str,
        reason: String,
    },
    /// The reader of standard output went away (`gpai sweep … | head -1`): not an error of
    /// the input; the command ends quietly with status 0 after the rows it wrote.
    #[error("standard output was closed by its reader")]
    OutputClosed,
    /// An input beyond one of gpai's limits (see `limits.rs`), refused before the work.
    #[error(
        "{what}: {value} {unit}, beyond the limit of {limit}; raise it with {variable}=N{hint}"
    )]
    Limit {
        what: String,
        value: String,
        unit: &'static str,
        limit: usize,
        variable: &'static str,
        /// Another way past the limit, when a command offers one (" (or pass --force …)").
        hint: String,
    },
    /// A question the exact machinery could not settle within its limits (not bad input).
    #[error("could not decide {what}: {reason}")]
    Undecided { what: String, reason: String },
    /// An option or parameter outside its admissible domain.
    #[error("{name} = {value} is outside its domain: {domain}")]
    Domain {
        name: String,
        value: String,
        domain: String,
    },
}

impl Error {
    /// The file at `path` could not be `action`ed (`read`, `write`, `create`, `remove`).
    pub fn io(path: &str, action: &'static str, e: &std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            action,
            reason: e.to_string(),
        }
    }
}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An input as an error message shows it: whole when short, else its start and end around the
/// number of characters left out (a 70,000-digit number is not echoed back).
pub fn shorten(input: &str) -> String {
    const KEEP: usize = 40;
    let count = input.chars().count();
    if count <= 2 * KEEP + 20 {
        return input.to_string();
    }
    let head: String = input.chars().take(KEEP).collect();
    let tail: String = input.chars().skip(count - KEEP).collect();
    format!("{head}…({} characters)…{tail}", count - 2 * KEEP)
}
