//! The canonical encoding of contract ABI values (`docs/abi-json.md`): what a method's input
//! and output and an event's data are made of.
//!
//! One encoding per value, so equal values encode to equal bytes:
//!
//! | ABI type | Rust type | encoding |
//! |---|---|---|
//! | `u8` .. `u128`, `i8` .. `i128` | the same | little-endian, fixed width |
//! | `bool` | `bool` | one byte, 0 or 1 |
//! | `address` | [`Address`](crate::Address) (`[u8; 32]`) | the 32 bytes |
//! | `bytes`, `{ "vec": "u8" }` | `Vec<u8>` | u32 length, then the bytes |
//! | `string` | `String` (encoding: `str` too) | u32 length, then the UTF-8 bytes |
//! | `{ "vec": T }` | `Vec<T>` (encoding: `[T]` too) | u32 count, then each element |
//! | `{ "array": T, "len": N }` | `[T; N]` | each element, no count |
//! | `{ "option": T }` | `Option<T>` | byte 0; or byte 1, then the value |
//! | `{ "struct": [...] }` | a struct made by [`abi_struct!`](crate::abi_struct) | each field in order |
//! | a method's inputs | a tuple, `()` for none | each element in order |
//!
//! Decoding reads exactly the bytes given ([`decode_all`]): bytes left over, a value cut
//! short, a length or count prefix larger than what remains can hold (checked before anything
//! is allocated; a `vec` of elements that encode to no bytes holds at most
//! [`MAX_EMPTY_ELEMENTS`]), a `bool` or `option` byte other than 0 and 1, and a string that is
//! not UTF-8 are errors ([`DecodeError`]), each naming the byte offset.
//!
//! ```
//! use baals_sdk::abi::{decode_all, Encode};
//!
//! // token.transfer's input: [to: address, amount: u64].
//! let input = ([2u8; 32], 250u64).to_bytes();
//! assert_eq!(input.len(), 40);
//! assert_eq!(decode_all::<([u8; 32], u64)>(&input), Ok(([2u8; 32], 250)));
//! assert!(decode_all::<([u8; 32], u64)>(&input[..39]).is_err());
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// What was wrong with bytes that did not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ended inside a value.
    Truncated,
    /// Bytes were left over after the value.
    TrailingBytes,
    /// A `bool` byte other than 0 and 1 (the byte).
    InvalidBool(u8),
    /// An `option` tag byte other than 0 and 1 (the byte).
    InvalidOptionTag(u8),
    /// A length (`bytes`, `string`) or count (`vec`) prefix larger than what remains after
    /// it can hold (the prefix): a length larger than the bytes left, a count of elements that
    /// could not fit in them even at their smallest.
    LengthTooLarge(u32),
    /// A `vec` count of elements that encode to no bytes (empty structs, arrays of length 0)
    /// over [`MAX_EMPTY_ELEMENTS`] (the count).
    TooManyEmptyElements(u32),
    /// A `string` whose bytes are not UTF-8.
    InvalidUtf8,
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated => f.write_str("input cut short"),
            Self::TrailingBytes => f.write_str("trailing bytes"),
            Self::InvalidBool(byte) => write!(f, "bool byte {byte} is not 0 or 1"),
            Self::InvalidOptionTag(byte) => write!(f, "option tag {byte} is not 0 or 1"),
            Self::LengthTooLarge(length) => write!(f, "length {length} is larger than what remains"),
            Self::TooManyEmptyElements(count) => {
                write!(f, "count {count} of elements of no size is over {MAX_EMPTY_ELEMENTS}")
            }
            Self::InvalidUtf8 => f.write_str("string is not UTF-8"),
        }
    }
}

/// Bytes that did not decode: what was wrong ([`kind`](Self::kind)) and where.
///
/// [`Decode::decode`] sees only the bytes not yet read, not where its input began, so it
/// records the position as the number of bytes from the error to the end of the input
/// ([`remaining`](Self::remaining)). [`decode_all`] (and `baals_sdk::args`) know the whole
/// input and turn that into the byte offset from its start ([`offset`](Self::offset)); for
/// an error straight from `decode`, [`locate`](Self::locate) does the same.
///
/// The offset is where the faulty piece starts: the value that was cut short, the length
/// prefix that was too large, the `bool` or `option` byte, the first byte that is not UTF-8,
/// the first byte left over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeError {
    kind: DecodeErrorKind,
    remaining: usize,
    offset: Option<usize>,
}

impl DecodeError {
    /// An error of `kind` found at the start of `rest`, the bytes of the input not yet read
    /// (for hand-written [`Decode`] implementations).
    pub fn new(kind: DecodeErrorKind, rest: &[u8]) -> Self {
        Self { kind, remaining: rest.len(), offset: None }
    }

    /// What was wrong.
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The byte offset of the error from the start of the input, once known: set by
    /// [`decode_all`] and [`locate`](Self::locate); `None` for an error straight from
    /// [`Decode::decode`].
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// How many bytes of the input there were from the error to the end.
    pub fn remaining(&self) -> usize {
        self.remaining
    }

    /// The error with its [`offset`](Self::offset) in an input of `input_len` bytes, the
    /// whole input that was given to [`Decode::decode`].
    #[must_use]
    pub fn locate(self, input_len: usize) -> Self {
        Self { offset: Some(input_len.saturating_sub(self.remaining)), ..self }
    }
}

impl DecodeError {
    /// Appends the same text as `Display` without `core::fmt`, whose formatting machinery
    /// would add kilobytes to a contract that reverts with the message.
    pub fn write_message(&self, out: &mut Vec<u8>) {
        let text = |out: &mut Vec<u8>, text: &str| out.extend_from_slice(text.as_bytes());
        match self.kind {
            DecodeErrorKind::Truncated => text(out, "input cut short"),
            DecodeErrorKind::TrailingBytes => text(out, "trailing bytes"),
            DecodeErrorKind::InvalidBool(byte) => {
                text(out, "bool byte ");
                write_decimal(out, byte.into());
                text(out, " is not 0 or 1");
            }
            DecodeErrorKind::InvalidOptionTag(byte) => {
                text(out, "option tag ");
                write_decimal(out, byte.into());
                text(out, " is not 0 or 1");
            }
            DecodeErrorKind::LengthTooLarge(length) => {
                text(out, "length ");
                write_decimal(out, length.into());
                text(out, " is larger than what remains");
            }
            DecodeErrorKind::TooManyEmptyElements(count) => {
                text(out, "count ");
                write_decimal(out, count.into());
                text(out, " of elements of no size is over ");
                write_decimal(out, MAX_EMPTY_ELEMENTS.into());
            }
            DecodeErrorKind::InvalidUtf8 => text(out, "string is not UTF-8"),
        }
        match self.offset {
            Some(offset) => {
                text(out, " at byte ");
                write_decimal(out, offset as u64);
            }
            None => {
                text(out, " (");
                write_decimal(out, self.remaining as u64);
                text(out, " bytes before the end of the input)");
            }
        }
    }
}

fn write_decimal(out: &mut Vec<u8>, n: u64) {
    let (digits, count) = crate::schema::decimal(n);
    out.extend_from_slice(&digits[digits.len() - count..]);
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at byte {offset}", self.kind),
            None => write!(f, "{} ({} bytes before the end of the input)", self.kind, self.remaining),
        }
    }
}

/// A value with an ABI encoding: writes it.
pub trait Encode {
    /// Appends the value's encoding to `out`.
    fn encode(&self, out: &mut Vec<u8>);

    /// The value's encoding.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode(&mut out);
        out
    }

    /// Appends the encodings of `items`, one after the other (no count). The default encodes
    /// each; `u8` copies the slice at once, so that `Vec<u8>` and `[u8; N]` are not encoded a
    /// byte at a time.
    #[doc(hidden)]
    fn encode_slice(items: &[Self], out: &mut Vec<u8>)
    where
        Self: Sized,
    {
        for item in items {
            item.encode(out);
        }
    }
}

/// The most elements a `vec` of a type that encodes to no bytes (an empty struct, an array
/// of length 0) may hold: its count cannot be checked against the bytes left.
pub const MAX_EMPTY_ELEMENTS: u32 = 65_536;

/// A value with an ABI encoding: reads it.
pub trait Decode: Sized {
    /// The fewest bytes any value of the type encodes to: a `vec` count is refused at once,
    /// before anything is allocated, when that many elements could not fit in the bytes left.
    /// 1 unless said otherwise; a type whose values may encode to nothing must say 0.
    const MIN_LEN: usize = 1;

    /// Reads a value from the front of `input` and advances `input` past it. Bytes after the
    /// value are left for the caller: [`decode_all`] refuses them.
    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError>;

    /// Reads `count` values one after the other. The default decodes each, reserving memory
    /// for at most as many as the input's bytes would fill (a large count in a short input
    /// allocates little before it is found cut short); `u8` copies the bytes at once.
    #[doc(hidden)]
    fn decode_many(input: &mut &[u8], count: usize) -> Result<Vec<Self>, DecodeError> {
        let mut items = Vec::with_capacity(count.min(input.len() / size_of::<Self>().max(1)));
        for _ in 0..count {
            items.push(Self::decode(input)?);
        }
        Ok(items)
    }

    /// Reads `N` values one after the other, as an array. The default goes through a `Vec`;
    /// `u8` copies the bytes straight into the array.
    #[doc(hidden)]
    fn decode_array<const N: usize>(input: &mut &[u8]) -> Result<[Self; N], DecodeError> {
        match Self::decode_many(input, N)?.try_into() {
            Ok(array) => Ok(array),
            Err(_) => unreachable!("decode_many returns as many items as asked"),
        }
    }
}

/// Decodes a `T` that takes up exactly `bytes`: bytes left over are an error, as is anything
/// [`Decode::decode`] refuses. The error's [`offset`](DecodeError::offset) is set.
pub fn decode_all<T: Decode>(bytes: &[u8]) -> Result<T, DecodeError> {
    let mut input = bytes;
    let value = T::decode(&mut input).map_err(|error| error.locate(bytes.len()))?;
    if !input.is_empty() {
        return Err(DecodeError::new(DecodeErrorKind::TrailingBytes, input).locate(bytes.len()));
    }
    Ok(value)
}

/// The next `n` bytes of `input`, or `Truncated` where they start.
fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], DecodeError> {
    if input.len() < n {
        return Err(DecodeError::new(DecodeErrorKind::Truncated, input));
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Ok(head)
}

fn take_array<const N: usize>(input: &mut &[u8]) -> Result<[u8; N], DecodeError> {
    let mut out = [0u8; N];
    out.copy_from_slice(take(input, N)?);
    Ok(out)
}

/// A u32 length or count prefix, checked against the bytes that remain after it before
/// anything is allocated for what it counts.
fn read_length(input: &mut &[u8]) -> Result<usize, DecodeError> {
    let at = *input;
    let length = u32::from_le_bytes(take_array(input)?);
    match usize::try_from(length) {
        Ok(length) if length <= input.len() => Ok(length),
        _ => Err(DecodeError::new(DecodeErrorKind::LengthTooLarge(length), at)),
    }
}

/// Writes a u32 length or count prefix.
///
/// # Panics
///
/// When `length` does not fit in a u32 (4 GiB): no such value can be encoded.
fn write_length(length: usize, out: &mut Vec<u8>) {
    let length = u32::try_from(length).expect("an ABI length or count fits in a u32");
    out.extend_from_slice(&length.to_le_bytes());
}

macro_rules! integers {
    ($($int:ty),*) => {$(
        impl Encode for $int {
            fn encode(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }

        impl Decode for $int {
            const MIN_LEN: usize = size_of::<$int>();

            fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
                take_array(input).map(<$int>::from_le_bytes)
            }
        }
    )*};
}

integers!(u16, u32, u64, u128, i8, i16, i32, i64, i128);

impl Encode for u8 {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }

    fn encode_slice(items: &[Self], out: &mut Vec<u8>) {
        out.extend_from_slice(items);
    }
}

impl Decode for u8 {
    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        take(input, 1).map(|byte| byte[0])
    }

    fn decode_many(input: &mut &[u8], count: usize) -> Result<Vec<Self>, DecodeError> {
        take(input, count).map(<[u8]>::to_vec)
    }

    fn decode_array<const N: usize>(input: &mut &[u8]) -> Result<[Self; N], DecodeError> {
        take_array(input)
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Decode for bool {
    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        let at = *input;
        match u8::decode(input)? {
            0 => Ok(false),
            1 => Ok(true),
            byte => Err(DecodeError::new(DecodeErrorKind::InvalidBool(byte), at)),
        }
    }
}

impl<T: Encode, const N: usize> Encode for [T; N] {
    fn encode(&self, out: &mut Vec<u8>) {
        T::encode_slice(self, out);
    }
}

impl<T: Decode, const N: usize> Decode for [T; N] {
    const MIN_LEN: usize = T::MIN_LEN.saturating_mul(N);

    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        T::decode_array(input)
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut Vec<u8>) {
        write_length(self.len(), out);
        T::encode_slice(self, out);
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_slice().encode(out);
    }
}

impl<T: Decode> Decode for Vec<T> {
    const MIN_LEN: usize = 4;

    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        let at = *input;
        let count = u32::decode(input)?;
        let fits = match T::MIN_LEN {
            0 => count <= MAX_EMPTY_ELEMENTS,
            min => usize::try_from(count).is_ok_and(|count| count.saturating_mul(min) <= input.len()),
        };
        if !fits {
            let kind = match T::MIN_LEN {
                0 => DecodeErrorKind::TooManyEmptyElements(count),
                _ => DecodeErrorKind::LengthTooLarge(count),
            };
            return Err(DecodeError::new(kind, at));
        }
        T::decode_many(input, count as usize)
    }
}

impl Encode for str {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_bytes().encode(out);
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_str().encode(out);
    }
}

impl Decode for String {
    const MIN_LEN: usize = 4;

    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        let length = read_length(input)?;
        let start = *input;
        let bytes = take(input, length)?;
        match core::str::from_utf8(bytes) {
            Ok(text) => Ok(String::from(text)),
            Err(error) => Err(DecodeError::new(DecodeErrorKind::InvalidUtf8, &start[error.valid_up_to()..])),
        }
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
        let at = *input;
        match u8::decode(input)? {
            0 => Ok(None),
            1 => T::decode(input).map(Some),
            byte => Err(DecodeError::new(DecodeErrorKind::InvalidOptionTag(byte), at)),
        }
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut Vec<u8>) {
        (**self).encode(out);
    }
}

macro_rules! tuples {
    ($(($($name:ident),*))*) => {$(
        impl<$($name: Encode),*> Encode for ($($name,)*) {
            #[allow(non_snake_case, unused_variables)]
            fn encode(&self, out: &mut Vec<u8>) {
                let ($($name,)*) = self;
                $($name.encode(out);)*
            }
        }

        impl<$($name: Decode),*> Decode for ($($name,)*) {
            const MIN_LEN: usize = 0usize $(.saturating_add($name::MIN_LEN))*;

            #[allow(unused_variables, clippy::unused_unit)]
            fn decode(input: &mut &[u8]) -> Result<Self, DecodeError> {
                Ok(($($name::decode(input)?,)*))
            }
        }
    )*};
}

tuples! {
    ()
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
}

/// Defines structs with named fields and their ABI encoding: each field in order, as an ABI
/// `{ "struct": [fields] }` (or a named type of the ABI's `types`). Every field's type must
/// implement [`Encode`](crate::abi::Encode) and [`Decode`](crate::abi::Decode). Attributes
/// (derives, docs) pass through, on the struct and on its fields.
///
/// ```
/// use baals_sdk::abi::{decode_all, Encode};
/// use baals_sdk::{abi_struct, Address};
///
/// abi_struct! {
///     /// An order: `{ "struct": [{ "name": "id", "type": "u64" }, { "name": "to", "type": "address" }] }`.
///     #[derive(Debug, Clone, PartialEq)]
///     pub struct Order {
///         pub id: u64,
///         pub to: Address,
///     }
/// }
///
/// let order = Order { id: 7, to: [1; 32] };
/// let bytes = order.to_bytes();
/// assert_eq!(bytes, [&7u64.to_le_bytes()[..], &[1; 32]].concat());
/// assert_eq!(decode_all::<Order>(&bytes), Ok(order));
/// ```
#[macro_export]
macro_rules! abi_struct {
    ($(
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($(#[$field_meta:meta])* $field_vis:vis $field:ident : $type:ty),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $type,)*
        }

        impl $crate::abi::Encode for $name {
            fn encode(&self, out: &mut $crate::abi::__private::Vec<u8>) {
                let _ = &out;
                $($crate::abi::Encode::encode(&self.$field, out);)*
            }
        }

        impl $crate::abi::Decode for $name {
            const MIN_LEN: usize = 0usize $(.saturating_add(<$type as $crate::abi::Decode>::MIN_LEN))*;

            fn decode(input: &mut &[u8]) -> ::core::result::Result<Self, $crate::abi::DecodeError> {
                let _ = &input;
                // Struct expression fields are evaluated in the order written: the fields' order.
                ::core::result::Result::Ok(Self { $($field: $crate::abi::Decode::decode(input)?,)* })
            }
        }
    )*};
}

/// What [`abi_struct!`](crate::abi_struct) expands to refers to: not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use alloc::vec::Vec;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_without_fmt_is_the_display() {
        let kinds = [
            DecodeErrorKind::Truncated,
            DecodeErrorKind::TrailingBytes,
            DecodeErrorKind::InvalidBool(7),
            DecodeErrorKind::InvalidOptionTag(255),
            DecodeErrorKind::LengthTooLarge(u32::MAX),
            DecodeErrorKind::TooManyEmptyElements(70_000),
            DecodeErrorKind::InvalidUtf8,
        ];
        for kind in kinds {
            let error = DecodeError::new(kind, &[0; 10]);
            for error in [error, error.locate(12), error.locate(10)] {
                let mut message = Vec::new();
                error.write_message(&mut message);
                assert_eq!(String::from_utf8(message).unwrap(), alloc::format!("{error}"));
            }
        }
    }
    use crate::Address;
    use alloc::vec;
    use core::fmt::Debug;

    fn round_trip<T: Encode + Decode + PartialEq + Debug>(value: T, bytes: &[u8]) {
        assert_eq!(value.to_bytes(), bytes, "{value:?}");
        assert_eq!(decode_all::<T>(bytes), Ok(value));
        // Every proper prefix is cut short; one byte more is left over.
        for end in 0..bytes.len() {
            assert!(decode_all::<T>(&bytes[..end]).is_err(), "prefix {end} of {bytes:?}");
        }
        let longer = [bytes, &[0]].concat();
        let error = decode_all::<T>(&longer).unwrap_err();
        assert_eq!((error.kind(), error.offset()), (DecodeErrorKind::TrailingBytes, Some(bytes.len())));
    }

    fn refused<T: Decode + Debug>(bytes: &[u8], kind: DecodeErrorKind, offset: usize) {
        let error = decode_all::<T>(bytes).unwrap_err();
        assert_eq!((error.kind(), error.offset()), (kind, Some(offset)), "{bytes:?}: {error}");
    }

    #[test]
    fn integers_are_little_endian_and_fixed_width() {
        round_trip(0xabu8, &[0xab]);
        round_trip(0x1234u16, &[0x34, 0x12]);
        round_trip(0x1234_5678u32, &[0x78, 0x56, 0x34, 0x12]);
        round_trip(1_000u64, &[0xe8, 3, 0, 0, 0, 0, 0, 0]);
        round_trip(u128::MAX - 1, &[[0xfe].as_slice(), &[0xff; 15]].concat());
        round_trip(-1i8, &[0xff]);
        round_trip(-2i16, &[0xfe, 0xff]);
        round_trip(i32::MIN, &[0, 0, 0, 0x80]);
        round_trip(-1i64, &[0xff; 8]);
        round_trip(i128::MIN, &[[0u8; 15].as_slice(), &[0x80]].concat());
        refused::<u64>(&[1, 2, 3], DecodeErrorKind::Truncated, 0);
        refused::<u8>(&[], DecodeErrorKind::Truncated, 0);
    }

    #[test]
    fn bools_are_one_byte_zero_or_one() {
        round_trip(false, &[0]);
        round_trip(true, &[1]);
        refused::<bool>(&[2], DecodeErrorKind::InvalidBool(2), 0);
        refused::<(u8, bool)>(&[0, 0xff], DecodeErrorKind::InvalidBool(0xff), 1);
    }

    #[test]
    fn arrays_and_addresses_have_no_count() {
        let address: Address = core::array::from_fn(|i| i as u8);
        round_trip(address, &address);
        round_trip([1u16, 2, 3], &[1, 0, 2, 0, 3, 0]);
        round_trip([[true, false]; 2], &[1, 0, 1, 0]);
        round_trip::<[u64; 0]>([], &[]);
        refused::<Address>(&[0; 31], DecodeErrorKind::Truncated, 0);
        refused::<[u32; 2]>(&[0; 7], DecodeErrorKind::Truncated, 4);
        refused::<[bool; 3]>(&[1, 0, 7], DecodeErrorKind::InvalidBool(7), 2);
    }

    #[test]
    fn vecs_and_bytes_have_a_u32_count() {
        round_trip(Vec::<u8>::new(), &[0, 0, 0, 0]);
        round_trip(vec![0xaau8, 0xbb], &[2, 0, 0, 0, 0xaa, 0xbb]);
        round_trip(vec![1u32, 2], &[2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
        round_trip(vec![vec![7u8], vec![]], &[2, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0]);
        // `bytes` and `vec<u8>` are one encoding; a slice encodes as the Vec does.
        assert_eq!([9u8, 8].as_slice().to_bytes(), vec![9u8, 8].to_bytes());
        let big: Vec<u8> = (0..=255).cycle().take(100_000).collect();
        let bytes = big.to_bytes();
        assert_eq!(bytes[..4], 100_000u32.to_le_bytes());
        assert_eq!(decode_all::<Vec<u8>>(&bytes), Ok(big));
    }

    #[test]
    fn a_count_larger_than_what_remains_is_refused_before_allocating() {
        refused::<Vec<u8>>(&[3, 0, 0, 0, 1, 2], DecodeErrorKind::LengthTooLarge(3), 0);
        refused::<Vec<u64>>(&[0xff, 0xff, 0xff, 0xff], DecodeErrorKind::LengthTooLarge(u32::MAX), 0);
        refused::<String>(&[5, 0, 0, 0, b'a'], DecodeErrorKind::LengthTooLarge(5), 0);
        refused::<(u8, Vec<u8>)>(&[0, 1, 0, 0, 0], DecodeErrorKind::LengthTooLarge(1), 1);
        // A count the bytes left could hold, of elements that turn out longer: cut short.
        refused::<Vec<Option<u32>>>(&[2, 0, 0, 0, 0, 1, 5, 0], DecodeErrorKind::Truncated, 6);
        refused::<Vec<Vec<u8>>>(&[1, 0, 0, 0, 3, 0, 0, 0, 1, 2], DecodeErrorKind::LengthTooLarge(3), 4);
        refused::<Vec<u8>>(&[1, 0, 0], DecodeErrorKind::Truncated, 0);
        // Elements of 4 bytes at least: 2 cannot fit in 7 bytes.
        refused::<Vec<u32>>(&[2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0], DecodeErrorKind::LengthTooLarge(2), 0);
        refused::<Vec<(u8, String)>>(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], DecodeErrorKind::LengthTooLarge(2), 0);
        // Wide elements: 5,000 of at least 1,000 bytes each cannot fit in 5,000 bytes.
        let mut input = vec![1u8; 4 + 5_000];
        input[..4].copy_from_slice(&5_000u32.to_le_bytes());
        refused::<Vec<[u8; 1000]>>(&input, DecodeErrorKind::LengthTooLarge(5_000), 0);
        // Elements of 1 byte at least (a tag) but 1,001 in memory each, all present: memory is
        // reserved for what the bytes could hold, and the fifth is cut short.
        refused::<Vec<Option<[u8; 1000]>>>(&input, DecodeErrorKind::Truncated, 4 + 4 * 1001 + 1);
    }

    #[test]
    fn elements_of_no_size_are_counted_up_to_a_limit() {
        assert_eq!((<[u64; 0]>::MIN_LEN, <()>::MIN_LEN, Empty::MIN_LEN, <[Empty; 3]>::MIN_LEN), (0, 0, 0, 0));
        round_trip(vec![[0u64; 0]; 5], &[5, 0, 0, 0]);
        let many = vec![Empty {}; MAX_EMPTY_ELEMENTS as usize];
        assert_eq!(decode_all::<Vec<Empty>>(&many.to_bytes()), Ok(many));
        let count = (MAX_EMPTY_ELEMENTS + 1).to_le_bytes();
        refused::<Vec<()>>(&count, DecodeErrorKind::TooManyEmptyElements(MAX_EMPTY_ELEMENTS + 1), 0);
        refused::<(u8, Vec<[bool; 0]>)>(
            &[[7].as_slice(), &u32::MAX.to_le_bytes()].concat(),
            DecodeErrorKind::TooManyEmptyElements(u32::MAX),
            1,
        );
    }

    #[test]
    fn the_fewest_bytes_of_each_type() {
        assert_eq!((u8::MIN_LEN, u16::MIN_LEN, i64::MIN_LEN, u128::MIN_LEN, bool::MIN_LEN), (1, 2, 8, 16, 1));
        assert_eq!((<Address>::MIN_LEN, <Vec<u64>>::MIN_LEN, String::MIN_LEN, <Option<u64>>::MIN_LEN), (32, 4, 4, 1));
        assert_eq!(<(u8, Address, Vec<u8>)>::MIN_LEN, 37);
        assert_eq!(Order::MIN_LEN, 8 + 32 + 1);
        assert_eq!(Batch::MIN_LEN, 4 + 2);
    }

    #[test]
    fn strings_are_utf8_with_a_length() {
        round_trip(String::new(), &[0, 0, 0, 0]);
        round_trip(String::from("héllo"), &[6, 0, 0, 0, b'h', 0xc3, 0xa9, b'l', b'l', b'o']);
        assert_eq!("ab".to_bytes(), String::from("ab").to_bytes());
        refused::<String>(&[3, 0, 0, 0, b'a', 0xff, b'b'], DecodeErrorKind::InvalidUtf8, 5);
        // A sequence cut by the length is not UTF-8 either.
        refused::<String>(&[1, 0, 0, 0, 0xc3, 0xa9], DecodeErrorKind::InvalidUtf8, 4);
        refused::<String>(&[2, 0, 0, 0, 0xed, 0xa0], DecodeErrorKind::InvalidUtf8, 4);
    }

    #[test]
    fn options_have_a_tag() {
        round_trip(None::<u32>, &[0]);
        round_trip(Some(5u32), &[1, 5, 0, 0, 0]);
        round_trip(Some(None::<bool>), &[1, 0]);
        refused::<Option<u8>>(&[2, 0], DecodeErrorKind::InvalidOptionTag(2), 0);
        refused::<Option<u32>>(&[1, 5, 0], DecodeErrorKind::Truncated, 1);
        refused::<(u16, Option<u8>)>(&[0, 0, 0x80], DecodeErrorKind::InvalidOptionTag(0x80), 2);
    }

    #[test]
    fn tuples_are_their_elements_in_order() {
        round_trip((), &[]);
        round_trip((7u8,), &[7]);
        // token.transfer: [to: address, amount: u64], the contract's hand-built format.
        let to: Address = [2; 32];
        round_trip((to, 250u64), &[&to[..], &250u64.to_le_bytes()].concat());
        round_trip(
            (1u8, 2u16, true, Some(3u8), String::from("x"), vec![4u8]),
            &[1, 2, 0, 1, 1, 3, 1, 0, 0, 0, b'x', 1, 0, 0, 0, 4],
        );
        refused::<()>(&[0], DecodeErrorKind::TrailingBytes, 0);
        refused::<(u8, u8, u8, u8, u8, u8)>(&[1, 2, 3, 4, 5], DecodeErrorKind::Truncated, 5);
    }

    #[test]
    fn references_encode_as_their_values() {
        let name = String::from("n");
        assert_eq!((&name, &5u8).to_bytes(), (name.clone(), 5u8).to_bytes());
        let slice: &[u8] = &[1, 2];
        assert_eq!(<&[u8] as Encode>::to_bytes(&slice), vec![1u8, 2].to_bytes());
    }

    crate::abi_struct! {
        /// An order.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Order {
            /// Its id.
            pub id: u64,
            pub to: Address,
            memo: Option<String>,
        }

        #[derive(Debug, Clone, PartialEq)]
        struct Empty {}

        #[derive(Debug, PartialEq)]
        struct Batch { orders: Vec<Order>, empty: Empty, flags: [bool; 2] }
    }

    #[test]
    fn structs_are_their_fields_in_order() {
        let order = Order { id: 7, to: [1; 32], memo: Some(String::from("hi")) };
        let bytes = [&7u64.to_le_bytes()[..], &[1; 32], &[1, 2, 0, 0, 0, b'h', b'i']].concat();
        round_trip(order.clone(), &bytes);
        assert_eq!(order.to_bytes(), (7u64, [1u8; 32], Some("hi")).to_bytes());
        round_trip(Empty {}, &[]);
        let batch = Batch { orders: vec![order.clone(), order], empty: Empty {}, flags: [true, false] };
        let bytes = [&[2, 0, 0, 0][..], &bytes, &bytes, &[1, 0]].concat();
        round_trip(batch, &bytes);
        refused::<Batch>(&[[1, 0, 0, 0].as_slice(), &[0; 40], &[3]].concat(), DecodeErrorKind::InvalidOptionTag(3), 44);
    }

    #[test]
    fn errors_name_their_kind_and_offset() {
        assert_eq!(
            decode_all::<Vec<()>>(&u32::MAX.to_le_bytes()).unwrap_err().to_string(),
            "count 4294967295 of elements of no size is over 65536 at byte 0"
        );
        let error = decode_all::<(u8, bool)>(&[0, 9]).unwrap_err();
        assert_eq!(error.to_string(), "bool byte 9 is not 0 or 1 at byte 1");
        assert_eq!(error.remaining(), 1);
        assert_eq!(decode_all::<u8>(&[1, 2]).unwrap_err().to_string(), "trailing bytes at byte 1");
        assert_eq!(decode_all::<u32>(&[1, 2]).unwrap_err().to_string(), "input cut short at byte 0");
        assert_eq!(
            decode_all::<Vec<u8>>(&[9, 0, 0, 0]).unwrap_err().to_string(),
            "length 9 is larger than what remains at byte 0"
        );
        assert_eq!(decode_all::<String>(&[1, 0, 0, 0, 0x80]).unwrap_err().to_string(), "string is not UTF-8 at byte 4");
        assert_eq!(decode_all::<Option<u8>>(&[4]).unwrap_err().to_string(), "option tag 4 is not 0 or 1 at byte 0");
        // Straight from `decode`: counted from the end until located.
        let input = [0u8, 0, 5];
        let mut rest = &input[1..];
        let error = <(u8, bool)>::decode(&mut rest).unwrap_err();
        assert_eq!((error.offset(), error.remaining()), (None, 1));
        assert_eq!(error.to_string(), "bool byte 5 is not 0 or 1 (1 bytes before the end of the input)");
        assert_eq!(error.locate(input.len()).offset(), Some(2));
    }

    #[test]
    fn decode_reads_from_the_front_and_advances() {
        let bytes = [1u8, 0, 2, 0, 0, 0, 9];
        let mut input = &bytes[..];
        assert_eq!(u16::decode(&mut input), Ok(1));
        assert_eq!(u32::decode(&mut input), Ok(2));
        assert_eq!(input, [9]);
        // A failed decode of a fixed-width value leaves nothing consumed that matters: the
        // error says where.
        assert!(u16::decode(&mut input).is_err());
    }
}
