//! The command line: parses arguments, reads inputs, prints reports, maps bad input to exit status 2.

mod roots;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// Exact verification of the economics of general-purpose AI.
#[derive(Parser, Debug)]
#[command(name = "gpai", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Isolate every real root of a polynomial over Q exactly.
    ///
    /// Roots print in closed form when rational or quadratic, otherwise as the root of a
    /// square-free factor inside an isolating interval; decimals are truncated to --digits
    /// significant digits and marked approximate.
    Roots {
        /// The polynomial, e.g. "x^5 - x - 1" or "3/2*x^2 - 2x + 1/7" or "(x^2-2)(x^2-3)".
        #[arg(allow_hyphen_values = true)]
        poly: String,
        /// Significant digits of the decimal column (1 to 10000).
        #[arg(long, default_value_t = 12)]
        digits: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Table,
    Json,
    Latex,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Latex => Format::Latex,
        }
    }
}

/// Runs the command line and returns the process status: 0 on success, 2 on bad input.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("{}", one_line(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Roots {
            poly,
            digits,
            format,
        } => roots::run(&poly, digits, format.into()),
    };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// A usage error from clap on one line: its lines joined, the "try --help" hint dropped.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
        .collect::<Vec<_>>()
        .join(" ")
}
