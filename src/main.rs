use clap::Parser;
use std::process::ExitCode;

// Parsing thousands of charters allocates many small strings; mimalloc makes that markedly
// cheaper than the system allocator (see benches/validate.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    let cli = match charter::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error: clap's message on stderr, exit 2.
        Err(e) if e.use_stderr() => e.exit(),
        // `--help` and `--version`: on stdout, and an output that cannot take them (`> /dev/full`)
        // is a failure, not a success.
        Err(e) => {
            use std::io::Write;
            return match e.print().and_then(|()| std::io::stdout().flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // A reader that stopped early (`| head`) is not an error.
                Err(source) if source.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(source) => {
                    eprintln!("charter: error: <stdout>: cannot write: {source}");
                    ExitCode::from(2)
                }
            };
        }
    };
    match charter::commands::dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("charter: error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// Turns transparent huge pages off for this process. mimalloc's arenas are huge-page aligned, so
/// each one touched costs a whole 2 MiB page: rendering the bundled charter as a PDF peaked at
/// 28 MiB with them and 14 MiB without, validating 20,000 charters at 25 MiB and 14 MiB, at no
/// measurable cost in speed (benches/hostile.sh, benches/validate.sh). The kernel checks the
/// flag at each page fault, so arenas reserved before `main` are covered too.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag of this process; its failure (an old kernel)
    // leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
