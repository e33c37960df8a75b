//! wasmi: an interpreter, written independently of wasmtime, as a second engine.
//!
//! wasmi keeps wasm frames and values on heap stacks, so deep recursion does not touch the
//! native stack; its own limits are set well above what the policy's deterministic stack limit
//! allows, so that the instrumented counter always ends a deep recursion first. A nested
//! `baals_call_contract` enters wasmi again from the host function, on the native stack:
//! the policy's call depth bounds it.

use std::sync::Arc;

use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, START_EXPORT, gas_counter, gas_left, stack_counter, stack_left};
use baals_policy::{FloatMode, HOST_MODULE, HostFunction, Policy};
use wasmi::errors::{ErrorKind, InstantiationError};
use wasmi::{Caller, CompilationMode, Config, Global, Linker, Memory, Module, Store, TrapCode, Val};

use super::{Compiled, Ended, Failure, Limits};
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
    pub(crate) fn new(policy: &Policy) -> Result<Wasmi, EngineError> {
        let engine = wasmi::Engine::new(&config(policy));
        let linker = linker(&engine)
            .map_err(|error| EngineError::Configure { backend: Backend::Wasmi, source: Box::new(error) })?;
        Ok(Wasmi { engine, linker })
    }

    pub(crate) fn compile(&self, wasm: &[u8]) -> Result<Compiled, EngineError> {
        let module = Module::new(&self.engine, wasm).map_err(error)?;
        // wasmi keeps a module's memory types to itself: the bytes it accepted say them.
        let initial_pages = baals_instrument::initial_pages(wasm)
            .ok_or(EngineError::Internal("wasmi accepted a module whose memory does not parse"))?;
        Ok(Compiled::Wasmi(Arc::new(Translated { module, initial_pages })))
    }

    pub(crate) fn run(&self, module: &Module, state: HostState, method: &str, limits: Limits) -> Ended {
        let mut store = Store::new(&self.engine, Data { state, handles: None });
        let result = (|| {
            let instance = self.linker.instantiate_and_start(&mut store, module).map_err(failure)?;
            let gas = instance.get_global(&store, GAS_GLOBAL);
            let stack = instance.get_global(&store, STACK_GLOBAL);
            let (Some(gas), Some(stack)) = (gas, stack) else {
                return Err(Failure::Engine(EngineError::NotInstrumented));
            };
            let set = |store: &mut Store<Data>, global: Global, value: Val| {
                global.set(store, value).map_err(|error| run_error(error.into()))
            };
            set(&mut store, gas, Val::I64(gas_counter(limits.gas as i64)))?;
            set(&mut store, stack, Val::I32(stack_counter(limits.stack as i32)))?;
            let memory = instance.get_memory(&store, "memory");
            store.data_mut().handles = Some(Handles { gas, stack, memory });
            if let Some(start) = instance.get_func(&store, START_EXPORT) {
                start.call(&mut store, &[], &mut []).map_err(failure)?;
            }
            let method = instance.get_typed_func::<(), ()>(&store, method).map_err(failure)?;
            method.call(&mut store, ()).map_err(failure)
        })();
        let counters = store.data().handles.as_ref().map(|handles| (handles.gas, handles.stack));
        let (gas_left, stack_left) = match counters {
            Some((gas, stack)) => (gas.get(&store).i64().map(gas_left), stack.get(&store).i32().map(stack_left)),
            None => (None, None),
        };
        Ended { state: store.into_data().state, gas_left, stack_left, result }
    }
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
