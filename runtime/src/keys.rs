//! How the engine's records are keyed and encoded in the tables (`docs/runtime.md`, "Storage").

use crate::storage::{ReadTxn, StorageError, Table};
use crate::types::Code;
use crate::types::{Address, ContractId};

/// `code hash || policy hash`: instrumented code, and the start of its artifacts' keys.
pub(crate) fn code_key(code: &Code) -> Vec<u8> {
    let mut key = Vec::with_capacity(96);
    key.extend_from_slice(&code.code_hash.0);
    key.extend_from_slice(&code.policy_hash.0);
    key
}

/// `contract id || key`.
pub(crate) fn state_key(contract: &ContractId, key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 + key.len());
    out.extend_from_slice(&contract.0);
    out.extend_from_slice(key);
    out
}

/// The contract and the key of a state key.
pub(crate) fn split_state_key(key: &[u8]) -> Option<(ContractId, &[u8])> {
    let (contract, key) = key.split_at_checked(32)?;
    Some((Address(contract.try_into().ok()?), key))
}

/// `contract id || height (8, big-endian) || call index (4, BE) || event index (4, BE)`:
/// a contract's events sort by block, then call, then emission.
pub(crate) fn event_key(contract: &ContractId, height: u64, call: u32, index: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(48);
    out.extend_from_slice(&contract.0);
    out.extend_from_slice(&height.to_be_bytes());
    out.extend_from_slice(&call.to_be_bytes());
    out.extend_from_slice(&index.to_be_bytes());
    out
}

/// The height, call index and event index of an event key.
pub(crate) fn decode_event_key(key: &[u8]) -> Option<(u64, u32, u32)> {
    let height = u64::from_be_bytes(key.get(32..40)?.try_into().ok()?);
    let call = u32::from_be_bytes(key.get(40..44)?.try_into().ok()?);
    let index = u32::from_be_bytes(key.get(44..48)?.try_into().ok()?);
    Some((height, call, index))
}

/// `topic length (4, little-endian) || topic || data`.
pub(crate) fn encode_event(topic: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + topic.len() + data.len());
    out.extend_from_slice(&(topic.len() as u32).to_le_bytes());
    out.extend_from_slice(topic);
    out.extend_from_slice(data);
    out
}

pub(crate) fn decode_event(bytes: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let length = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let topic = bytes.get(4..4usize.checked_add(length)?)?.to_vec();
    Some((topic, bytes[4 + length..].to_vec()))
}

/// The key of the latest height in [`Table::Meta`].
pub(crate) const LATEST_HEIGHT: &[u8] = b"latest-height";

/// A little-endian `u64` stored under an address (a balance, a nonce), 0 if absent.
pub(crate) fn read_u64(txn: &dyn ReadTxn, table: Table, address: &Address) -> Result<u64, StorageError> {
    match txn.get(table, &address.0)? {
        Some(bytes) => decode_u64(&bytes, table),
        None => Ok(0),
    }
}

pub(crate) fn decode_u64(bytes: &[u8], table: Table) -> Result<u64, StorageError> {
    let bytes: [u8; 8] = bytes.try_into().map_err(|_| StorageError::corrupt(format!("value in {}", table.name())))?;
    Ok(u64::from_le_bytes(bytes))
}

/// The greatest height of a block written, if any.
pub(crate) fn latest_height(txn: &dyn ReadTxn) -> Result<Option<u64>, StorageError> {
    txn.get(Table::Meta, LATEST_HEIGHT)?.map(|bytes| decode_u64(&bytes, Table::Meta)).transpose()
}
