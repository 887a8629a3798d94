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
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = newsmark::cli::run(&args, &mut out) {
        eprintln!("newsmark: {e}");
        std::process::exit(e.exit_code());
    }
}
