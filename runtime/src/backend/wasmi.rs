//! wasmi: an interpreter, written independently of wasmtime, as a second engine.
//!
//! wasmi keeps wasm frames and values on heap stacks, so deep recursion does not touch the
//! native stack; its own limits are set well above what the policy's deterministic stack limit
//! allows, so that the instrumented counter always ends a deep recursion first. A nested
//! `baals_call_contract` enters wasmi again from the host function, on the native stack:
//! the policy's call depth bounds it.

use std::sync::Arc;

use baals_instrument::protocol;
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, START_EXPORT, gas_counter, gas_left};
use baals_policy::{FloatMode, HOST_MODULE, HostFunction, Policy};
use wasmi::errors::{ErrorKind, InstantiationError};
use wasmi::{Caller, CompilationMode, Config, Global, Instance, Linker, Memory, Module, Store, TrapCode, Val};

use super::{Ended, Failure, Limits};
use crate::error::EngineError;
use crate::host::{self, Call, HostEnv, HostError, HostState};
use crate::types::Backend;
use crate::types::TrapKind;

impl wasmi::errors::HostError for HostError {}

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
        gas.get(&*self).i64().map(gas_left)
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

/// A module wasmi translated, with what the engine charges per call from its bytes.
pub(crate) struct Translated {
    pub(crate) module: Module,
    pub(crate) initial_pages: u64,
}

pub(crate) struct Wasmi {
    engine: wasmi::Engine,
    linker: Linker<Data>,
}

/// wasmi refused a module.
fn error(error: wasmi::Error) -> EngineError {
    EngineError::Compile { backend: Backend::Wasmi, source: Box::new(error) }
}

/// wasmi failed running a call, for a reason not the contract's.
fn run_error(error: wasmi::Error) -> Failure {
    Failure::Engine(EngineError::Run { backend: Backend::Wasmi, source: Box::new(error) })
}

impl Wasmi {
    fn configured(policy: &Policy) -> Result<Wasmi, EngineError> {
        let engine = wasmi::Engine::new(&config(policy));
        let linker = linker(&engine)
            .map_err(|error| EngineError::Configure { backend: Backend::Wasmi, source: Box::new(error) })?;
        Ok(Wasmi { engine, linker })
    }

    fn translate(&self, wasm: &[u8]) -> Result<Arc<Translated>, EngineError> {
        let module = Module::new(&self.engine, wasm).map_err(error)?;
        // wasmi keeps a module's memory types to itself: the bytes it accepted say them.
        let initial_pages = baals_instrument::initial_pages(wasm)
            .ok_or(EngineError::Internal("wasmi accepted a module whose memory does not parse"))?;
        Ok(Arc::new(Translated { module, initial_pages }))
    }

    fn run_module(&self, module: &Module, state: HostState, method: &str, limits: Limits) -> Ended {
        let mut store = Store::new(&self.engine, Data { state, handles: None });
        let ran = match self.linker.instantiate_and_start(&mut store, module) {
            Ok(instance) => {
                Ok(protocol::now(protocol::run(&mut Running { store: &mut store, instance }, method, limits)))
            }
            Err(error) => Err(failure(error)),
        };
        let state = store.into_data().state;
        match ran {
            Ok(ran) => Ended { state, ran: map_failure(ran) },
            Err(failure) => Ended::before_counters(state, failure),
        }
    }
}

impl super::Engine for Wasmi {
    type Module = Arc<Translated>;

    const BACKEND: Backend = Backend::Wasmi;

    fn new(policy: &Policy) -> Result<Wasmi, EngineError> {
        Wasmi::configured(policy)
    }

    fn compile(&self, wasm: &[u8]) -> Result<Arc<Translated>, EngineError> {
        self.translate(wasm)
    }

    fn fingerprint(&self) -> Option<&[u8; 32]> {
        None
    }

    fn load_artifact(&self, _bytes: &[u8]) -> Result<Option<Arc<Translated>>, EngineError> {
        Ok(None)
    }

    fn artifact(_translated: &Arc<Translated>) -> Result<Option<Vec<u8>>, EngineError> {
        Ok(None)
    }

    fn run(&self, translated: &Arc<Translated>, state: HostState, method: &str, limits: Limits) -> Ended {
        self.run_module(&translated.module, state, method, limits)
    }

    fn is_method(translated: &Arc<Translated>, name: &str) -> bool {
        match translated.module.get_export(name) {
            Some(wasmi::ExternType::Func(ty)) => ty.params().is_empty() && ty.results().is_empty(),
            _ => false,
        }
    }

    fn exports(translated: &Arc<Translated>, name: &str) -> bool {
        translated.module.get_export(name).is_some()
    }

    fn initial_pages(translated: &Arc<Translated>) -> u64 {
        translated.initial_pages
    }

    fn size(_translated: &Arc<Translated>, wasm_len: usize) -> usize {
        // wasmi's translated code is a few times the size of the wasm it came from.
        wasm_len.saturating_mul(4)
    }
}

/// An instance running a call, as the counter protocol drives it.
struct Running<'s> {
    store: &'s mut Store<Data>,
    instance: Instance,
}

impl protocol::Instance for Running<'_> {
    type Error = wasmi::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        let gas_global = self.instance.get_global(&*self.store, GAS_GLOBAL);
        let stack_global = self.instance.get_global(&*self.store, STACK_GLOBAL);
        let (Some(gas_global), Some(stack_global)) = (gas_global, stack_global) else { return false };
        if gas_global.set(&mut *self.store, Val::I64(gas)).is_err()
            || stack_global.set(&mut *self.store, Val::I32(stack)).is_err()
        {
            return false;
        }
        // The host functions reach the counters and the memory through these.
        let memory = self.instance.get_memory(&*self.store, "memory");
        self.store.data_mut().handles = Some(Handles { gas: gas_global, stack: stack_global, memory });
        true
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        let handles = self.store.data().handles.as_ref()?;
        Some((handles.gas.get(&*self.store).i64()?, handles.stack.get(&*self.store).i32()?))
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmi::Error>> {
        if name == START_EXPORT {
            let start = self.instance.get_func(&*self.store, START_EXPORT)?;
            return Some(start.call(&mut *self.store, &[], &mut []));
        }
        let method = self.instance.get_typed_func::<(), ()>(&*self.store, name).ok()?;
        Some(method.call(&mut *self.store, ()))
    }
}

fn map_failure(ran: protocol::Ran<wasmi::Error>) -> protocol::Ran<Failure> {
    let protocol::Ran { result, gas_left, stack_left } = ran;
    let result = result.map_err(|failed| match failed {
        protocol::Failure::Failed(error) => protocol::Failure::Failed(failure(error)),
        protocol::Failure::NotInstrumented => protocol::Failure::NotInstrumented,
        protocol::Failure::NoMethod => protocol::Failure::NoMethod,
    });
    protocol::Ran { result, gas_left, stack_left }
}

fn failure(mut error: wasmi::Error) -> Failure {
    if let Some(host) = error.downcast_mut::<HostError>() {
        // The error is dropped right after: take the host's reason out of it.
        return Failure::Host(std::mem::replace(host, HostError::Revert(Vec::new())));
    }
    // An active element segment past its table's end fails instantiation, which the spec
    // (and wasmtime) makes a trap; wasmi reports it as an instantiation error of its own.
    if let ErrorKind::Instantiation(InstantiationError::ElementSegmentDoesNotFit { .. }) = error.kind() {
        return Failure::Trap(TrapKind::TableOutOfBounds);
    }
    match error.as_trap_code() {
        Some(code) => Failure::Trap(trap_kind(code)),
        None => run_error(error),
    }
}

fn trap_kind(code: TrapCode) -> TrapKind {
    match code {
        TrapCode::UnreachableCodeReached => TrapKind::Unreachable,
        TrapCode::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
        TrapCode::TableOutOfBounds => TrapKind::TableOutOfBounds,
        TrapCode::IndirectCallToNull => TrapKind::IndirectCallToNull,
        TrapCode::BadSignature => TrapKind::BadSignature,
        TrapCode::IntegerOverflow => TrapKind::IntegerOverflow,
        TrapCode::IntegerDivisionByZero => TrapKind::IntegerDivisionByZero,
        TrapCode::BadConversionToInteger => TrapKind::BadConversionToInteger,
        TrapCode::StackOverflow => TrapKind::EngineStackOverflow,
        _ => TrapKind::Other,
    }
}

/// The linker with every function of the ABI.
fn linker(engine: &wasmi::Engine) -> Result<Linker<Data>, wasmi::Error> {
    let mut linker = Linker::new(engine);
    macro_rules! wrap {
        ($(
            $variant:ident $function:ident($($arg:ident: $ty:ident),* $(,)?) -> $result:tt { $($doc:tt)* }
        )*) => {$(
            linker.func_wrap(
                HOST_MODULE,
                HostFunction::$variant.name(),
                |mut caller: Caller<'_, Data>, $($arg: $ty),*| -> Result<$result, wasmi::Error> {
                    let mut call = Call::new(&mut caller, HostFunction::$variant);
                    host::$function(&mut call, $($arg),*).map_err(wasmi::Error::host)
                },
            )?;
        )*};
    }
    baals_policy::for_each_host_function!(wrap);
    Ok(linker)
}

/// Frames and value-stack bytes wasmi may use, per unit of the policy's stack limit: each
/// frame costs the instrumented counter at least `frame-base` units and each value one, while
/// wasmi needs one 8-byte cell per value and local plus a few for bookkeeping, so these leave
/// a wide margin and the deterministic limit always comes first (tested at the maximum depth).
const CELL_BYTES: usize = 8;
const CELLS_PER_UNIT: usize = 4;
const CELLS_PER_FRAME: usize = 16;
const MIN_STACK_BYTES: usize = 4096;

/// The wasmi configuration: the policy's features and nothing more, eager translation (lazy
/// modes may report an invalid function only when it is first called), no fuel.
fn config(policy: &Policy) -> Config {
    let features = policy.features();
    let floats = features.floats != FloatMode::Deny;
    let stack = policy.stack();
    let units = usize::try_from(stack.max_height).unwrap_or(usize::MAX);
    let frames = usize::try_from(stack.max_frames()).unwrap_or(usize::MAX);
    let mut config = Config::default();
    config
        .consume_fuel(false)
        .compilation_mode(CompilationMode::Eager)
        .ignore_custom_sections(true)
        // The instrumenter exports its counters as mutable globals.
        .wasm_mutable_global(true)
        .wasm_sign_extension(features.sign_extension)
        .wasm_saturating_float_to_int(floats)
        .floats(floats)
        .wasm_multi_value(features.multi_value)
        .wasm_bulk_memory(features.bulk_memory)
        .wasm_reference_types(features.reference_types)
        .wasm_extended_const(features.extended_const)
        .wasm_multi_memory(false)
        .wasm_tail_call(false)
        .wasm_custom_page_sizes(false)
        .wasm_wide_arithmetic(false)
        .set_max_recursion_depth(frames.saturating_mul(2).saturating_add(64))
        // Never below wasmi's initial height (1,000 bytes), which it refuses, with a panic,
        // to exceed the maximum: a policy with a tiny `max-height` would otherwise take the
        // host down.
        .set_max_stack_height(
            CELL_BYTES
                .saturating_mul(units.saturating_mul(CELLS_PER_UNIT) + frames.saturating_mul(CELLS_PER_FRAME))
                .max(MIN_STACK_BYTES),
        );
    config
}
