//! Host ABI v1: the `baals_*` functions, bound to the contract an instance runs as.
//!
//! Every function charges its policy price (base + per byte of its metered length,
//! `docs/abi.md`) from the instance's gas counter before doing its work; one that cannot pay
//! leaves the counter negative and ends the call out of gas. Pointers and lengths are unsigned
//! offsets into the contract's exported `memory`, checked without overflow; a bad range ends
//! the call as a trap with a message, never a host panic.

use std::sync::{Arc, Mutex, MutexGuard};

use baals_policy::{HOST_MODULE, HostFunction};
use sha2::{Digest, Sha256};
use wasmtime::{Caller, Global, Linker, Memory, Val};

use crate::engine::EngineInner;
use crate::exec::{self, CallSpec, Nested};
use crate::state::Execution;
use crate::storage::StorageError;
use crate::types::{Address, ContractId, Event, ExecutionStatus};

/// What a host function needs to know about the instance calling it.
pub(crate) struct HostState {
    pub(crate) engine: Arc<EngineInner>,
    pub(crate) exec: Arc<Mutex<Execution>>,
    pub(crate) contract: ContractId,
    pub(crate) sender: Address,
    pub(crate) value: u64,
    pub(crate) input: Vec<u8>,
    pub(crate) output: Vec<u8>,
    pub(crate) call_result: Vec<u8>,
    pub(crate) depth: u64,
    pub(crate) gas: Option<Global>,
    pub(crate) stack: Option<Global>,
    pub(crate) memory: Option<Memory>,
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
}

type HostResult<T> = Result<T, wasmtime::Error>;

/// Calls `f` with the instance and turns its [`HostError`] into the trap that ends the call.
fn host<T>(
    caller: &mut Caller<'_, HostState>,
    function: HostFunction,
    f: impl FnOnce(&mut Call<'_, '_>) -> Result<T, HostError>,
) -> HostResult<T> {
    let mut call = Call { caller, function };
    f(&mut call).map_err(wasmtime::Error::new)
}

/// One host call in progress.
struct Call<'a, 'c> {
    caller: &'a mut Caller<'c, HostState>,
    function: HostFunction,
}

impl Call<'_, '_> {
    fn state(&self) -> &HostState {
        self.caller.data()
    }

    fn exec(&self) -> Result<MutexGuard<'_, Execution>, HostError> {
        let function = self.function;
        self.caller.data().exec.lock().map_err(|_| HostError::Storage {
            function,
            error: StorageError("execution state poisoned by a panic".to_string()),
        })
    }

    fn storage<T>(&self, result: Result<T, StorageError>) -> Result<T, HostError> {
        result.map_err(|error| HostError::Storage { function: self.function, error })
    }

    fn gas_global(&self) -> Result<Global, HostError> {
        // Every instrumented module exports it.
        self.state().gas.ok_or(HostError::OutOfGas(self.function))
    }

    fn gas_left(&mut self) -> Result<i64, HostError> {
        let global = self.gas_global()?;
        Ok(global.get(&mut *self.caller).i64().unwrap_or(-1))
    }

    fn set_gas_left(&mut self, left: i64) -> Result<(), HostError> {
        let global = self.gas_global()?;
        global.set(&mut *self.caller, Val::I64(left)).map_err(|_| HostError::OutOfGas(self.function))
    }

    /// Charges base + per byte × `bytes`, before the work.
    fn charge(&mut self, bytes: u64) -> Result<(), HostError> {
        let price = self.state().engine.policy.host_cost(self.function);
        let cost = price.base.saturating_add(price.per_byte.saturating_mul(bytes));
        self.charge_gas(cost)
    }

    /// Charges `cost` gas; when it cannot be paid, leaves the counter negative (out of gas).
    fn charge_gas(&mut self, cost: u64) -> Result<(), HostError> {
        let left = self.gas_left()?;
        let cost = i64::try_from(cost).unwrap_or(i64::MAX);
        if left < cost {
            self.set_gas_left(left.saturating_sub(cost).min(-1))?;
            return Err(HostError::OutOfGas(self.function));
        }
        self.set_gas_left(left - cost)
    }

    fn memory(&self) -> Result<Memory, HostError> {
        self.state().memory.ok_or(HostError::NoMemory(self.function))
    }

    /// The range `ptr .. ptr + len` of memory, checked.
    fn range(&mut self, ptr: i32, len: i32) -> Result<std::ops::Range<usize>, HostError> {
        let (ptr, len) = (ptr as u32, len as u32);
        let size = self.memory()?.data_size(&*self.caller);
        let end = u64::from(ptr) + u64::from(len);
        if end > size as u64 {
            return Err(HostError::BadPointer { function: self.function, ptr, len, size });
        }
        Ok(ptr as usize..end as usize)
    }

    fn read(&mut self, ptr: i32, len: i32) -> Result<Vec<u8>, HostError> {
        let range = self.range(ptr, len)?;
        Ok(self.memory()?.data(&*self.caller)[range].to_vec())
    }

    fn write(&mut self, ptr: i32, bytes: &[u8]) -> Result<(), HostError> {
        let range = self.range(ptr, bytes.len() as i32)?;
        self.memory()?.data_mut(&mut *self.caller)[range].copy_from_slice(bytes);
        Ok(())
    }

    /// Writes up to `cap` bytes of `bytes` at `ptr`; returns how many.
    fn write_capped(&mut self, ptr: i32, cap: i32, bytes: &[u8]) -> Result<usize, HostError> {
        let count = bytes.len().min(cap as u32 as usize);
        self.write(ptr, &bytes[..count])?;
        Ok(count)
    }

    fn writable(&self) -> Result<(), HostError> {
        if self.exec()?.read_only { Err(HostError::ReadOnly(self.function)) } else { Ok(()) }
    }

    fn bad_input(&self, reason: &'static str) -> HostError {
        HostError::BadInput { function: self.function, reason }
    }
}

/// The length a host function returns as an `i32`: lengths come from 32-bit memory ranges and
/// stored values are bounded below 2^31.
fn length(len: usize) -> i32 {
    len as u32 as i32
}

/// The largest value `baals_storage_write` accepts: a length must read back as a positive i32.
const MAX_VALUE_BYTES: u32 = i32::MAX as u32;

/// The linker with every function of the ABI, for every instance of the engine.
pub(crate) fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<Linker<HostState>> {
    use HostFunction as F;
    let mut linker = Linker::new(engine);
    let m = HOST_MODULE;

    linker.func_wrap(
        m,
        F::StorageRead.name(),
        |mut c: Caller<'_, HostState>, key_ptr: i32, key_len: i32, value_ptr: i32, value_cap: i32| {
            host(&mut c, F::StorageRead, |call| {
                call.charge(u64::from(key_len as u32))?;
                let key = call.read(key_ptr, key_len)?;
                let contract = call.state().contract;
                let value = {
                    let exec = call.exec()?;
                    exec.storage_get(&contract, &key)
                };
                let Some(value) = call.storage(value)? else { return Ok(-1) };
                let count = value.len().min(value_cap as u32 as usize);
                call.charge_gas(
                    call.state().engine.policy.host_cost(F::StorageRead).per_byte.saturating_mul(count as u64),
                )?;
                call.write_capped(value_ptr, value_cap, &value)?;
                Ok(length(value.len()))
            })
        },
    )?;
    linker.func_wrap(
        m,
        F::StorageWrite.name(),
        |mut c: Caller<'_, HostState>, key_ptr: i32, key_len: i32, value_ptr: i32, value_len: i32| {
            host(&mut c, F::StorageWrite, |call| {
                call.charge(u64::from(key_len as u32) + u64::from(value_len as u32))?;
                call.writable()?;
                if value_len as u32 > MAX_VALUE_BYTES {
                    return Err(call.bad_input("a value may not exceed 2^31 - 1 bytes"));
                }
                let key = call.read(key_ptr, key_len)?;
                let value = call.read(value_ptr, value_len)?;
                let contract = call.state().contract;
                call.exec()?.storage_set(&contract, key, Some(value));
                Ok(())
            })
        },
    )?;
    linker.func_wrap(m, F::StorageRemove.name(), |mut c: Caller<'_, HostState>, key_ptr: i32, key_len: i32| {
        host(&mut c, F::StorageRemove, |call| {
            call.charge(u64::from(key_len as u32))?;
            call.writable()?;
            let key = call.read(key_ptr, key_len)?;
            let contract = call.state().contract;
            call.exec()?.storage_set(&contract, key, None);
            Ok(())
        })
    })?;
    linker.func_wrap(m, F::GetSender.name(), |mut c: Caller<'_, HostState>, ptr: i32| {
        host(&mut c, F::GetSender, |call| {
            call.charge(32)?;
            let sender = call.state().sender;
            call.write(ptr, &sender.0)
        })
    })?;
    linker.func_wrap(m, F::GetContractId.name(), |mut c: Caller<'_, HostState>, ptr: i32| {
        host(&mut c, F::GetContractId, |call| {
            call.charge(32)?;
            let contract = call.state().contract;
            call.write(ptr, &contract.0)
        })
    })?;
    linker.func_wrap(m, F::GetBlockTimestamp.name(), |mut c: Caller<'_, HostState>| {
        host(&mut c, F::GetBlockTimestamp, |call| {
            call.charge(0)?;
            Ok(call.exec()?.ctx.timestamp as i64)
        })
    })?;
    linker.func_wrap(m, F::GetBlockIndex.name(), |mut c: Caller<'_, HostState>| {
        host(&mut c, F::GetBlockIndex, |call| {
            call.charge(0)?;
            Ok(call.exec()?.ctx.height as i64)
        })
    })?;
    linker.func_wrap(m, F::GetInputData.name(), |mut c: Caller<'_, HostState>, ptr: i32, cap: i32| {
        host(&mut c, F::GetInputData, |call| {
            let input = std::mem::take(&mut call.caller.data_mut().input);
            let written = input.len().min(cap as u32 as usize);
            let result = call.charge(written as u64).and_then(|()| call.write_capped(ptr, cap, &input));
            call.caller.data_mut().input = input;
            let full = call.state().input.len();
            result.map(|_| length(full))
        })
    })?;
    linker.func_wrap(m, F::SetReturnData.name(), |mut c: Caller<'_, HostState>, ptr: i32, len: i32| {
        host(&mut c, F::SetReturnData, |call| {
            call.charge(u64::from(len as u32))?;
            let output = call.read(ptr, len)?;
            call.caller.data_mut().output = output;
            Ok(())
        })
    })?;
    linker.func_wrap(m, F::GetValue.name(), |mut c: Caller<'_, HostState>| {
        host(&mut c, F::GetValue, |call| {
            call.charge(0)?;
            Ok(call.state().value as i64)
        })
    })?;
    linker.func_wrap(m, F::GetBalance.name(), |mut c: Caller<'_, HostState>| {
        host(&mut c, F::GetBalance, |call| {
            call.charge(0)?;
            let contract = call.state().contract;
            let balance = call.exec()?.balance(&contract);
            Ok(call.storage(balance)? as i64)
        })
    })?;
    linker.func_wrap(m, F::Transfer.name(), |mut c: Caller<'_, HostState>, account_ptr: i32, amount: i64| {
        host(&mut c, F::Transfer, |call| {
            call.charge(32)?;
            call.writable()?;
            let amount = u64::try_from(amount).map_err(|_| call.bad_input("the amount is negative"))?;
            let to = Address(call.read(account_ptr, 32)?.try_into().unwrap_or_default());
            let contract = call.state().contract;
            let moved = call.exec()?.transfer(&contract, &to, amount);
            Ok(if call.storage(moved)? { 0 } else { 1 })
        })
    })?;
    linker.func_wrap(
        m,
        F::HashSha256.name(),
        |mut c: Caller<'_, HostState>, data_ptr: i32, data_len: i32, out_ptr: i32| {
            host(&mut c, F::HashSha256, |call| {
                call.charge(u64::from(data_len as u32))?;
                call.range(out_ptr, 32)?;
                let range = call.range(data_ptr, data_len)?;
                let digest: [u8; 32] = Sha256::digest(&call.memory()?.data(&*call.caller)[range]).into();
                call.write(out_ptr, &digest)
            })
        },
    )?;
    linker.func_wrap(
        m,
        F::VerifySignature.name(),
        |mut c: Caller<'_, HostState>,
         pk_ptr: i32,
         pk_len: i32,
         msg_ptr: i32,
         msg_len: i32,
         sig_ptr: i32,
         sig_len: i32| {
            host(&mut c, F::VerifySignature, |call| {
                let bytes = u64::from(pk_len as u32) + u64::from(msg_len as u32) + u64::from(sig_len as u32);
                call.charge(bytes)?;
                let key = call.read(pk_ptr, pk_len)?;
                let message = call.read(msg_ptr, msg_len)?;
                let signature = call.read(sig_ptr, sig_len)?;
                Ok(i32::from(verify_ed25519(&key, &message, &signature)))
            })
        },
    )?;
    linker.func_wrap(
        m,
        F::CallContract.name(),
        |mut c: Caller<'_, HostState>,
         id_ptr: i32,
         id_len: i32,
         method_ptr: i32,
         method_len: i32,
         payload_ptr: i32,
         payload_len: i32,
         value: i64| {
            host(&mut c, F::CallContract, |call| {
                let bytes = u64::from(id_len as u32) + u64::from(method_len as u32) + u64::from(payload_len as u32);
                call.charge(bytes)?;
                let value = u64::try_from(value).map_err(|_| call.bad_input("the value is negative"))?;
                if value > 0 {
                    call.writable()?;
                }
                let id = call.read(id_ptr, id_len)?;
                let method = call.read(method_ptr, method_len)?;
                let payload = call.read(payload_ptr, payload_len)?;
                let Ok(id) = <[u8; 32]>::try_from(id) else {
                    call.caller.data_mut().call_result = b"invalid: a contract id is 32 bytes".to_vec();
                    return Ok(-1);
                };
                let gas_left = call.gas_left()?.max(0) as u64;
                let state = call.state();
                let spec = CallSpec {
                    contract: Address(id),
                    sender: state.contract,
                    method: String::from_utf8_lossy(&method).into_owned(),
                    input: payload,
                    value,
                    gas_limit: gas_left,
                    depth: state.depth + 1,
                };
                let (engine, exec) = (Arc::clone(&state.engine), Arc::clone(&state.exec));
                let outcome = exec::nested(&engine, &exec, spec).map_err(|error| HostError::Storage {
                    function: F::CallContract,
                    error: StorageError(error.to_string()),
                })?;
                let (result, used) = match outcome {
                    Nested::Ran(outcome) if outcome.status.is_success() => (Ok(outcome.output), outcome.gas_used),
                    Nested::Ran(outcome) => (Err(failure_reason(&outcome.status)), outcome.gas_used),
                    Nested::Refused(reason) => (Err(format!("invalid: {reason}").into_bytes()), 0),
                };
                call.set_gas_left(gas_left.saturating_sub(used) as i64)?;
                Ok(match result {
                    Ok(output) => {
                        let length = length(output.len());
                        call.caller.data_mut().call_result = output;
                        length
                    }
                    Err(reason) => {
                        call.caller.data_mut().call_result = reason;
                        -1
                    }
                })
            })
        },
    )?;
    linker.func_wrap(m, F::ReadCallResult.name(), |mut c: Caller<'_, HostState>, ptr: i32, cap: i32| {
        host(&mut c, F::ReadCallResult, |call| {
            let result = std::mem::take(&mut call.caller.data_mut().call_result);
            let written = result.len().min(cap as u32 as usize);
            let outcome = call.charge(written as u64).and_then(|()| call.write_capped(ptr, cap, &result));
            let full = length(result.len());
            call.caller.data_mut().call_result = result;
            outcome.map(|_| full)
        })
    })?;
    linker.func_wrap(
        m,
        F::EmitEvent.name(),
        |mut c: Caller<'_, HostState>, topic_ptr: i32, topic_len: i32, data_ptr: i32, data_len: i32| {
            host(&mut c, F::EmitEvent, |call| {
                call.charge(u64::from(topic_len as u32) + u64::from(data_len as u32))?;
                call.writable()?;
                let topic = call.read(topic_ptr, topic_len)?;
                let data = call.read(data_ptr, data_len)?;
                let contract = call.state().contract;
                call.exec()?.emit(Event { contract, topic, data });
                Ok(())
            })
        },
    )?;
    linker.func_wrap(m, F::Revert.name(), |mut c: Caller<'_, HostState>, msg_ptr: i32, msg_len: i32| {
        host(&mut c, F::Revert, |call| -> Result<(), HostError> {
            call.charge(u64::from(msg_len as u32))?;
            Err(HostError::Revert(call.read(msg_ptr, msg_len)?))
        })
    })?;
    Ok(linker)
}

/// What a failed callee leaves for `baals_read_call_result`: its status, and its message.
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
