//! A fungible token: balances, transfers, events.
//!
//! The deployer gets the whole supply. Its ABI is generated from the methods below and
//! embedded in the module (`baals abi token.wasm` prints it).
#![no_std]

use baals_sdk::{Address, ContractError, Event, contract, emit_event, read_u64, sender, storage_get, storage_set};

/// Tokens created at deployment.
#[derive(Event)]
pub struct Mint {
    owner: Address,
    supply: u64,
}

/// Tokens moved.
#[derive(Event)]
pub struct Transfer {
    from: Address,
    to: Address,
    amount: u64,
}

/// Why a transfer reverts.
#[derive(ContractError)]
pub enum TokenError {
    InsufficientBalance,
    ZeroTransfer,
    BalanceOverflow,
}

/// The token.
pub struct Token;

const SUPPLY: &[u8] = b"supply";

fn balance_key(account: &Address) -> [u8; 33] {
    let mut key = [b'b'; 33];
    key[1..].copy_from_slice(account);
    key
}

fn stored_u64(key: &[u8]) -> u64 {
    storage_get(key).map_or(0, |bytes| read_u64(&bytes, 0))
}

fn set_balance(account: &Address, amount: u64) {
    storage_set(&balance_key(account), &amount.to_le_bytes());
}

#[contract(events(Mint, Transfer))]
impl Token {
    /// Mints `supply` to the deployer.
    pub fn instantiate(supply: u64) {
        let owner = sender();
        set_balance(&owner, supply);
        storage_set(SUPPLY, &supply.to_le_bytes());
        emit_event(&Mint { owner, supply });
    }

    /// Moves `amount` of the sender's tokens to `to`.
    pub fn transfer(to: Address, amount: u64) -> Result<(), TokenError> {
        if amount == 0 {
            return Err(TokenError::ZeroTransfer);
        }
        let from = sender();
        let available = stored_u64(&balance_key(&from));
        if available < amount {
            return Err(TokenError::InsufficientBalance);
        }
        set_balance(&from, available - amount);
        let received = stored_u64(&balance_key(&to)).checked_add(amount).ok_or(TokenError::BalanceOverflow)?;
        set_balance(&to, received);
        emit_event(&Transfer { from, to, amount });
        Ok(())
    }

    /// The tokens `account` holds.
    #[query]
    pub fn balance_of(account: Address) -> u64 {
        stored_u64(&balance_key(&account))
    }

    /// All the tokens there are.
    #[query]
    pub fn total_supply() -> u64 {
        stored_u64(SUPPLY)
    }
}
