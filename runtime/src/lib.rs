//! The baals contract engine: deploy, execute and query metered WebAssembly contracts, over
//! state the ledger owns.
//!
//! A [`ContractEngine`] holds a [`Policy`](baals_policy::Policy) and an engine: wasmtime, or
//! wasmi ([`Backend`], chosen by [`EngineConfig`]) to replay calls for an audit. It holds no
//! state. A ledger runs each block with [`ContractEngine::block`] over its own state (anything
//! that implements [`ReadTxn`]); the block runs typed requests ([`Call`], [`Deploy`],
//! [`Query`]) in order, each in its own overlay so that a failed call changes nothing, and
//! [`Block::finish`] hands back the block's [`BlockChanges`], which the ledger writes into its
//! own transaction ([`BlockChanges::write_to`]) and commits with its own records. Deployment
//! instruments a module (`baals_instrument`); calls run the instrumented module unmodified,
//! reaching the world only through host ABI v1 (`docs/abi.md`); both engines give the same
//! results and gas (`docs/engines.md`), the same on every run and machine (`docs/gas.md`).
//! A [`Tracer`] sees everything a call does, at no cost when there is none ([`trace`] has the
//! engine's own: a call tree with exact gas, a state diff, an access set).
//!
//! [`RedbStorage`] (a redb file) and [`MemoryStorage`] are ready-made states for embedders
//! that keep nothing beside the engine's tables; [`ContractEngine::commit_block`] runs a block
//! over one and commits it.
//!
//! ```
//! use baals_policy::Policy;
//! use baals_runtime::{Address, BlockContext, Call, ContractEngine, Deploy, ExecutionStatus, MemoryStorage, StateView, Storage};
//!
//! let engine = ContractEngine::new(Policy::default_policy()).unwrap();
//! let storage = MemoryStorage::new();
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
//!
//! // A block over a transaction of the storage: deploy, then call. The block changes nothing
//! // until its changes are written and the transaction committed.
//! let mut block = engine.block(ctx, storage.write().unwrap());
//! let deployed = block.deploy(&Deploy::new(alice, &wasm, gas)).unwrap();
//! assert_eq!(deployed.status, ExecutionStatus::Success);
//! let result = block.call(&Call::new(alice, deployed.contract_id, "greet", gas)).unwrap();
//! assert_eq!(result.status, ExecutionStatus::Success);
//! let (changes, mut txn) = block.finish().unwrap();
//! assert_eq!(changes.storage[0].value.as_deref(), Some(&b"hello"[..]));
//! changes.write_to(&mut txn).unwrap();
//! storage.commit(txn).unwrap();
//!
//! let committed = storage.read().unwrap();
//! let view = StateView::new(&committed);
//! assert_eq!(view.storage_value(&deployed.contract_id, b"greeting").unwrap(), Some(b"hello".to_vec()));
//! ```
#![deny(missing_docs)]

mod backend;
mod block;
mod cache;
mod engine;
mod error;
mod exec;
mod host;
mod keys;
mod lattice;
mod shared;
mod state;
mod storage;
pub mod trace;
mod types;
mod view;

pub use block::{
    AccountChange, Block, BlockChanges, Call, CodeChange, Deploy, Query, StorageChange, StoredEvent, contract_id,
};
pub use cache::{ArtifactDir, ArtifactStore};
pub use engine::{ContractEngine, EngineConfig};
pub use error::{BoxError, EngineError};
pub use exec::INSTANTIATE;
pub use storage::{
    Changes, Entries, MemorySnapshot, MemoryStorage, MemoryTxn, ReadTxn, RedbSnapshot, RedbStorage, RedbTxn, Storage,
    StorageError, Table, WriteTxn,
};
pub use trace::Tracer;
pub use types::{
    Address, Backend, BlockContext, ContractAccount, ContractExecutionResult, ContractId, DeployResult, Event,
    ExecutionStatus, InvalidCall, TrapKind, UnknownBackend,
};
pub use view::StateView;
