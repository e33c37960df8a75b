//! A fungible token.
//!
//! - `instantiate(supply: u64 LE)`: the deployer gets the whole supply.
//! - `transfer(to: [u8; 32], amount: u64 LE)`: moves the sender's tokens (a zero amount
//!   panics, which reverts); emits `transfer` with `from || to || amount`.
//! - `balance_of(account: [u8; 32]) -> u64 LE`.
//! - `total_supply() -> u64 LE`.
//!
//! Its ABI is `abi.json`, embedded in the module. The input is read leniently, as before the
//! ABI: bytes after the inputs are ignored, and input cut short reverts with `input too short`.
#![no_std]

use baals_sdk::abi::Encode;
use baals_sdk::{
    Address, emit, input, output, read_address, read_u64, require, sender, set_output, storage_get, storage_set,
};

/// The ABI (`abi.json`, `docs/abi-json.md`), in the module as its `baals.abi` custom section.
/// On wasm32 a static with a link section becomes that custom section whether or not anything
/// uses it (`strip` keeps it); no `#[used]`, which would also copy the JSON into the data segment.
#[allow(dead_code)]
#[unsafe(link_section = "baals.abi")]
static ABI: [u8; include_bytes!("../abi.json").len()] = *include_bytes!("../abi.json");

const SUPPLY: &[u8] = b"supply";

fn balance_key(account: &Address) -> [u8; 33] {
    let mut key = [b'b'; 33];
    key[1..].copy_from_slice(account);
    key
}

fn balance(account: &Address) -> u64 {
    storage_get(&balance_key(account)).map_or(0, |bytes| read_u64(&bytes, 0))
}

fn set_balance(account: &Address, amount: u64) {
    storage_set(&balance_key(account), &amount.to_le_bytes());
}

#[unsafe(no_mangle)]
pub extern "C" fn instantiate() {
    let supply = read_u64(&input(), 0);
    let owner = sender();
    set_balance(&owner, supply);
    storage_set(SUPPLY, &supply.to_le_bytes());
    emit(b"mint", &(owner, supply).to_bytes());
}

#[unsafe(no_mangle)]
pub extern "C" fn transfer() {
    let input = input();
    let (to, amount) = (read_address(&input, 0), read_u64(&input, 32));
    assert!(amount > 0, "zero transfer");
    let from = sender();
    let available = balance(&from);
    require(available >= amount, "insufficient balance");
    set_balance(&from, available - amount);
    set_balance(&to, balance(&to).checked_add(amount).expect("balance overflow"));
    emit(b"transfer", &(from, to, amount).to_bytes());
}

#[unsafe(no_mangle)]
pub extern "C" fn balance_of() {
    output(&balance(&read_address(&input(), 0)));
}

#[unsafe(no_mangle)]
pub extern "C" fn total_supply() {
    set_output(&storage_get(SUPPLY).unwrap_or_default());
}
