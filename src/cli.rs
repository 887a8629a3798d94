//! The native command line: `newsmark analyze --json FILE...`.

use crate::ingest::{self, Format};
use crate::report::{report_set, Report};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("usage: newsmark analyze --json FILE...  (.txt, .md or .html)\n\n{0}")]
    Usage(String),
    #[error("{path}: cannot read the file: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset}); save the article as UTF-8")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{0}")]
    Ingest(#[from] crate::ingest::IngestError),
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot encode the output as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl CliError {
    /// Process exit code: 2 for a usage mistake, 1 for anything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// Read one article file. Plain text is taken exactly as written (UTF-8 only, so that
/// offsets refer to the file itself); Markdown and HTML files become the article text the
/// app would show for them, and offsets refer to that text.
pub fn read_article(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|source| CliError::Read { path: path.into(), source })?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let format = Format::detect(&name, &bytes);
    if format == Format::Html {
        let raw = ingest::decode(&name, &bytes)?;
        return Ok(ingest::from_html(&name, &ingest::html::parse(&raw))?.text);
    }
    let text = String::from_utf8(bytes).map_err(|e| CliError::NotUtf8 {
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    match format {
        Format::Markdown => Ok(ingest::from_text(&name, format, &text)?.text),
        _ => Ok(text),
    }
}

/// Build the report for a list of files, analysed together as one set.
pub fn analyze_files(paths: &[PathBuf]) -> Result<Report, CliError> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = read_article(path)?;
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        files.push((name, text));
    }
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    Ok(report_set(&borrowed))
}

/// Run the command line with the given arguments (without the program name).
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help") | None => {
            return Err(CliError::Usage("Prints the analysis of each article as one JSON document.".into()))
        }
        Some(other) => return Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
    let mut json = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => return Err(CliError::Usage(format!("unknown option `{flag}`"))),
            file => files.push(PathBuf::from(file)),
        }
    }
    if !json {
        return Err(CliError::Usage("`--json` is required: JSON is the only output format".into()));
    }
    if files.is_empty() {
        return Err(CliError::Usage("no article files given".into()));
    }
    let report = analyze_files(&files)?;
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}
