//! Contract ABIs: what a contract's methods take and return and what its events carry
//! (`docs/abi-json.md`).
//!
//! - [`Abi::parse`] reads the JSON format (version 1) and checks it: names, types, no cycles;
//! - [`Abi::from_module`] finds the `baals.abi` custom section of a module, and
//!   [`Abi::check_module`] checks that every method is an exported `[] -> []` function;
//! - [`Abi::encode_args`], [`Abi::decode_output`] and [`Abi::decode_event`] move values
//!   between JSON and the canonical binary encoding, one encoding per value; decoding consumes
//!   exactly the bytes given.
//!
//! ```
//! let abi = baals_abi::Abi::parse(r#"{"abi": 1, "name": "t", "version": "1", "methods": [
//!     {"name": "transfer", "kind": "call",
//!      "inputs": [{"name": "to", "type": "address"}, {"name": "amount", "type": "u64"}]}]}"#).unwrap();
//! let to = "02".repeat(32);
//! let input = abi.encode_args("transfer", &serde_json::json!([to, 250])).unwrap();
//! assert_eq!(input.len(), 32 + 8);
//! assert_eq!(&input[32..], &250u64.to_le_bytes());
//! ```

#![deny(missing_docs)]

mod error;
mod model;
mod module;
mod value;

pub use error::{AbiError, ValueError};
pub use model::{Abi, ErrorDef, ErrorMatch, EventDef, Field, Method, MethodKind, Type};
pub use value::{hex_decode, hex_encode};

/// The custom section a module carries its ABI in.
pub const ABI_SECTION: &str = "baals.abi";

/// The ABI format version this crate reads.
pub const ABI_VERSION: u64 = 1;

/// The largest ABI accepted, in bytes of JSON.
pub const MAX_ABI_BYTES: usize = 64 * 1024;
