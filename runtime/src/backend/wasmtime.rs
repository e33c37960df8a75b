//! wasmtime: every instance runs through the async API, so on a fiber stack of its own that
//! the engine sizes from the policy: the deterministic stack limit always triggers before the
//! native stack runs out, whatever the embedder's thread stack and however deep contracts call
//! each other. Host functions are synchronous and nothing yields, so each future completes in
//! one poll.

use std::hash::Hasher;
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use baals_instrument::protocol;
use baals_instrument::{GAS_GLOBAL, PROFILE_TABLE, STACK_GLOBAL, START_EXPORT, gas_counter, gas_left};
use baals_policy::{FloatMode, HOST_MODULE, HostFunction, Policy};
use sha2::{Digest, Sha256};
use wasmtime::{
    Caller, Config, Extern, Func, Global, Instance, InstancePre, Linker, Memory, Module, ModuleExport, Ref, Store,
    Trap, Val,
};

use super::{Ended, Failure, Limits};
use crate::error::EngineError;
use crate::host::{self, Call, HostEnv, HostState};
use crate::types::Backend;
use crate::types::TrapKind;

/// What a store holds: the call's state, and the instance's counters and memory once it
/// exists.
pub(crate) struct Data {
    state: HostState,
    handles: Option<Handles>,
}

struct Handles {
    gas: Global,
    stack: Global,
    memory: Option<Memory>,
}

impl HostEnv for Caller<'_, Data> {
    fn state(&self) -> &HostState {
        &self.data().state
    }

    fn state_mut(&mut self) -> &mut HostState {
        &mut self.data_mut().state
    }

    fn gas_left(&mut self) -> Option<i64> {
        let gas = self.data().handles.as_ref()?.gas;
        gas.get(&mut *self).i64().map(gas_left)
    }

    fn set_gas_left(&mut self, left: i64) -> bool {
        let Some(gas) = self.data().handles.as_ref().map(|handles| handles.gas) else { return false };
        gas.set(&mut *self, Val::I64(gas_counter(left))).is_ok()
    }

    fn memory(&mut self) -> Option<&mut [u8]> {
        let memory = self.data().handles.as_ref()?.memory?;
        Some(memory.data_mut(self))
    }
}

/// Native stack bytes on each instance's fiber for host functions and wasmtime beyond wasm
/// frames.
const HOST_STACK_BYTES: usize = 1 << 20;

/// Top-level calls that may run at once on a pooled engine (a block's and queries beside it),
/// whatever the machine: each may nest `max-depth` calls below it, and the pool holds an
/// instance (with its memory, tables and fiber stack) for every one of them. A top-level call
/// past these waits for one to end: a pool that ran out would fail the call as the engine's
/// doing, on pooled machines only, and results must not depend on the machine.
const LANES: u32 = 4;

/// With PAGEMAP_SCAN, up to how many bytes of the pages a call wrote are reset with memset
/// and stay mapped (a page's memset costs less than the fault it saves); a call that wrote
/// more has the rest dropped. It also bounds what a pool keeps resident: 1 MiB a slot.
const RESIDENT_WITH_PAGEMAP: usize = 1 << 20;

pub(crate) struct Wasmtime {
    engine: wasmtime::Engine,
    linker: Linker<Data>,
    /// sha256 of wasmtime's compatibility hash: compiled artifacts are stored under it.
    fingerprint: [u8; 32],
    /// Admission of top-level calls when instances come from a pool of fixed size.
    lanes: Option<Lanes>,
}

/// A counting semaphore over the pool's [`LANES`].
struct Lanes {
    free: Mutex<u32>,
    freed: Condvar,
}

/// A lane held by a running top-level call, given back when dropped.
struct Lane<'l>(&'l Lanes);

impl Lanes {
    fn acquire(&self) -> Lane<'_> {
        // A poisoned lock means a call panicked while counting: the count is still right,
        // since it is changed in one statement.
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(PoisonError::into_inner);
        }
        *free -= 1;
        Lane(self)
    }
}

impl Drop for Lane<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.0.freed.notify_one();
    }
}

/// wasmtime refused a module (or its artifact).
fn error(error: wasmtime::Error) -> EngineError {
    EngineError::Compile { backend: Backend::Wasmtime, source: error.into() }
}

/// wasmtime refused the configuration.
fn configure(error: wasmtime::Error) -> EngineError {
    EngineError::Configure { backend: Backend::Wasmtime, source: error.into() }
}

impl Wasmtime {
    fn configured(policy: &Policy) -> Result<Wasmtime, EngineError> {
        let (engine, pooled) = engine(policy)?;
        let linker = linker(&engine).map_err(configure)?;
        let mut hasher = Sha256Hasher(Sha256::new());
        std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut hasher);
        let fingerprint = hasher.0.finalize().into();
        let lanes = pooled.then(|| Lanes { free: Mutex::new(LANES), freed: Condvar::new() });
        Ok(Wasmtime { engine, linker, fingerprint, lanes })
    }

    fn deserialize(&self, bytes: &[u8]) -> Result<Arc<Prepared>, EngineError> {
        // SAFETY: artifacts are written only by `Module::serialize` of an engine with the
        // same fingerprint (wasmtime's compatibility hash is part of the key, and wasmtime
        // checks its own header again). Whoever can write the database can change the state
        // directly, so this trusts it no more than the rest of the state.
        #[allow(unsafe_code)]
        let module = unsafe { Module::deserialize(&self.engine, bytes) }.map_err(error)?;
        self.prepare(module)
    }

    fn prepare(&self, module: Module) -> Result<Arc<Prepared>, EngineError> {
        let exports = Exports {
            gas: module.get_export_index(GAS_GLOBAL),
            stack: module.get_export_index(STACK_GLOBAL),
            memory: module.get_export_index("memory"),
            start: module.get_export_index(START_EXPORT),
            profile: module.get_export_index(PROFILE_TABLE),
        };
        let initial_pages = module.resources_required().max_initial_memory_size.unwrap_or(0);
        let pre = self.linker.instantiate_pre(&module).map_err(error)?;
        Ok(Arc::new(Prepared { pre, exports, initial_pages }))
    }

    fn run_prepared(&self, prepared: &Prepared, state: HostState, method: &str, limits: Limits) -> Ended {
        let _lane = self.lanes.as_ref().filter(|_| state.depth == 0).map(Lanes::acquire);
        let mut store = Store::new(&self.engine, Data { state, handles: None });
        let ran = protocol::now(async {
            let instance = prepared.pre.instantiate_async(&mut store).await?;
            if let Some(index) = &prepared.exports.profile {
                fill_profile_hooks(&mut store, &instance, index)?;
            }
            let mut running = Running { store: &mut store, instance, exports: &prepared.exports };
            Ok::<_, wasmtime::Error>(protocol::run(&mut running, method, limits).await)
        });
        let state = store.into_data().state;
        match ran {
            Ok(ran) => Ended { state, ran: map_failure(ran) },
            Err(error) => Ended::before_counters(state, failure(error)),
        }
    }
}

/// Puts the two functions that tell the call's tracer of each function's entry and exit in a
/// profiled copy's hook table (`baals_instrument::PROFILE_TABLE`), before anything runs.
fn fill_profile_hooks(store: &mut Store<Data>, instance: &Instance, index: &ModuleExport) -> wasmtime::Result<()> {
    let Some(Extern::Table(table)) = instance.get_module_export(&mut *store, index) else {
        return Err(wasmtime::Error::msg("the profile hook table is not a table"));
    };
    fn hook(exit: bool) -> impl Fn(Caller<'_, Data>, i32, i64) + Send + Sync + 'static {
        move |caller: Caller<'_, Data>, function: i32, counter: i64| {
            let state = &caller.data().state;
            let (contract, function, gas) = (state.contract, function as u32, gas_left(counter));
            if let Ok(mut exec) = state.exec.lock() {
                exec.trace(|tracer| match exit {
                    false => tracer.function_enter(&contract, function, gas),
                    true => tracer.function_exit(&contract, function, gas),
                });
            }
        }
    }
    let enter = Func::wrap(&mut *store, hook(false));
    let exit = Func::wrap(&mut *store, hook(true));
    table.set(&mut *store, 0, Ref::Func(Some(enter)))?;
    table.set(&mut *store, 1, Ref::Func(Some(exit)))?;
    Ok(())
}

/// An instance running a call, as the counter protocol drives it.
struct Running<'s> {
    store: &'s mut Store<Data>,
    instance: Instance,
    exports: &'s Exports,
}

impl Running<'_> {
    fn export(&mut self, index: &Option<ModuleExport>) -> Option<Extern> {
        index.as_ref().and_then(|index| self.instance.get_module_export(&mut *self.store, index))
    }
}

impl protocol::Instance for Running<'_> {
    type Error = wasmtime::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        let (Some(Extern::Global(gas_global)), Some(Extern::Global(stack_global))) =
            (self.export(&self.exports.gas), self.export(&self.exports.stack))
        else {
            return false;
        };
        if gas_global.set(&mut *self.store, Val::I64(gas)).is_err()
            || stack_global.set(&mut *self.store, Val::I32(stack)).is_err()
        {
            return false;
        }
        // The host functions reach the counters and the memory through these.
        let memory = self.export(&self.exports.memory).and_then(Extern::into_memory);
        self.store.data_mut().handles = Some(Handles { gas: gas_global, stack: stack_global, memory });
        true
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        let handles = self.store.data().handles.as_ref()?;
        let (gas, stack) = (handles.gas, handles.stack);
        Some((gas.get(&mut *self.store).i64()?, stack.get(&mut *self.store).i32()?))
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmtime::Error>> {
        if name == START_EXPORT {
            let start = self.export(&self.exports.start).and_then(Extern::into_func)?;
            return Some(start.call_async(&mut *self.store, &[], &mut []).await);
        }
        let method = self.instance.get_typed_func::<(), ()>(&mut *self.store, name).ok()?;
        Some(method.call_async(&mut *self.store, ()).await)
    }
}

/// What a call's ending was, in the backend's terms.
fn failure(error: wasmtime::Error) -> Failure {
    match error.downcast::<host::HostError>() {
        Ok(host) => Failure::Host(host),
        Err(error) => match error.downcast_ref::<Trap>() {
            Some(trap) => Failure::Trap(trap_kind(trap)),
            None => Failure::Engine(EngineError::Run { backend: Backend::Wasmtime, source: error.into() }),
        },
    }
}

fn map_failure(ran: protocol::Ran<wasmtime::Error>) -> protocol::Ran<Failure> {
    let protocol::Ran { result, gas_left, stack_left } = ran;
    let result = result.map_err(|failure_of| match failure_of {
        protocol::Failure::Failed(error) => protocol::Failure::Failed(failure(error)),
        protocol::Failure::NotInstrumented => protocol::Failure::NotInstrumented,
        protocol::Failure::NoMethod => protocol::Failure::NoMethod,
    });
    protocol::Ran { result, gas_left, stack_left }
}

impl super::Engine for Wasmtime {
    type Module = Arc<Prepared>;

    const BACKEND: Backend = Backend::Wasmtime;

    fn new(policy: &Policy) -> Result<Wasmtime, EngineError> {
        Wasmtime::configured(policy)
    }

    fn compile(&self, wasm: &[u8]) -> Result<Arc<Prepared>, EngineError> {
        let module = Module::new(&self.engine, wasm).map_err(error)?;
        self.prepare(module)
    }

    fn fingerprint(&self) -> Option<&[u8; 32]> {
        Some(&self.fingerprint)
    }

    fn load_artifact(&self, bytes: &[u8]) -> Result<Option<Arc<Prepared>>, EngineError> {
        self.deserialize(bytes).map(Some)
    }

    fn artifact(prepared: &Arc<Prepared>) -> Result<Option<Vec<u8>>, EngineError> {
        prepared.module().serialize().map(Some).map_err(error)
    }

    fn run(&self, prepared: &Arc<Prepared>, state: HostState, method: &str, limits: Limits) -> Ended {
        self.run_prepared(prepared, state, method, limits)
    }

    fn is_method(prepared: &Arc<Prepared>, name: &str) -> bool {
        match prepared.module().get_export(name) {
            Some(wasmtime::ExternType::Func(ty)) => ty.params().len() == 0 && ty.results().len() == 0,
            _ => false,
        }
    }

    fn exports(prepared: &Arc<Prepared>, name: &str) -> bool {
        prepared.module().get_export(name).is_some()
    }

    fn initial_pages(prepared: &Arc<Prepared>) -> u64 {
        prepared.initial_pages
    }

    fn size(prepared: &Arc<Prepared>, _wasm_len: usize) -> usize {
        let range = prepared.module().image_range();
        (range.end as usize).saturating_sub(range.start as usize)
    }
}

/// A module ready to instantiate, with the exports every call looks up found once: looking
/// them up by name cost 3% of a warm call's instructions (record 0012).
pub(crate) struct Prepared {
    pre: InstancePre<Data>,
    exports: Exports,
    /// The pages the module's own memory starts with, which every call pays for.
    pub(crate) initial_pages: u64,
}

impl Prepared {
    pub(crate) fn module(&self) -> &Module {
        self.pre.module()
    }
}

struct Exports {
    gas: Option<ModuleExport>,
    stack: Option<ModuleExport>,
    memory: Option<ModuleExport>,
    start: Option<ModuleExport>,
    /// The hook table of a profiled copy.
    profile: Option<ModuleExport>,
}

/// The linker with every function of the ABI.
fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<Linker<Data>> {
    let mut linker = Linker::new(engine);
    macro_rules! wrap {
        ($(
            $variant:ident $function:ident($($arg:ident: $ty:ident),* $(,)?) -> $result:tt { $($doc:tt)* }
        )*) => {$(
            linker.func_wrap(
                HOST_MODULE,
                HostFunction::$variant.name(),
                |mut caller: Caller<'_, Data>, $($arg: $ty),*| -> wasmtime::Result<$result> {
                    let mut call = Call::new(&mut caller, HostFunction::$variant);
                    host::$function(&mut call, $($arg),*).map_err(wasmtime::Error::new)
                },
            )?;
        )*};
    }
    baals_policy::for_each_host_function!(wrap);
    Ok(linker)
}

fn trap_kind(trap: &Trap) -> TrapKind {
    match trap {
        Trap::UnreachableCodeReached => TrapKind::Unreachable,
        Trap::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
        Trap::TableOutOfBounds => TrapKind::TableOutOfBounds,
        Trap::IndirectCallToNull => TrapKind::IndirectCallToNull,
        Trap::BadSignature => TrapKind::BadSignature,
        Trap::IntegerOverflow => TrapKind::IntegerOverflow,
        Trap::IntegerDivisionByZero => TrapKind::IntegerDivisionByZero,
        Trap::BadConversionToInteger => TrapKind::BadConversionToInteger,
        Trap::StackOverflow => TrapKind::EngineStackOverflow,
        _ => TrapKind::Other,
    }
}

/// Native stack bytes per frame beyond its values (return address, frame pointer, saved
/// registers, alignment), and per stack unit (a value spilled to the stack), both as
/// measured on cranelift's x86-64 and aarch64 output with room to spare (`docs/runtime.md`).
const FRAME_BYTES: u64 = 128;
const UNIT_BYTES: u64 = 16;

/// The native stack a policy's deepest recursion needs: the most frames that fit in
/// `stack.max-height` (each at least `frame-base` units), every one at the per-frame and
/// per-unit bound, doubled. wasmtime traps past this, so the deterministic limit must come
/// first: `tests` check it with the largest and the smallest frames.
fn native_stack_bytes(policy: &Policy) -> usize {
    let stack = policy.stack();
    let frames = stack.max_frames();
    let bytes = 2 * (FRAME_BYTES * frames + UNIT_BYTES * stack.max_height);
    usize::try_from(bytes).unwrap_or(usize::MAX)
}

/// The wasmtime configuration: deterministic (no fuel, no epochs, no SIMD or threads, NaN
/// canonicalization when floats are allowed) with every instance on a fiber sized for the
/// policy's stack limit.
fn config(policy: &Policy) -> Config {
    let mut config = Config::new();
    config.consume_fuel(false);
    config.epoch_interruption(false);
    config.wasm_simd(false);
    config.wasm_relaxed_simd(false);
    config.shared_memory(false);
    config.wasm_multi_memory(false);
    config.wasm_memory64(false);
    config.wasm_tail_call(false);
    config.wasm_function_references(false);
    config.wasm_gc(false);
    // The instrumenter canonicalizes NaNs already; cranelift's does it again, so the result
    // does not depend on either alone.
    config.cranelift_nan_canonicalization(policy.features().floats == FloatMode::CanonicalizeNan);
    let wasm_stack = native_stack_bytes(policy);
    config.max_wasm_stack(wasm_stack);
    config.async_stack_size(wasm_stack + HOST_STACK_BYTES);
    config
}

/// The wasmtime engine, and whether it is pooled: pooled allocation where the policy allows
/// it and the host can reserve the address space (a slot of 4 GiB per instance, reserved, not
/// committed); otherwise, as where virtual memory is capped, allocation on demand. Results
/// are the same either way; only speed differs.
fn engine(policy: &Policy) -> Result<(wasmtime::Engine, bool), EngineError> {
    if let Some(pool) = pool(policy) {
        let mut pooled = config(policy);
        pooled.allocation_strategy(pool);
        if let Ok(engine) = wasmtime::Engine::new(&pooled) {
            return Ok((engine, true));
        }
    }
    Ok((wasmtime::Engine::new(&config(policy)).map_err(configure)?, false))
}

/// Pooled allocation when the policy's memories and tables are small enough to reserve slots
/// for: instances are then reused instead of mapped and unmapped on every call. Larger
/// policies (the permissive one) allocate on demand.
fn pool(policy: &Policy) -> Option<wasmtime::PoolingAllocationConfig> {
    let limits = policy.limits();
    if limits.table_elements > 100_000 || limits.tables > 16 || policy.memory().max_pages > 1024 {
        return None;
    }
    // Every call of every lane, nested to the policy's depth, holds an instance.
    let instances = LANES * (policy.calls().max_depth as u32 + 1);
    // What an instance's VMContext can take, with room to spare: per function (imported or
    // defined) an import or a func ref of four words, per global and table a definition, and
    // a fixed part. Past the pool's limit an instantiation would fail on pooled machines only.
    let entities = limits.functions + limits.imports + limits.globals + limits.tables;
    let instance_bytes = entities.saturating_mul(64).saturating_add(1 << 16);
    let mut pool = wasmtime::PoolingAllocationConfig::default();
    pool.total_core_instances(instances)
        .max_core_instance_size(usize::try_from(instance_bytes).ok()?.max(1 << 20))
        .total_memories(instances)
        // One more table per instance: a profiled copy's hook table.
        .total_tables(instances * (limits.tables as u32 + 1))
        .total_stacks(instances)
        .max_memories_per_module(1)
        .max_tables_per_module(limits.tables as u32 + 1)
        .table_elements(limits.table_elements as usize)
        .max_memory_size((policy.memory().max_pages << 16) as usize)
        .table_keep_resident(1 << 12);
    // Between calls a slot's memory goes back to the module's image. Without help each call
    // then faults in afresh every page it touches beyond the part kept resident (madvise
    // drops the rest, with a TLB shootdown on every core). Linux's PAGEMAP_SCAN tells which
    // pages a call wrote, so only those are reset, with memset, and the rest stay mapped:
    // that halved the token transfer's warm call (record 0012). Without it,
    // memset of a large resident part on every call would cost more than the faults, so the
    // resident part stays at the first 64 KiB, which contracts touch first.
    if wasmtime::PoolingAllocationConfig::is_pagemap_scan_available() {
        pool.pagemap_scan(wasmtime::Enabled::Yes).linear_memory_keep_resident(RESIDENT_WITH_PAGEMAP);
    } else {
        pool.linear_memory_keep_resident(1 << 16);
    }
    Some(pool)
}

/// A [`Hasher`] that feeds sha256, to turn wasmtime's compatibility hash into stable bytes.
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn finish(&self) -> u64 {
        0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}
