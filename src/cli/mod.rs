//! The command line: parses arguments, reads inputs, prints reports, maps bad input to exit status 2.

mod audit;
mod boundary;
mod cluster;
mod files;
mod frontier;
mod models;
mod progress;
mod roots;
mod sweep;
pub mod verify;

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::report::Format;

/// The report `gpai solve MODEL ARGS…` prints, as text (for the benchmarks).
pub fn solve_text(model: &str, args: &[String]) -> Result<String> {
    models::solve(model, args, Format::Table, 12)
}

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
    /// List the models, their parameters with domains, and their named outputs.
    Models {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
    },
    /// The subgame-perfect equilibrium of one game, exactly.
    ///
    /// Example: gpai solve fine_tuning c0=1 c1=2 r=1 delta=1/2
    Solve {
        /// The model (see `gpai models`).
        model: String,
        /// Parameters as name=value with exact numbers (3, -2/7, 0.25, 2.5e-3).
        params: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Solve a grid of games exactly in parallel, stream rows to CSV/JSON, draw the regime map.
    ///
    /// Example: gpai sweep safety_regulation --grid theta_g=0:5/4:1/200
    /// --grid theta_d=theta_g:5/2:1/200 --out fig2.csv --plot fig2.svg
    Sweep(sweep::Request),
    /// Every regime or strategy change along a line of one parameter: certified brackets, exact
    /// values along lines of floors.
    ///
    /// Example: gpai boundary safety_regulation --along theta_d=0:5/2 theta_g=0
    Boundary {
        /// The model (see `gpai models`).
        model: String,
        /// Fixed parameters as name=value.
        params: Vec<String>,
        /// The line: NAME=LO:HI.
        #[arg(long)]
        along: String,
        /// Equal steps sampled before bisecting (changes closer together than a step may be missed).
        #[arg(long, default_value_t = 400)]
        samples: usize,
        /// Width of each bracket (exact values, where found, do not depend on it).
        #[arg(long, default_value = "1e-12")]
        width: String,
        /// Compare with a stored report (same options and format): exit 1 and a diff if any
        /// boundary moved or a label changed.
        #[arg(long)]
        check: Option<std::path::PathBuf>,
        #[command(flatten)]
        output: ReportOutput,
    },
    /// Check claim files: proved, verified on exact samples, refuted or witnessed.
    ///
    /// Exit status 0 when every claim meets its `expect`, 1 when one does not, 2 when a claim
    /// file is malformed. Example: gpai verify proofs/
    Verify {
        /// Claim files or directories (searched for *.toml); default: proofs/.
        paths: Vec<std::path::PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Arrange claims whose ids read MODEL.ROW.COLUMN (e.g. race.R1.duopoly) in a grid of
        /// statuses, with the counterexample of every refuted cell.
        #[arg(long)]
        grid: bool,
        /// Worker threads verifying claims side by side (default: every core); the report is
        /// the same whatever the number, timings aside.
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// The certified frontier of a set of outcomes: Pareto filtering, hull faces, egalitarian and
    /// KS lotteries, each LP answer with an exact certificate; per group, with a picture.
    ///
    /// Example: gpai frontier safety_regulation --grid theta_g=0:1:1/4 --grid theta_d=0:1:1/4
    /// --grid delta=1/4:3/4:1/4 --group regulation_class --plot frontier.svg
    Frontier(frontier::Request),
    /// Audit a claimed policy outcome over a family of games: true or false exactly, where it
    /// stops holding, the margin, the first counterexample. Exit 0 true, 1 false, 2 bad input.
    ///
    /// Example: gpai audit docs/policies/comply.toml
    Audit {
        /// The policy file (TOML: model, [params], [family], assert).
        policy: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
    },
    /// Join the CSV parts of a sharded sweep into one file, rows in grid order.
    Merge {
        /// The merged file to write.
        out: String,
        /// The parts.
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// Feasible and Pareto sets of bargains and every named bargaining solution.
    ///
    /// Examples: gpai bargain fine_tuning c0=1 c1=2 k0=3 k1=3;
    /// gpai bargain fine_tuning_n r=1/2,2 c=3,1/2 kappa=0,1/8 a=1/2 kappa0=1/4;
    /// gpai bargain fine_tuning_n --mode per_domain --step 1/4 r=1,2
    Bargain {
        /// The model (see `gpai models`).
        model: String,
        /// Parameters as name=value with exact numbers.
        params: Vec<String>,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        options: crate::models::bargain::Options,
    },
}

/// Options every report takes.
#[derive(clap::Args, Debug)]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Significant digits of decimal columns (1 to 10000).
    #[arg(long, default_value_t = DEFAULT_DIGITS)]
    digits: usize,
}

/// Options of the reports that have no LaTeX form (boundaries).
#[derive(clap::Args, Debug)]
struct ReportOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    format: ReportFormat,
    /// Significant digits of decimal columns (1 to 10000).
    #[arg(long, default_value_t = DEFAULT_DIGITS)]
    digits: usize,
}

/// The significant digits of decimal columns when `--digits` is not given.
const DEFAULT_DIGITS: usize = 12;

/// The formats of reports that are lists and verdicts rather than values for a paper:
/// `--format latex` is refused there, not ignored.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ReportFormat {
    Table,
    Json,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Table => Format::Table,
            ReportFormat::Json => Format::Json,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum FormatArg {
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
            let _ = writeln!(std::io::stderr(), "{}", one_line(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    let plain = |r: Result<String>| r.map(|text| (text, 0u8));
    let result = match cli.command {
        Command::Roots {
            poly,
            digits,
            format,
        } => plain(roots::run(&poly, digits, format.into())),
        Command::Verify {
            paths,
            format,
            grid,
            jobs,
        } => verify::verify(&paths, format.into(), grid, jobs),
        Command::Frontier(request) => plain(frontier::frontier(request)),
        Command::Audit { policy, format } => audit::run(&policy, format.into()),
        Command::Models { format } => plain(models::list(format.into())),
        Command::Sweep(request) => plain(sweep::sweep(request)),
        Command::Merge { out, inputs } => plain(sweep::merge(&out, &inputs)),
        Command::Boundary {
            model,
            params,
            along,
            samples,
            width,
            check,
            output,
        } => check_digits(output.digits)
            .and_then(|()| {
                boundary::boundary(
                    &model,
                    &params,
                    &along,
                    samples,
                    &width,
                    output.format.into(),
                    output.digits,
                )
            })
            .and_then(|text| match check {
                None => Ok((text, 0)),
                Some(file) => check_against(&file, &text),
            }),
        Command::Solve {
            model,
            params,
            output,
        } => plain(
            check_digits(output.digits)
                .and_then(|()| models::solve(&model, &params, output.format.into(), output.digits)),
        ),
        Command::Bargain {
            model,
            params,
            output,
            options,
        } => plain(check_digits(output.digits).and_then(|()| {
            models::bargain(
                &model,
                &params,
                output.format.into(),
                output.digits,
                &options,
            )
        })),
    };
    match result {
        Ok((text, status)) => {
            // A reader that stops early (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::from(status)
        }
        // The reader stopped early (`| head`): what it read was whole rows; nothing to report.
        Err(Error::OutputClosed) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            // Bad input is status 2; a question the machinery could not settle is status 1.
            match error {
                Error::Undecided { .. } => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// `gpai boundary --check FILE`: the stored report against the fresh one.
fn check_against(file: &std::path::Path, fresh: &str) -> Result<(String, u8)> {
    let name = file.display().to_string();
    let stored = std::fs::read_to_string(file).map_err(|e| Error::io(&name, "read", &e))?;
    Ok(match verify::difference(&stored, fresh, &name) {
        None => (
            format!("boundary check: {name} matches the recomputed boundaries\n"),
            0,
        ),
        Some(diff) => (
            format!(
                "boundary check FAILED: the boundaries moved or a label changed since {name} was stored\n{diff}"
            ),
            1,
        ),
    })
}

/// Largest `--digits` accepted.
pub const MAX_DIGITS: usize = 10_000;

fn check_digits(digits: usize) -> Result<()> {
    if (1..=MAX_DIGITS).contains(&digits) {
        return Ok(());
    }
    Err(Error::Domain {
        name: "--digits".into(),
        value: digits.to_string(),
        domain: format!("an integer from 1 to {MAX_DIGITS}"),
    })
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
