//! The `gpai` binary: hands over to the command line in `gpai::cli`.

fn main() -> std::process::ExitCode {
    gpai::cli::main()
}
