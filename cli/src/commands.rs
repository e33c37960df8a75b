//! The commands: each prints its result and says how it ended.

use std::io::{self, Write};
use std::path::Path;

use baals_instrument::{ModuleInfo, ValidationError, validate as validate_module};
use baals_policy::{HostFunction, Policy, PolicyError, abi_markdown};
use serde_json::{Value, json};

use crate::{Outcome, UsageError};

type Result<T> = std::result::Result<T, UsageError>;

const WASM_MAGIC: &[u8] = b"\0asm";

pub(crate) fn validate(file: &Path, policy: Option<&Path>, json: bool) -> Result<Outcome> {
    let policy = match policy {
        Some(path) => Policy::load(path).map_err(|error| policy_usage_error(path, &error))?,
        None => Policy::default_policy(),
    };
    let bytes = std::fs::read(file).map_err(|error| io_error(file, &error))?;
    let name = file.display().to_string();
    let hash = policy.hash().to_string();

    let verdict = match module_bytes(file, &bytes) {
        Ok(wasm) => validate_module(&wasm, &policy).map_err(|error| validation_json(&error)),
        Err(message) => Err(
            json!({ "kind": "malformed-text", "message": message, "function": null, "offset": null }),
        ),
    };
    match verdict {
        Ok(info) => {
            if json {
                print(&json!({ "file": name, "accepted": true, "policy": hash, "module": module_json(&info) }).to_string())?;
            } else {
                print(&format!(
                    "{name}: accepted: {} (policy {})",
                    summary(&info),
                    &hash[..16]
                ))?;
            }
            Ok(Outcome::Accepted)
        }
        Err(error) => {
            if json {
                print(
                    &json!({ "file": name, "accepted": false, "policy": hash, "error": error })
                        .to_string(),
                )?;
            } else {
                eprint(&format!(
                    "{name}: rejected: {}",
                    error["message"].as_str().unwrap_or_default()
                ))?;
            }
            Ok(Outcome::Refused)
        }
    }
}

/// The module's binary form: text is assembled first. Binary when the name says `.wasm` or the
/// bytes start with the magic number; text when the name says `.wat`/`.wast` or otherwise.
fn module_bytes(file: &Path, bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let binary = extension == "wasm"
        || (!matches!(extension, "wat" | "wast") && bytes.starts_with(WASM_MAGIC));
    if binary {
        return Ok(bytes.to_vec());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))?;
    wat::Parser::new()
        .parse_str(Some(file), text)
        .map_err(|e| format!("invalid WebAssembly text: {e}"))
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
    let usage: serde_json::Map<String, Value> = info
        .usage
        .iter()
        .map(|(limit, value)| (limit.key().to_string(), json!(value)))
        .collect();
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
        ValidationError::LimitExceeded {
            limit, value, max, ..
        } => {
            json!({ "limit": limit.key(), "value": value, "max": max })
        }
        ValidationError::FeatureNotAllowed { feature, .. } => {
            json!({ "feature": feature.name(), "policy_controlled": feature.is_policy_controlled() })
        }
        ValidationError::ImportNotAllowed {
            module,
            name,
            reason,
            ..
        } => {
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
            print(&if json {
                json!({ "file": file.display().to_string(), "hash": hash }).to_string()
            } else {
                hash
            })?;
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

pub(crate) fn abi(json: bool) -> Result<Outcome> {
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
        let error = json!({ "kind": error.kind(), "message": error.to_string(), "key": error.key(), "line": error.line() });
        print(&json!({ "file": name, "valid": false, "error": error }).to_string())?;
    } else {
        eprint(&format!("{name}: {error}"))?;
    }
    Ok(Outcome::Refused)
}

fn policy_usage_error(path: &Path, error: &PolicyError) -> UsageError {
    match error {
        PolicyError::Io { source, .. } => io_error(path, source),
        _ => UsageError {
            kind: "policy",
            message: format!("policy {}: {error}", path.display()),
        },
    }
}

fn io_error(path: &Path, error: &io::Error) -> UsageError {
    UsageError {
        kind: "io",
        message: format!("{}: {error}", path.display()),
    }
}

fn print(line: &str) -> Result<()> {
    write_line(&mut io::stdout().lock(), line)
}

fn eprint(line: &str) -> Result<()> {
    write_line(&mut io::stderr().lock(), line)
}

fn write_line(out: &mut impl Write, line: &str) -> Result<()> {
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(|error| match error.kind() {
            io::ErrorKind::BrokenPipe => UsageError {
                kind: "broken-pipe",
                message: error.to_string(),
            },
            _ => UsageError {
                kind: "io",
                message: format!("cannot write output: {error}"),
            },
        })
}
