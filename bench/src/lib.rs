//! Shared pieces of the benchmark binaries.
#![deny(missing_docs)]

pub mod calibrate;
pub mod cosmwasm;

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The kernels of `bench/kernels`, each with its argument for a full run (about 0.05-0.1 s
/// unmetered here) and for `--quick` (a tenth of that work; for fib, five levels less).
pub const KERNELS: [(&str, u32, u32); 9] = [
    ("sha256", 20_000, 2_000),
    ("keccak", 18_000, 1_800),
    ("ed25519", 1_000, 100),
    ("bigint", 24_000, 2_400),
    ("sort", 10, 1),
    ("interp", 60_000_000, 6_000_000),
    ("fib", 36, 31),
    ("json", 10_000, 1_000),
    ("memmove", 60_000, 6_000),
];

/// The median of `samples`.
pub fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs `f` and returns how long it took and what it returned.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

/// The geometric mean of `ratios`: the mean a ratio-of-times table calls for.
pub fn geomean(ratios: &[f64]) -> f64 {
    (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp()
}

/// The modules of the shared corpus (`../shared/corpus`, beside the checkout) in its folders
/// `dirs`, sorted, without the deliberately corrupted one.
pub fn corpus(dirs: &[&str]) -> Result<Vec<PathBuf>, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut files = Vec::new();
    for dir in dirs {
        let dir = root.join(dir);
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.extension().is_some_and(|e| e == "wasm") && !path.ends_with("corrupted.wasm") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// An instance of an instrumented module on wasmtime as the counter protocol drives it
/// (`baals_instrument::protocol`): its counters found by name, its exports called without
/// arguments. For harnesses; the runtime has its own, with the exports found once.
#[allow(missing_debug_implementations)] // wasmtime's Store has no Debug
pub struct Counted<'s, T: 'static> {
    /// The store the instance lives in.
    pub store: &'s mut wasmtime::Store<T>,
    /// The instance.
    pub instance: wasmtime::Instance,
}

impl<T: 'static> baals_instrument::protocol::Instance for Counted<'_, T> {
    type Error = wasmtime::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL};
        let mut set = |name: &str, value: wasmtime::Val| {
            let global = self.instance.get_global(&mut *self.store, name);
            global.is_some_and(|global| global.set(&mut *self.store, value).is_ok())
        };
        set(GAS_GLOBAL, wasmtime::Val::I64(gas)) && set(STACK_GLOBAL, wasmtime::Val::I32(stack))
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL};
        let gas = self.instance.get_global(&mut *self.store, GAS_GLOBAL)?.get(&mut *self.store).i64()?;
        let stack = self.instance.get_global(&mut *self.store, STACK_GLOBAL)?.get(&mut *self.store).i32()?;
        Some((gas, stack))
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmtime::Error>> {
        let func = self.instance.get_func(&mut *self.store, name)?;
        Some(func.call(&mut *self.store, &[], &mut []))
    }
}

/// Sets the counters of an instance of a module instrumented under the permissive policy to
/// more than any benchmark uses: 2^62 gas, the policy's whole stack.
pub fn set_counters<T: 'static>(store: &mut wasmtime::Store<T>, instance: &wasmtime::Instance) -> wasmtime::Result<()> {
    let stack = baals_policy::Policy::permissive().stack().max_height as u32;
    let limits = baals_instrument::protocol::Limits { gas: 1 << 62, stack };
    match baals_instrument::protocol::set_counters(&mut Counted { store, instance: *instance }, limits) {
        true => Ok(()),
        false => Err(wasmtime::format_err!("the module exports no counters: it is not instrumented")),
    }
}

/// What the runtime runs the calls of an instrumented module on: its copy without the
/// write-backs only traps read (`baals_instrument::without_trap_write_backs`), or the module
/// itself if it has none. The `ours` columns measure this, as the runtime runs it.
pub fn runs_on(instrumented: Vec<u8>) -> Result<Vec<u8>, baals_instrument::WriteBacksError> {
    Ok(baals_instrument::without_trap_write_backs(&instrumented)?.unwrap_or(instrumented))
}

/// The permissive policy with `[gas] trap = "limit"` (`docs/gas.md`, "Traps"): what the
/// `overhead_trap_limit` and `contract_trap_limit` lines measure ours under.
pub fn permissive_trap_limit() -> Result<baals_policy::Policy, String> {
    let text = baals_policy::PERMISSIVE_POLICY_TOML.replace("trap = \"exact\"", "trap = \"limit\"");
    let policy = baals_policy::Policy::from_toml(&text).map_err(|e| e.to_string())?;
    if policy.trap_gas() != baals_policy::TrapGas::Limit {
        return Err("policy/permissive.toml: expected `trap = \"exact\"` in its [gas] section".into());
    }
    Ok(policy)
}

/// The machine: CPU model, cores, kernel. Figures are quoted with it.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{cpu}, {cores} cores, Linux {}", kernel.trim())
}

/// The heading of the section of `docs/BENCHMARKS.md` that the runtime benchmark
/// (`bench/src/bin/runtime.rs`) writes; the main benchmark keeps it when it rewrites the rest.
pub const CALL_PATH_SECTION: &str = "## The call path";

/// `docs/BENCHMARKS.md`'s text from [`CALL_PATH_SECTION`] on, if it has that section.
pub fn call_path_section(benchmarks: &str) -> Option<&str> {
    benchmarks.find(CALL_PATH_SECTION).map(|start| &benchmarks[start..])
}
