//! `baals build`: a contract built for wasm32, checked against the policy, and reported.

use std::path::Path;

use baals_build::{BuildError, BuildOptions, Built};
use baals_policy::Policy;
use serde_json::json;

use crate::commands::{eprint, policy_usage_error, print};
use crate::{Outcome, UsageError};

type Result<T> = std::result::Result<T, UsageError>;

pub(crate) fn build(path: &Path, policy: Option<&Path>, target: Option<&str>, json: bool) -> Result<Outcome> {
    let policy = match policy {
        Some(file) => Policy::load(file).map_err(|error| policy_usage_error(file, &error))?,
        None => Policy::default_policy(),
    };
    let policy_hash = policy.hash().to_string();
    let mut options = BuildOptions::new(path, policy);
    if let Some(target) = target {
        options.target = target.to_string();
    }
    let built = match baals_build::build(&options) {
        Ok(built) => built,
        // The module was built and the policy (or its ABI) refuses it: exit 1, like `validate`.
        Err(error @ (BuildError::Refused { .. } | BuildError::Abi { .. })) => {
            if json {
                print(&json!({ "accepted": false, "error": { "kind": error_kind(&error), "message": error.to_string() } }).to_string())?;
            } else {
                eprint(&format!("rejected: {error}"))?;
            }
            return Ok(Outcome::Refused);
        }
        Err(error) => return Err(UsageError { kind: error_kind(&error), message: error.to_string() }),
    };
    if json {
        let contracts: Vec<_> = built.iter().map(|built| built_json(built, &policy_hash)).collect();
        print(&json!({ "accepted": true, "contracts": contracts }).to_string())?;
    } else {
        for built in &built {
            print(&built_text(built, &policy_hash))?;
        }
    }
    Ok(Outcome::Accepted)
}

fn error_kind(error: &BuildError) -> &'static str {
    match error {
        BuildError::NotAContract { .. } | BuildError::NoContract { .. } => "not-a-contract",
        BuildError::Spawn { .. } | BuildError::Compile { .. } | BuildError::Cargo(_) => "compile",
        BuildError::Io { .. } => "io",
        BuildError::Refused { .. } => "refused",
        BuildError::Abi { .. } => "abi",
        _ => "build",
    }
}

fn built_json(built: &Built, policy_hash: &str) -> serde_json::Value {
    let report = &built.instrumented.report;
    json!({
        "name": built.name,
        "path": built.path.display().to_string(),
        "named_path": built.named_path.as_ref().map(|p| p.display().to_string()),
        "bytes": built.wasm.len(),
        "code_hash": built.code_hash.to_string(),
        "instrumented_bytes": report.instrumented_bytes,
        "policy": policy_hash,
        "abi": built.abi.as_ref().map(|abi| abi.json.clone()),
        "warnings": built.warnings,
        "toolchain": {
            "compiler": built.toolchain.compiler,
            "target": built.toolchain.target,
            "profile": built.toolchain.profile,
        },
        "functions": report.functions.iter().map(|f| json!({
            "index": f.index,
            "name": built.names.get(f.index),
            "bytes": f.original_bytes,
            "instrumented_bytes": f.instrumented_bytes,
            "metering_points": f.metering_points,
            "max_block_gas": f.max_block_cost,
            "frame": f.frame,
        })).collect::<Vec<_>>(),
    })
}

fn built_text(built: &Built, policy_hash: &str) -> String {
    let report = &built.instrumented.report;
    let mut text = format!("{}: {}\n", built.name, built.path.display());
    text.push_str(&format!("  size          {} bytes, code hash {}\n", built.wasm.len(), built.code_hash));
    text.push_str(&format!(
        "  instrumented  {} bytes ({:+.1}%), {} functions, {} metering points, policy {}\n",
        report.instrumented_bytes,
        report.size_overhead() * 100.0,
        report.functions.len(),
        report.metering_points(),
        &policy_hash[..16]
    ));
    match &built.abi {
        Some(abi) => text.push_str(&format!(
            "  ABI           {} methods, {} events, {} errors\n",
            abi.methods.len(),
            abi.events.len(),
            abi.errors.len()
        )),
        None => text.push_str("  ABI           none (no baals.abi section: call it with --input HEX)\n"),
    }
    text.push_str(&format!(
        "  toolchain     {}, {}, {}\n",
        built.toolchain.compiler, built.toolchain.target, built.toolchain.profile
    ));
    for warning in &built.warnings {
        text.push_str(&format!("  warning       {warning}\n"));
    }
    if let Some(named) = &built.named_path {
        text.push_str(&format!("  names         {} (for --profile --names)\n", named.display()));
    }
    // The functions by the most gas one metering block charges at once, then by size: what
    // the instrumented code costs, function by function.
    let mut functions: Vec<_> = report.functions.iter().collect();
    functions.sort_by(|a, b| b.max_block_cost.cmp(&a.max_block_cost).then(b.original_bytes.cmp(&a.original_bytes)));
    let width = functions.iter().map(|f| built.names.display(f.index).len()).max().unwrap_or(8).clamp(8, 60);
    text.push_str(&format!(
        "  {:<width$}  {:>6}  {:>12}  {:>6}  {:>13}",
        "function", "bytes", "instrumented", "points", "max block gas"
    ));
    for f in functions {
        let mut name = built.names.display(f.index);
        if name.len() > width {
            name.truncate(name.floor_char_boundary(width - 3));
            name.push_str("...");
        }
        text.push_str(&format!(
            "\n  {name:<width$}  {:>6}  {:>12}  {:>6}  {:>13}",
            f.original_bytes, f.instrumented_bytes, f.metering_points, f.max_block_cost
        ));
    }
    text
}
