//! Golden outputs: what instrumentation does to each module of a directory, kept in files so an
//! auditor can read and diff it, and checked byte for byte.
//!
//! Inputs are the `.wat` and `.wasm` files of the directory tree whose names carry no policy
//! infix. For an input `NAME.EXT` and each shipped policy `P` (`default`, `permissive`), the
//! outputs are `NAME.P.wasm` and `NAME.P.wat` when the policy accepts the module, and
//! `NAME.P.refused` (the reason, one line) when it does not.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baals_instrument::instrument;
use baals_policy::Policy;
use similar::TextDiff;

use crate::UsageError;
use crate::commands::module_bytes;

/// The shipped policies the outputs are made under, by the name in the file names.
fn policies() -> [(&'static str, Policy); 2] {
    [("default", Policy::default_policy()), ("permissive", Policy::permissive())]
}

const OUTPUT_EXTENSIONS: [&str; 3] = ["wasm", "wat", "refused"];

/// What a directory's outputs should be: file path to expected contents.
fn expected(dir: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>, UsageError> {
    let policies = policies();
    let mut expected = BTreeMap::new();
    for input in inputs(dir)? {
        let bytes = std::fs::read(&input).map_err(|e| io(&input, &e))?;
        let stem = input.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let wasm = module_bytes(&input, &bytes)
            .map_err(|message| UsageError { kind: "golden", message: format!("{}: {message}", input.display()) })?;
        for (name, policy) in &policies {
            let output = |extension: &str| input.with_file_name(format!("{stem}.{name}.{extension}"));
            match instrument(&wasm, policy) {
                Ok(instrumented) => {
                    let text = wasmprinter::print_bytes(&instrumented.wasm).map_err(|e| UsageError {
                        kind: "golden",
                        message: format!("{}: cannot print the instrumented module: {e}", input.display()),
                    })?;
                    expected.insert(output("wat"), text.into_bytes());
                    expected.insert(output("wasm"), instrumented.wasm);
                }
                Err(error) => {
                    expected.insert(output("refused"), format!("{error}\n").into_bytes());
                }
            }
        }
    }
    Ok(expected)
}

/// Input modules: `.wat` and `.wasm` files without a policy infix, in path order.
fn inputs(dir: &Path) -> Result<Vec<PathBuf>, UsageError> {
    Ok(files(dir)?.into_iter().filter(|path| is_module(path) && policy_infix(path).is_none()).collect())
}

/// Outputs present: files with a policy infix and an output extension.
fn outputs(dir: &Path) -> Result<Vec<PathBuf>, UsageError> {
    Ok(files(dir)?
        .into_iter()
        .filter(|path| {
            policy_infix(path).is_some()
                && path.extension().and_then(|e| e.to_str()).is_some_and(|e| OUTPUT_EXTENSIONS.contains(&e))
        })
        .collect())
}

fn is_module(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("wat" | "wasm"))
}

/// `default` for `loop.default.wat`.
fn policy_infix(path: &Path) -> Option<&'static str> {
    let stem = path.file_stem()?.to_str()?;
    let infix = stem.rsplit_once('.')?.1;
    ["default", "permissive"].into_iter().find(|p| *p == infix)
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, UsageError> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| io(&dir, &e))? {
            let path = entry.map_err(|e| io(&dir, &e))?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// A difference between the outputs on disk and what instrumentation produces now.
pub(crate) enum Mismatch {
    /// Expected, but absent.
    Missing(PathBuf),
    /// Present, but no input produces it any more.
    Stale(PathBuf),
    /// Present with other contents: a unified diff of the text form.
    Differs(PathBuf, String),
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mismatch::Missing(path) => write!(f, "{}: missing", path.display()),
            Mismatch::Stale(path) => write!(f, "{}: stale (no input produces it)", path.display()),
            Mismatch::Differs(path, diff) => write!(f, "{}: differs\n{diff}", path.display()),
        }
    }
}

/// Compares every output with what instrumentation produces now.
pub(crate) fn check(dir: &Path) -> Result<(usize, Vec<Mismatch>), UsageError> {
    let expected = expected(dir)?;
    let mut mismatches = Vec::new();
    for (path, contents) in &expected {
        match std::fs::read(path) {
            Ok(actual) if &actual == contents => {}
            Ok(actual) => mismatches.push(Mismatch::Differs(path.clone(), diff(path, &actual, contents)?)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                mismatches.push(Mismatch::Missing(path.clone()));
            }
            Err(error) => return Err(io(path, &error)),
        }
    }
    for path in outputs(dir)? {
        if !expected.contains_key(&path) {
            mismatches.push(Mismatch::Stale(path));
        }
    }
    Ok((expected.len(), mismatches))
}

/// Rewrites every output and removes stale ones; returns (written, removed).
pub(crate) fn bless(dir: &Path) -> Result<(usize, usize), UsageError> {
    let expected = expected(dir)?;
    let mut written = 0;
    for (path, contents) in &expected {
        if std::fs::read(path).ok().as_ref() != Some(contents) {
            std::fs::write(path, contents).map_err(|e| io(path, &e))?;
            written += 1;
        }
    }
    let mut removed = 0;
    for path in outputs(dir)? {
        if !expected.contains_key(&path) {
            std::fs::remove_file(&path).map_err(|e| io(&path, &e))?;
            removed += 1;
        }
    }
    Ok((written, removed))
}

/// A unified diff of the text form: for `.wasm` outputs, of both modules printed.
fn diff(path: &Path, actual: &[u8], expected: &[u8]) -> Result<String, UsageError> {
    let text = |bytes: &[u8]| -> String {
        if path.extension().is_some_and(|e| e == "wasm") {
            wasmprinter::print_bytes(bytes).unwrap_or_else(|e| format!("(not a module: {e})\n"))
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let (old, new) = (text(actual), text(expected));
    let name = path.display().to_string();
    let diff = TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("{name} (on disk)"), &format!("{name} (instrumented now)"))
        .to_string();
    Ok(if diff.is_empty() { "(the bytes differ; their text forms are identical)\n".to_string() } else { diff })
}

fn io(path: &Path, error: &std::io::Error) -> UsageError {
    UsageError { kind: "io", message: format!("{}: {error}", path.display()) }
}
