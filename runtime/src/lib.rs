//! The baals contract engine: deploy, execute and query metered WebAssembly contracts.
//!
//! A [`ContractEngine`] holds a [`Policy`](baals_policy::Policy), a [`Storage`] (a
//! [`RedbStorage`] file, or [`MemoryStorage`] for tests) and an engine: wasmtime, or wasmi
//! ([`Backend`], chosen by [`EngineConfig`]) to replay calls for an audit. Deployment
//! instruments a module (`baals_instrument`) and stores it; calls run the instrumented module
//! unmodified, reaching the world only through host ABI v1 (`docs/abi.md`); both engines run
//! the same host functions and give the same results and gas (`docs/engines.md`).
//! The ledger groups calls in blocks: a [`BlockSession`] is one storage transaction, each call
//! runs in its own overlay, and a failed call changes nothing. Gas is defined by
//! `docs/gas.md`: the same on every run and machine.
//!
//! ```
//! use baals_runtime::{Address, BlockContext, ContractEngine, ExecutionStatus, MemoryStorage};
//! use baals_policy::Policy;
//!
//! let engine = ContractEngine::new(MemoryStorage::new(), Policy::default_policy()).unwrap();
//! let wasm = wat::parse_str(r#"(module
//!     (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
//!     (memory (export "memory") 1)
//!     (data (i32.const 0) "greeting" "hello")
//!     (func (export "greet") (call $write (i32.const 0) (i32.const 8) (i32.const 8) (i32.const 5))))"#).unwrap();
//! let ctx = BlockContext { height: 1, timestamp: 1_700_000_000 };
//! let alice = Address([1; 32]);
//! // The default schedule's gas is 0.1 ns of the reference machine (`docs/gas.md`): a limit of
//! // 10^10 is a second of it.
//! let gas = 10_000_000_000;
//! let deployed = engine.deploy_contract(ctx, alice, &wasm, b"", gas).unwrap();
//! assert_eq!(deployed.status, ExecutionStatus::Success);
//!
//! let result = engine.execute_contract_call(ctx, alice, deployed.contract_id, "greet", b"", 0, gas).unwrap();
//! assert_eq!(result.status, ExecutionStatus::Success);
//! assert_eq!(engine.storage_value(&deployed.contract_id, b"greeting").unwrap(), Some(b"hello".to_vec()));
//! ```
#![deny(missing_docs)]

mod backend;
mod engine;
mod exec;
mod host;
mod lattice;
mod state;
mod storage;
mod types;

pub use backend::{Backend, UnknownBackend};
pub use engine::{
    BlockSession, ContractEngine, EngineConfig, EngineError, StoredEvent, contract_id, native_stack_bytes,
};
pub use exec::INSTANTIATE;
pub use storage::{Changes, Entries, MemoryStorage, ReadTxn, RedbStorage, Storage, StorageError, Table, WriteTxn};
pub use types::{
    Address, BlockContext, ContractAccount, ContractExecutionResult, ContractId, DeployResult, Event, ExecutionStatus,
    InvalidCall, TrapKind, hex_decode, hex_encode,
};
