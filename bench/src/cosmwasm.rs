//! CosmWasm contracts of the shared corpus, run outside any chain: real contracts compiled
//! elsewhere (serde, the allocator, cosmwasm-std), as a check of the kernels' figures on code
//! that nobody wrote to be benchmarked.
//!
//! The contracts import CosmWasm's host functions, not `baals_*`, so they run on a plain
//! wasmtime linker with just enough of CosmWasm's ABI (version 8: regions, `allocate`, JSON
//! messages) for the calls in [`WORKLOADS`]: storage in a map, addresses taken as they are,
//! and every other import a trap. Each call gets a fresh instance, as on a chain; storage
//! carries over.

use std::collections::BTreeMap;

use wasmtime::{Caller, Engine, Extern, Instance, Linker, Memory, Store, TypedFunc};

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

const HACKATOM_INIT: Call =
    Call { entry: Entry::Instantiate, msg: r#"{"verifier":"verifies","beneficiary":"benefits"}"# };

/// The workloads: each contract's instantiation (message parsing, address checks, a storage
/// write, a JSON response: the bulk of a typical call) and, where a contract has one, a
/// compute-bound call.
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

const ENV: &str = r#"{"block":{"height":12345,"time":"1571797419879305533","chain_id":"cosmos-testnet-14002"},"transaction":{"index":3},"contract":{"address":"contract"}}"#;
/// The sender is hackatom's verifier, so that `release` is allowed.
const INFO: &str = r#"{"sender":"verifies","funds":[]}"#;

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
    // Every query of the chain (hackatom's `release` asks for the contract's balances) is
    // answered with an empty balance list: `{"amount":[]}`, base64, in a system and a
    // contract result.
    linker.func_wrap("env", "query_chain", |mut caller: Caller<'_, Host>, _request: u32| -> wasmtime::Result<u32> {
        allocate_with(&mut caller, br#"{"ok":{"ok":"eyJhbW91bnQiOltdfQ=="}}"#)
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

    /// The instance.
    pub fn instance(&self) -> &Instance {
        &self.instance
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

    /// Copies `bytes` into a region the contract allocates, and returns the region's address.
    fn allocate(&self, store: &mut Store<Host>, bytes: &[u8]) -> Result<u32> {
        let at = self.allocate.call(&mut *store, bytes.len() as u32)?;
        fill(self.memory.data_mut(&mut *store), at, bytes).map_err(|e| e.to_string().into())
    }
}

/// The bytes of the region at `at`.
fn region(memory: &Memory, store: &Store<Host>, at: u32) -> Result<Vec<u8>> {
    let data = memory.data(store);
    let (offset, _, length) = region_fields(data, at).ok_or("a region outside memory")?;
    Ok(data.get(offset..offset + length).ok_or("a region's bytes outside memory")?.to_vec())
}

/// A region's offset, capacity and length.
fn region_fields(data: &[u8], at: u32) -> Option<(usize, usize, usize)> {
    let at = at as usize;
    let word = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(data.get(at + 4 * i..at + 4 * i + 4)?.try_into().ok()?) as usize)
    };
    Some((word(0)?, word(1)?, word(2)?))
}

/// Writes `bytes` into the region at `at` and sets its length.
fn fill(data: &mut [u8], at: u32, bytes: &[u8]) -> wasmtime::Result<u32> {
    let (offset, capacity, _) =
        region_fields(data, at).ok_or_else(|| wasmtime::format_err!("a region outside memory"))?;
    if bytes.len() > capacity {
        return Err(wasmtime::format_err!("{} bytes for a region of {capacity}", bytes.len()));
    }
    data.get_mut(offset..offset + bytes.len())
        .ok_or_else(|| wasmtime::format_err!("a region's bytes outside memory"))?
        .copy_from_slice(bytes);
    data[at as usize + 8..at as usize + 12].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
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
    let data = memory.data(&*caller);
    let (offset, _, length) =
        region_fields(data, at).ok_or_else(|| wasmtime::format_err!("a region outside memory"))?;
    Ok(data
        .get(offset..offset + length)
        .ok_or_else(|| wasmtime::format_err!("a region's bytes outside memory"))?
        .to_vec())
}

fn write_region(caller: &mut Caller<'_, Host>, at: u32, bytes: &[u8]) -> wasmtime::Result<u32> {
    let memory = caller_memory(caller)?;
    fill(memory.data_mut(&mut *caller), at, bytes)
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
