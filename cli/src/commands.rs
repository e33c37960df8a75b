//! The commands: each prints its result and says how it ended.

use std::io::{self, Write};
use std::path::Path;

use baals_instrument::{
    InstrumentError, ModuleInfo, ValidationError, instrument as instrument_module, validate as validate_module,
};
use baals_policy::{HostFunction, Policy, PolicyError, abi_markdown};
use serde_json::{Value, json};

use crate::{Outcome, UsageError};

type Result<T> = std::result::Result<T, UsageError>;

const WASM_MAGIC: &[u8] = b"\0asm";

pub(crate) fn validate(file: &Path, policy: Option<&Path>, json: bool) -> Result<Outcome> {
    let (policy, module) = load(file, policy)?;
    let name = file.display().to_string();
    let hash = policy.hash().to_string();
    let verdict = module.and_then(|wasm| validate_module(&wasm, &policy).map_err(|error| validation_json(&error)));
    match verdict {
        Ok(info) => {
            if json {
                print(
                    &json!({ "file": name, "accepted": true, "policy": hash, "module": module_json(&info) })
                        .to_string(),
                )?;
            } else {
                print(&format!("{name}: accepted: {} (policy {})", summary(&info), &hash[..16]))?;
            }
            Ok(Outcome::Accepted)
        }
        Err(error) => refused(&name, &hash, &error, json),
    }
}

/// How `instrument` prints.
pub(crate) struct Format {
    pub(crate) wat: bool,
    pub(crate) report: bool,
    pub(crate) json: bool,
}

pub(crate) fn instrument(file: &Path, policy: Option<&Path>, output: Option<&Path>, format: Format) -> Result<Outcome> {
    let (policy, module) = load(file, policy)?;
    let name = file.display().to_string();
    let hash = policy.hash().to_string();
    let result = module.and_then(|wasm| {
        instrument_module(&wasm, &policy).map_err(|error| match error {
            InstrumentError::Validation(error) => validation_json(&error),
            other => json!({ "kind": instrument_error_kind(&other), "message": other.to_string(), "function": null, "offset": null }),
        })
    });
    let instrumented = match result {
        Ok(instrumented) => instrumented,
        Err(error) => return refused(&name, &hash, &error, format.json),
    };
    let bytes = if format.wat {
        let text = wasmprinter::print_bytes(&instrumented.wasm)
            .map_err(|e| UsageError { kind: "internal", message: format!("cannot print the module as text: {e}") })?;
        text.into_bytes()
    } else {
        instrumented.wasm.clone()
    };
    // The module goes to stdout with `-o -`, or by default in text form; the summary then goes
    // to stderr so the two never mix.
    let module_to_stdout = match output {
        Some(path) if path == Path::new("-") => true,
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|error| io_error(path, &error))?;
            false
        }
        None => format.wat,
    };
    if module_to_stdout {
        let mut stdout = io::stdout().lock();
        stdout.write_all(&bytes).and_then(|()| stdout.flush()).map_err(write_error)?;
    }
    let report = &instrumented.report;
    if format.json {
        let mut value = json!({
            "file": name,
            "accepted": true,
            "policy": hash,
            "code_hash": instrumented.code_hash.to_string(),
            "output": output.map(|p| p.display().to_string()),
            "original_bytes": report.original_bytes,
            "instrumented_bytes": report.instrumented_bytes,
            "metering_points": report.metering_points(),
            "checks": report.checks(),
        });
        if format.report {
            value["functions"] = report
                .functions
                .iter()
                .map(|f| {
                    json!({
                        "index": f.index,
                        "metering_points": f.metering_points,
                        "checks": f.checks,
                        "max_block_cost": f.max_block_cost,
                        "frame": f.frame,
                        "internal": f.internal,
                        "original_bytes": f.original_bytes,
                        "instrumented_bytes": f.instrumented_bytes,
                    })
                })
                .collect();
        }
        let line = value.to_string();
        if module_to_stdout {
            eprint(&line)?
        } else {
            print(&line)?
        }
        return Ok(Outcome::Accepted);
    }
    let mut text = format!(
        "{name}: instrumented: {} functions, {} metering points, {} checks, {} -> {} bytes ({:+.1}%), code {}, policy {}",
        report.functions.len(),
        report.metering_points(),
        report.checks(),
        report.original_bytes,
        report.instrumented_bytes,
        report.size_overhead() * 100.0,
        &instrumented.code_hash.to_string()[..16],
        &hash[..16],
    );
    if format.report {
        text.push_str("\n function  points  checks  max block gas  frame  internal  bytes before  bytes after");
        for f in &report.functions {
            text.push_str(&format!(
                "\n{:>9} {:>7} {:>7} {:>14} {:>6} {:>9} {:>13} {:>12}",
                f.index,
                f.metering_points,
                f.checks,
                f.max_block_cost,
                f.frame,
                if f.internal { "yes" } else { "no" },
                f.original_bytes,
                f.instrumented_bytes
            ));
        }
    }
    if module_to_stdout {
        eprint(&text)?
    } else {
        print(&text)?
    }
    Ok(Outcome::Accepted)
}

fn instrument_error_kind(error: &InstrumentError) -> &'static str {
    match error {
        InstrumentError::AlreadyInstrumented => "already-instrumented",
        InstrumentError::ReservedSection(_) => "reserved-section",
        InstrumentError::OutputLimit { .. } => "output-limit",
        InstrumentError::ChargeTooLarge { .. } => "charge-too-large",
        _ => "internal",
    }
}

/// The policy (a usage error if it cannot be loaded) and the module's bytes (a refusal, as
/// JSON, if its text does not assemble).
fn load(file: &Path, policy: Option<&Path>) -> Result<(Policy, std::result::Result<Vec<u8>, Value>)> {
    let policy = match policy {
        Some(path) => Policy::load(path).map_err(|error| policy_usage_error(path, &error))?,
        None => Policy::default_policy(),
    };
    let bytes = std::fs::read(file).map_err(|error| io_error(file, &error))?;
    let module = module_bytes(file, &bytes)
        .map_err(|message| json!({ "kind": "malformed-text", "message": message, "function": null, "offset": null }));
    Ok((policy, module))
}

fn refused(name: &str, hash: &str, error: &Value, json: bool) -> Result<Outcome> {
    if json {
        print(&json!({ "file": name, "accepted": false, "policy": hash, "error": error }).to_string())?;
    } else {
        eprint(&format!("{name}: rejected: {}", error["message"].as_str().unwrap_or_default()))?;
    }
    Ok(Outcome::Refused)
}

/// The module's binary form: text is assembled first. Binary when the name says `.wasm` or the
/// bytes start with the magic number; text when the name says `.wat`/`.wast` or otherwise.
pub(crate) fn module_bytes(file: &Path, bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let binary = extension == "wasm" || (!matches!(extension, "wat" | "wast") && bytes.starts_with(WASM_MAGIC));
    if binary {
        return Ok(bytes.to_vec());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))?;
    wat::Parser::new().parse_str(Some(file), text).map_err(|e| format!("invalid WebAssembly text: {e}"))
}

fn summary(info: &ModuleInfo) -> String {
    let memory = match info.memory {
        Some(memory) => match memory.maximum_pages {
            Some(max) => format!("memory {}..{} pages", memory.initial_pages, max),
            None => format!("memory {} pages (no maximum)", memory.initial_pages),
        },
        None => "no memory".to_string(),
    };
    format!(
        "{} functions ({} imported), {} exports, {memory}, {} instructions, {} bytes",
        info.functions + info.imported_functions,
        info.imported_functions,
        info.exports.len(),
        info.instructions,
        info.bytes
    )
}

fn module_json(info: &ModuleInfo) -> Value {
    let usage: serde_json::Map<String, Value> =
        info.usage.iter().map(|(limit, value)| (limit.key().to_string(), json!(value))).collect();
    json!({
        "bytes": info.bytes,
        "functions": info.functions,
        "imported_functions": info.imported_functions,
        "imports": info.imports.iter().map(|i| json!({ "module": i.module, "name": i.name, "kind": i.kind })).collect::<Vec<_>>(),
        "exports": info.exports.iter().map(|e| json!({ "name": e.name, "kind": e.kind, "index": e.index })).collect::<Vec<_>>(),
        "memory": info.memory.map(|m| json!({ "initial_pages": m.initial_pages, "maximum_pages": m.maximum_pages, "imported": m.imported })),
        "start_function": info.start_function,
        "instructions": info.instructions,
        "usage": usage,
    })
}

fn validation_json(error: &ValidationError) -> Value {
    let location = error.location();
    let mut value = json!({
        "kind": error.kind(),
        "message": error.to_string(),
        "function": location.function,
        "offset": location.offset,
    });
    let details = match error {
        ValidationError::LimitExceeded { limit, value, max, .. } => {
            json!({ "limit": limit.key(), "value": value, "max": max })
        }
        ValidationError::FeatureNotAllowed { feature, .. } => {
            json!({ "feature": feature.name(), "policy_controlled": feature.is_policy_controlled() })
        }
        ValidationError::ImportNotAllowed { module, name, reason, .. } => {
            json!({ "import": format!("{module}.{name}"), "reason": reason.to_string() })
        }
        ValidationError::ExportNotAllowed { name, reason, .. } => {
            json!({ "export": name, "reason": reason.to_string() })
        }
        _ => json!({}),
    };
    if let (Some(target), Some(extra)) = (value.as_object_mut(), details.as_object()) {
        target.extend(extra.clone());
    }
    value
}

pub(crate) fn policy_hash(file: &Path, json: bool) -> Result<Outcome> {
    match load_policy(file)? {
        Ok(policy) => {
            let hash = policy.hash().to_string();
            print(&if json { json!({ "file": file.display().to_string(), "hash": hash }).to_string() } else { hash })?;
            Ok(Outcome::Accepted)
        }
        Err(error) => report_policy_error(file, &error, json),
    }
}

pub(crate) fn policy_check(file: &Path, json: bool) -> Result<Outcome> {
    match load_policy(file)? {
        Ok(policy) => {
            let name = file.display().to_string();
            let hash = policy.hash().to_string();
            print(&if json {
                json!({ "file": name, "valid": true, "hash": hash }).to_string()
            } else {
                format!("{name}: ok (policy {hash})")
            })?;
            Ok(Outcome::Accepted)
        }
        Err(error) => report_policy_error(file, &error, json),
    }
}

pub(crate) fn policy_canonical(file: &Path) -> Result<Outcome> {
    match load_policy(file)? {
        Ok(policy) => {
            let canonical = policy.canonical();
            print(canonical.trim_end())?;
            Ok(Outcome::Accepted)
        }
        Err(error) => report_policy_error(file, &error, false),
    }
}

pub(crate) fn host_abi(json: bool) -> Result<Outcome> {
    if json {
        let functions: Vec<Value> = HostFunction::ALL
            .iter()
            .map(|f| {
                json!({
                    "name": f.name(),
                    "params": f.params().iter().map(|p| json!({ "name": p.name, "type": p.ty.name() })).collect::<Vec<_>>(),
                    "result": f.result().map(|t| t.name()),
                    "returns": f.returns(),
                    "metered_bytes": f.metered_bytes(),
                })
            })
            .collect();
        print(&json!({ "module": baals_policy::HOST_MODULE, "functions": functions }).to_string())?;
    } else {
        print(abi_markdown().trim_end())?;
    }
    Ok(Outcome::Accepted)
}

/// Reads a policy file: I/O errors are usage errors, policy errors are the command's verdict.
fn load_policy(file: &Path) -> Result<std::result::Result<Policy, PolicyError>> {
    let text = std::fs::read_to_string(file).map_err(|error| io_error(file, &error))?;
    Ok(Policy::from_toml(&text))
}

fn report_policy_error(file: &Path, error: &PolicyError, json: bool) -> Result<Outcome> {
    let name = file.display().to_string();
    if json {
        let error =
            json!({ "kind": error.kind(), "message": error.to_string(), "key": error.key(), "line": error.line() });
        print(&json!({ "file": name, "valid": false, "error": error }).to_string())?;
    } else {
        eprint(&format!("{name}: {error}"))?;
    }
    Ok(Outcome::Refused)
}

pub(crate) fn policy_usage_error(path: &Path, error: &PolicyError) -> UsageError {
    match error {
        PolicyError::Io { source, .. } => io_error(path, source),
        _ => UsageError { kind: "policy", message: format!("policy {}: {error}", path.display()) },
    }
}

fn io_error(path: &Path, error: &io::Error) -> UsageError {
    UsageError { kind: "io", message: format!("{}: {error}", path.display()) }
}

pub(crate) fn print(line: &str) -> Result<()> {
    write_line(&mut io::stdout().lock(), line)
}

pub(crate) fn eprint(line: &str) -> Result<()> {
    write_line(&mut io::stderr().lock(), line)
}

fn write_line(out: &mut impl Write, line: &str) -> Result<()> {
    writeln!(out, "{line}").and_then(|()| out.flush()).map_err(write_error)
}

fn write_error(error: io::Error) -> UsageError {
    match error.kind() {
        io::ErrorKind::BrokenPipe => UsageError { kind: "broken-pipe", message: error.to_string() },
        _ => UsageError { kind: "io", message: format!("cannot write output: {error}") },
    }
}

pub(crate) fn golden_check(dir: &Path) -> Result<Outcome> {
    let (checked, mismatches) = crate::golden::check(dir)?;
    for mismatch in &mismatches {
        print(&mismatch.to_string())?;
    }
    print(&format!("golden: {checked} outputs checked in {}, {} mismatched", dir.display(), mismatches.len()))?;
    if mismatches.is_empty() {
        Ok(Outcome::Accepted)
    } else {
        eprint("golden: outputs differ from what instrumentation produces now; review, then `baals golden bless`")?;
        Ok(Outcome::Refused)
    }
}

pub(crate) fn golden_bless(dir: &Path) -> Result<Outcome> {
    let (written, removed) = crate::golden::bless(dir)?;
    print(&format!("golden: {written} outputs written, {removed} stale outputs removed in {}", dir.display()))?;
    Ok(Outcome::Accepted)
}
