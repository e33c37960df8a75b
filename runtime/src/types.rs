//! What the engine takes and returns.

use std::fmt;
use std::str::FromStr;

use baals_instrument::CodeHash;
use baals_policy::PolicyHash;

/// A contract's code, as the account names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Code {
    pub(crate) code_hash: CodeHash,
    pub(crate) policy_hash: PolicyHash,
}

/// A 32-byte account address: a contract id or a ledger account.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Address(pub [u8; 32]);

/// A contract's id: sha256(deployer || deployer's nonce, 8 bytes little-endian || code hash).
pub type ContractId = Address;

impl Address {
    /// Parses 64 hex digits.
    pub fn from_hex(hex: &str) -> Option<Address> {
        let bytes = hex_decode(hex)?;
        Some(Address(bytes.try_into().ok()?))
    }

    /// The address as 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        hex_encode(&self.0)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address({})", self.to_hex())
    }
}

use baals_abi::{hex_decode, hex_encode};

/// The block a call belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockContext {
    /// The block's height.
    pub height: u64,
    /// The block's timestamp, as the ledger defines it.
    pub timestamp: u64,
}

/// An event a contract emitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The contract that emitted it.
    pub contract: ContractId,
    /// Its topic.
    pub topic: Vec<u8>,
    /// Its data.
    pub data: Vec<u8>,
}

/// How a call ended.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExecutionStatus {
    /// The method returned.
    Success,
    /// The contract called `baals_revert`.
    Reverted {
        /// Its message (invalid UTF-8 replaced).
        message: String,
    },
    /// The gas limit ran out.
    OutOfGas,
    /// The deterministic stack limit was reached.
    StackLimit,
    /// The contract trapped, or a host function refused what it was given.
    Trap {
        /// Why.
        kind: TrapKind,
        /// A description for humans.
        message: String,
    },
    /// The call could not start: nothing ran and no gas was used.
    Invalid {
        /// Why.
        reason: InvalidCall,
    },
}

impl ExecutionStatus {
    /// Whether the call succeeded.
    pub fn is_success(&self) -> bool {
        matches!(self, ExecutionStatus::Success)
    }

    /// The status as the CLI and JSON name it: `success`, `reverted`, `out_of_gas`,
    /// `stack_limit`, `trap`, `invalid`.
    pub fn name(&self) -> &'static str {
        match self {
            ExecutionStatus::Success => "success",
            ExecutionStatus::Reverted { .. } => "reverted",
            ExecutionStatus::OutOfGas => "out_of_gas",
            ExecutionStatus::StackLimit => "stack_limit",
            ExecutionStatus::Trap { .. } => "trap",
            ExecutionStatus::Invalid { .. } => "invalid",
        }
    }
}

impl fmt::Display for ExecutionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExecutionStatus::Success => f.write_str("success"),
            ExecutionStatus::Reverted { message } => write!(f, "reverted: {message}"),
            ExecutionStatus::OutOfGas => f.write_str("out of gas"),
            ExecutionStatus::StackLimit => f.write_str("stack limit reached"),
            ExecutionStatus::Trap { kind, message } => write!(f, "trap ({kind:?}): {message}"),
            ExecutionStatus::Invalid { reason } => write!(f, "invalid call: {reason}"),
        }
    }
}

/// Why a call trapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrapKind {
    /// `unreachable` executed.
    Unreachable,
    /// A memory access out of bounds.
    MemoryOutOfBounds,
    /// A table access out of bounds.
    TableOutOfBounds,
    /// `call_indirect` through a null entry.
    IndirectCallToNull,
    /// `call_indirect` with the wrong signature.
    BadSignature,
    /// Integer overflow (`i32.div_s` of `i32::MIN` by -1, `trunc` out of range).
    IntegerOverflow,
    /// Integer division by zero.
    IntegerDivisionByZero,
    /// A float converted to an integer was NaN.
    BadConversionToInteger,
    /// The engine's own stack overflowed. The engine sizes it so that this never happens
    /// before the deterministic stack limit; seeing it is a bug.
    EngineStackOverflow,
    /// A host function was given a range outside the contract's memory.
    BadPointer,
    /// A host function was given an impossible argument (a negative amount, an oversized value).
    BadInput,
    /// A query tried to change state.
    ReadOnly,
    /// Anything else the engine reported.
    Other,
}

impl TrapKind {
    /// What happened, in the same words whichever engine ran the call: a trap's status and a
    /// failed callee's result (which its caller reads and pays for) carry this, never an
    /// engine's own message.
    pub fn description(self) -> &'static str {
        match self {
            TrapKind::Unreachable => "unreachable executed",
            TrapKind::MemoryOutOfBounds => "memory access out of bounds",
            TrapKind::TableOutOfBounds => "table access out of bounds",
            TrapKind::IndirectCallToNull => "indirect call through a null table entry",
            TrapKind::BadSignature => "indirect call with the wrong signature",
            TrapKind::IntegerOverflow => "integer overflow",
            TrapKind::IntegerDivisionByZero => "integer division by zero",
            TrapKind::BadConversionToInteger => "invalid conversion to integer",
            TrapKind::EngineStackOverflow => "the engine's stack overflowed",
            TrapKind::BadPointer => "a host function was given a range outside memory",
            TrapKind::BadInput => "a host function was given an impossible argument",
            TrapKind::ReadOnly => "a query tried to change state",
            TrapKind::Other => "the engine trapped",
        }
    }
}

/// Why a call could not start.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidCall {
    /// No contract has this id.
    UnknownContract(ContractId),
    /// The contract exports no method of this name and type `[] -> []`.
    UnknownMethod(String),
    /// `instantiate` and names starting with `baals_` cannot be called.
    ReservedMethod(String),
    /// The sender cannot pay the value sent.
    InsufficientValue {
        /// The sender's balance.
        balance: u64,
        /// The value sent.
        value: u64,
    },
    /// The receiver's balance cannot take the value sent: it would pass `u64::MAX`.
    BalanceOverflow {
        /// The receiver's balance.
        balance: u64,
        /// The value sent.
        value: u64,
    },
    /// Gas limits are at most 2^62.
    GasLimitTooLarge(u64),
    /// A nested call past the policy's `calls.max-depth`.
    DepthLimit(u64),
    /// A contract already on the call stack, while the policy denies re-entrancy.
    Reentrancy(ContractId),
}

impl fmt::Display for InvalidCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidCall::UnknownContract(id) => write!(f, "unknown contract {id}"),
            InvalidCall::UnknownMethod(method) => write!(f, "no method `{method}` (an export of type [] -> [])"),
            InvalidCall::ReservedMethod(method) => write!(f, "`{method}` cannot be called"),
            InvalidCall::InsufficientValue { balance, value } => {
                write!(f, "the sender's balance {balance} cannot pay the value {value}")
            }
            InvalidCall::BalanceOverflow { balance, value } => {
                write!(f, "the receiver's balance {balance} cannot take the value {value}")
            }
            InvalidCall::GasLimitTooLarge(limit) => write!(f, "gas limit {limit} exceeds 2^62"),
            InvalidCall::DepthLimit(depth) => write!(f, "calls nest at most {depth} deep"),
            InvalidCall::Reentrancy(id) => write!(f, "contract {id} is already on the call stack (re-entrancy denied)"),
        }
    }
}

/// What a call produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractExecutionResult {
    /// How it ended.
    pub status: ExecutionStatus,
    /// What it passed to `baals_set_return_data` (empty unless it succeeded).
    pub output: Vec<u8>,
    /// The events it emitted, in order (empty unless it succeeded).
    pub events: Vec<Event>,
    /// Gas used (`docs/gas.md`): always defined, the same on every run.
    pub gas_used: u64,
}

/// What a deployment produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeployResult {
    /// The contract's id; it exists only if `status` is success.
    pub contract_id: ContractId,
    /// sha256 of the module deployed.
    pub code_hash: CodeHash,
    /// How `instantiate` ended (success when the contract exports none).
    pub status: ExecutionStatus,
    /// What `instantiate` returned.
    pub output: Vec<u8>,
    /// The events `instantiate` emitted.
    pub events: Vec<Event>,
    /// Gas used: the deploy price and `instantiate`'s gas.
    pub gas_used: u64,
}

/// A contract's account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractAccount {
    /// Its id.
    pub id: ContractId,
    /// sha256 of its original module.
    pub code_hash: CodeHash,
    /// The policy its code was instrumented under.
    pub policy_hash: PolicyHash,
    /// A commitment to its whole state (`docs/runtime.md`).
    pub storage_root: [u8; 32],
    /// Its native balance.
    pub balance: u64,
}

/// Which engine runs contracts. Both give the same results and the same gas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Backend {
    /// wasmtime with cranelift: modules compiled to native code once, cached in memory and
    /// stored as artifacts beside the code.
    #[default]
    Wasmtime,
    /// wasmi, an interpreter: no native code, no artifacts; a second opinion for audits.
    Wasmi,
}

impl Backend {
    /// Every backend, in the order the CLI lists them.
    pub const ALL: [Backend; 2] = [Backend::Wasmtime, Backend::Wasmi];

    /// The name the CLI uses.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Wasmtime => "wasmtime",
            Backend::Wasmi => "wasmi",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not a backend's.
#[derive(Debug, thiserror::Error)]
#[error("unknown engine `{0}` (expected wasmtime or wasmi)")]
pub struct UnknownBackend(String);

impl FromStr for Backend {
    type Err = UnknownBackend;

    fn from_str(name: &str) -> Result<Backend, UnknownBackend> {
        Backend::ALL.into_iter().find(|backend| backend.name() == name).ok_or_else(|| UnknownBackend(name.to_string()))
    }
}
