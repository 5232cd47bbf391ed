use clap::Parser;
use std::process::ExitCode;

// Parsing thousands of charters allocates many small strings; mimalloc makes that markedly
// cheaper than the system allocator (see benches/validate.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    purge_freed_memory_at_once();
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

/// Gives memory that is freed back to the system at once rather than a second later, mimalloc's
/// default. A run is usually shorter than that second, so each block that a growing list of a
/// large charter left behind stayed counted: validating 8 MB of small tables peaked at 120 MiB
/// with the delay and 67 MiB without it (issue 21's bound: ten times the file and 60 MB), at no
/// measurable cost in speed (benches/hostile.sh, benches/validate.sh).
fn purge_freed_memory_at_once() {
    // mimalloc 3's `mi_option_purge_delay` (mimalloc.h: the 16th option); the `mimalloc` crate
    // builds version 3 and exports the C function, which its Rust crate declares only behind a
    // feature that needs another crate.
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: sets one of mimalloc's options, which it reads at each purge; any value is valid.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}
