//! Write baals contracts in Rust.
//!
//! A contract is a `cdylib` for `wasm32-unknown-unknown` whose methods are exported functions
//! of type `[] -> []`; it reads its input and writes its output through the host. This crate
//! wraps host ABI v1 (`docs/abi.md`) in safe functions:
//!
//! - storage: [`storage_get`], [`storage_set`], [`storage_remove`];
//! - the call: [`input`], [`set_output`], [`sender`], [`value`], [`contract_id`], [`balance`];
//! - the block: [`block_height`], [`block_timestamp`];
//! - effects: [`emit`], [`transfer`], [`call`], [`revert`];
//! - crypto: [`sha256`], [`verify_ed25519`];
//! - typed input and output in the ABI encoding (`docs/abi-json.md`): [`args`], [`output`],
//!   and the [`abi`] module ([`abi::Encode`], [`abi::Decode`], [`abi_struct!`]), which builds
//!   on every target so that host code and tests can encode and decode too.
//!
//! With the default `panic-handler` feature a panic reverts the call with its message, so a
//! failed `assert!` or `expect` tells the caller why.
//!
//! ```ignore
//! #[unsafe(no_mangle)]
//! pub extern "C" fn greet() {
//!     baals_sdk::storage_set(b"greeting", &baals_sdk::input());
//! }
//!
//! // ABI: inputs [a: u64, b: u64], output u64.
//! #[unsafe(no_mangle)]
//! pub extern "C" fn add() {
//!     let (a, b): (u64, u64) = baals_sdk::args();
//!     baals_sdk::output(&a.wrapping_add(b));
//! }
//! ```
// The unit tests run on the host, with the standard library's test harness.
#![cfg_attr(not(test), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod abi;

use alloc::vec;
use alloc::vec::Vec;

/// A 32-byte address: an account or a contract.
pub type Address = [u8; 32];

#[cfg(target_arch = "wasm32")]
mod sys {
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        pub fn baals_storage_read(key_ptr: *const u8, key_len: u32, value_ptr: *mut u8, value_cap: u32) -> i32;
        pub fn baals_storage_write(key_ptr: *const u8, key_len: u32, value_ptr: *const u8, value_len: u32);
        pub fn baals_storage_remove(key_ptr: *const u8, key_len: u32);
        pub fn baals_get_sender(ptr: *mut u8);
        pub fn baals_get_contract_id(ptr: *mut u8);
        pub fn baals_get_block_timestamp() -> i64;
        pub fn baals_get_block_index() -> i64;
        pub fn baals_get_input_data(ptr: *mut u8, cap: u32) -> i32;
        pub fn baals_set_return_data(ptr: *const u8, len: u32);
        pub fn baals_get_value() -> i64;
        pub fn baals_get_balance() -> i64;
        pub fn baals_transfer(account_ptr: *const u8, amount: i64) -> i32;
        pub fn baals_hash_sha256(data_ptr: *const u8, data_len: u32, out_ptr: *mut u8);
        pub fn baals_verify_signature(
            pk_ptr: *const u8,
            pk_len: u32,
            msg_ptr: *const u8,
            msg_len: u32,
            sig_ptr: *const u8,
            sig_len: u32,
        ) -> i32;
        pub fn baals_call_contract(
            id_ptr: *const u8,
            id_len: u32,
            method_ptr: *const u8,
            method_len: u32,
            payload_ptr: *const u8,
            payload_len: u32,
            value: i64,
        ) -> i32;
        pub fn baals_read_call_result(ptr: *mut u8, cap: u32) -> i32;
        pub fn baals_emit_event(topic_ptr: *const u8, topic_len: u32, data_ptr: *const u8, data_len: u32);
        pub fn baals_revert(msg_ptr: *const u8, msg_len: u32) -> !;
    }
}

// Every wrapper passes pointers and lengths of live Rust slices: the host reads or writes
// exactly those bytes and nothing else (ABI v1).

/// Reads a host-provided buffer of unknown length: first with a small buffer, then again with
/// the full length the host reported.
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
pub fn storage_get(key: &[u8]) -> Option<Vec<u8>> {
    read_sized(|ptr, cap| unsafe { sys::baals_storage_read(key.as_ptr(), key.len() as u32, ptr, cap) })
}

/// Stores `value` under `key` for this contract.
#[cfg(target_arch = "wasm32")]
pub fn storage_set(key: &[u8], value: &[u8]) {
    unsafe { sys::baals_storage_write(key.as_ptr(), key.len() as u32, value.as_ptr(), value.len() as u32) }
}

/// Removes `key` from this contract's storage.
#[cfg(target_arch = "wasm32")]
pub fn storage_remove(key: &[u8]) {
    unsafe { sys::baals_storage_remove(key.as_ptr(), key.len() as u32) }
}

/// The account (or contract) that called this method.
#[cfg(target_arch = "wasm32")]
pub fn sender() -> Address {
    let mut out = [0u8; 32];
    unsafe { sys::baals_get_sender(out.as_mut_ptr()) };
    out
}

/// This contract's id.
#[cfg(target_arch = "wasm32")]
pub fn contract_id() -> Address {
    let mut out = [0u8; 32];
    unsafe { sys::baals_get_contract_id(out.as_mut_ptr()) };
    out
}

/// The block's timestamp.
#[cfg(target_arch = "wasm32")]
pub fn block_timestamp() -> u64 {
    unsafe { sys::baals_get_block_timestamp() as u64 }
}

/// The block's height.
#[cfg(target_arch = "wasm32")]
pub fn block_height() -> u64 {
    unsafe { sys::baals_get_block_index() as u64 }
}

/// The call's input.
#[cfg(target_arch = "wasm32")]
pub fn input() -> Vec<u8> {
    read_sized(|ptr, cap| unsafe { sys::baals_get_input_data(ptr, cap) }).unwrap_or_default()
}

/// Sets the call's output.
#[cfg(target_arch = "wasm32")]
pub fn set_output(bytes: &[u8]) {
    unsafe { sys::baals_set_return_data(bytes.as_ptr(), bytes.len() as u32) }
}

/// The call's input decoded as a `T` (a method's inputs: a tuple of them, `()` for none; or
/// one type), taking up exactly the whole input. Reverts with `bad input: ` and the reason
/// (e.g. `bad input: input cut short at byte 32`) when it does not decode.
#[cfg(target_arch = "wasm32")]
pub fn args<T: abi::Decode>() -> T {
    match abi::decode_all(&input()) {
        Ok(value) => value,
        Err(error) => revert(alloc::format!("bad input: {error}").as_bytes()),
    }
}

/// Sets the call's output to the ABI encoding of `value`.
#[cfg(target_arch = "wasm32")]
pub fn output<T: abi::Encode + ?Sized>(value: &T) {
    set_output(&value.to_bytes())
}

/// The native value sent with this call (already in this contract's balance).
#[cfg(target_arch = "wasm32")]
pub fn value() -> u64 {
    unsafe { sys::baals_get_value() as u64 }
}

/// This contract's native balance.
#[cfg(target_arch = "wasm32")]
pub fn balance() -> u64 {
    unsafe { sys::baals_get_balance() as u64 }
}

/// The contract's balance could not pay a transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InsufficientBalance;

/// Moves `amount` of this contract's native balance to `to`.
#[cfg(target_arch = "wasm32")]
pub fn transfer(to: &Address, amount: u64) -> Result<(), InsufficientBalance> {
    let amount = i64::try_from(amount).map_err(|_| InsufficientBalance)?;
    match unsafe { sys::baals_transfer(to.as_ptr(), amount) } {
        0 => Ok(()),
        _ => Err(InsufficientBalance),
    }
}

/// sha256 of `data`.
#[cfg(target_arch = "wasm32")]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    unsafe { sys::baals_hash_sha256(data.as_ptr(), data.len() as u32, out.as_mut_ptr()) };
    out
}

/// Whether `signature` is `public_key`'s ed25519 signature of `message` (strict rules).
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
pub fn emit(topic: &[u8], data: &[u8]) {
    unsafe { sys::baals_emit_event(topic.as_ptr(), topic.len() as u32, data.as_ptr(), data.len() as u32) }
}

/// Ends the call as reverted with `message`: nothing it did stays.
#[cfg(target_arch = "wasm32")]
pub fn revert(message: &[u8]) -> ! {
    unsafe { sys::baals_revert(message.as_ptr(), message.len() as u32) }
}

/// Reverts with `message` unless `condition` holds.
#[cfg(target_arch = "wasm32")]
pub fn require(condition: bool, message: &str) {
    if !condition {
        revert(message.as_bytes())
    }
}

/// Reads a little-endian `u64` at `offset` of `bytes`, reverting when it is not there.
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
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
