use clap::Parser;
use std::process::ExitCode;

// Parsing thousands of charters allocates many small strings; mimalloc makes that markedly
// cheaper than the system allocator (see benches/validate.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = charter::cli::Cli::parse();
    match charter::commands::dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("charter: error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
