//! The `newsmark` binary: in the browser it mounts the app; natively it is the command line.

#[cfg(target_arch = "wasm32")]
fn main() {
    newsmark::ui::start();
}

/// Natively, mimalloc: the analysis of long texts makes many small allocations, and the
/// system allocator's returning of memory to the OS made 10 MB inputs slower per MB.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Buffered: the JSON report is pretty-printed, and the locked stdout alone would write
    // it line by line, one system call a line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = newsmark::cli::run(&args, &mut out).and_then(|()| {
        use std::io::Write;
        out.flush().map_err(newsmark::cli::CliError::from)
    });
    if let Err(e) = result {
        eprintln!("newsmark: {e}");
        std::process::exit(e.exit_code());
    }
}
