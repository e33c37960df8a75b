//! Deploy-time processing of contract WebAssembly for the baals engine.
//!
//! Every module a ledger deploys passes through [`validate`]: it must be well-formed, valid
//! WebAssembly using only the features its [`Policy`](baals_policy::Policy) allows, import only
//! host ABI functions, export only contract methods and its memory, and stay within every limit
//! of the policy. A refusal is a [`ValidationError`] naming the rule and, where there is one, the
//! [`Location`] (function index and byte offset). An accepted module is described by a
//! [`ModuleInfo`].
//!
//! ```
//! use baals_instrument::{ValidationError, validate};
//! use baals_policy::Policy;
//!
//! let wasm = wat::parse_str(r#"(module (func (export "ping")))"#).unwrap();
//! let info = validate(&wasm, &Policy::default_policy()).unwrap();
//! assert_eq!(info.functions, 1);
//!
//! let float = wat::parse_str(r#"(module (func (export "f") (drop (f32.const 1))))"#).unwrap();
//! let err = validate(&float, &Policy::default_policy()).unwrap_err();
//! assert!(matches!(err, ValidationError::FeatureNotAllowed { .. }));
//! ```
#![deny(missing_docs)]

mod error;
mod facts;
mod info;
mod instrument;
mod opcode;
pub mod protocol;
mod report;
mod validate;

pub use error::{ExportRefusal, Feature, ImportRefusal, Location, ValidationError};
pub use facts::{defined_functions, initial_pages};
pub use info::{Export, Import, MemoryInfo, ModuleInfo, Usage};
pub use instrument::{
    CodeHash, GAS_GLOBAL, INSTRUMENTED_SECTION, INSTRUMENTER_VERSION, InstrumentError, Instrumented, PROFILE_TABLE,
    STACK_GLOBAL, START_EXPORT, TRAP_LIMIT_EXPORT, TRAP_WRITE_BACKS_SECTION, WriteBacksError, gas_counter, gas_left,
    instrument, instrument_profiled, stack_counter, stack_left, without_trap_write_backs,
};
pub use report::{FunctionReport, Report};
pub use validate::validate;
