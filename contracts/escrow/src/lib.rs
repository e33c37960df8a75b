//! An escrow: holds native value for a beneficiary until an arbiter signs its release.
//!
//! - `instantiate(beneficiary: [u8; 32], arbiter_key: [u8; 32])`.
//! - `deposit()`: keeps the value sent with the call.
//! - `release(signature: [u8; 64])`: the arbiter's ed25519 signature of
//!   `"release" || escrow id || height` (the current block height, so that a signature cannot
//!   be replayed later); pays the whole balance to the beneficiary and emits `released`.
//! - `held() -> u64 LE`: the balance held.
//!
//! Its ABI is `abi.json`, embedded in the module.
#![no_std]

use baals_sdk::abi::Encode;
use baals_sdk::{
    balance, block_height, concat, contract_id, emit, input, output, read_address, require, storage_get, storage_set,
    transfer, verify_ed25519,
};

/// The ABI (`abi.json`, `docs/abi-json.md`), in the module as its `baals.abi` custom section.
/// On wasm32 a static with a link section becomes that custom section whether or not anything
/// uses it (`strip` keeps it); no `#[used]`, which would also copy the JSON into the data segment.
#[allow(dead_code)]
#[unsafe(link_section = "baals.abi")]
static ABI: [u8; include_bytes!("../abi.json").len()] = *include_bytes!("../abi.json");

#[unsafe(no_mangle)]
pub extern "C" fn instantiate() {
    let input = input();
    storage_set(b"beneficiary", &read_address(&input, 0));
    storage_set(b"arbiter", &read_address(&input, 32));
}

#[unsafe(no_mangle)]
pub extern "C" fn deposit() {
    emit(b"deposit", &baals_sdk::value().to_bytes());
}

#[unsafe(no_mangle)]
pub extern "C" fn release() {
    let input = input();
    let signature: [u8; 64] =
        input.as_slice().try_into().unwrap_or_else(|_| baals_sdk::revert(b"a signature is 64 bytes"));
    let arbiter = read_address(&storage_get(b"arbiter").unwrap_or_default(), 0);
    let message = concat(&[b"release", &contract_id(), &block_height().to_le_bytes()]);
    require(verify_ed25519(&arbiter, &message, &signature), "not signed by the arbiter");
    let beneficiary = read_address(&storage_get(b"beneficiary").unwrap_or_default(), 0);
    let amount = balance();
    require(transfer(&beneficiary, amount).is_ok(), "transfer failed");
    emit(b"released", &(beneficiary, amount).to_bytes());
}

#[unsafe(no_mangle)]
pub extern "C" fn held() {
    output(&balance());
}
