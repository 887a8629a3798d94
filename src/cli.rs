//! The native command line: `newsmark analyze --json FILE...`.

use crate::ingest::{self, Format};
use crate::report::{report_set, Report};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("usage: newsmark analyze --json FILE...  (.txt, .md or .html)\n       newsmark train-ner [--bits N] [--epochs N] [--without GROUP]... [--name-bias N] [--attribution-examples N] [--prune N] [--seed N] [--runs N] [--limit N] [--no-write] [--errors DEVFILE]\n\n{0}")]
    Usage(String),
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
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
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.into(),
        source,
    })?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
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
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        files.push((name, text));
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Ok(report_set(&borrowed))
}

/// Run the command line with the given arguments (without the program name).
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("analyze") => {}
        Some("train-ner") => return train_ner(&args.cloned().collect::<Vec<_>>(), out),
        Some("-h" | "--help") | None => {
            return Err(CliError::Usage(
                "Prints the analysis of each article as one JSON document.".into(),
            ))
        }
        Some(other) => return Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
    let mut json = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return Err(CliError::Usage(format!("unknown option `{flag}`")))
            }
            file => files.push(PathBuf::from(file)),
        }
    }
    if !json {
        return Err(CliError::Usage(
            "`--json` is required: JSON is the only output format".into(),
        ));
    }
    if files.is_empty() {
        return Err(CliError::Usage("no article files given".into()));
    }
    let report = analyze_files(&files)?;
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}

/// `newsmark train-ner`: train the entity model from `data/ner/train`, print the dev scores
/// and (unless `--no-write`) write `data/model/ner.bin` with its `ner.meta.json`.
fn train_ner(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    use crate::analysis::ner::{corpus, features::Group, model::Model, train};
    let mut settings = train::Settings::default();
    let mut write = true;
    let mut limit = usize::MAX;
    let mut errors: Option<String> = None;
    let mut args = args.iter();
    let number = |v: Option<&String>, what: &str| -> Result<u64, CliError> {
        v.and_then(|v| v.parse().ok())
            .ok_or_else(|| CliError::Usage(format!("{what} takes a whole number")))
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bits" => settings.bits = number(args.next(), "--bits")?.clamp(8, 24) as u32,
            "--epochs" => settings.epochs = number(args.next(), "--epochs")? as u32,
            "--name-bias" => {
                settings.name_bias = number(args.next(), "--name-bias")?.min(1000) as i32
            }
            "--attribution-examples" => {
                settings.attribution_examples =
                    number(args.next(), "--attribution-examples")? as usize
            }
            "--runs" => settings.runs = number(args.next(), "--runs")?.clamp(1, 64) as u32,
            "--seed" => settings.seed = number(args.next(), "--seed")?,
            "--prune" => settings.prune = number(args.next(), "--prune")?.min(127) as u8,
            "--limit" => limit = number(args.next(), "--limit")? as usize,
            "--no-write" => write = false,
            "--errors" => errors = args.next().cloned(),
            "--without" => {
                let name = args.next().map(String::as_str).unwrap_or("");
                let g = Group::from_name(name).ok_or_else(|| {
                    let all: Vec<&str> = Group::ALL.iter().map(|g| g.name()).collect();
                    CliError::Usage(format!("--without takes one of {}", all.join(", ")))
                })?;
                settings.groups = settings.groups.without(g);
            }
            other => return Err(CliError::Usage(format!("unknown option `{other}`"))),
        }
    }
    if limit != usize::MAX && write {
        return Err(CliError::Usage(
            "--limit trains on part of the data, which ner.meta.json could not record: add --no-write".into(),
        ));
    }
    let root = Path::new(".");
    let read = |path: String| -> Result<Vec<corpus::Record>, CliError> {
        let content =
            std::fs::read_to_string(root.join(&path)).map_err(|source| CliError::Read {
                path: path.clone().into(),
                source,
            })?;
        corpus::read_jsonl(&content).map_err(|e| CliError::Usage(format!("{path}: {e}")))
    };
    let mut records = Vec::new();
    for path in train::train_paths() {
        records.extend(read(path)?.into_iter().take(limit));
    }
    let refs: Vec<&corpus::Record> = records.iter().collect();
    writeln!(
        out,
        "training on {} records, 2^{} buckets, {} epochs",
        refs.len(),
        settings.bits,
        settings.epochs
    )?;
    let bytes = train::train(&refs, &settings, &mut |epoch, mistakes| {
        eprintln!("epoch {epoch}: {mistakes} sequences wrong");
    });
    let model = Model::load(&bytes).map_err(|e| CliError::Usage(e.to_string()))?;
    writeln!(
        out,
        "\n{:<10} {:>6} {:>6} {:>6}   {:>8} {:>8}",
        "dev file", "P", "R", "F1", "span F1", "exact F1"
    )?;
    for name in train::DEV_FILES {
        let dev = read(format!("data/ner/dev/{name}.jsonl"))?;
        let e = corpus::evaluate(&model, &dev);
        if errors.as_deref() == Some(name) {
            for line in corpus::errors(&model, &dev) {
                writeln!(out, "{line}")?;
            }
        }
        writeln!(
            out,
            "{:<10} {:>6.3} {:>6.3} {:>6.3}   {:>8.3} {:>8.3}",
            name,
            e.typed.precision(),
            e.typed.recall(),
            e.typed.f1(),
            e.untyped.f1(),
            e.exact.f1()
        )?;
    }
    if write {
        let path = root.join("data/model/ner.bin");
        std::fs::write(&path, &bytes)?;
        let meta = train::meta(root, &settings, &bytes)?;
        std::fs::write(
            root.join("data/model/ner.meta.json"),
            serde_json::to_string_pretty(&meta)? + "\n",
        )?;
        writeln!(
            out,
            "\nwrote {} ({} bytes) and data/model/ner.meta.json",
            path.display(),
            bytes.len()
        )?;
    }
    Ok(())
}
