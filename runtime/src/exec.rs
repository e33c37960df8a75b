//! Running one call: check it, instantiate, set the counters, run the start function and the
//! method, and read the outcome from the counters (`docs/gas.md`). The engine that runs the
//! instance is the backend's business (`crate::backend`); everything here is shared, so both
//! engines classify an ending the same way.

use std::sync::{Arc, Mutex, MutexGuard};

use baals_instrument::TRAP_LIMIT_EXPORT;
use baals_policy::RESERVED_PREFIX;

use baals_instrument::protocol::{self, Limits, Metered};

use crate::backend::{Ended, Engine, Failure};
use crate::cache::Module;
use crate::error::EngineError;
use crate::host::{HostError, HostState};
use crate::shared::{Engines, Modules, Shared};
use crate::state::Execution;
use crate::trace::{CallEnter, CallExit};
use crate::types::{Address, ContractId, ExecutionStatus, InvalidCall, TrapKind};
use crate::types::{Backend, Code};

/// The largest gas limit: keeps every sum of charges inside the signed 64-bit counter.
pub(crate) const MAX_GAS: u64 = 1 << 62;

/// The method run at deployment, with the deployer's input, if the module exports it.
pub const INSTANTIATE: &str = "instantiate";

/// A call to run.
pub(crate) struct CallSpec<'a> {
    pub(crate) contract: ContractId,
    pub(crate) sender: Address,
    pub(crate) method: std::borrow::Cow<'a, str>,
    pub(crate) input: Arc<[u8]>,
    pub(crate) value: u64,
    pub(crate) gas_limit: u64,
    /// 0 for a top-level call.
    pub(crate) depth: u64,
    /// Whether the top-level call has a tracer: known here so that an untraced call never
    /// takes the execution's lock to find out.
    pub(crate) traced: bool,
}

/// How a call that ran ended.
pub(crate) struct CallOutcome {
    pub(crate) status: ExecutionStatus,
    pub(crate) output: Vec<u8>,
    pub(crate) gas_used: u64,
    /// A successful top-level call's events (a nested call's go to its caller's frame).
    pub(crate) events: Vec<crate::types::Event>,
}

/// A nested call: it ran, was refused before running (no gas used), or trapped on the copy,
/// which makes the whole top-level call run again on the stored modules.
pub(crate) enum Nested {
    Ran(CallOutcome),
    Refused(InvalidCall),
    TrappedOnCopy,
}

/// How one run of a call ended: with an outcome, or in a trap on the copy, whose gas only a
/// run on the stored module gives (at any depth: the whole top-level call runs again).
enum Run {
    Ended(CallOutcome),
    TrappedOnCopy,
}

fn lock(exec: &Mutex<Execution>) -> Result<MutexGuard<'_, Execution>, EngineError> {
    exec.lock().map_err(|_| EngineError::Internal("execution state poisoned by a panic"))
}

/// Runs a top-level call (or a deployment's `instantiate`, with `instantiate` set) on the copy
/// of its code without the write-backs only traps read (or, on an engine without copies, once
/// on the stored module), and, if it or any call it made trapped there, again on the stored
/// modules, whose gas at a trap is exact (`docs/runtime.md`, "Traps run twice"). A call that
/// trapped changed nothing, and a call that a trap on the copy cut short is discarded as a
/// whole, so the second run sees the same state and input as the first; calls it makes run on
/// the stored modules, once, so a top-level call runs at most twice whatever it calls.
pub(crate) fn top_level(
    shared: &Arc<Shared>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec<'_>,
    instantiate: bool,
) -> Result<CallOutcome, EngineError> {
    match &shared.engines {
        Engines::Wasmtime(modules) => top_level_on(shared, modules, exec, spec, instantiate),
        Engines::Wasmi(modules) => top_level_on(shared, modules, exec, spec, instantiate),
    }
}

/// Whether the call's tracer asks for function events.
fn profiling(exec: &Arc<Mutex<Execution>>) -> Result<bool, EngineError> {
    let exec = exec.lock().map_err(|_| EngineError::Internal("execution state poisoned by a panic"))?;
    Ok(exec.tracer.as_ref().is_some_and(|tracer| tracer.functions()))
}

fn top_level_on<E: Engine>(
    shared: &Arc<Shared>,
    modules: &Modules<E>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec<'_>,
    instantiate: bool,
) -> Result<CallOutcome, EngineError> {
    let engine = Engaged { shared, modules };
    if spec.gas_limit > MAX_GAS {
        return refused(exec, &spec, InvalidCall::GasLimitTooLarge(spec.gas_limit));
    }
    // A traced call runs once, on the stored modules: the trace never shows a discarded run.
    // A tracer that asks for function events gets them from the profiled copies, on wasmtime.
    let first = match spec.traced {
        true if E::BACKEND == Backend::Wasmtime && profiling(exec)? => Module::Profiled,
        true => Module::Stored,
        false => modules.first,
    };
    let Prepared { code, compiled } = match prepare(&engine, exec, &spec, first, instantiate)? {
        Ok(prepared) => prepared,
        Err(reason) => return refused(exec, &spec, reason),
    };
    if let Run::Ended(outcome) = run(&engine, exec, &spec, Arc::clone(&spec.input), compiled, first)? {
        return Ok(outcome);
    }
    let stored = modules.compiled(exec, code, Module::Stored)?;
    match run(&engine, exec, &spec, Arc::clone(&spec.input), stored, Module::Stored)? {
        Run::Ended(outcome) => Ok(outcome),
        Run::TrappedOnCopy => Err(EngineError::Internal("a call on the stored module trapped on a copy")),
    }
}

/// Runs a call made by a contract through `baals_call_contract`, on the module its caller
/// runs on (the copy; the stored module in a second run, or on an engine without copies).
pub(crate) fn nested(
    shared: &Arc<Shared>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec<'_>,
    module: Module,
) -> Result<Nested, EngineError> {
    match &shared.engines {
        Engines::Wasmtime(modules) => nested_on(&Engaged { shared, modules }, exec, spec, module),
        Engines::Wasmi(modules) => nested_on(&Engaged { shared, modules }, exec, spec, module),
    }
}

fn nested_on<E: Engine>(
    engine: &Engaged<'_, E>,
    exec: &Arc<Mutex<Execution>>,
    spec: CallSpec<'_>,
    module: Module,
) -> Result<Nested, EngineError> {
    let calls = engine.shared.policy.calls();
    let reason = if spec.depth > calls.max_depth {
        Some(InvalidCall::DepthLimit(calls.max_depth))
    } else if !calls.reentrancy && lock(exec)?.call_stack.contains(&spec.contract) {
        Some(InvalidCall::Reentrancy(spec.contract))
    } else {
        None
    };
    let prepared = match reason {
        Some(reason) => Err(reason),
        None => prepare(engine, exec, &spec, module, false)?,
    };
    let compiled = match prepared {
        Ok(prepared) => prepared.compiled,
        Err(reason) => {
            refused(exec, &spec, reason.clone())?;
            return Ok(Nested::Refused(reason));
        }
    };
    Ok(match run(engine, exec, &spec, Arc::clone(&spec.input), compiled, module)? {
        Run::Ended(outcome) => Nested::Ran(outcome),
        Run::TrappedOnCopy => Nested::TrappedOnCopy,
    })
}

/// A call refused before it ran: no gas used, nothing changed; a tracer sees it enter and
/// leave at once.
fn refused(exec: &Mutex<Execution>, spec: &CallSpec<'_>, reason: InvalidCall) -> Result<CallOutcome, EngineError> {
    let outcome = CallOutcome {
        status: ExecutionStatus::Invalid { reason },
        output: Vec::new(),
        gas_used: 0,
        events: Vec::new(),
    };
    if spec.traced {
        let mut exec = lock(exec)?;
        exec.trace_enter(&enter(spec));
        exec.trace(|tracer| tracer.call_exit(&exit(&outcome)));
    }
    Ok(outcome)
}

fn enter<'s>(spec: &'s CallSpec<'_>) -> CallEnter<'s> {
    CallEnter {
        contract: spec.contract,
        sender: spec.sender,
        method: &spec.method,
        input: &spec.input,
        value: spec.value,
        depth: spec.depth,
        gas_limit: spec.gas_limit,
    }
}

fn exit(outcome: &CallOutcome) -> CallExit<'_> {
    CallExit { status: &outcome.status, output: &outcome.output, gas_used: outcome.gas_used }
}

/// Finds the contract and checks the method and the value: what makes a call invalid.
fn prepare<E: Engine>(
    engine: &Engaged<'_, E>,
    exec: &Arc<Mutex<Execution>>,
    spec: &CallSpec<'_>,
    module: Module,
    instantiate: bool,
) -> Result<Result<Prepared<E>, InvalidCall>, EngineError> {
    let (code, (balance, receiver)) = {
        let mut exec = lock(exec)?;
        let Some(code) = exec.contract(&spec.contract)? else {
            return Ok(Err(InvalidCall::UnknownContract(spec.contract)));
        };
        // Only a call that sends value needs the balances; one to itself credits nothing.
        let sends = spec.value > 0;
        let balance = if sends { exec.balance(&spec.sender)? } else { 0 };
        let receiver = if sends && spec.sender != spec.contract { exec.balance(&spec.contract)? } else { 0 };
        (code, (balance, receiver))
    };
    if !instantiate && (spec.method == INSTANTIATE || spec.method.starts_with(RESERVED_PREFIX)) {
        return Ok(Err(InvalidCall::ReservedMethod(spec.method.to_string())));
    }
    // The module the call will run on: compiled once, whichever asks first.
    let compiled = engine.modules.compiled(exec, code, module)?;
    if !E::is_method(&compiled, &spec.method) {
        return Ok(Err(InvalidCall::UnknownMethod(spec.method.to_string())));
    }
    if balance < spec.value {
        return Ok(Err(InvalidCall::InsufficientValue { balance, value: spec.value }));
    }
    if receiver.checked_add(spec.value).is_none() {
        return Ok(Err(InvalidCall::BalanceOverflow { balance: receiver, value: spec.value }));
    }
    Ok(Ok(Prepared { code, compiled }))
}

/// A call that may run: its contract's code, and the module it runs on first.
struct Prepared<E: Engine> {
    code: Code,
    compiled: E::Module,
}

/// The engine a call runs on, with what every call shares.
struct Engaged<'a, E: Engine> {
    shared: &'a Arc<Shared>,
    modules: &'a Modules<E>,
}

/// One run of the call on `module` of its code. On the copy, a trap of the module's own (one
/// that did not leave the gas counter overdrawn, in a module whose traps use what was
/// charged), or a callee's trap on the copy, ends it as [`Run::TrappedOnCopy`].
fn run<E: Engine>(
    engine: &Engaged<'_, E>,
    exec: &Arc<Mutex<Execution>>,
    spec: &CallSpec<'_>,
    input: Arc<[u8]>,
    compiled: E::Module,
    module: Module,
) -> Result<Run, EngineError> {
    let traced = spec.traced;
    if traced {
        lock(exec)?.trace_enter(&enter(spec));
    }
    // What the call pays before it runs (`docs/gas.md`, "Calls and deployments"): one that cannot pay ends
    // out of gas having done nothing, its value not moved.
    let policy = &engine.shared.policy;
    let cost =
        policy.calls().call_cost(input.len() as u64, E::initial_pages(&compiled), policy.memory().grow_page_cost);
    if cost > spec.gas_limit {
        let status = ExecutionStatus::OutOfGas;
        let outcome = CallOutcome { status, output: Vec::new(), gas_used: spec.gas_limit, events: Vec::new() };
        if traced {
            lock(exec)?.trace(|tracer| tracer.call_exit(&exit(&outcome)));
        }
        return Ok(Run::Ended(outcome));
    }
    let limit = spec.gas_limit - cost;
    {
        let mut exec = lock(exec)?;
        exec.push_frame();
        exec.call_stack.push(spec.contract);
        // Checked in `prepare`: the sender can pay and the receiver can take it. A contract
        // must never run as if it had been sent value that did not move.
        if !exec.transfer(&spec.sender, &spec.contract, spec.value)? {
            return Err(EngineError::Internal("the value sent could not move"));
        }
    }
    let state = HostState {
        engine: Arc::clone(engine.shared),
        exec: Arc::clone(exec),
        contract: spec.contract,
        sender: spec.sender,
        value: spec.value,
        input,
        output: Vec::new(),
        call_result: Vec::new(),
        depth: spec.depth,
        module,
        traced,
    };
    let limits = Limits { gas: limit, stack: policy.stack().max_height as u32 };
    let ended = engine.modules.engine.run(&compiled, state, &spec.method, limits);
    let wasm_trap = matches!(ended.ran.result, Err(protocol::Failure::Failed(Failure::Trap(_))));
    let callee_trapped_on_copy =
        matches!(ended.ran.result, Err(protocol::Failure::Failed(Failure::Host(HostError::TrappedOnCopy))));
    // The module says what its traps cost, not the engine's policy: a contract keeps the code
    // it was deployed with when the policy changes. Asked only of a call that failed.
    let traps_use_limit = || E::exports(&compiled, TRAP_LIMIT_EXPORT);
    let outcome = classify(limit, ended, traps_use_limit).map(|mut outcome| {
        outcome.gas_used += cost;
        outcome
    });
    let mut exec = lock(exec)?;
    exec.call_stack.pop();
    // A call the engine could not run changes nothing either.
    let success = outcome.as_ref().is_ok_and(|outcome| outcome.status.is_success());
    let events = exec.pop_frame(success);
    let mut outcome = outcome?;
    if traced {
        exec.trace(|tracer| tracer.call_exit(&exit(&outcome)));
    }
    let own_trap = wasm_trap && outcome.status != ExecutionStatus::OutOfGas && !traps_use_limit();
    if module == Module::Copy && (own_trap || callee_trapped_on_copy) {
        return Ok(Run::TrappedOnCopy);
    }
    outcome.events = events;
    Ok(Run::Ended(outcome))
}

/// The outcome, from the counters first (`baals_instrument::protocol`, `Ran::metered`):
/// overdrawn gas is out of gas whatever else happened, then a host function's reason, then
/// the stack limit, then the trap. A trap uses what was charged, or the whole limit where the
/// module was instrumented so (`docs/gas.md`, "Traps").
fn classify(limit: u64, ended: Ended, traps_use_limit: impl FnOnce() -> bool) -> Result<CallOutcome, EngineError> {
    let Ended { mut state, ran } = ended;
    let out_of_gas =
        CallOutcome { status: ExecutionStatus::OutOfGas, output: Vec::new(), gas_used: limit, events: Vec::new() };
    let (failure, gas_used, stack_exhausted) = match ran.metered(limit) {
        Metered::OutOfGas => return Ok(out_of_gas),
        Metered::Returned { gas_used } => {
            let output = std::mem::take(&mut state.output);
            return Ok(CallOutcome { status: ExecutionStatus::Success, output, gas_used, events: Vec::new() });
        }
        Metered::Failed { failure: protocol::Failure::NotInstrumented, .. } => {
            return Err(EngineError::NotInstrumented);
        }
        Metered::Failed { failure: protocol::Failure::NoMethod, .. } => {
            return Err(EngineError::Internal("a method checked before the call was not there"));
        }
        Metered::Failed { failure: protocol::Failure::Failed(failure), gas_used, stack_exhausted } => {
            (failure, gas_used, stack_exhausted)
        }
    };
    let status = match failure {
        Failure::Host(HostError::Revert(message)) => {
            let message = String::from_utf8_lossy(&message).into_owned();
            // A revert is no trap: it is charged what it used, whatever the module's traps.
            return Ok(CallOutcome {
                status: ExecutionStatus::Reverted { message },
                output: Vec::new(),
                gas_used,
                events: Vec::new(),
            });
        }
        Failure::Host(HostError::OutOfGas(_)) => return Ok(out_of_gas),
        Failure::Host(HostError::Storage { error, .. }) => return Err(EngineError::Storage(error)),
        Failure::Host(HostError::Engine(error)) => return Err(*error),
        Failure::Host(host) => ExecutionStatus::Trap { kind: host_kind(&host), message: host.to_string() },
        _ if stack_exhausted => ExecutionStatus::StackLimit,
        // The engine's own wording (and backtrace) differs from engine to engine; the status
        // is part of the result and, for a nested call, read by the caller: it names the kind.
        Failure::Trap(kind) => ExecutionStatus::Trap { kind, message: kind.description().to_string() },
        // Not the contract's doing (an exhausted instance pool, say): a result that depended
        // on it would not be deterministic, so the call fails as a whole.
        Failure::Engine(error) => return Err(error),
    };
    // Where blocks that only trap do not write the counter back, the global holds what was
    // charged up to the last call or exit: a trap uses the limit instead.
    let gas_used = protocol::trap_gas(limit, gas_used, traps_use_limit());
    Ok(CallOutcome { status, output: Vec::new(), gas_used, events: Vec::new() })
}

fn host_kind(error: &HostError) -> TrapKind {
    match error {
        HostError::BadPointer { .. } | HostError::NoMemory(_) => TrapKind::BadPointer,
        HostError::ReadOnly(_) => TrapKind::ReadOnly,
        _ => TrapKind::BadInput,
    }
}
