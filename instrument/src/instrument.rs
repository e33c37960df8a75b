//! Deploy-time instrumentation: validate, analyse, rewrite.

mod analysis;
mod rewrite;
mod snippets;
mod write_backs;

use std::fmt;

use baals_policy::{Policy, PolicyHash, TrapGas};
use sha2::{Digest, Sha256};
use wasmparser::{Parser, Payload};

use crate::error::ValidationError;
use crate::info::ModuleInfo;
use crate::report::Report;
use crate::validate::{threads, validate_with};
use analysis::Analyzer;
pub use write_backs::{TRAP_WRITE_BACKS_SECTION, WriteBacksError, without_trap_write_backs};

/// The exported gas counter: an `i64` holding the complement (`!left`) of the gas left. The
/// host sets it to [`gas_counter`]`(limit)` before a call and reads [`gas_left`] of it after;
/// charges add to it, so it counts up, and it is negative while gas is left (`docs/gas.md`).
pub const GAS_GLOBAL: &str = "baals_gas";

/// The exported stack counter: an `i32` holding the complement of the stack units left. The
/// host sets it to [`stack_counter`]`(max_height)`; frames add to it, and it is negative while
/// units are left.
pub const STACK_GLOBAL: &str = "baals_stack";

/// The value of [`GAS_GLOBAL`] that stands for `left` gas: `!left`, which is `-left - 1`.
///
/// The counters count up because cranelift adds a constant into a new register with one
/// `lea` and needs a copy and a `sub` to subtract one (`docs/instrumentation.md`, "Counting
/// up"); the complement, rather than the negation, keeps the sign the test: the counter is
/// negative exactly when `left >= 0`.
pub const fn gas_counter(left: i64) -> i64 {
    !left
}

/// The gas left that a value of [`GAS_GLOBAL`] stands for; negative means out of gas. The
/// inverse of [`gas_counter`].
pub const fn gas_left(counter: i64) -> i64 {
    !counter
}

/// The value of [`STACK_GLOBAL`] that stands for `left` stack units: `!left`.
pub const fn stack_counter(left: i32) -> i32 {
    !left
}

/// The stack units left that a value of [`STACK_GLOBAL`] stands for; negative means the stack
/// limit was hit. The inverse of [`stack_counter`].
pub const fn stack_left(counter: i32) -> i32 {
    !counter
}

/// The module's start function, exported instead of run at instantiation: the host calls it
/// after setting the counters, so it is metered like any other code.
pub const START_EXPORT: &str = "baals_start";

/// Exported by a module instrumented under `[gas] trap = "limit"` (it names the gas counter a
/// second time): a trap of this module uses the whole limit, since its blocks that only trap
/// do not write the counter back (`docs/gas.md`, "Traps"). The host asks the module, not its
/// own policy, because a contract keeps the code it was deployed with when the policy changes.
pub const TRAP_LIMIT_EXPORT: &str = "baals_trap_limit";

/// The custom section that marks a module as instrumented, naming the instrumenter version and
/// the policy hash.
pub const INSTRUMENTED_SECTION: &str = "baals.instrumented";

/// The instrumenter's version, recorded in every module it writes.
pub const INSTRUMENTER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// sha256 of a module's original bytes: the identity of its code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeHash(pub [u8; 32]);

impl CodeHash {
    /// The hash of `wasm`.
    pub fn of(wasm: &[u8]) -> CodeHash {
        CodeHash(Sha256::digest(wasm).into())
    }
}

impl fmt::Display for CodeHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// An instrumented module, ready to store and run.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Instrumented {
    /// The instrumented module.
    pub wasm: Vec<u8>,
    /// sha256 of the original module.
    pub code_hash: CodeHash,
    /// The policy it was instrumented under.
    pub policy_hash: PolicyHash,
    /// What validation learnt about the original module.
    pub info: ModuleInfo,
    /// What instrumentation did, per function.
    pub report: Report,
}

/// Why a module could not be instrumented.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InstrumentError {
    /// The policy refuses the module.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The module carries a `baals.instrumented` section already.
    #[error("the module is already instrumented (it has a `{INSTRUMENTED_SECTION}` section)")]
    AlreadyInstrumented,
    /// The module carries a custom section that only the instrumenter writes: the engine
    /// trusts its contents (`TRAP_WRITE_BACKS_SECTION` says which write-backs calls run
    /// without), so a contract must not bring its own.
    #[error("the module carries a `{0}` custom section, which only the instrumenter writes")]
    ReservedSection(&'static str),
    /// What instrumentation adds would take the module past one of the format's own limits
    /// (those of wasmparser, which wasmtime shares), which the policy's limits reach under a
    /// permissive policy: the output would be refused by every engine.
    #[error("instrumented, the module would exceed the format's limit on {what}{}: {value} > {max}", function.map(|f| format!(" (function {f})")).unwrap_or_default())]
    OutputLimit {
        /// What is counted.
        what: &'static str,
        /// The instrumented module's figure.
        value: u64,
        /// The format's limit.
        max: u64,
        /// The function concerned, if one.
        function: Option<u32>,
    },
    /// The gas a call could charge between two checks of the counter would pass 2^62: the
    /// charges of this function's blocks, once in every frame the policy's stack allows
    /// (`docs/policy.md`, "No price can overflow the gas counter"). The counter could then
    /// wrap past `i64::MAX` unnoticed. Only a policy pricing instructions near its bound gets
    /// there.
    #[error("function {function}: up to {charge} gas could be charged between two checks, more than 2^62")]
    ChargeTooLarge {
        /// The function.
        function: u32,
        /// Its blocks' charges times the deepest stack (saturated).
        charge: u64,
    },
    /// A module the validator accepted could not be rewritten: a bug of the instrumenter.
    #[error("internal instrumenter error: {0}")]
    Internal(String),
}

/// Validates `wasm` against `policy` and rewrites it to meter its own gas and stack height.
///
/// The output depends only on the input bytes and the policy: the same input gives the same
/// bytes on every run and machine. See `docs/gas.md` for what is charged where, and
/// `docs/instrumentation.md` for the rewrite.
pub fn instrument(wasm: &[u8], policy: &Policy) -> Result<Instrumented, InstrumentError> {
    instrument_on(wasm, policy, threads())
}

/// [`instrument`], validating function bodies on up to `threads` threads: the result is the
/// same for any number.
pub(crate) fn instrument_on(wasm: &[u8], policy: &Policy, threads: usize) -> Result<Instrumented, InstrumentError> {
    instrument_with(wasm, policy, threads, false)
}

/// The table a profiled copy exports ([`instrument_profiled`]): two funcref slots the host
/// fills before anything runs, with functions of type `[i32, i64] -> []`. Slot 0 is called
/// at each function's entry, slot 1 at each exit (`return`, a branch out of the body, or its
/// end; not a trap), with the function's index (in the original module's index space) and its
/// gas counter ([`gas_left`] of it is the gas left). At an entry the counter is what it was
/// before the function's own code was charged: the entry block that callers of some internal
/// functions pay in advance is given back to the callee.
pub const PROFILE_TABLE: &str = "baals_profile";

/// [`instrument`], and hooks at every function's entry and exit ([`PROFILE_TABLE`]), for
/// profiles: the hooks are charged nothing, so the copy charges exactly the gas the module
/// [`instrument`] makes charges, at the same points. Its function indices, locals and labels
/// are the original's but for the module's `name` section, which it drops. It needs
/// reference types (a second table) when the module has a table.
pub fn instrument_profiled(wasm: &[u8], policy: &Policy) -> Result<Instrumented, InstrumentError> {
    instrument_with(wasm, policy, threads(), true)
}

fn instrument_with(
    wasm: &[u8],
    policy: &Policy,
    threads: usize,
    profile: bool,
) -> Result<Instrumented, InstrumentError> {
    match instrumenters_section(wasm) {
        Some(INSTRUMENTED_SECTION) => return Err(InstrumentError::AlreadyInstrumented),
        Some(name) => return Err(InstrumentError::ReservedSection(name)),
        None => {}
    }
    let mut analyzer = Analyzer::new(policy, wasm, threads);
    let info = validate_with(wasm, policy, &mut analyzer, threads)?;
    let analysis = analyzer.into_analysis();
    check_unchecked_charges(&analysis, policy)?;
    let tag = format!("baals-instrument {INSTRUMENTER_VERSION}\npolicy {}\n", policy.hash());
    let rewritten = rewrite::rewrite(wasm, &analysis, policy, info.start_function, &tag, threads, profile)?;
    // A profiled copy is never deployed: its hooks may take it past the output limits.
    if !profile {
        check_output_limits(&analysis, &info, policy, &rewritten)?;
    }

    let mut functions = Vec::with_capacity(analysis.functions.len());
    for (plan, (original, instrumented)) in analysis.functions.into_iter().zip(rewritten.body_sizes) {
        let mut report = plan.report;
        report.original_bytes = original;
        report.instrumented_bytes = instrumented;
        functions.push(report);
    }
    let report =
        Report { functions, original_bytes: wasm.len() as u64, instrumented_bytes: rewritten.wasm.len() as u64 };
    Ok(Instrumented { wasm: rewritten.wasm, code_hash: CodeHash::of(wasm), policy_hash: policy.hash(), info, report })
}

/// Refuses a module whose counter could pass `i64::MAX` between two checks, where it would
/// wrap to a large negative count (a large amount of gas left) and the code after it would
/// run unmetered. Between two
/// checks a call runs at most the rest of each frame on its stack (a callee's return is not
/// checked), each passing a block of its function at most once; frames are at most two per
/// `frame-base` units of `max-height` (a leaf's frame rides on its caller's reservation).
/// Each function's charges, times that depth, must stay within 2^62, the budget the policy's
/// checks leave. Under realistic prices no module comes near (the default policy's worst case
/// is about 2^39).
fn check_unchecked_charges(analysis: &analysis::Analysis, policy: &Policy) -> Result<(), InstrumentError> {
    let frames = 2 * (policy.stack().max_frames() + 1);
    for plan in &analysis.functions {
        let charge = plan.total_charge.saturating_mul(frames);
        if charge > snippets::MAX_CHARGE {
            return Err(InstrumentError::ChargeTooLarge { function: plan.report.index, charge });
        }
    }
    Ok(())
}

/// The format's limits that instrumentation can push a module past (wasmparser's, which
/// wasmtime shares; locals are left room for by validation, `validate/limits.rs`).
const MAX_FUNCTION_BYTES: u64 = 7_654_321;
const MAX_TYPES: u64 = 1_000_000;
const MAX_GLOBALS: u64 = 1_000_000;
const MAX_EXPORTS: u64 = 1_000_000;

/// Refuses an output past the format's limits: cheaper than validating it again, and only
/// a module made to sit at a permissive policy's ceilings gets there.
fn check_output_limits(
    analysis: &analysis::Analysis,
    info: &ModuleInfo,
    policy: &Policy,
    rewritten: &rewrite::Rewritten,
) -> Result<(), InstrumentError> {
    let limit = |what, value: u64, max, function| {
        if value > max { Err(InstrumentError::OutputLimit { what, value, max, function }) } else { Ok(()) }
    };
    for (plan, &(_, bytes)) in analysis.functions.iter().zip(&rewritten.body_sizes) {
        limit("function body bytes", u64::from(bytes), MAX_FUNCTION_BYTES, Some(plan.report.index))?;
    }
    limit("types", analysis.type_count(), MAX_TYPES, None)?;
    // The two counters.
    limit("globals", u64::from(analysis.globals) + 2, MAX_GLOBALS, None)?;
    let added_exports = 2 + u64::from(info.start_function.is_some()) + u64::from(policy.trap_gas() == TrapGas::Limit);
    limit("exports", info.exports.len() as u64 + added_exports, MAX_EXPORTS, None)
}

/// The first custom section of `wasm` that only the instrumenter writes, `baals.instrumented`
/// first if it has one. Stops at the first section that does not decode: validation reports
/// those.
fn instrumenters_section(wasm: &[u8]) -> Option<&'static str> {
    let mut found = None;
    for payload in Parser::new(0).parse_all(wasm).map_while(Result::ok) {
        if let Payload::CustomSection(section) = payload {
            match section.name() {
                INSTRUMENTED_SECTION => return Some(INSTRUMENTED_SECTION),
                TRAP_WRITE_BACKS_SECTION => found = found.or(Some(TRAP_WRITE_BACKS_SECTION)),
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/cosmwasm");
        let mut modules: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "wasm"))
            .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()))
            .collect();
        modules.sort();
        modules
    }

    /// A profiled copy of every corpus contract is valid WebAssembly with the hook table, and
    /// without the hooks its body sizes are the stored module's: only hooks were added.
    #[test]
    fn profiled_copies_are_valid_and_add_only_hooks() {
        let policy = Policy::permissive();
        for (name, wasm) in corpus() {
            let Ok(stored) = instrument(&wasm, &policy) else { continue };
            let profiled = instrument_profiled(&wasm, &policy).unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut features = wasmparser::WasmFeatures::default();
            features.set(wasmparser::WasmFeatures::REFERENCE_TYPES, true);
            wasmparser::Validator::new_with_features(features)
                .validate_all(&profiled.wasm)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let exported = wasmparser::Parser::new(0).parse_all(&profiled.wasm).any(|payload| match payload {
                Ok(wasmparser::Payload::ExportSection(reader)) => reader
                    .into_iter()
                    .any(|e| e.is_ok_and(|e| e.name == PROFILE_TABLE && e.kind == wasmparser::ExternalKind::Table)),
                _ => false,
            });
            assert!(exported, "{name}: no {PROFILE_TABLE} export");
            assert_eq!(stored.report.metering_points(), profiled.report.metering_points(), "{name}");
            for (a, b) in stored.report.functions.iter().zip(&profiled.report.functions) {
                assert_eq!(a.max_block_cost, b.max_block_cost, "{name}: function {}", a.index);
                assert!(b.instrumented_bytes > a.instrumented_bytes, "{name}: function {}", a.index);
            }
        }
    }

    /// Bodies validated on one thread or several: the same output, report and info, and on a
    /// refusal the same error (the first in function order), whatever the number of threads.
    #[test]
    fn threads_do_not_change_the_outcome() {
        let permissive = Policy::permissive();
        // A function-instructions limit that some functions of every contract exceed: the
        // refusal must name the first of them, not the first a thread happened to reach.
        let tight = Policy::from_toml(
            &baals_policy::PERMISSIVE_POLICY_TOML.replace("function-instructions = ", "function-instructions = 300 #"),
        )
        .unwrap();
        let (mut compared, mut refused) = (0, 0);
        for (name, wasm) in corpus() {
            for policy in [&permissive, &tight] {
                let one = instrument_on(&wasm, policy, 1);
                for threads in [2, 3, 4] {
                    assert_eq!(instrument_on(&wasm, policy, threads), one, "{name}, {threads} threads");
                }
                compared += 1;
                refused += usize::from(one.is_err());
            }
        }
        assert!(refused >= 9, "the tight policy should refuse the contracts: {refused}");
        println!("{compared} instrumentations the same on 1 to 4 threads ({refused} refusals)");
    }

    /// An embedder may deploy from a task of rayon's pool, which the bodies also go to: the
    /// worker that waits for them runs them itself, even in a pool of one thread.
    #[test]
    fn instruments_from_inside_a_pool_of_one_thread() {
        let policy = Policy::permissive();
        let (name, wasm) = corpus().into_iter().find(|(name, _)| name == "hackatom.wasm").expect("hackatom");
        let pool = rayon_core::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
        let inside = pool.install(|| instrument_on(&wasm, &policy, 4));
        assert_eq!(inside, instrument_on(&wasm, &policy, 1), "{name}");
    }
}
