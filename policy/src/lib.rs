//! Policies for the baals contract engine.
//!
//! A [`Policy`] says what a contract may be (WebAssembly [`Features`], structural [`Limits`],
//! the memory size, which imports and exports it may declare) and what it costs: a gas price
//! for every allowed instruction ([`Opcode`], grouped in [`CostClass`]es), per-unit prices of
//! size-dependent instructions, the deterministic [`StackPolicy`], and the price of each
//! [`HostFunction`] of the host ABI.
//!
//! Policies are TOML files (`docs/policy.md` describes the format); [`Policy::from_toml`]
//! checks every value and refuses an unknown key, a missing key or price, a zero limit, or a
//! price that could overflow the gas counter with a [`PolicyError`] naming the key and line.
//! A policy's identity is its [`PolicyHash`]: sha256 over a [canonical form](Policy::canonical)
//! that formatting, key order and the choice between class and per-opcode prices do not change.
//!
//! ```
//! use baals_policy::{Opcode, Policy};
//!
//! let policy = Policy::default_policy();
//! assert_eq!(policy.cost(Opcode::I32Add), Some(1));
//! assert_eq!(policy.cost(Opcode::F32Add), None); // floats are denied in production
//! println!("{}", policy.hash()); // 64 lowercase hex digits
//! ```
#![deny(missing_docs)]

mod abi;
mod error;
mod opcode;
mod parse;
mod policy;

pub use abi::{AbiType, HOST_MODULE, HostFunction, Param, RESERVED_PREFIX, abi_markdown};
pub use error::PolicyError;
pub use opcode::{CostClass, Gate, Opcode};
pub use policy::{
    BulkCosts, CallPolicy, DEFAULT_POLICY_TOML, DeployCost, ExportRule, Features, FloatMode, HostCost, ImportRule,
    Limit, Limits, MemoryPolicy, PERMISSIVE_POLICY_TOML, POLICY_VERSION, Policy, PolicyHash, StackPolicy, TrapGas,
};
