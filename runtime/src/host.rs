//! Host ABI v1: the `baals_*` functions, bound to the contract an instance runs as.
//!
//! Every function charges its policy price (base + per byte of its metered length,
//! `docs/abi.md`) from the instance's gas counter before doing its work; one that cannot pay
//! leaves negative gas left (a non-negative counter) and ends the call out of gas. Pointers and lengths are unsigned
//! offsets into the contract's exported `memory`, checked without overflow; a bad range ends
//! the call as a trap with a message, never a host panic.
//!
//! The functions are written once, against [`HostEnv`]: what an engine gives a host function
//! (the gas counter, the memory, the call's state). Each backend implements it for its own
//! caller type and registers every function of the policy's table
//! ([`baals_policy::for_each_host_function!`]) as the function of this module of the same
//! name, so wasmtime and wasmi run the same code and cannot disagree on what a host call does
//! or costs, and a host function is one row of that table and one function here.

use std::sync::{Arc, Mutex, MutexGuard};

use baals_policy::HostFunction;
use sha2::{Digest, Sha256};

use crate::cache::Module;
use crate::error::EngineError;
use crate::exec::{self, CallSpec, Nested};
use crate::shared::Shared;
use crate::state::Execution;
use crate::storage::StorageError;
use crate::types::{Address, ContractId, Event, ExecutionStatus, TrapKind};

/// What a host function needs to know about the call it serves, whatever the engine.
pub(crate) struct HostState {
    pub(crate) engine: Arc<Shared>,
    pub(crate) exec: Arc<Mutex<Execution>>,
    pub(crate) contract: ContractId,
    pub(crate) sender: Address,
    pub(crate) value: u64,
    pub(crate) input: Arc<[u8]>,
    pub(crate) output: Vec<u8>,
    pub(crate) call_result: Vec<u8>,
    pub(crate) depth: u64,
    /// The module of its code the call runs on; its nested calls run on the same.
    pub(crate) module: Module,
    /// Whether the call has a tracer, which every host call then reports to.
    pub(crate) traced: bool,
}

/// What an engine gives a host function: the instance's counters and memory, and the call's
/// state. Implemented by each backend for its caller type.
pub(crate) trait HostEnv {
    fn state(&self) -> &HostState;
    fn state_mut(&mut self) -> &mut HostState;
    /// The gas left, read from the `baals_gas` counter; `None` if the instance does not export
    /// it (not instrumented).
    fn gas_left(&mut self) -> Option<i64>;
    /// Sets the `baals_gas` counter to stand for `left`; false if the instance does not export
    /// it.
    fn set_gas_left(&mut self, left: i64) -> bool;
    /// The contract's exported `memory`, if it has one.
    fn memory(&mut self) -> Option<&mut [u8]>;
}

/// Why a host function ended the call.
#[derive(Debug, thiserror::Error)]
pub(crate) enum HostError {
    #[error("{0}: out of gas")]
    OutOfGas(HostFunction),
    #[error("reverted")]
    Revert(Vec<u8>),
    #[error("{function}: bytes {ptr}..{ptr}+{len} are outside the contract's memory ({size} bytes)")]
    BadPointer { function: HostFunction, ptr: u32, len: u32, size: usize },
    #[error("{0}: the contract exports no memory named `memory`")]
    NoMemory(HostFunction),
    #[error("{function}: {reason}")]
    BadInput { function: HostFunction, reason: &'static str },
    #[error("{0}: a query cannot change state")]
    ReadOnly(HostFunction),
    #[error("{function}: {error}")]
    Storage { function: HostFunction, error: StorageError },
    /// The engine could not run a nested call: the whole top-level call fails with its error.
    #[error("call_contract: {0}")]
    Engine(Box<EngineError>),
    /// A callee trapped on the copy of its code: the whole top-level call runs again on the
    /// stored modules (`crate::exec::top_level`), so no status ever shows this.
    #[error("call_contract: the callee trapped on the copy; the call runs again on the stored modules")]
    TrappedOnCopy,
}

/// One host call in progress: the engine's environment and the function being served.
pub(crate) struct Call<'a, E: HostEnv> {
    env: &'a mut E,
    function: HostFunction,
    /// The gas the call charged so far, for a tracer.
    charged: u64,
    /// Whether the call is traced: read once, since the host call's end checks it again.
    traced: bool,
}

type HostResult<T> = Result<T, HostError>;

impl<'a, E: HostEnv> Call<'a, E> {
    pub(crate) fn new(env: &'a mut E, function: HostFunction) -> Self {
        let traced = env.state().traced;
        let call = Call { env, function, charged: 0, traced };
        if traced {
            call.trace_enter();
        }
        call
    }

    /// Tells the tracer the host call began. Out of line: an untraced call only tests a flag.
    #[cold]
    #[inline(never)]
    fn trace_enter(&self) {
        let function = self.function;
        if let Ok(mut exec) = self.exec() {
            exec.trace(|tracer| tracer.host_enter(function));
        }
    }

    /// Tells the tracer what the host call charged, however it ended.
    #[cold]
    #[inline(never)]
    fn trace_exit(&self) {
        let (function, charged) = (self.function, self.charged);
        if let Ok(mut exec) = self.exec() {
            exec.trace(|tracer| tracer.host_exit(function, charged));
        }
    }

    fn state(&self) -> &HostState {
        self.env.state()
    }

    fn exec(&self) -> HostResult<MutexGuard<'_, Execution>> {
        let function = self.function;
        self.state().exec.lock().map_err(|_| HostError::Storage { function, error: StorageError::Poisoned })
    }

    fn storage<T>(&self, result: Result<T, StorageError>) -> HostResult<T> {
        result.map_err(|error| HostError::Storage { function: self.function, error })
    }

    fn gas_left(&mut self) -> HostResult<i64> {
        // Every instrumented module exports the counter.
        self.env.gas_left().ok_or(HostError::OutOfGas(self.function))
    }

    fn set_gas_left(&mut self, left: i64) -> HostResult<()> {
        if self.env.set_gas_left(left) { Ok(()) } else { Err(HostError::OutOfGas(self.function)) }
    }

    fn per_byte(&self) -> u64 {
        self.state().engine.policy.host_cost(self.function).per_byte
    }

    /// Charges base + per byte × `bytes`, before the work.
    fn charge(&mut self, bytes: u64) -> HostResult<()> {
        let base = self.state().engine.policy.host_cost(self.function).base;
        self.charge_gas(base.saturating_add(self.per_byte().saturating_mul(bytes)))
    }

    /// Charges `cost` gas; when it cannot be paid, leaves the gas left negative (out of gas).
    fn charge_gas(&mut self, cost: u64) -> HostResult<()> {
        let left = self.gas_left()?;
        let cost = i64::try_from(cost).unwrap_or(i64::MAX);
        if left < cost {
            self.charged = self.charged.saturating_add(left.max(0) as u64);
            self.set_gas_left(left.saturating_sub(cost).min(-1))?;
            return Err(HostError::OutOfGas(self.function));
        }
        self.charged = self.charged.saturating_add(cost as u64);
        self.set_gas_left(left - cost)
    }

    fn memory(&mut self) -> HostResult<&mut [u8]> {
        let function = self.function;
        self.env.memory().ok_or(HostError::NoMemory(function))
    }

    /// The range `ptr .. ptr + len` of memory, checked.
    fn range(&mut self, ptr: i32, len: i32) -> HostResult<std::ops::Range<usize>> {
        let (ptr, len) = (ptr as u32, len as u32);
        let function = self.function;
        let size = self.memory()?.len();
        let end = u64::from(ptr) + u64::from(len);
        if end > size as u64 {
            return Err(HostError::BadPointer { function, ptr, len, size });
        }
        Ok(ptr as usize..end as usize)
    }

    fn read(&mut self, ptr: i32, len: i32) -> HostResult<Vec<u8>> {
        let range = self.range(ptr, len)?;
        Ok(self.memory()?[range].to_vec())
    }

    /// The state key of the contract's key at `ptr .. ptr + len`: `contract id || key`, read
    /// in one allocation.
    fn state_key(&mut self, ptr: i32, len: i32) -> HostResult<Vec<u8>> {
        let range = self.range(ptr, len)?;
        let contract = self.state().contract;
        let mut key = Vec::with_capacity(32 + range.len());
        key.extend_from_slice(&contract.0);
        key.extend_from_slice(&self.memory()?[range]);
        Ok(key)
    }

    fn write(&mut self, ptr: i32, bytes: &[u8]) -> HostResult<()> {
        let range = self.range(ptr, bytes.len() as i32)?;
        self.memory()?[range].copy_from_slice(bytes);
        Ok(())
    }

    /// Charges for and writes up to `cap` bytes of `bytes` at `ptr`; returns the full length,
    /// so that the contract can tell it was cut short.
    fn write_capped(&mut self, ptr: i32, cap: i32, bytes: &[u8]) -> HostResult<i32> {
        let count = bytes.len().min(cap as u32 as usize);
        self.charge(count as u64)?;
        self.write(ptr, &bytes[..count])?;
        Ok(length(bytes.len()))
    }

    fn writable(&self) -> HostResult<()> {
        if self.exec()?.read_only { Err(HostError::ReadOnly(self.function)) } else { Ok(()) }
    }

    fn bad_input(&self, reason: &'static str) -> HostError {
        HostError::BadInput { function: self.function, reason }
    }
}

impl<E: HostEnv> Drop for Call<'_, E> {
    fn drop(&mut self) {
        if self.traced {
            self.trace_exit();
        }
    }
}

/// The length a host function returns as an `i32`: lengths come from 32-bit memory ranges and
/// stored values are bounded below 2^31.
fn length(len: usize) -> i32 {
    len as u32 as i32
}

/// The metered length of several pointer/length pairs.
fn lengths(lens: &[i32]) -> u64 {
    lens.iter().map(|&len| u64::from(len as u32)).sum()
}

/// The largest value `baals_storage_write` accepts: a length must read back as a positive i32.
const MAX_VALUE_BYTES: u32 = i32::MAX as u32;

pub(crate) fn storage_read(
    call: &mut Call<'_, impl HostEnv>,
    key_ptr: i32,
    key_len: i32,
    value_ptr: i32,
    value_cap: i32,
) -> HostResult<i32> {
    call.charge(lengths(&[key_len]))?;
    let key = call.state_key(key_ptr, key_len)?;
    // The value goes from the call's frames (or the state) straight into memory, the lock held
    // on a handle of its own so that the call's memory and gas stay reachable.
    let exec = Arc::clone(&call.state().exec);
    let mut exec =
        exec.lock().map_err(|_| HostError::Storage { function: call.function, error: StorageError::Poisoned })?;
    let read = exec.storage_read(&key, |value| {
        let Some(value) = value else { return Ok(-1) };
        // The base was paid with the key. The host reads the whole value, however little of
        // it is copied out: every byte of it costs, or reading a large value with a small
        // buffer would be work no one paid for.
        call.charge_gas(call.per_byte().saturating_mul(value.len() as u64))?;
        let count = value.len().min(value_cap as u32 as usize);
        call.write(value_ptr, &value[..count])?;
        Ok(length(value.len()))
    });
    call.storage(read)?
}

pub(crate) fn storage_write(
    call: &mut Call<'_, impl HostEnv>,
    key_ptr: i32,
    key_len: i32,
    value_ptr: i32,
    value_len: i32,
) -> HostResult<()> {
    call.charge(lengths(&[key_len, value_len]))?;
    call.writable()?;
    if value_len as u32 > MAX_VALUE_BYTES {
        return Err(call.bad_input("a value may not exceed 2^31 - 1 bytes"));
    }
    let key = call.state_key(key_ptr, key_len)?;
    let value = call.read(value_ptr, value_len)?;
    let written = call.exec()?.storage_set(key, Some(value));
    call.storage(written)
}

pub(crate) fn storage_remove(call: &mut Call<'_, impl HostEnv>, key_ptr: i32, key_len: i32) -> HostResult<()> {
    call.charge(lengths(&[key_len]))?;
    call.writable()?;
    let key = call.state_key(key_ptr, key_len)?;
    let removed = call.exec()?.storage_set(key, None);
    call.storage(removed)
}

pub(crate) fn get_sender(call: &mut Call<'_, impl HostEnv>, ptr: i32) -> HostResult<()> {
    call.charge(32)?;
    let sender = call.state().sender;
    call.write(ptr, &sender.0)
}

pub(crate) fn get_contract_id(call: &mut Call<'_, impl HostEnv>, ptr: i32) -> HostResult<()> {
    call.charge(32)?;
    let contract = call.state().contract;
    call.write(ptr, &contract.0)
}

pub(crate) fn get_block_timestamp(call: &mut Call<'_, impl HostEnv>) -> HostResult<i64> {
    call.charge(0)?;
    Ok(call.exec()?.ctx.timestamp as i64)
}

pub(crate) fn get_block_index(call: &mut Call<'_, impl HostEnv>) -> HostResult<i64> {
    call.charge(0)?;
    Ok(call.exec()?.ctx.height as i64)
}

pub(crate) fn get_input_data(call: &mut Call<'_, impl HostEnv>, ptr: i32, cap: i32) -> HostResult<i32> {
    let input = Arc::clone(&call.state().input);
    call.write_capped(ptr, cap, &input)
}

pub(crate) fn set_return_data(call: &mut Call<'_, impl HostEnv>, ptr: i32, len: i32) -> HostResult<()> {
    call.charge(lengths(&[len]))?;
    let output = call.read(ptr, len)?;
    call.env.state_mut().output = output;
    Ok(())
}

pub(crate) fn get_value(call: &mut Call<'_, impl HostEnv>) -> HostResult<i64> {
    call.charge(0)?;
    Ok(call.state().value as i64)
}

pub(crate) fn get_balance(call: &mut Call<'_, impl HostEnv>) -> HostResult<i64> {
    call.charge(0)?;
    let contract = call.state().contract;
    let balance = call.exec()?.balance_read(&contract);
    Ok(call.storage(balance)? as i64)
}

pub(crate) fn transfer(call: &mut Call<'_, impl HostEnv>, account_ptr: i32, amount: i64) -> HostResult<i32> {
    call.charge(32)?;
    call.writable()?;
    let amount = u64::try_from(amount).map_err(|_| call.bad_input("the amount is negative"))?;
    let to = Address(call.read(account_ptr, 32)?.try_into().unwrap_or_default());
    let contract = call.state().contract;
    let moved = call.exec()?.transfer(&contract, &to, amount);
    Ok(if call.storage(moved)? { 0 } else { 1 })
}

pub(crate) fn hash_sha256(
    call: &mut Call<'_, impl HostEnv>,
    data_ptr: i32,
    data_len: i32,
    out_ptr: i32,
) -> HostResult<()> {
    call.charge(lengths(&[data_len]))?;
    call.range(out_ptr, 32)?;
    let range = call.range(data_ptr, data_len)?;
    let digest: [u8; 32] = Sha256::digest(&call.memory()?[range]).into();
    call.write(out_ptr, &digest)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn verify_signature(
    call: &mut Call<'_, impl HostEnv>,
    pk_ptr: i32,
    pk_len: i32,
    msg_ptr: i32,
    msg_len: i32,
    sig_ptr: i32,
    sig_len: i32,
) -> HostResult<i32> {
    call.charge(lengths(&[pk_len, msg_len, sig_len]))?;
    let key = call.read(pk_ptr, pk_len)?;
    let message = call.read(msg_ptr, msg_len)?;
    let signature = call.read(sig_ptr, sig_len)?;
    Ok(i32::from(verify_ed25519(&key, &message, &signature)))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn call_contract(
    call: &mut Call<'_, impl HostEnv>,
    id_ptr: i32,
    id_len: i32,
    method_ptr: i32,
    method_len: i32,
    payload_ptr: i32,
    payload_len: i32,
    value: i64,
) -> HostResult<i32> {
    call.charge(lengths(&[id_len, method_len, payload_len]))?;
    let value = u64::try_from(value).map_err(|_| call.bad_input("the value is negative"))?;
    if value > 0 {
        call.writable()?;
    }
    let id = call.read(id_ptr, id_len)?;
    let method = call.read(method_ptr, method_len)?;
    let payload = call.read(payload_ptr, payload_len)?;
    let Ok(id) = <[u8; 32]>::try_from(id) else {
        call.env.state_mut().call_result = b"invalid: a contract id is 32 bytes".to_vec();
        return Ok(-1);
    };
    let gas_left = call.gas_left()?.max(0) as u64;
    let state = call.state();
    let spec = CallSpec {
        contract: Address(id),
        sender: state.contract,
        method: String::from_utf8_lossy(&method),
        input: payload.into(),
        value,
        gas_limit: gas_left,
        depth: state.depth + 1,
        traced: state.traced,
    };
    let (engine, exec) = (Arc::clone(&state.engine), Arc::clone(&state.exec));
    let outcome = exec::nested(&engine, &exec, spec, state.module).map_err(|error| HostError::Engine(error.into()))?;
    // In a query, a callee's state change ends the whole query, as the caller's own would: a
    // caller that carried on past its callee's failure would answer what no call could.
    if let Nested::Ran(outcome) = &outcome
        && matches!(outcome.status, ExecutionStatus::Trap { kind: TrapKind::ReadOnly, .. })
    {
        call.set_gas_left(gas_left.saturating_sub(outcome.gas_used) as i64)?;
        return Err(HostError::ReadOnly(HostFunction::CallContract));
    }
    let (result, used) = match outcome {
        Nested::TrappedOnCopy => return Err(HostError::TrappedOnCopy),
        Nested::Ran(outcome) if outcome.status.is_success() => (Ok(outcome.output), outcome.gas_used),
        Nested::Ran(outcome) => (Err(failure_reason(&outcome.status)), outcome.gas_used),
        Nested::Refused(reason) => (Err(format!("invalid: {reason}").into_bytes()), 0),
    };
    call.set_gas_left(gas_left.saturating_sub(used) as i64)?;
    let (returned, result) = match result {
        Ok(output) => (length(output.len()), output),
        Err(reason) => (-1, reason),
    };
    call.env.state_mut().call_result = result;
    Ok(returned)
}

pub(crate) fn read_call_result(call: &mut Call<'_, impl HostEnv>, ptr: i32, cap: i32) -> HostResult<i32> {
    let result = std::mem::take(&mut call.env.state_mut().call_result);
    let written = call.write_capped(ptr, cap, &result);
    call.env.state_mut().call_result = result;
    written
}

pub(crate) fn emit_event(
    call: &mut Call<'_, impl HostEnv>,
    topic_ptr: i32,
    topic_len: i32,
    data_ptr: i32,
    data_len: i32,
) -> HostResult<()> {
    call.charge(lengths(&[topic_len, data_len]))?;
    call.writable()?;
    let topic = call.read(topic_ptr, topic_len)?;
    let data = call.read(data_ptr, data_len)?;
    let contract = call.state().contract;
    call.exec()?.emit(Event { contract, topic, data });
    Ok(())
}

pub(crate) fn revert(call: &mut Call<'_, impl HostEnv>, msg_ptr: i32, msg_len: i32) -> HostResult<()> {
    call.charge(lengths(&[msg_len]))?;
    Err(HostError::Revert(call.read(msg_ptr, msg_len)?))
}

/// What a failed callee leaves for `baals_read_call_result`: its status, and its message.
/// The contract reads and pays for these bytes, so they depend on nothing but the status.
fn failure_reason(status: &ExecutionStatus) -> Vec<u8> {
    match status {
        ExecutionStatus::Reverted { message } => format!("reverted: {message}").into_bytes(),
        other => other.to_string().into_bytes(),
    }
}

/// ed25519 with the strict verification rules (no malleable signatures, no small-order keys):
/// every engine must accept exactly the same signatures.
fn verify_ed25519(key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(key), Ok(signature)) = (<[u8; 32]>::try_from(key), <[u8; 64]>::try_from(signature)) else {
        return false;
    };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else { return false };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&signature)).is_ok()
}
