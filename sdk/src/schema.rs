//! A contract's ABI as Rust constants, and its JSON (`docs/abi-json.md`) written at compile
//! time.
//!
//! [`#[contract]`](crate::contract) builds a [`Contract`] from the methods' signatures, the
//! events it lists and the error types its methods return, and embeds [`json`] of it as the
//! module's `baals.abi` custom section. Everything here is `const`: the JSON is computed by the
//! compiler, so the module carries no code for it and the ABI cannot drift from the code.
//!
//! Types come from [`AbiType`], which the primitive types, `String`, `Vec`, `Option` and arrays
//! implement, and `#[derive(Abi)]` structs. `Vec<u8>` is the ABI's `bytes`; the macros write
//! [`Address`](crate::Address) (an alias of `[u8; 32]`, which is otherwise an array of 32
//! `u8`) as `address` when a type is spelled `Address`.

use alloc::string::String;
use alloc::vec::Vec;

/// An ABI type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `u128`.
    U128,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `i128`.
    I128,
    /// `bool`.
    Bool,
    /// `address`: 32 bytes.
    Address,
    /// `bytes`: `Vec<u8>`.
    Bytes,
    /// `string`.
    String,
    /// `{ "vec": T }`.
    Vec(&'static Type),
    /// `{ "array": T, "len": N }`.
    Array(&'static Type, u32),
    /// `{ "option": T }`.
    Option(&'static Type),
    /// `{ "struct": [fields] }`.
    Struct(&'static [Field]),
}

impl Type {
    /// `Vec` of `element`: `bytes` when the element is `u8`, as `Vec<u8>` encodes the same.
    pub const fn vec_of(element: &'static Type) -> Type {
        match element {
            Type::U8 => Type::Bytes,
            _ => Type::Vec(element),
        }
    }
}

/// A named field: of a struct, a method's inputs or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The field's name.
    pub name: &'static str,
    /// Its type.
    pub ty: &'static Type,
}

/// Whether a method may change state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `"call"`: may write.
    Call,
    /// `"query"`: read-only.
    Query,
}

/// A method: an export of type `[] -> []`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The export's name.
    pub name: &'static str,
    /// Call or query.
    pub kind: Kind,
    /// Whether it accepts native value.
    pub payable: bool,
    /// Its inputs, in order.
    pub inputs: &'static [Field],
    /// Its output, if it has one.
    pub output: Option<&'static Type>,
}

/// An event: its topic and the fields of its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    /// The topic's text.
    pub topic: &'static str,
    /// The data's fields, in order.
    pub fields: &'static [Field],
}

/// An error a method may revert with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    /// Its name.
    pub name: &'static str,
    /// The revert message.
    pub message: &'static str,
}

/// A contract's whole ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contract {
    /// The contract's name (the crate's).
    pub name: &'static str,
    /// Its version (the crate's).
    pub version: &'static str,
    /// Its methods.
    pub methods: &'static [Method],
    /// Its events.
    pub events: &'static [Event],
    /// Its errors: one list per error type, in the order first returned; a name that appears
    /// twice (the same type returned by two methods) is written once.
    pub errors: &'static [&'static [Error]],
}

/// A Rust type with an ABI type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no ABI type",
    note = "ABI types: integers, bool, Address, String, Vec, Option, arrays, and structs that derive `baals_sdk::Abi`"
)]
pub trait AbiType {
    /// Its ABI type.
    const TYPE: &'static Type;
}

macro_rules! primitives {
    ($($rust:ty => $abi:ident),*) => {$(
        impl AbiType for $rust {
            const TYPE: &'static Type = &Type::$abi;
        }
    )*};
}

primitives!(u8 => U8, u16 => U16, u32 => U32, u64 => U64, u128 => U128, i8 => I8, i16 => I16,
    i32 => I32, i64 => I64, i128 => I128, bool => Bool, String => String);

impl<T: AbiType> AbiType for Vec<T> {
    const TYPE: &'static Type = &Type::vec_of(T::TYPE);
}

impl<T: AbiType> AbiType for Option<T> {
    const TYPE: &'static Type = &Type::Option(T::TYPE);
}

impl<T: AbiType, const N: usize> AbiType for [T; N] {
    const TYPE: &'static Type = &Type::Array(T::TYPE, crate::__private::array_len(N));
}

/// The length of [`json`] of `contract`.
pub const fn json_len(contract: &Contract) -> usize {
    let mut out = Json::<0>::new();
    out.contract(contract);
    out.len
}

/// The ABI's JSON, `N` bytes long ([`json_len`]).
///
/// # Panics
///
/// At compile time, when `N` is not [`json_len`].
pub const fn json<const N: usize>(contract: &Contract) -> [u8; N] {
    let mut out = Json::<N>::new();
    out.contract(contract);
    assert!(out.len == N, "the ABI's JSON is json_len bytes");
    out.bytes
}

/// A JSON writer into `N` bytes that counts what does not fit: with `N = 0` it only measures.
struct Json<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Json<N> {
    const fn new() -> Self {
        Self { bytes: [0; N], len: 0 }
    }

    const fn byte(&mut self, byte: u8) {
        if self.len < N {
            self.bytes[self.len] = byte;
        }
        self.len += 1;
    }

    const fn raw(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            self.byte(bytes[i]);
            i += 1;
        }
    }

    const fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.byte(b'"');
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            match byte {
                b'"' | b'\\' => {
                    self.byte(b'\\');
                    self.byte(byte);
                }
                0..0x20 => {
                    self.raw("\\u00");
                    self.byte(HEX[(byte >> 4) as usize]);
                    self.byte(HEX[(byte & 15) as usize]);
                }
                _ => self.byte(byte),
            }
            i += 1;
        }
        self.byte(b'"');
    }

    const fn number(&mut self, n: u32) {
        let (digits, count) = decimal(n as u64);
        let mut i = digits.len() - count;
        while i < digits.len() {
            self.byte(digits[i]);
            i += 1;
        }
    }

    const fn key(&mut self, key: &str) {
        self.string(key);
        self.byte(b':');
    }

    const fn ty(&mut self, ty: &Type) {
        match ty {
            Type::U8 => self.string("u8"),
            Type::U16 => self.string("u16"),
            Type::U32 => self.string("u32"),
            Type::U64 => self.string("u64"),
            Type::U128 => self.string("u128"),
            Type::I8 => self.string("i8"),
            Type::I16 => self.string("i16"),
            Type::I32 => self.string("i32"),
            Type::I64 => self.string("i64"),
            Type::I128 => self.string("i128"),
            Type::Bool => self.string("bool"),
            Type::Address => self.string("address"),
            Type::Bytes => self.string("bytes"),
            Type::String => self.string("string"),
            Type::Vec(element) => {
                self.byte(b'{');
                self.key("vec");
                self.ty(element);
                self.byte(b'}');
            }
            Type::Array(element, len) => {
                self.byte(b'{');
                self.key("array");
                self.ty(element);
                self.byte(b',');
                self.key("len");
                self.number(*len);
                self.byte(b'}');
            }
            Type::Option(inner) => {
                self.byte(b'{');
                self.key("option");
                self.ty(inner);
                self.byte(b'}');
            }
            Type::Struct(fields) => {
                self.byte(b'{');
                self.key("struct");
                self.fields(fields);
                self.byte(b'}');
            }
        }
    }

    const fn fields(&mut self, fields: &[Field]) {
        self.byte(b'[');
        let mut i = 0;
        while i < fields.len() {
            if i > 0 {
                self.byte(b',');
            }
            self.byte(b'{');
            self.key("name");
            self.string(fields[i].name);
            self.byte(b',');
            self.key("type");
            self.ty(fields[i].ty);
            self.byte(b'}');
            i += 1;
        }
        self.byte(b']');
    }

    const fn method(&mut self, method: &Method) {
        self.byte(b'{');
        self.key("name");
        self.string(method.name);
        self.byte(b',');
        self.key("kind");
        self.string(match method.kind {
            Kind::Call => "call",
            Kind::Query => "query",
        });
        if method.payable {
            self.raw(",\"payable\":true");
        }
        if !method.inputs.is_empty() {
            self.byte(b',');
            self.key("inputs");
            self.fields(method.inputs);
        }
        if let Some(output) = method.output {
            self.byte(b',');
            self.key("output");
            self.ty(output);
        }
        self.byte(b'}');
    }

    const fn contract(&mut self, contract: &Contract) {
        self.raw("{\"abi\":1,");
        self.key("name");
        self.string(contract.name);
        self.byte(b',');
        self.key("version");
        self.string(contract.version);
        self.byte(b',');
        self.key("methods");
        self.byte(b'[');
        let mut i = 0;
        while i < contract.methods.len() {
            if i > 0 {
                self.byte(b',');
            }
            self.method(&contract.methods[i]);
            i += 1;
        }
        self.byte(b']');
        if !contract.events.is_empty() {
            self.raw(",\"events\":[");
            let mut i = 0;
            while i < contract.events.len() {
                if i > 0 {
                    self.byte(b',');
                }
                self.byte(b'{');
                self.key("topic");
                self.string(contract.events[i].topic);
                self.byte(b',');
                self.key("fields");
                self.fields(contract.events[i].fields);
                self.byte(b'}');
                i += 1;
            }
            self.byte(b']');
        }
        self.errors(contract.errors);
        self.byte(b'}');
    }

    /// The errors, each name once: a type returned by several methods is listed once per
    /// method, and an error type may share a variant with another.
    const fn errors(&mut self, lists: &[&[Error]]) {
        let mut written = 0;
        let mut list = 0;
        while list < lists.len() {
            let mut i = 0;
            while i < lists[list].len() {
                let error = &lists[list][i];
                if !seen_before(lists, list, i) {
                    self.raw(if written == 0 { ",\"errors\":[" } else { "," });
                    self.byte(b'{');
                    self.key("name");
                    self.string(error.name);
                    self.byte(b',');
                    self.key("message");
                    self.string(error.message);
                    self.byte(b'}');
                    written += 1;
                }
                i += 1;
            }
            list += 1;
        }
        if written > 0 {
            self.byte(b']');
        }
    }
}

/// The decimal digits of `n`, at the end of the array, and how many there are.
pub(crate) const fn decimal(mut n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut count = 0;
    loop {
        digits[digits.len() - 1 - count] = b'0' + (n % 10) as u8;
        count += 1;
        n /= 10;
        if n == 0 {
            return (digits, count);
        }
    }
}

/// Whether the error at `lists[list][index]` appeared earlier with the same name and message.
const fn seen_before(lists: &[&[Error]], list: usize, index: usize) -> bool {
    let error = &lists[list][index];
    let mut l = 0;
    while l <= list {
        let end = if l == list { index } else { lists[l].len() };
        let mut i = 0;
        while i < end {
            if str_eq(lists[l][i].name, error.name) && str_eq(lists[l][i].message, error.message) {
                return true;
            }
            i += 1;
        }
        l += 1;
    }
    false
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABI: Contract = Contract {
        name: "t\"x",
        version: "1.0.0",
        methods: &[
            Method {
                name: "pay",
                kind: Kind::Call,
                payable: true,
                inputs: &[
                    Field { name: "to", ty: &Type::Address },
                    Field { name: "memo", ty: <Vec<u8> as AbiType>::TYPE },
                ],
                output: None,
            },
            Method {
                name: "get",
                kind: Kind::Query,
                payable: false,
                inputs: &[],
                output: Some(<Option<[u16; 12]> as AbiType>::TYPE),
            },
        ],
        events: &[Event {
            topic: "paid",
            fields: &[Field { name: "pair", ty: &Type::Struct(&[Field { name: "a", ty: &Type::Bool }]) }],
        }],
        errors: &[
            &[Error { name: "no", message: "said no\n" }],
            &[Error { name: "no", message: "said no\n" }, Error { name: "late", message: "too late" }],
        ],
    };

    const LEN: usize = json_len(&ABI);
    const JSON: [u8; LEN] = json(&ABI);

    #[test]
    fn the_json_is_written_at_compile_time_with_each_error_once() {
        assert_eq!(
            core::str::from_utf8(&JSON).unwrap(),
            concat!(
                r#"{"abi":1,"name":"t\"x","version":"1.0.0","methods":["#,
                r#"{"name":"pay","kind":"call","payable":true,"inputs":[{"name":"to","type":"address"},{"name":"memo","type":"bytes"}]},"#,
                r#"{"name":"get","kind":"query","output":{"option":{"array":"u16","len":12}}}],"#,
                r#""events":[{"topic":"paid","fields":[{"name":"pair","type":{"struct":[{"name":"a","type":"bool"}]}}]}],"#,
                r#""errors":[{"name":"no","message":"said no\u000a"},{"name":"late","message":"too late"}]}"#
            )
        );
    }

    #[test]
    fn a_vec_of_u8_is_bytes_and_of_anything_else_a_vec() {
        assert_eq!(<Vec<u8> as AbiType>::TYPE, &Type::Bytes);
        assert_eq!(<Vec<u64> as AbiType>::TYPE, &Type::Vec(&Type::U64));
        assert_eq!(<[u8; 32] as AbiType>::TYPE, &Type::Array(&Type::U8, 32));
    }
}
