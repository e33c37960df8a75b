//! CosmWasm contracts of the shared corpus, run outside any chain: real contracts compiled
//! elsewhere (serde, the allocator, cosmwasm-std), as a check of the kernels' figures on code
//! that nobody wrote to be benchmarked.
//!
//! The contracts import CosmWasm's host functions, not `baals_*`, so they run on a plain
//! wasmtime linker with just enough of CosmWasm's ABI (version 8: regions, `allocate`, JSON
//! messages) for the calls in [`WORKLOADS`]: storage in a map, addresses taken as they are,
//! an empty balance for every chain query, and every other import a trap. A benchmark repeats a
//! call on one instance (a chain would instantiate for each call, which costs every column the
//! same and is not metering); storage lives in the store, with the instance.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use baals_instrument::instrument;
use baals_policy::Policy;
use wasmtime::{Caller, Config, Engine, Extern, Instance, Linker, Memory, Module, Store, TypedFunc};

use crate::{corpus, geomean, median};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// A contract entry point.
#[derive(Clone, Copy, Debug)]
pub enum Entry {
    /// `instantiate(env, info, msg)`.
    Instantiate,
    /// `execute(env, info, msg)`.
    Execute,
    /// `query(env, msg)`.
    Query,
}

/// One call of a contract: an entry point and its JSON message.
#[derive(Clone, Copy, Debug)]
pub struct Call {
    /// The entry point.
    pub entry: Entry,
    /// The message, JSON.
    pub msg: &'static str,
}

/// What is measured on one contract: calls made once to set it up, then the call measured.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// The contract's file stem in `../shared/corpus/cosmwasm`.
    pub contract: &'static str,
    /// What the workload does, for reports.
    pub what: &'static str,
    /// Run once, in order, before the measured call.
    pub setup: &'static [Call],
    /// The measured call.
    pub call: Call,
}

impl Workload {
    /// Its name in reports: `CONTRACT:WHAT`, spaces as underscores.
    pub fn label(&self) -> String {
        format!("{}:{}", self.contract, self.what.replace(' ', "_"))
    }

    /// Where its contract is in the shared corpus.
    pub fn module_path(&self) -> Result<std::path::PathBuf> {
        corpus(&["cosmwasm"])?
            .into_iter()
            .find(|path| path.file_stem().is_some_and(|stem| stem == self.contract))
            .ok_or_else(|| format!("{} is not in the corpus", self.contract).into())
    }
}

const HACKATOM_INIT: Call =
    Call { entry: Entry::Instantiate, msg: r#"{"verifier":"verifies","beneficiary":"benefits"}"# };

/// The workloads: contracts' instantiations (message parsing, address checks, a storage write,
/// a JSON response: the bulk of a typical call), two compute-bound calls (hackatom's `recurse`,
/// cyberpunk's argon2) and hackatom_1.0's `release` (a chain query, a bank message).
pub const WORKLOADS: [Workload; 6] = [
    Workload { contract: "hackatom", what: "instantiate", setup: &[], call: HACKATOM_INIT },
    Workload {
        contract: "hackatom",
        what: "query recurse, 400 sha256",
        setup: &[HACKATOM_INIT],
        call: Call { entry: Entry::Query, msg: r#"{"recurse":{"depth":0,"work":400}}"# },
    },
    Workload { contract: "hackatom_1.0", what: "instantiate", setup: &[], call: HACKATOM_INIT },
    Workload {
        contract: "hackatom_1.0",
        what: "execute release",
        setup: &[HACKATOM_INIT],
        call: Call { entry: Entry::Execute, msg: r#"{"release":{}}"# },
    },
    Workload {
        contract: "cyberpunk",
        what: "execute argon2, 256 KiB",
        setup: &[Call { entry: Entry::Instantiate, msg: "{}" }],
        call: Call { entry: Entry::Execute, msg: r#"{"argon2":{"mem_cost":256,"time_cost":1}}"# },
    },
    Workload {
        contract: "ibc_reflect",
        what: "instantiate",
        setup: &[],
        call: Call { entry: Entry::Instantiate, msg: r#"{"reflect_code_id":17}"# },
    },
];

/// The env every call gets: a block, a transaction index, the contract's address.
const ENV: &str = r#"{"block":{"height":12345,"time":"1571797419879305533","chain_id":"cosmos-testnet-14002"},"transaction":{"index":3},"contract":{"address":"contract"}}"#;
/// The info every `instantiate` and `execute` gets: the sender is hackatom's verifier, so that
/// `release` is allowed, and no funds.
const INFO: &str = r#"{"sender":"verifies","funds":[]}"#;

/// The answer to every chain query: an empty balance list, `{"amount":[]}`, base64, in a
/// system and a contract result.
const CHAIN_QUERY_ANSWER: &[u8] = br#"{"ok":{"ok":"eyJhbW91bnQiOltdfQ=="}}"#;

/// The host side of one contract: its storage, kept across calls.
#[derive(Debug, Default)]
pub struct Host {
    storage: BTreeMap<Vec<u8>, Vec<u8>>,
}

/// The linker with the CosmWasm imports the workloads use; every other import of `module`
/// traps when called.
pub fn linker(engine: &Engine, module: &wasmtime::Module) -> Result<Linker<Host>> {
    let mut linker = Linker::new(engine);
    linker.func_wrap("env", "db_read", |mut caller: Caller<'_, Host>, key: u32| -> wasmtime::Result<u32> {
        let key = read_region(&mut caller, key)?;
        match caller.data().storage.get(&key).cloned() {
            Some(value) => allocate_with(&mut caller, &value),
            None => Ok(0),
        }
    })?;
    linker.func_wrap(
        "env",
        "db_write",
        |mut caller: Caller<'_, Host>, key: u32, value: u32| -> wasmtime::Result<()> {
            let (key, value) = (read_region(&mut caller, key)?, read_region(&mut caller, value)?);
            caller.data_mut().storage.insert(key, value);
            Ok(())
        },
    )?;
    linker.func_wrap("env", "db_remove", |mut caller: Caller<'_, Host>, key: u32| -> wasmtime::Result<()> {
        let key = read_region(&mut caller, key)?;
        caller.data_mut().storage.remove(&key);
        Ok(())
    })?;
    // Addresses are valid as they are, and their canonical form is their bytes.
    linker.func_wrap("env", "addr_validate", |_: Caller<'_, Host>, _source: u32| 0u32)?;
    for name in ["addr_canonicalize", "addr_humanize"] {
        linker.func_wrap(
            "env",
            name,
            |mut caller: Caller<'_, Host>, source: u32, destination: u32| -> wasmtime::Result<u32> {
                let bytes = read_region(&mut caller, source)?;
                write_region(&mut caller, destination, &bytes)?;
                Ok(0)
            },
        )?;
    }
    // Every query of the chain (hackatom's `release` asks for the contract's balances).
    linker.func_wrap("env", "query_chain", |mut caller: Caller<'_, Host>, _request: u32| -> wasmtime::Result<u32> {
        allocate_with(&mut caller, CHAIN_QUERY_ANSWER)
    })?;
    linker.func_wrap("env", "debug", |_: Caller<'_, Host>, _message: u32| {})?;
    linker.func_wrap("env", "abort", |mut caller: Caller<'_, Host>, message: u32| -> wasmtime::Result<()> {
        let message = read_region(&mut caller, message)?;
        Err(wasmtime::format_err!("abort: {}", String::from_utf8_lossy(&message)))
    })?;
    linker.define_unknown_imports_as_traps(module)?;
    Ok(linker)
}

/// An instance of a contract with its exports looked up once, not by name on every call: the
/// shortest calls take a few microseconds, and what the harness spends counts as unmetered
/// time in every column, which would pull their ratios towards 1.
pub struct Contract {
    instance: Instance,
    memory: Memory,
    allocate: TypedFunc<u32, u32>,
    deallocate: TypedFunc<u32, ()>,
    instantiate: Option<TypedFunc<(u32, u32, u32), u32>>,
    execute: Option<TypedFunc<(u32, u32, u32), u32>>,
    query: Option<TypedFunc<(u32, u32), u32>>,
}

impl std::fmt::Debug for Contract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contract").field("instance", &self.instance).finish_non_exhaustive()
    }
}

impl Contract {
    /// Looks up the exports of `instance` that calls use.
    pub fn new(store: &mut Store<Host>, instance: Instance) -> Result<Contract> {
        let memory = instance.get_memory(&mut *store, "memory").ok_or("the contract exports no memory")?;
        Ok(Contract {
            memory,
            allocate: instance.get_typed_func(&mut *store, "allocate")?,
            deallocate: instance.get_typed_func(&mut *store, "deallocate")?,
            instantiate: instance.get_typed_func(&mut *store, "instantiate").ok(),
            execute: instance.get_typed_func(&mut *store, "execute").ok(),
            query: instance.get_typed_func(&mut *store, "query").ok(),
            instance,
        })
    }

    /// Calls `call`'s entry point with its message (and a fixed env and info), and returns the
    /// JSON result (`{"ok":...}` or `{"error":...}`), whose region it then frees, as
    /// CosmWasm's host does (the contract frees the regions it was given).
    pub fn call(&self, store: &mut Store<Host>, call: Call) -> Result<Vec<u8>> {
        let missing = || format!("the contract exports no entry point for {:?}", call.entry);
        let env = self.allocate(store, ENV.as_bytes())?;
        let msg = self.allocate(store, call.msg.as_bytes())?;
        let result = match call.entry {
            Entry::Query => self.query.as_ref().ok_or_else(missing)?.call(&mut *store, (env, msg))?,
            Entry::Instantiate | Entry::Execute => {
                let info = self.allocate(store, INFO.as_bytes())?;
                let entry = if matches!(call.entry, Entry::Instantiate) { &self.instantiate } else { &self.execute };
                entry.as_ref().ok_or_else(missing)?.call(&mut *store, (env, info, msg))?
            }
        };
        let bytes = region(&self.memory, store, result)?;
        self.deallocate.call(&mut *store, result)?;
        Ok(bytes)
    }

    /// [`Contract::call`], with a result other than `{"ok":...}` an error.
    pub fn call_ok(&self, store: &mut Store<Host>, call: Call) -> Result<Vec<u8>> {
        let result = self.call(store, call)?;
        if !result.starts_with(br#"{"ok""#) {
            return Err(format!("{call:?} failed: {}", String::from_utf8_lossy(&result)).into());
        }
        Ok(result)
    }

    /// Copies `bytes` into a region the contract allocates, and returns the region's address.
    fn allocate(&self, store: &mut Store<Host>, bytes: &[u8]) -> Result<u32> {
        let at = self.allocate.call(&mut *store, bytes.len() as u32)?;
        Ok(fill_region(self.memory.data_mut(&mut *store), at, bytes)?)
    }
}

/// The bytes of the region at `at`.
fn region(memory: &Memory, store: &Store<Host>, at: u32) -> Result<Vec<u8>> {
    Ok(region_bytes(memory.data(store), at)?.to_vec())
}

/// The bytes of the region (offset, capacity, length: three little-endian u32s) at `at` of
/// `memory`.
fn region_bytes(memory: &[u8], at: u32) -> std::result::Result<&[u8], String> {
    let (offset, _, length) = region_fields(memory, at).ok_or("a region outside memory")?;
    memory.get(offset..offset + length).ok_or_else(|| "a region's bytes outside memory".to_string())
}

/// A region's offset, capacity and length.
fn region_fields(data: &[u8], at: u32) -> Option<(usize, usize, usize)> {
    let at = at as usize;
    let word = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(data.get(at + 4 * i..at + 4 * i + 4)?.try_into().ok()?) as usize)
    };
    Some((word(0)?, word(1)?, word(2)?))
}

/// Writes `bytes` into the region at `at` of `memory`, sets its length, and returns `at`.
fn fill_region(memory: &mut [u8], at: u32, bytes: &[u8]) -> std::result::Result<u32, String> {
    let (offset, capacity, _) = region_fields(memory, at).ok_or("a region outside memory")?;
    if bytes.len() > capacity {
        return Err(format!("{} bytes for a region of {capacity}", bytes.len()));
    }
    memory.get_mut(offset..offset + bytes.len()).ok_or("a region's bytes outside memory")?.copy_from_slice(bytes);
    memory[at as usize + 8..at as usize + 12].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
    Ok(at)
}

fn caller_memory(caller: &mut Caller<'_, Host>) -> wasmtime::Result<Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => Ok(memory),
        _ => Err(wasmtime::format_err!("the contract exports no memory")),
    }
}

fn read_region(caller: &mut Caller<'_, Host>, at: u32) -> wasmtime::Result<Vec<u8>> {
    let memory = caller_memory(caller)?;
    Ok(region_bytes(memory.data(&*caller), at).map_err(wasmtime::Error::msg)?.to_vec())
}

fn write_region(caller: &mut Caller<'_, Host>, at: u32, bytes: &[u8]) -> wasmtime::Result<u32> {
    let memory = caller_memory(caller)?;
    fill_region(memory.data_mut(&mut *caller), at, bytes).map_err(wasmtime::Error::msg)
}

/// Has the contract allocate a region for `bytes` (calling back into it, as CosmWasm's host
/// does), fills it and returns its address.
fn allocate_with(caller: &mut Caller<'_, Host>, bytes: &[u8]) -> wasmtime::Result<u32> {
    let allocate = caller
        .get_export("allocate")
        .and_then(Extern::into_func)
        .ok_or_else(|| wasmtime::format_err!("the contract exports no allocate"))?
        .typed::<u32, u32>(&*caller)?;
    let at = allocate.call(&mut *caller, bytes.len() as u32)?;
    write_region(caller, at, bytes)
}

/// Each timed sample makes calls for about this long, so that timer and loop are noise.
const SAMPLE: Duration = Duration::from_millis(20);

/// The metering overhead of each workload's call, in time: unmetered, instrumented by baals,
/// and on wasmtime with fuel and with epochs, interleaved round by round (`rounds` samples of
/// each, medians), every metered result compared with the unmetered one. One line per
/// workload, `contract CONTRACT:WHAT none_us=T ours=R fuel=R epoch=R`, then
/// `contract geomean ours=R fuel=R epoch=R`.
pub fn overhead(rounds: usize) -> Result<Vec<String>> {
    let plain = Engine::default();
    let fuel = Engine::new(Config::new().consume_fuel(true))?;
    let epoch = Engine::new(Config::new().epoch_interruption(true))?;
    let trap_limit = crate::permissive_trap_limit()?;
    let (mut lines, mut limit_lines, mut columns): (_, _, [Vec<f64>; 4]) = (Vec::new(), Vec::new(), Default::default());
    for workload in WORKLOADS {
        let path = workload.module_path()?;
        let wasm = std::fs::read(&path)?;
        let ours = crate::runs_on(instrument(&wasm, &Policy::permissive())?.wasm)?;
        let ours_limit = crate::runs_on(instrument(&wasm, &trap_limit)?.wasm)?;
        let counters = |store: &mut Store<Host>, instance: &Instance| Ok(crate::set_counters(store, instance)?);
        let mut runs = [
            Column::new(&plain, &wasm, workload, |_, _| Ok(()))?,
            Column::new(&plain, &ours, workload, counters)?,
            Column::new(&fuel, &wasm, workload, |store, _| Ok(store.set_fuel(u64::MAX)?))?,
            Column::new(&epoch, &wasm, workload, |store, _| {
                store.set_epoch_deadline(u64::MAX);
                Ok(())
            })?,
            Column::new(&plain, &ours_limit, workload, counters)?,
        ];
        // Every column makes as many calls per sample: as many as take SAMPLE unmetered.
        let (once, expected) = runs[0].calls(workload.call, 1)?;
        let per_sample = (SAMPLE.as_secs_f64() / once.as_secs_f64()).ceil().max(1.0) as u32;
        let mut samples: [Vec<Duration>; 5] = Default::default();
        for _ in 0..rounds {
            for (run, samples) in runs.iter_mut().zip(&mut samples) {
                let (time, result) = run.calls(workload.call, per_sample)?;
                if result != expected {
                    return Err(format!("{}: a metered call returned another result", workload.contract).into());
                }
                samples.push(time);
            }
        }
        let [none, ratios @ ..] = samples.map(|mut s| median(&mut s).as_secs_f64());
        let ratios = ratios.map(|t| t / none);
        for (column, ratio) in columns.iter_mut().zip(ratios) {
            column.push(ratio);
        }
        let [ours, fuel, epoch, limit] = ratios;
        lines.push(format!(
            "contract {} none_us={:.1} ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3}",
            workload.label(),
            none * 1e6 / f64::from(per_sample)
        ));
        limit_lines.push(format!("contract_trap_limit {} ours={limit:.3}", workload.label()));
    }
    let [ours, fuel, epoch, limit] = columns.map(|c| geomean(&c));
    lines.push(format!("contract geomean ours={ours:.3} fuel={fuel:.3} epoch={epoch:.3}"));
    lines.extend(limit_lines);
    lines.push(format!("contract_trap_limit geomean ours={limit:.3}"));
    Ok(lines)
}

/// One way of running a workload: an instance set up for it, and its store.
struct Column {
    store: Store<Host>,
    contract: Contract,
}

impl Column {
    /// `wasm` compiled on `engine`, instantiated, `arm`ed (counters, fuel or epochs) and set
    /// up for `workload`.
    fn new(
        engine: &Engine,
        wasm: &[u8],
        workload: Workload,
        arm: impl Fn(&mut Store<Host>, &Instance) -> Result<()>,
    ) -> Result<Column> {
        let module = Module::new(engine, wasm)?;
        let linker = linker(engine, &module)?;
        let mut store = Store::new(engine, Host::default());
        let instance = linker.instantiate(&mut store, &module)?;
        arm(&mut store, &instance)?;
        let contract = Contract::new(&mut store, instance)?;
        let mut column = Column { store, contract };
        for call in workload.setup {
            column.calls(*call, 1)?;
        }
        Ok(column)
    }

    /// Makes `call` `times` times and returns how long that took and the last result; each
    /// must be a success.
    fn calls(&mut self, call: Call, times: u32) -> Result<(Duration, Vec<u8>)> {
        let start = Instant::now();
        let mut result = Vec::new();
        for _ in 0..times {
            result = self.contract.call_ok(&mut self.store, call)?;
        }
        Ok((start.elapsed(), result))
    }
}
