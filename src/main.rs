use clap::Parser;
use std::process::ExitCode;

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
