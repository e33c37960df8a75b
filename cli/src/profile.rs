//! `--profile`: exact gas per function of a call, as a table, folded stacks and a flame graph.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use baals_build::FunctionNames;
use baals_instrument::CodeHash;
use baals_runtime::trace::{Frame, Profile};
use baals_runtime::{ContractId, StateView, StorageError};
use serde_json::{Value, json};

use crate::UsageError;

/// What `call` and `query` take to profile.
#[derive(clap::Args, Debug)]
pub(crate) struct ProfileArgs {
    /// Print the call's exact gas per function, exclusive and inclusive (from the instrumented
    /// code's own charges, on copies with hooks at every function's entry and exit; wasmtime).
    #[arg(long)]
    pub(crate) profile: bool,
    /// Write the profile's flame graph (SVG) to FILE; implies --profile.
    #[arg(long, value_name = "FILE")]
    pub(crate) flamegraph: Option<PathBuf>,
    /// Name functions from FILE, a module whose `name` section names them: the
    /// `NAME.named.wasm` that `baals build` writes beside the module it deployed. Without it,
    /// functions are named by their exports, or `func[N]`.
    #[arg(long, value_name = "FILE")]
    pub(crate) names: Option<PathBuf>,
}

impl ProfileArgs {
    pub(crate) fn wanted(&self) -> bool {
        self.profile || self.flamegraph.is_some()
    }
}

/// The names of the functions of the contracts a profile mentions.
pub(crate) struct Names {
    contracts: HashMap<ContractId, (String, FunctionNames)>,
}

impl Names {
    /// Each contract by its ABI's name (or its id's first 8 hex digits), its functions by
    /// `named` when that is its module with names, else by its deployed module's exports (or
    /// name section).
    pub(crate) fn of(
        view: &StateView<'_>,
        frames: impl IntoIterator<Item = ContractId>,
        named: Option<&Path>,
    ) -> Result<Names, UsageError> {
        let named = match named {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| usage("io", format!("{}: {e}", path.display())))?;
                let bytes = crate::commands::module_bytes(path, &bytes)
                    .map_err(|message| usage("module", format!("--names {}: {message}", path.display())))?;
                let stripped = baals_build::without_names(&bytes)
                    .ok_or_else(|| usage("module", format!("--names {}: not a WebAssembly module", path.display())))?;
                Some((path, CodeHash::of(&stripped), FunctionNames::of(&bytes)))
            }
            None => None,
        };
        let mut used = false;
        let mut contracts = HashMap::new();
        for id in frames {
            if contracts.contains_key(&id) {
                continue;
            }
            let account = view.account(&id).map_err(storage)?;
            let label = match view.abi(&id).map_err(storage)? {
                Some(abi) => abi.name,
                None => id.to_hex()[..8].to_string(),
            };
            let names = match (&named, &account) {
                (Some((_, hash, names)), Some(account)) if *hash == account.code_hash => {
                    used = true;
                    names.clone()
                }
                (_, Some(account)) => {
                    FunctionNames::of(&view.original(&account.code_hash).map_err(storage)?.unwrap_or_default())
                }
                (_, None) => FunctionNames::default(),
            };
            contracts.insert(id, (label, names));
        }
        if let (Some((path, hash, _)), false) = (&named, used) {
            return Err(usage(
                "usage",
                format!(
                    "--names {}: not the module of any contract in this call (its code hash is {hash})",
                    path.display()
                ),
            ));
        }
        Ok(Names { contracts })
    }

    /// `contract.method` for a call, `contract::function` for a function, a host function's
    /// name.
    pub(crate) fn name(&self, frame: &Frame) -> String {
        frame.name(
            |id| self.contracts.get(id).map_or_else(|| id.to_hex()[..8].to_string(), |(label, _)| label.clone()),
            |id, index| {
                self.contracts.get(id).map_or_else(|| format!("func[{index}]"), |(_, names)| names.display(index))
            },
        )
    }
}

/// The contracts a profile's frames name.
pub(crate) fn contracts(profile: &Profile) -> Vec<ContractId> {
    let mut ids = Vec::new();
    for stack in profile.stacks().keys() {
        for frame in stack {
            if let Frame::Call { contract, .. } | Frame::Function { contract, .. } = frame
                && !ids.contains(contract)
            {
                ids.push(*contract);
            }
        }
    }
    ids
}

/// Each frame as (name, exclusive, inclusive), most inclusive first.
fn rows(profile: &Profile, names: &Names) -> Vec<(String, u64, u64)> {
    let table = profile.table(|frame| names.name(frame));
    table.into_iter().map(|(name, gas)| (name, gas.exclusive, gas.inclusive)).collect()
}

/// The path to where a call trapped, `a > b > c`.
pub(crate) fn trap_path(profile: &Profile, names: &Names) -> Option<String> {
    let path: Vec<String> = profile.trapped_in()?.iter().map(|frame| names.name(frame)).collect();
    Some(path.join(" > "))
}

/// The profile as text: a table of every frame.
pub(crate) fn text(profile: &Profile, names: &Names) -> String {
    let rows = rows(profile, names);
    let width = rows.iter().map(|row| row.0.len()).max().unwrap_or(5).clamp(5, 80);
    let mut text = format!("profile: {} gas\n  {:>13}  {:>13}  frame", profile.total(), "inclusive", "exclusive");
    for (name, exclusive, inclusive) in rows {
        let mut name = name;
        if name.len() > width {
            name.truncate(name.floor_char_boundary(width - 3));
            name.push_str("...");
        }
        text.push_str(&format!("\n  {inclusive:>13}  {exclusive:>13}  {name}"));
    }
    text
}

/// The profile as JSON: `total`, `frames` (name, exclusive, inclusive), `folded` and, after a
/// trap, `trapped_in`.
pub(crate) fn json(profile: &Profile, names: &Names) -> Value {
    let frames: Vec<Value> = rows(profile, names)
        .into_iter()
        .map(|(name, exclusive, inclusive)| json!({ "name": name, "exclusive": exclusive, "inclusive": inclusive }))
        .collect();
    let mut value = json!({
        "total": profile.total(),
        "frames": frames,
        "folded": profile.folded(|frame| names.name(frame)),
    });
    if let Some(stack) = profile.trapped_in() {
        value["trapped_in"] = stack.iter().map(|frame| json!(names.name(frame))).collect();
    }
    value
}

/// Writes the flame graph of `profile` to `path`.
pub(crate) fn write_flamegraph(profile: &Profile, names: &Names, title: &str, path: &Path) -> Result<(), UsageError> {
    let folded = profile.folded(|frame| names.name(frame));
    let mut options = inferno::flamegraph::Options::default();
    options.title = title.to_string();
    options.count_name = "gas".to_string();
    options.deterministic = true;
    let mut svg = Vec::new();
    inferno::flamegraph::from_lines(&mut options, folded.lines(), &mut svg)
        .map_err(|error| usage("internal", format!("flame graph: {error}")))?;
    std::fs::write(path, svg).map_err(|e| usage("io", format!("{}: {e}", path.display())))
}

fn usage(kind: &'static str, message: String) -> UsageError {
    UsageError { kind, message }
}

fn storage(error: StorageError) -> UsageError {
    usage("storage", error.to_string())
}
