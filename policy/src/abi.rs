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

/// Every function of host ABI v1, once: `$callback! { rows }`, a row per function in ABI
/// table order, as `Variant function(param: type, ...) -> result { returns: "...", metered:
/// "..." }` (`function` is the import name without `baals_`; types are `i32` and `i64`;
/// `()` is no result). [`HostFunction`] and its table are generated from it, and the runtime
/// binds each function to its implementation for every engine from it, so that adding a host
/// function is one row here and its implementation there.
#[macro_export]
macro_rules! for_each_host_function {
    ($callback:ident) => {
        $callback! {
            StorageRead storage_read(key_ptr: i32, key_len: i32, value_ptr: i32, value_cap: i32) -> i32 {
                returns: "value length, or -1 (0xFFFFFFFF) if absent",
                metered: "key_len + the value's length"
            }
            StorageWrite storage_write(key_ptr: i32, key_len: i32, value_ptr: i32, value_len: i32) -> () {
                returns: "-",
                metered: "key_len + value_len"
            }
            StorageRemove storage_remove(key_ptr: i32, key_len: i32) -> () {
                returns: "-",
                metered: "key_len"
            }
            GetSender get_sender(ptr: i32) -> () {
                returns: "- (32 bytes written at ptr)",
                metered: "32"
            }
            GetContractId get_contract_id(ptr: i32) -> () {
                returns: "- (32 bytes written at ptr)",
                metered: "32"
            }
            GetBlockTimestamp get_block_timestamp() -> i64 {
                returns: "the block's timestamp",
                metered: "0"
            }
            GetBlockIndex get_block_index() -> i64 {
                returns: "the block's height",
                metered: "0"
            }
            GetInputData get_input_data(ptr: i32, cap: i32) -> i32 {
                returns: "full input length",
                metered: "bytes written"
            }
            SetReturnData set_return_data(ptr: i32, len: i32) -> () {
                returns: "-",
                metered: "len"
            }
            GetValue get_value() -> i64 {
                returns: "native value sent with this call",
                metered: "0"
            }
            GetBalance get_balance() -> i64 {
                returns: "this contract's native balance",
                metered: "0"
            }
            Transfer transfer(account_ptr: i32, amount: i64) -> i32 {
                returns: "0 ok, 1 insufficient balance (or the receiver's would pass `u64::MAX`)",
                metered: "32"
            }
            HashSha256 hash_sha256(data_ptr: i32, data_len: i32, out_ptr: i32) -> () {
                returns: "- (32 bytes written at out_ptr)",
                metered: "data_len"
            }
            VerifySignature verify_signature(
                pk_ptr: i32, pk_len: i32, msg_ptr: i32, msg_len: i32, sig_ptr: i32, sig_len: i32
            ) -> i32 {
                returns: "1 valid, 0 not (ed25519)",
                metered: "pk_len + msg_len + sig_len"
            }
            CallContract call_contract(
                id_ptr: i32, id_len: i32, method_ptr: i32, method_len: i32, payload_ptr: i32, payload_len: i32,
                value: i64
            ) -> i32 {
                returns: "result length, or -1 if the callee failed",
                metered: "id_len + method_len + payload_len"
            }
            ReadCallResult read_call_result(ptr: i32, cap: i32) -> i32 {
                returns: "full result length",
                metered: "bytes written"
            }
            EmitEvent emit_event(topic_ptr: i32, topic_len: i32, data_ptr: i32, data_len: i32) -> () {
                returns: "-",
                metered: "topic_len + data_len"
            }
            Revert revert(msg_ptr: i32, msg_len: i32) -> () {
                returns: "never returns",
                metered: "msg_len"
            }
        }
    };
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

macro_rules! abi_type {
    (i32) => {
        AbiType::I32
    };
    (i64) => {
        AbiType::I64
    };
}

macro_rules! result_type {
    (()) => {
        None
    };
    ($ty:ident) => {
        Some(abi_type!($ty))
    };
}

/// The enum, its list and its table, from the rows of [`for_each_host_function!`].
macro_rules! host_functions {
    ($(
        $variant:ident $function:ident($($param:ident: $ty:ident),* $(,)?) -> $result:tt {
            returns: $returns:literal,
            metered: $metered:literal
        }
    )*) => {
        /// A function of host ABI v1.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum HostFunction {
            $(
                #[doc = concat!("`baals_", stringify!($function), "`")]
                $variant,
            )*
        }

        /// How many functions the ABI has.
        const COUNT: usize = [$(stringify!($variant)),*].len();

        /// Every function, in [`HostFunction`] declaration order.
        const LIST: [HostFunction; COUNT] = [$(HostFunction::$variant),*];

        // In `HostFunction` declaration order.
        const SPECS: [Spec; COUNT] = [$(
            Spec {
                name: concat!("baals_", stringify!($function)),
                params: &[$(p(stringify!($param), abi_type!($ty))),*],
                result: result_type!($result),
                returns: $returns,
                metered_bytes: $metered,
            },
        )*];
    };
}

for_each_host_function!(host_functions);

impl HostFunction {
    /// Every host function, in ABI table order (the order of [`HostFunction::index`]).
    pub const ALL: [HostFunction; COUNT] = LIST;

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
