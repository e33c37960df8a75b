//! Running one call: instantiate, set the counters, run the start function and the method, and
//! read the outcome from the counters (`docs/gas.md`).
//!
//! Every instance runs through wasmtime's async API, so on a fiber stack of its own that the
//! engine sizes from the policy: the deterministic stack limit always triggers before the
//! native stack runs out, whatever the embedder's thread stack and however deep contracts call
//! each other. Host functions are synchronous and nothing yields, so each future completes in
//! one poll.

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};

use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, START_EXPORT};
use baals_policy::RESERVED_PREFIX;
use wasmtime::{ExternType, Store, Trap, Val};

use crate::engine::{EngineError, EngineInner};
use crate::host::{HostError, HostState};
use crate::state::{Code, Execution};
use crate::types::{Address, ContractId, ExecutionStatus, InvalidCall, TrapKind};

/// The largest gas limit: keeps every sum of charges inside the signed 64-bit counter.
pub(crate) const MAX_GAS: u64 = 1 << 62;

/// The method run at deployment.
pub(crate) const INSTANTIATE: &str = "instantiate";

/// A call to run.
pub(crate) struct CallSpec {
    pub(crate) contract: ContractId,
    pub(crate) sender: Address,
    pub(crate) method: String,
    pub(crate) input: Vec<u8>,
    pub(crate) value: u64,
    pub(crate) gas_limit: u64,
    /// 0 for a top-level call.
    pub(crate) depth: u64,
}

/// How a call that ran ended.
pub(crate) struct CallOutcome {
    pub(crate) status: ExecutionStatus,
    pub(crate) output: Vec<u8>,
    pub(crate) gas_used: u64,
    /// A successful top-level call's events (a nested call's go to its caller's frame).
    pub(crate) events: Vec<crate::types::Event>,
}

/// A nested call: it ran, or was refused before running (no gas used).
pub(crate) enum Nested {
    Ran(CallOutcome),
    Refused(InvalidCall),
}

fn lock(exec: &Mutex<Execution>) -> Result<MutexGuard<'_, Execution>, EngineError> {
    exec.lock().map_err(|_| EngineError::Internal("execution state poisoned by a panic".to_string()))
}

/// Runs a top-level call (or a deployment's `instantiate`, when `code` is given).
pub(crate) fn top_level(
    engine: &Arc<EngineInner>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec,
    instantiate: bool,
) -> Result<CallOutcome, EngineError> {
    if spec.gas_limit > MAX_GAS {
        return Ok(invalid(InvalidCall::GasLimitTooLarge(spec.gas_limit)));
    }
    match prepare(engine, exec, &spec, instantiate)? {
        Ok(code) => run(engine, exec, spec, code),
        Err(reason) => Ok(invalid(reason)),
    }
}

/// Runs a call made by a contract through `baals_call_contract`.
pub(crate) fn nested(
    engine: &Arc<EngineInner>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec,
) -> Result<Nested, EngineError> {
    let calls = engine.policy.calls();
    if spec.depth > calls.max_depth {
        return Ok(Nested::Refused(InvalidCall::DepthLimit(calls.max_depth)));
    }
    if !calls.reentrancy && lock(exec)?.call_stack.contains(&spec.contract) {
        return Ok(Nested::Refused(InvalidCall::Reentrancy(spec.contract)));
    }
    match prepare(engine, exec, &spec, false)? {
        Ok(code) => run(engine, exec, spec, code).map(Nested::Ran),
        Err(reason) => Ok(Nested::Refused(reason)),
    }
}

fn invalid(reason: InvalidCall) -> CallOutcome {
    CallOutcome { status: ExecutionStatus::Invalid { reason }, output: Vec::new(), gas_used: 0, events: Vec::new() }
}

/// Finds the contract and checks the method and the value: what makes a call invalid.
fn prepare(
    engine: &Arc<EngineInner>,
    exec: &Arc<Mutex<Execution>>,
    spec: &CallSpec,
    instantiate: bool,
) -> Result<Result<Code, InvalidCall>, EngineError> {
    let (code, balance) = {
        let exec = lock(exec)?;
        let Some(code) = exec.contract(&spec.contract)? else {
            return Ok(Err(InvalidCall::UnknownContract(spec.contract)));
        };
        // Only a call that sends value needs the sender's balance.
        let balance = if spec.value > 0 { exec.balance(&spec.sender)? } else { 0 };
        (code, balance)
    };
    if !instantiate && (spec.method == INSTANTIATE || spec.method.starts_with(RESERVED_PREFIX)) {
        return Ok(Err(InvalidCall::ReservedMethod(spec.method.clone())));
    }
    let pre = engine.instance_pre(exec, code)?;
    let is_method = match pre.module().get_export(&spec.method) {
        Some(ExternType::Func(ty)) => ty.params().len() == 0 && ty.results().len() == 0,
        _ => false,
    };
    if !is_method {
        return Ok(Err(InvalidCall::UnknownMethod(spec.method.clone())));
    }
    if balance < spec.value {
        return Ok(Err(InvalidCall::InsufficientValue { balance, value: spec.value }));
    }
    Ok(Ok(code))
}

fn run(
    engine: &Arc<EngineInner>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec,
    code: Code,
) -> Result<CallOutcome, EngineError> {
    let pre = engine.instance_pre(exec, code)?;
    {
        let mut exec = lock(exec)?;
        exec.push_frame();
        exec.call_stack.push(spec.contract);
        // Checked in `prepare`: the sender can pay.
        exec.transfer(&spec.sender, &spec.contract, spec.value)?;
    }
    let state = HostState {
        engine: Arc::clone(engine),
        exec: Arc::clone(exec),
        contract: spec.contract,
        sender: spec.sender,
        value: spec.value,
        input: spec.input,
        output: Vec::new(),
        call_result: Vec::new(),
        depth: spec.depth,
        gas: None,
        stack: None,
        memory: None,
    };
    let mut store = Store::new(&engine.wasmtime, state);
    let limit = spec.gas_limit;
    let stack = engine.policy.stack().max_height;
    let result = block_on(async {
        let instance = pre.instantiate_async(&mut store).await?;
        let gas = instance.get_global(&mut store, GAS_GLOBAL);
        let counter = instance.get_global(&mut store, STACK_GLOBAL);
        let (Some(gas), Some(counter)) = (gas, counter) else {
            return Err(wasmtime::format_err!("the module is not instrumented"));
        };
        gas.set(&mut store, Val::I64(limit as i64))?;
        counter.set(&mut store, Val::I32(stack as i32))?;
        let memory = instance.get_memory(&mut store, "memory");
        let data = store.data_mut();
        (data.gas, data.stack, data.memory) = (Some(gas), Some(counter), memory);
        if let Some(start) = instance.get_func(&mut store, START_EXPORT) {
            start.call_async(&mut store, &[], &mut []).await?;
        }
        let method = instance.get_typed_func::<(), ()>(&mut store, &spec.method)?;
        method.call_async(&mut store, ()).await
    });
    let mut outcome = classify(&mut store, limit, result)?;
    let mut exec = lock(exec)?;
    exec.call_stack.pop();
    outcome.events = exec.pop_frame(outcome.status.is_success());
    Ok(outcome)
}

/// The outcome, from the counters first: a negative gas counter is out of gas whatever else
/// happened, then a host function's reason, then a negative stack counter, then the trap.
fn classify(
    store: &mut Store<HostState>,
    limit: u64,
    result: wasmtime::Result<()>,
) -> Result<CallOutcome, EngineError> {
    let counters = store.data().gas.map(|gas| gas.get(&mut *store).i64().unwrap_or(-1));
    let gas_left = counters.unwrap_or(limit as i64);
    if gas_left < 0 {
        return Ok(CallOutcome {
            status: ExecutionStatus::OutOfGas,
            output: Vec::new(),
            gas_used: limit,
            events: Vec::new(),
        });
    }
    let gas_used = limit - gas_left as u64;
    let status = match result {
        Ok(()) => {
            let output = std::mem::take(&mut store.data_mut().output);
            return Ok(CallOutcome { status: ExecutionStatus::Success, output, gas_used, events: Vec::new() });
        }
        Err(error) => match error.downcast_ref::<HostError>() {
            Some(HostError::Revert(message)) => {
                ExecutionStatus::Reverted { message: String::from_utf8_lossy(message).into_owned() }
            }
            Some(HostError::OutOfGas(_)) => ExecutionStatus::OutOfGas,
            Some(HostError::Storage { error, .. }) => return Err(EngineError::Storage(error.to_string())),
            Some(host) => ExecutionStatus::Trap { kind: host_kind(host), message: host.to_string() },
            None if stack_exhausted(store) => ExecutionStatus::StackLimit,
            None => match error.downcast_ref::<Trap>() {
                Some(trap) => ExecutionStatus::Trap { kind: trap_kind(trap), message: format!("{error:#}") },
                // Not the contract's doing (an exhausted instance pool, say): a result that
                // depended on it would not be deterministic, so the call fails as a whole.
                None => return Err(EngineError::Wasmtime(format!("{error:#}"))),
            },
        },
    };
    let gas_used = if status == ExecutionStatus::OutOfGas { limit } else { gas_used };
    Ok(CallOutcome { status, output: Vec::new(), gas_used, events: Vec::new() })
}

fn stack_exhausted(store: &mut Store<HostState>) -> bool {
    match store.data().stack {
        Some(stack) => stack.get(&mut *store).i32().is_some_and(|left| left < 0),
        None => false,
    }
}

fn host_kind(error: &HostError) -> TrapKind {
    match error {
        HostError::BadPointer { .. } | HostError::NoMemory(_) => TrapKind::BadPointer,
        HostError::ReadOnly(_) => TrapKind::ReadOnly,
        _ => TrapKind::BadInput,
    }
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

/// Polls a future that never waits: wasm calls on this engine never yield.
fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}
