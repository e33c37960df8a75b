//! An escrow: holds native value for a beneficiary until an arbiter signs its release.
//!
//! The arbiter signs `"release" || escrow id || height` with ed25519 (the current block height,
//! so that a signature cannot be replayed later). Its ABI is generated from the methods below
//! and embedded in the module.
#![no_std]

use baals_sdk::{
    Address, ContractError, Event, balance, block_height, concat, contract, contract_id, emit_event, read_address,
    storage_get, storage_set, transfer, value, verify_ed25519,
};

/// Value received.
#[derive(Event)]
pub struct Deposit {
    amount: u64,
}

/// The balance paid to the beneficiary.
#[derive(Event)]
pub struct Released {
    beneficiary: Address,
    amount: u64,
}

/// Why a release reverts.
#[derive(ContractError)]
pub enum EscrowError {
    NotSignedByTheArbiter,
    TransferFailed,
}

/// The escrow.
pub struct Escrow;

fn stored_address(key: &[u8]) -> Address {
    read_address(&storage_get(key).unwrap_or_default(), 0)
}

#[contract(events(Deposit, Released))]
impl Escrow {
    /// Holds value for `beneficiary`, released by the holder of `arbiter_key`.
    pub fn instantiate(beneficiary: Address, arbiter_key: Address) {
        storage_set(b"beneficiary", &beneficiary);
        storage_set(b"arbiter", &arbiter_key);
    }

    /// Keeps the value sent with the call.
    #[payable]
    pub fn deposit() {
        emit_event(&Deposit { amount: value() });
    }

    /// Pays the whole balance to the beneficiary, given the arbiter's signature.
    pub fn release(signature: [u8; 64]) -> Result<(), EscrowError> {
        let arbiter = stored_address(b"arbiter");
        let message = concat(&[b"release", &contract_id(), &block_height().to_le_bytes()]);
        if !verify_ed25519(&arbiter, &message, &signature) {
            return Err(EscrowError::NotSignedByTheArbiter);
        }
        let beneficiary = stored_address(b"beneficiary");
        let amount = balance();
        transfer(&beneficiary, amount).map_err(|_| EscrowError::TransferFailed)?;
        emit_event(&Released { beneficiary, amount });
        Ok(())
    }

    /// The balance held.
    #[query]
    pub fn held() -> u64 {
        balance()
    }
}
