//! Write baals contracts in Rust.
//!
//! A contract is a `cdylib` for `wasm32-unknown-unknown` whose methods are exported functions
//! of type `[] -> []`. Declare them with [`#[contract]`](contract) on an `impl` block: each
//! `pub fn` becomes a method that decodes its typed inputs (the canonical encoding of
//! `docs/abi-json.md`), runs, and encodes what it returns, and the contract's ABI is generated
//! from the signatures at compile time and embedded in the module as its `baals.abi` section.
//!
//! ```ignore
//! #![no_std]
//! use baals_sdk::{Address, ContractError, Event, contract, emit_event, sender, storage_get, storage_set};
//!
//! #[derive(Event)]
//! struct Transfer { from: Address, to: Address, amount: u64 }
//!
//! #[derive(ContractError)]
//! enum TokenError { InsufficientBalance }   // reverts with "insufficient balance"
//!
//! pub struct Token;
//!
//! #[contract(events(Transfer))]
//! impl Token {
//!     pub fn transfer(to: Address, amount: u64) -> Result<(), TokenError> { /* ... */ Ok(()) }
//!
//!     #[query]
//!     pub fn balance_of(account: Address) -> u64 { /* ... */ 0 }
//!
//!     #[payable]
//!     pub fn deposit() {}
//! }
//! ```
//!
//! The rest wraps host ABI v1 (`docs/abi.md`) in safe functions:
//!
//! - storage: [`storage_get`], [`storage_set`], [`storage_remove`];
//! - the call: [`input`], [`set_output`], [`sender`], [`value`], [`contract_id`], [`balance`];
//! - the block: [`block_height`], [`block_timestamp`];
//! - effects: [`emit_event`] (typed) and [`emit`], [`transfer`], [`call`], [`revert`];
//! - crypto: [`sha256`], [`verify_ed25519`];
//! - typed input and output in the ABI encoding: [`args`], [`output`], and the [`abi`] module
//!   ([`abi::Encode`], [`abi::Decode`]); [`schema`] is the ABI as constants.
//!
//! Everything builds on every target, so that a contract's crate compiles on the host too
//! (its tests deploy the built module with `baals-test`); the host functions themselves run
//! only in the engine and panic elsewhere.
//!
//! With the default `panic-handler` feature a panic reverts the call with its message, so a
//! failed `assert!` or `expect` tells the caller why.
// The unit tests run on the host, with the standard library's test harness.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod abi;
pub mod schema;

/// `#[derive(Abi)]`: a struct usable as an ABI type.
pub use baals_sdk_macros::Abi;
/// `#[derive(ContractError)]`: the errors a method returns, each a revert message.
pub use baals_sdk_macros::ContractError;
/// `#[derive(Event)]`: an event, with `#[event(topic = "...")]`.
pub use baals_sdk_macros::Event;
/// Declares a contract's methods: see the crate's documentation.
pub use baals_sdk_macros::contract;

/// An event: a struct whose fields are its data (`#[derive(Event)]`). [`emit_event`] emits it.
pub trait Event: abi::Encode {
    /// Its topic.
    const TOPIC: &'static str;
    /// Its data's fields, for the ABI.
    const FIELDS: &'static [schema::Field];
}

/// Errors a method returns in `Err` (`#[derive(ContractError)]`): each reverts the call with
/// its message, and the ABI lists them all.
pub trait ContractError {
    /// Every error of the type, for the ABI.
    const ERRORS: &'static [schema::Error];

    /// The revert message of this error.
    fn message(&self) -> &'static str;
}

/// Emits `event`: its topic, and its fields encoded as its data.
pub fn emit_event<E: Event>(event: &E) {
    emit(E::TOPIC.as_bytes(), &abi::Encode::to_bytes(event))
}

/// What the macros expand to refers to: not part of the API.
#[doc(hidden)]
pub mod __private {
    /// The error of a call with value to a method that is not `#[payable]`.
    pub const NOT_PAYABLE: &[crate::schema::Error] =
        &[crate::schema::Error { name: "not_payable", message: "method is not payable" }];

    /// Reverts unless the call came without value.
    pub fn refuse_value() {
        if crate::value() != 0 {
            crate::revert(NOT_PAYABLE[0].message.as_bytes())
        }
    }

    /// Reverts with `error`'s message.
    pub fn revert_with<E: crate::ContractError>(error: &E) -> ! {
        crate::revert(error.message().as_bytes())
    }

    /// An array's length as the ABI writes it; over `u32` fails the build.
    pub const fn array_len(n: usize) -> u32 {
        assert!(n <= u32::MAX as usize, "an ABI array has at most u32::MAX elements");
        n as u32
    }
}

use alloc::vec;
use alloc::vec::Vec;

/// A 32-byte address: an account or a contract.
pub type Address = [u8; 32];

/// Host ABI v1's imports on wasm32; elsewhere (a contract's crate built for the host, for its
/// tests and tools) functions of the same signatures that panic, so that the contract compiles
/// everywhere and runs only in the engine.
mod sys {
    macro_rules! host_functions {
        ($(fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)?;)*) => {
            #[cfg(target_arch = "wasm32")]
            #[link(wasm_import_module = "env")]
            unsafe extern "C" {
                $(pub fn $name($($arg: $ty),*) $(-> $ret)?;)*
            }

            $(
                #[cfg(not(target_arch = "wasm32"))]
                #[allow(unused_variables, clippy::missing_safety_doc)]
                pub unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
                    outside_the_engine(stringify!($name))
                }
            )*
        };
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn outside_the_engine(function: &str) -> ! {
        panic!(
            "{function} is a host function of the baals engine: a contract runs as wasm32 in the engine \
             (test it by deploying the built module, with baals-test)"
        )
    }

    host_functions! {
        fn baals_storage_read(key_ptr: *const u8, key_len: u32, value_ptr: *mut u8, value_cap: u32) -> i32;
        fn baals_storage_write(key_ptr: *const u8, key_len: u32, value_ptr: *const u8, value_len: u32);
        fn baals_storage_remove(key_ptr: *const u8, key_len: u32);
        fn baals_get_sender(ptr: *mut u8);
        fn baals_get_contract_id(ptr: *mut u8);
        fn baals_get_block_timestamp() -> i64;
        fn baals_get_block_index() -> i64;
        fn baals_get_input_data(ptr: *mut u8, cap: u32) -> i32;
        fn baals_set_return_data(ptr: *const u8, len: u32);
        fn baals_get_value() -> i64;
        fn baals_get_balance() -> i64;
        fn baals_transfer(account_ptr: *const u8, amount: i64) -> i32;
        fn baals_hash_sha256(data_ptr: *const u8, data_len: u32, out_ptr: *mut u8);
        fn baals_verify_signature(
            pk_ptr: *const u8,
            pk_len: u32,
            msg_ptr: *const u8,
            msg_len: u32,
            sig_ptr: *const u8,
            sig_len: u32,
        ) -> i32;
        fn baals_call_contract(
            id_ptr: *const u8,
            id_len: u32,
            method_ptr: *const u8,
            method_len: u32,
            payload_ptr: *const u8,
            payload_len: u32,
            value: i64,
        ) -> i32;
        fn baals_read_call_result(ptr: *mut u8, cap: u32) -> i32;
        fn baals_emit_event(topic_ptr: *const u8, topic_len: u32, data_ptr: *const u8, data_len: u32);
        fn baals_revert(msg_ptr: *const u8, msg_len: u32) -> !;
    }
}

// Every wrapper passes pointers and lengths of live Rust slices: the host reads or writes
// exactly those bytes and nothing else (ABI v1).

/// Reads a host-provided buffer of unknown length: first with a small buffer, then again with
/// the full length the host reported.
fn read_sized(mut read: impl FnMut(*mut u8, u32) -> i32) -> Option<Vec<u8>> {
    let mut buffer = vec![0u8; 256];
    let length = read(buffer.as_mut_ptr(), buffer.len() as u32);
    if length < 0 {
        return None;
    }
    let length = length as usize;
    if length > buffer.len() {
        buffer = vec![0u8; length];
        read(buffer.as_mut_ptr(), length as u32);
    }
    buffer.truncate(length);
    Some(buffer)
}

/// The value stored under `key` by this contract, if any.
pub fn storage_get(key: &[u8]) -> Option<Vec<u8>> {
    read_sized(|ptr, cap| unsafe { sys::baals_storage_read(key.as_ptr(), key.len() as u32, ptr, cap) })
}

/// Stores `value` under `key` for this contract.
pub fn storage_set(key: &[u8], value: &[u8]) {
    unsafe { sys::baals_storage_write(key.as_ptr(), key.len() as u32, value.as_ptr(), value.len() as u32) }
}

/// Removes `key` from this contract's storage.
pub fn storage_remove(key: &[u8]) {
    unsafe { sys::baals_storage_remove(key.as_ptr(), key.len() as u32) }
}

/// The account (or contract) that called this method.
pub fn sender() -> Address {
    let mut out = [0u8; 32];
    unsafe { sys::baals_get_sender(out.as_mut_ptr()) };
    out
}

/// This contract's id.
pub fn contract_id() -> Address {
    let mut out = [0u8; 32];
    unsafe { sys::baals_get_contract_id(out.as_mut_ptr()) };
    out
}

/// The block's timestamp.
pub fn block_timestamp() -> u64 {
    unsafe { sys::baals_get_block_timestamp() as u64 }
}

/// The block's height.
pub fn block_height() -> u64 {
    unsafe { sys::baals_get_block_index() as u64 }
}

/// The call's input.
pub fn input() -> Vec<u8> {
    read_sized(|ptr, cap| unsafe { sys::baals_get_input_data(ptr, cap) }).unwrap_or_default()
}

/// Sets the call's output.
pub fn set_output(bytes: &[u8]) {
    unsafe { sys::baals_set_return_data(bytes.as_ptr(), bytes.len() as u32) }
}

/// The call's input decoded as a `T` (a method's inputs: a tuple of them, `()` for none; or
/// one type), taking up exactly the whole input. Reverts with `bad input: ` and the reason
/// (e.g. `bad input: input cut short at byte 32`) when it does not decode.
pub fn args<T: abi::Decode>() -> T {
    match abi::decode_all(&input()) {
        Ok(value) => value,
        Err(error) => {
            let mut message = b"bad input: ".to_vec();
            error.write_message(&mut message);
            revert(&message)
        }
    }
}

/// Sets the call's output to the ABI encoding of `value`.
pub fn output<T: abi::Encode + ?Sized>(value: &T) {
    set_output(&value.to_bytes())
}

/// The native value sent with this call (already in this contract's balance).
pub fn value() -> u64 {
    unsafe { sys::baals_get_value() as u64 }
}

/// This contract's native balance.
pub fn balance() -> u64 {
    unsafe { sys::baals_get_balance() as u64 }
}

/// The contract's balance could not pay a transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InsufficientBalance;

/// Moves `amount` of this contract's native balance to `to`.
pub fn transfer(to: &Address, amount: u64) -> Result<(), InsufficientBalance> {
    let amount = i64::try_from(amount).map_err(|_| InsufficientBalance)?;
    match unsafe { sys::baals_transfer(to.as_ptr(), amount) } {
        0 => Ok(()),
        _ => Err(InsufficientBalance),
    }
}

/// sha256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    unsafe { sys::baals_hash_sha256(data.as_ptr(), data.len() as u32, out.as_mut_ptr()) };
    out
}

/// Whether `signature` is `public_key`'s ed25519 signature of `message` (strict rules).
pub fn verify_ed25519(public_key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    unsafe {
        sys::baals_verify_signature(
            public_key.as_ptr(),
            32,
            message.as_ptr(),
            message.len() as u32,
            signature.as_ptr(),
            64,
        ) == 1
    }
}

/// Calls `method` of `contract` with `payload`, sending `value` from this contract's balance.
/// The callee's output, or, if it failed, the reason (e.g. `reverted: ...`): the callee's
/// changes are then undone, this contract's are not.
pub fn call(contract: &Address, method: &str, payload: &[u8], value: u64) -> Result<Vec<u8>, Vec<u8>> {
    let value = i64::try_from(value).unwrap_or(i64::MAX);
    let status = unsafe {
        sys::baals_call_contract(
            contract.as_ptr(),
            32,
            method.as_ptr(),
            method.len() as u32,
            payload.as_ptr(),
            payload.len() as u32,
            value,
        )
    };
    let result = read_sized(|ptr, cap| unsafe { sys::baals_read_call_result(ptr, cap) }).unwrap_or_default();
    if status < 0 { Err(result) } else { Ok(result) }
}

/// Emits an event.
pub fn emit(topic: &[u8], data: &[u8]) {
    unsafe { sys::baals_emit_event(topic.as_ptr(), topic.len() as u32, data.as_ptr(), data.len() as u32) }
}

/// Ends the call as reverted with `message`: nothing it did stays.
pub fn revert(message: &[u8]) -> ! {
    unsafe { sys::baals_revert(message.as_ptr(), message.len() as u32) }
}

/// Reverts with `message` unless `condition` holds.
pub fn require(condition: bool, message: &str) {
    if !condition {
        revert(message.as_bytes())
    }
}

/// Reads a little-endian `u64` at `offset` of `bytes`, reverting when it is not there.
pub fn read_u64(bytes: &[u8], offset: usize) -> u64 {
    match bytes.get(offset..offset + 8) {
        Some(slice) => {
            let mut raw = [0u8; 8];
            raw.copy_from_slice(slice);
            u64::from_le_bytes(raw)
        }
        None => revert(b"input too short"),
    }
}

/// Reads a 32-byte address at `offset` of `bytes`, reverting when it is not there.
pub fn read_address(bytes: &[u8], offset: usize) -> Address {
    match bytes.get(offset..offset + 32) {
        Some(slice) => {
            let mut out = [0u8; 32];
            out.copy_from_slice(slice);
            out
        }
        None => revert(b"input too short"),
    }
}

/// Concatenates byte strings: keys and event data.
pub fn concat(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = vec![];
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

/// A bump allocator: every call runs in a fresh instance whose memory is dropped afterwards,
/// so nothing needs freeing. It grows memory a page at a time as needed.
#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
mod allocator {
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::Cell;

    struct Bump {
        next: Cell<usize>,
    }

    // One thread: wasm32-unknown-unknown contracts have no threads.
    unsafe impl Sync for Bump {}

    unsafe extern "C" {
        static __heap_base: u8;
    }

    const PAGE: usize = 65536;

    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let mut next = self.next.get();
            if next == 0 {
                next = core::ptr::addr_of!(__heap_base) as usize;
            }
            let start = (next + layout.align() - 1) & !(layout.align() - 1);
            let Some(end) = start.checked_add(layout.size()) else { return core::ptr::null_mut() };
            let size = core::arch::wasm32::memory_size(0) * PAGE;
            if end > size {
                let pages = (end - size).div_ceil(PAGE);
                if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                    return core::ptr::null_mut();
                }
            }
            self.next.set(end);
            start as *mut u8
        }

        unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
    }

    #[global_allocator]
    static ALLOCATOR: Bump = Bump { next: Cell::new(0) };
}

#[cfg(all(target_arch = "wasm32", feature = "panic-handler"))]
mod panic {
    use core::fmt::Write;

    /// A fixed buffer: formatting the message must not allocate (the allocator may be what
    /// failed).
    struct Message {
        bytes: [u8; 256],
        len: usize,
    }

    impl Write for Message {
        fn write_str(&mut self, text: &str) -> core::fmt::Result {
            let room = self.bytes.len() - self.len;
            let take = text.len().min(room);
            self.bytes[self.len..self.len + take].copy_from_slice(&text.as_bytes()[..take]);
            self.len += take;
            Ok(())
        }
    }

    #[panic_handler]
    fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
        let mut message = Message { bytes: [0; 256], len: 0 };
        let _ = write!(message, "panicked: {}", info.message());
        super::revert(&message.bytes[..message.len])
    }
}
