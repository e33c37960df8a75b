//! State during a call: overlay frames over the block's transaction, and how a successful call
//! is applied to it.
//!
//! Every call (top-level or nested) runs in its own frame: its storage writes, balance moves
//! and events. Reads see the frames from the innermost out, then the block's frame (what the
//! block's earlier calls changed), then the transaction. A call that fails drops its frame;
//! one that succeeds merges it into its caller's, a top-level call's into the block's. The
//! block's frame is applied to the transaction when the block commits: each key the block
//! changed is written once, and each contract's storage root updated once per key, however
//! many calls wrote it. So a failed call leaves no trace, and a callee's failure keeps its
//! caller's earlier writes.

use std::collections::BTreeMap;

use baals_instrument::CodeHash;
use baals_policy::PolicyHash;

use crate::backend::Compiled;
use crate::lattice::{Lattice, STATE_BYTES};
use crate::storage::{ReadTxn, StorageError, Table, WriteTxn};
use crate::types::{Address, BlockContext, ContractId, Event};

/// The transaction a call reads (and, if it is not a query, writes through its frames).
pub(crate) enum View {
    Write(Box<dyn WriteTxn>),
    Read(Box<dyn ReadTxn>),
}

impl View {
    pub(crate) fn read(&self) -> &dyn ReadTxn {
        match self {
            View::Write(txn) => &**txn,
            View::Read(txn) => &**txn,
        }
    }
}

/// A contract's code, as the account names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Code {
    pub(crate) code_hash: CodeHash,
    pub(crate) policy_hash: PolicyHash,
}

/// The stored account of a contract: its code and the lattice state of its storage.
pub(crate) struct ContractRecord {
    pub(crate) code: Code,
    pub(crate) lattice: Lattice,
}

const RECORD_VERSION: u8 = 1;

impl ContractRecord {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 + 64 + STATE_BYTES);
        out.push(RECORD_VERSION);
        out.extend_from_slice(&self.code.code_hash.0);
        out.extend_from_slice(&self.code.policy_hash.0);
        out.extend_from_slice(&self.lattice.to_bytes());
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<ContractRecord, StorageError> {
        let code = ContractRecord::decode_code(bytes)?;
        let lattice = Lattice::from_bytes(&bytes[65..]).ok_or_else(|| corrupt_record(bytes))?;
        Ok(ContractRecord { code, lattice })
    }

    /// Just the code of a record: what every call needs, without the 2 KiB lattice state.
    pub(crate) fn decode_code(bytes: &[u8]) -> Result<Code, StorageError> {
        if bytes.len() != 1 + 64 + STATE_BYTES || bytes[0] != RECORD_VERSION {
            return Err(corrupt_record(bytes));
        }
        let hash = |range: std::ops::Range<usize>| -> [u8; 32] { bytes[range].try_into().unwrap_or([0; 32]) };
        Ok(Code { code_hash: CodeHash(hash(1..33)), policy_hash: PolicyHash(hash(33..65)) })
    }
}

fn corrupt_record(bytes: &[u8]) -> StorageError {
    StorageError(format!("corrupt contract record of {} bytes", bytes.len()))
}

/// What one call (or, for the block's frame, a block's calls) changed.
#[derive(Default)]
pub(crate) struct Frame {
    state: BTreeMap<(ContractId, Vec<u8>), Option<Vec<u8>>>,
    balances: BTreeMap<Address, u64>,
    events: Vec<Event>,
    /// In the block's frame: the code of each contract a call of the block has found, so that
    /// the next call of it does not read its account again (a redb read in a write
    /// transaction opens the table, about a sixth of a warm call's instructions). A contract's
    /// code never changes and no contract is removed, so what was found holds until the block
    /// ends; the frame, and this with it, goes when the block aborts.
    codes: BTreeMap<ContractId, Code>,
}

/// The state of one top-level call, shared by every instance it runs.
pub(crate) struct Execution {
    pub(crate) view: View,
    pub(crate) frames: Vec<Frame>,
    pub(crate) read_only: bool,
    pub(crate) ctx: BlockContext,
    /// Contracts on the call stack, outermost first.
    pub(crate) call_stack: Vec<ContractId>,
    /// A contract being deployed: not stored yet, but its `instantiate` runs as it, and with
    /// its compiled module, which the module cache may have evicted by the time a call
    /// (re-entering it from a callee) looks for it again.
    pub(crate) deploying: Option<Deploying>,
    /// A write to the transaction failed during the call (a compiled artifact, the only
    /// thing a call writes there): what the transaction holds is unknown, and the block
    /// cannot go on.
    pub(crate) write_failed: bool,
}

/// A contract whose `instantiate` is running: its id, its code, the compiled module its calls
/// run on first (the copy, unless the engine runs without copies), and the instrumented module
/// (what a call that traps on the copy runs again on).
pub(crate) struct Deploying {
    pub(crate) id: ContractId,
    pub(crate) code: Code,
    pub(crate) compiled: Compiled,
    pub(crate) wasm: std::sync::Arc<[u8]>,
}

impl Execution {
    /// An execution over `view`, on top of the block's frame.
    pub(crate) fn new(view: View, block: Frame, ctx: BlockContext, read_only: bool) -> Execution {
        Execution {
            view,
            frames: vec![block],
            read_only,
            ctx,
            call_stack: Vec::new(),
            deploying: None,
            write_failed: false,
        }
    }

    /// The transaction and the block's frame, back from a finished call; `None` if a write to
    /// the transaction failed.
    pub(crate) fn into_parts(mut self) -> Option<(View, Frame)> {
        if self.write_failed {
            return None;
        }
        self.frames.truncate(1);
        let block = self.frames.pop().unwrap_or_default();
        Some((self.view, block))
    }

    /// The code of a contract, if it exists.
    pub(crate) fn contract(&mut self, id: &ContractId) -> Result<Option<Code>, StorageError> {
        if let Some(deploying) = &self.deploying
            && deploying.id == *id
        {
            return Ok(Some(deploying.code));
        }
        if let Some(code) = self.frames.first().and_then(|block| block.codes.get(id)) {
            return Ok(Some(*code));
        }
        let Some(bytes) = self.view.read().get(Table::Contracts, &id.0)? else { return Ok(None) };
        let code = ContractRecord::decode_code(&bytes)?;
        if let Some(block) = self.frames.first_mut() {
            block.codes.insert(*id, code);
        }
        Ok(Some(code))
    }

    pub(crate) fn storage_get(&self, contract: &ContractId, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        let entry = (*contract, key.to_vec());
        for frame in self.frames.iter().rev() {
            if let Some(value) = frame.state.get(&entry) {
                return Ok(value.clone());
            }
        }
        self.view.read().get(Table::State, &state_key(contract, key))
    }

    /// Sets (or, with `None`, removes) a key in the innermost frame.
    pub(crate) fn storage_set(&mut self, contract: &ContractId, key: Vec<u8>, value: Option<Vec<u8>>) {
        if let Some(frame) = self.frames.last_mut() {
            frame.state.insert((*contract, key), value);
        }
    }

    pub(crate) fn balance(&self, address: &Address) -> Result<u64, StorageError> {
        for frame in self.frames.iter().rev() {
            if let Some(balance) = frame.balances.get(address) {
                return Ok(*balance);
            }
        }
        read_balance(self.view.read(), address)
    }

    /// Moves `amount` from `from` to `to` in the innermost frame; false if `from` cannot pay.
    pub(crate) fn transfer(&mut self, from: &Address, to: &Address, amount: u64) -> Result<bool, StorageError> {
        // Every call moves its value, most of them none: no balance needs reading for that.
        if amount == 0 {
            return Ok(true);
        }
        let from_balance = self.balance(from)?;
        if from_balance < amount {
            return Ok(false);
        }
        if from == to {
            return Ok(true);
        }
        let to_balance = self.balance(to)?;
        let Some(credited) = to_balance.checked_add(amount) else { return Ok(false) };
        if let Some(frame) = self.frames.last_mut() {
            frame.balances.insert(*from, from_balance - amount);
            frame.balances.insert(*to, credited);
        }
        Ok(true)
    }

    pub(crate) fn emit(&mut self, event: Event) {
        if let Some(frame) = self.frames.last_mut() {
            frame.events.push(event);
        }
    }

    pub(crate) fn push_frame(&mut self) {
        self.frames.push(Frame::default());
    }

    /// Ends the innermost frame: merged into its caller's on success, dropped otherwise. A
    /// top-level call's events are not merged into the block's frame but returned, for the
    /// block to record under the call's index.
    pub(crate) fn pop_frame(&mut self, success: bool) -> Vec<Event> {
        if self.frames.len() < 2 {
            return Vec::new();
        }
        let Some(frame) = self.frames.pop() else { return Vec::new() };
        if !success {
            return Vec::new();
        }
        let top_level = self.frames.len() == 1;
        let Some(parent) = self.frames.last_mut() else { return Vec::new() };
        parent.state.extend(frame.state);
        parent.balances.extend(frame.balances);
        if top_level {
            return frame.events;
        }
        parent.events.extend(frame.events);
        Vec::new()
    }
}

impl Frame {
    /// Adds `amount` to an address's balance in this frame.
    pub(crate) fn credit(&mut self, txn: &dyn ReadTxn, address: &Address, amount: u64) -> Result<u64, StorageError> {
        let balance = match self.balances.get(address) {
            Some(balance) => *balance,
            None => read_balance(txn, address)?,
        };
        let balance = balance
            .checked_add(amount)
            .ok_or_else(|| StorageError(format!("the balance of {address} would overflow")))?;
        self.balances.insert(*address, balance);
        Ok(balance)
    }

    /// Applies a block's frame to its transaction: storage (and each touched contract's storage
    /// root, once per key changed), balances; and the block's events, each call's under its
    /// index. The writes go to the transaction table by table ([`WriteTxn::write_all`]).
    pub(crate) fn apply(
        self,
        txn: &mut dyn WriteTxn,
        height: u64,
        events: &[(u32, Vec<Event>)],
    ) -> Result<(), StorageError> {
        let mut records: BTreeMap<ContractId, ContractRecord> = BTreeMap::new();
        let mut state = Vec::new();
        for ((contract, key), value) in self.state {
            let record = match records.entry(contract) {
                std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
                std::collections::btree_map::Entry::Vacant(entry) => {
                    let bytes = txn
                        .get(Table::Contracts, &contract.0)?
                        .ok_or_else(|| StorageError(format!("state written for unknown contract {contract}")))?;
                    entry.insert(ContractRecord::decode(&bytes)?)
                }
            };
            let full_key = state_key(&contract, &key);
            let old = txn.get(Table::State, &full_key)?;
            if old == value {
                continue;
            }
            if let Some(old) = old {
                record.lattice.remove(&key, &old);
            }
            if let Some(value) = &value {
                record.lattice.insert(&key, value);
            }
            state.push((full_key, value));
        }
        txn.write_all(Table::State, &state)?;
        let contracts: Vec<_> =
            records.into_iter().map(|(contract, record)| (contract.0.to_vec(), Some(record.encode()))).collect();
        txn.write_all(Table::Contracts, &contracts)?;
        let balances: Vec<_> = self
            .balances
            .into_iter()
            .map(|(address, balance)| (address.0.to_vec(), Some(balance.to_le_bytes().to_vec())))
            .collect();
        txn.write_all(Table::Balances, &balances)?;
        let mut log = Vec::with_capacity(events.iter().map(|(_, call_events)| call_events.len()).sum());
        for (call, call_events) in events {
            for (index, event) in call_events.iter().enumerate() {
                let key = event_key(&event.contract, height, *call, index as u32);
                log.push((key, Some(encode_event(&event.topic, &event.data))));
            }
        }
        txn.write_all(Table::Events, &log)
    }
}

/// `contract id || key`.
pub(crate) fn state_key(contract: &ContractId, key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 + key.len());
    out.extend_from_slice(&contract.0);
    out.extend_from_slice(key);
    out
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
    let topic = bytes.get(4..4 + length)?.to_vec();
    Some((topic, bytes[4 + length..].to_vec()))
}

pub(crate) fn read_balance(txn: &dyn ReadTxn, address: &Address) -> Result<u64, StorageError> {
    read_u64(txn, Table::Balances, address)
}

pub(crate) fn read_u64(txn: &dyn ReadTxn, table: Table, address: &Address) -> Result<u64, StorageError> {
    match txn.get(table, &address.0)? {
        Some(bytes) => {
            let bytes: [u8; 8] = bytes.as_slice().try_into().map_err(|_| StorageError("corrupt balance".into()))?;
            Ok(u64::from_le_bytes(bytes))
        }
        None => Ok(0),
    }
}
