//! Reads of what the engine keeps in a state: accounts, balances, storage, events, ABIs.

use baals_abi::Abi;

use crate::block::StoredEvent;
use crate::keys::{self, decode_event, decode_event_key, state_key};
use crate::state::ContractRecord;
use crate::storage::{Entries, ReadTxn, StorageError, Table};
use crate::types::{Address, ContractAccount, ContractId};

/// The engine's records in a state, read: for explorers, the CLI, tests. Anything a
/// [`ReadTxn`] reads: a snapshot of committed state, or a transaction a block's changes were
/// written into.
#[derive(Clone, Copy)]
pub struct StateView<'s> {
    state: &'s dyn ReadTxn,
}

impl std::fmt::Debug for StateView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateView").finish_non_exhaustive()
    }
}

impl<'s> StateView<'s> {
    /// The records in `state`.
    pub fn new(state: &'s dyn ReadTxn) -> StateView<'s> {
        StateView { state }
    }

    /// A contract's account, if it exists.
    pub fn account(&self, id: &ContractId) -> Result<Option<ContractAccount>, StorageError> {
        let Some(bytes) = self.state.get(Table::Contracts, &id.0)? else { return Ok(None) };
        let record = ContractRecord::decode(&bytes)?;
        Ok(Some(ContractAccount {
            id: *id,
            code_hash: record.code.code_hash,
            policy_hash: record.code.policy_hash,
            storage_root: record.lattice.root(),
            balance: self.balance(id)?,
        }))
    }

    /// The native balance of an address.
    pub fn balance(&self, address: &Address) -> Result<u64, StorageError> {
        keys::read_u64(self.state, Table::Balances, address)
    }

    /// How many contracts `deployer` has deployed: the nonce of its next contract id.
    pub fn nonce(&self, deployer: &Address) -> Result<u64, StorageError> {
        keys::read_u64(self.state, Table::Nonces, deployer)
    }

    /// A value in a contract's storage.
    pub fn storage_value(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        self.state.get(Table::State, &state_key(contract, key))
    }

    /// Every key and value of a contract's storage, in key order.
    pub fn storage_entries(&self, contract: &ContractId) -> Result<Entries, StorageError> {
        let entries = self.state.scan(Table::State, &contract.0)?;
        Ok(entries.into_iter().map(|(key, value)| (key[32..].to_vec(), value)).collect())
    }

    /// Every event a contract emitted, in order.
    pub fn events(&self, contract: &ContractId) -> Result<Vec<StoredEvent>, StorageError> {
        let entries = self.state.scan(Table::Events, &contract.0)?;
        let mut events = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let corrupt = || StorageError::corrupt("event");
            let (height, call, index) = decode_event_key(&key).ok_or_else(corrupt)?;
            let (topic, data) = decode_event(&value).ok_or_else(corrupt)?;
            events.push(StoredEvent { contract: *contract, height, call, index, topic, data });
        }
        Ok(events)
    }

    /// The module deployed under `code_hash`, as it was deployed (before instrumentation).
    pub fn original(&self, code_hash: &baals_instrument::CodeHash) -> Result<Option<Vec<u8>>, StorageError> {
        self.state.get(Table::Originals, &code_hash.0)
    }

    /// The ABI a contract was deployed with (its module's `baals.abi` section, or one given at
    /// deployment), if any.
    pub fn abi(&self, id: &ContractId) -> Result<Option<Abi>, StorageError> {
        let Some(bytes) = self.state.get(Table::Abis, &id.0)? else { return Ok(None) };
        // Checked when it was stored: a failure here is a corrupt database.
        Abi::parse_bytes(&bytes).map(Some).map_err(|error| StorageError::corrupt(format!("ABI of {id}: {error}")))
    }

    /// The greatest height of a block written, if any.
    pub fn latest_height(&self) -> Result<Option<u64>, StorageError> {
        keys::latest_height(self.state)
    }
}
