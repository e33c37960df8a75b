//! Calls another contract: pays tokens out of its own token balance.
//!
//! Its ABI is generated from the method below and embedded in the module.
#![no_std]

use baals_sdk::abi::Encode;
use baals_sdk::{Address, call, contract, revert};

/// The forwarder.
pub struct Forwarder;

#[contract]
impl Forwarder {
    /// Calls `token.transfer(to, amount)` as itself; reverts with the token's reason if that
    /// fails.
    pub fn pay(token: Address, to: Address, amount: u64) {
        if let Err(reason) = call(&token, "transfer", &(to, amount).to_bytes(), 0) {
            revert(&reason)
        }
    }
}
