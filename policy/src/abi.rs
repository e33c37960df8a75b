//! Host ABI v1: the `baals_*` functions a contract may import.
//!
//! This table is the single source of truth: the validator checks imports against it, the
//! runtime binds exactly these functions, policies price each of them, and `docs/abi.md` is
//! generated from it ([`abi_markdown`]; a test keeps the file in sync).

/// The module name every host function is imported from.
pub const HOST_MODULE: &str = "env";

/// The prefix reserved for host functions and for the globals the instrumenter injects.
/// A contract may export nothing under it.
pub const RESERVED_PREFIX: &str = "baals_";

/// A WebAssembly value type used by the host ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbiType {
    /// `i32`: pointers, lengths and status codes.
    I32,
    /// `i64`: amounts, timestamps and heights.
    I64,
}

impl AbiType {
    /// The type's name in the WebAssembly text format.
    pub const fn name(self) -> &'static str {
        match self {
            AbiType::I32 => "i32",
            AbiType::I64 => "i64",
        }
    }
}

impl std::fmt::Display for AbiType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One parameter of a host function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The parameter's name in the documentation.
    pub name: &'static str,
    /// Its WebAssembly type.
    pub ty: AbiType,
}

/// A function of host ABI v1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HostFunction {
    /// `baals_storage_read`
    StorageRead,
    /// `baals_storage_write`
    StorageWrite,
    /// `baals_storage_remove`
    StorageRemove,
    /// `baals_get_sender`
    GetSender,
    /// `baals_get_contract_id`
    GetContractId,
    /// `baals_get_block_timestamp`
    GetBlockTimestamp,
    /// `baals_get_block_index`
    GetBlockIndex,
    /// `baals_get_input_data`
    GetInputData,
    /// `baals_set_return_data`
    SetReturnData,
    /// `baals_get_value`
    GetValue,
    /// `baals_get_balance`
    GetBalance,
    /// `baals_transfer`
    Transfer,
    /// `baals_hash_sha256`
    HashSha256,
    /// `baals_verify_signature`
    VerifySignature,
    /// `baals_call_contract`
    CallContract,
    /// `baals_read_call_result`
    ReadCallResult,
    /// `baals_emit_event`
    EmitEvent,
    /// `baals_revert`
    Revert,
}

struct Spec {
    name: &'static str,
    params: &'static [Param],
    result: Option<AbiType>,
    returns: &'static str,
    metered_bytes: &'static str,
}

const fn p(name: &'static str, ty: AbiType) -> Param {
    Param { name, ty }
}

use AbiType::{I32, I64};

// In `HostFunction` declaration order.
const SPECS: [Spec; 18] = [
    Spec {
        name: "baals_storage_read",
        params: &[p("key_ptr", I32), p("key_len", I32), p("value_ptr", I32), p("value_cap", I32)],
        result: Some(I32),
        returns: "value length, or -1 (0xFFFFFFFF) if absent",
        metered_bytes: "key_len + the value's length",
    },
    Spec {
        name: "baals_storage_write",
        params: &[p("key_ptr", I32), p("key_len", I32), p("value_ptr", I32), p("value_len", I32)],
        result: None,
        returns: "-",
        metered_bytes: "key_len + value_len",
    },
    Spec {
        name: "baals_storage_remove",
        params: &[p("key_ptr", I32), p("key_len", I32)],
        result: None,
        returns: "-",
        metered_bytes: "key_len",
    },
    Spec {
        name: "baals_get_sender",
        params: &[p("ptr", I32)],
        result: None,
        returns: "- (32 bytes written at ptr)",
        metered_bytes: "32",
    },
    Spec {
        name: "baals_get_contract_id",
        params: &[p("ptr", I32)],
        result: None,
        returns: "- (32 bytes written at ptr)",
        metered_bytes: "32",
    },
    Spec {
        name: "baals_get_block_timestamp",
        params: &[],
        result: Some(I64),
        returns: "the block's timestamp",
        metered_bytes: "0",
    },
    Spec {
        name: "baals_get_block_index",
        params: &[],
        result: Some(I64),
        returns: "the block's height",
        metered_bytes: "0",
    },
    Spec {
        name: "baals_get_input_data",
        params: &[p("ptr", I32), p("cap", I32)],
        result: Some(I32),
        returns: "full input length",
        metered_bytes: "bytes written",
    },
    Spec {
        name: "baals_set_return_data",
        params: &[p("ptr", I32), p("len", I32)],
        result: None,
        returns: "-",
        metered_bytes: "len",
    },
    Spec {
        name: "baals_get_value",
        params: &[],
        result: Some(I64),
        returns: "native value sent with this call",
        metered_bytes: "0",
    },
    Spec {
        name: "baals_get_balance",
        params: &[],
        result: Some(I64),
        returns: "this contract's native balance",
        metered_bytes: "0",
    },
    Spec {
        name: "baals_transfer",
        params: &[p("account_ptr", I32), p("amount", I64)],
        result: Some(I32),
        returns: "0 ok, 1 insufficient balance (or the receiver's would pass `u64::MAX`)",
        metered_bytes: "32",
    },
    Spec {
        name: "baals_hash_sha256",
        params: &[p("data_ptr", I32), p("data_len", I32), p("out_ptr", I32)],
        result: None,
        returns: "- (32 bytes written at out_ptr)",
        metered_bytes: "data_len",
    },
    Spec {
        name: "baals_verify_signature",
        params: &[
            p("pk_ptr", I32),
            p("pk_len", I32),
            p("msg_ptr", I32),
            p("msg_len", I32),
            p("sig_ptr", I32),
            p("sig_len", I32),
        ],
        result: Some(I32),
        returns: "1 valid, 0 not (ed25519)",
        metered_bytes: "pk_len + msg_len + sig_len",
    },
    Spec {
        name: "baals_call_contract",
        params: &[
            p("id_ptr", I32),
            p("id_len", I32),
            p("method_ptr", I32),
            p("method_len", I32),
            p("payload_ptr", I32),
            p("payload_len", I32),
            p("value", I64),
        ],
        result: Some(I32),
        returns: "result length, or -1 if the callee failed",
        metered_bytes: "id_len + method_len + payload_len",
    },
    Spec {
        name: "baals_read_call_result",
        params: &[p("ptr", I32), p("cap", I32)],
        result: Some(I32),
        returns: "full result length",
        metered_bytes: "bytes written",
    },
    Spec {
        name: "baals_emit_event",
        params: &[p("topic_ptr", I32), p("topic_len", I32), p("data_ptr", I32), p("data_len", I32)],
        result: None,
        returns: "-",
        metered_bytes: "topic_len + data_len",
    },
    Spec {
        name: "baals_revert",
        params: &[p("msg_ptr", I32), p("msg_len", I32)],
        result: None,
        returns: "never returns",
        metered_bytes: "msg_len",
    },
];

impl HostFunction {
    /// Every host function, in ABI table order (the order of [`HostFunction::index`]).
    pub const ALL: [HostFunction; 18] = [
        HostFunction::StorageRead,
        HostFunction::StorageWrite,
        HostFunction::StorageRemove,
        HostFunction::GetSender,
        HostFunction::GetContractId,
        HostFunction::GetBlockTimestamp,
        HostFunction::GetBlockIndex,
        HostFunction::GetInputData,
        HostFunction::SetReturnData,
        HostFunction::GetValue,
        HostFunction::GetBalance,
        HostFunction::Transfer,
        HostFunction::HashSha256,
        HostFunction::VerifySignature,
        HostFunction::CallContract,
        HostFunction::ReadCallResult,
        HostFunction::EmitEvent,
        HostFunction::Revert,
    ];

    /// The function's position in [`HostFunction::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    const fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The import name, e.g. `baals_storage_read`.
    pub const fn name(self) -> &'static str {
        self.spec().name
    }

    /// The parameters, in order.
    pub const fn params(self) -> &'static [Param] {
        self.spec().params
    }

    /// The result type, if the function returns a value.
    pub const fn result(self) -> Option<AbiType> {
        self.spec().result
    }

    /// What the result means.
    pub const fn returns(self) -> &'static str {
        self.spec().returns
    }

    /// The byte count that the policy's per-byte price applies to.
    pub const fn metered_bytes(self) -> &'static str {
        self.spec().metered_bytes
    }

    /// Looks a host function up by its import name.
    pub fn from_name(name: &str) -> Option<HostFunction> {
        HostFunction::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The signature in WebAssembly text syntax, e.g. `(param i32 i32) (result i32)`.
    pub fn signature(self) -> String {
        let mut out = String::from("(param");
        for param in self.params() {
            out.push(' ');
            out.push_str(param.ty.name());
        }
        out.push(')');
        if let Some(result) = self.result() {
            out.push_str(" (result ");
            out.push_str(result.name());
            out.push(')');
        }
        out
    }
}

impl std::fmt::Display for HostFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Renders the ABI as the Markdown table of `docs/abi.md`.
pub fn abi_markdown() -> String {
    let mut out = String::from("| function | params | result | per-byte price applies to |\n|---|---|---|---|\n");
    for function in HostFunction::ALL {
        let params: Vec<String> = function
            .params()
            .iter()
            .map(|p| match p.ty {
                AbiType::I32 => p.name.to_string(),
                AbiType::I64 => format!("{} i64", p.name),
            })
            .collect();
        let params = if params.is_empty() { "-".to_string() } else { params.join(", ") };
        let result = match function.result() {
            Some(ty) => format!("{ty}: {}", function.returns()),
            None => function.returns().to_string(),
        };
        out.push_str(&format!("| {} | {} | {} | {} |\n", function.name(), params, result, function.metered_bytes()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_enum() {
        for (index, function) in HostFunction::ALL.into_iter().enumerate() {
            assert_eq!(function.index(), index);
            assert_eq!(HostFunction::from_name(function.name()), Some(function));
            assert!(function.name().starts_with(RESERVED_PREFIX));
        }
    }

    #[test]
    fn signatures_are_as_specified() {
        assert_eq!(HostFunction::CallContract.signature(), "(param i32 i32 i32 i32 i32 i32 i64) (result i32)");
        assert_eq!(HostFunction::GetBlockIndex.signature(), "(param) (result i64)");
        assert_eq!(HostFunction::Revert.signature(), "(param i32 i32)");
    }
}
