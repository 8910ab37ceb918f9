//! The `gpai` binary: hands over to the command line in `gpai::cli`.

/// The exact arithmetic allocates and frees small numbers all the time; mimalloc does that
/// faster than the system's allocator (see ARCHITECTURE.md, Decisions).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    gpai::cli::main()
}
