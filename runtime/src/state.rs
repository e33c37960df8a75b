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

use crate::keys::{read_u64, split_state_key};
use crate::lattice::{Lattice, STATE_BYTES};
use crate::storage::{ReadTxn, StorageError, Table};
use crate::trace::{CallEnter, Tracer};
use crate::types::{Address, BlockContext, Code, ContractId, Event};

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
    StorageError::corrupt(format!("contract record of {} bytes", bytes.len()))
}

/// What one call (or, for the block's frame, a block's calls) changed.
#[derive(Default)]
pub(crate) struct Frame {
    /// Contract storage, by state key (`contract id || key`, `crate::keys::state_key`): the
    /// key the ledger's state holds it under, so that one key serves both lookups.
    pub(crate) state: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
    pub(crate) balances: BTreeMap<Address, u64>,
    events: Vec<Event>,
    /// In the block's frame: what the block's deployments stored (accounts, code, ABIs,
    /// nonces), as the tables will hold it; every read of those tables looks here first.
    pub(crate) written: BTreeMap<(Table, Vec<u8>), Vec<u8>>,
    /// In the block's frame: the code of each contract a call of the block has found, so that
    /// the next call of it does not read its account again (a redb read in a write
    /// transaction opens the table, about a sixth of a warm call's instructions). A contract's
    /// code never changes and no contract is removed, so what was found holds until the block
    /// ends; the frame, and this with it, goes when the block aborts.
    codes: BTreeMap<ContractId, Code>,
}

/// The state of one top-level call, shared by every instance it runs.
pub(crate) struct Execution {
    /// The ledger's state, as the block began.
    pub(crate) view: Box<dyn ReadTxn>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) read_only: bool,
    pub(crate) ctx: BlockContext,
    /// Contracts on the call stack, outermost first.
    pub(crate) call_stack: Vec<ContractId>,
    /// A contract being deployed: not stored yet, but its `instantiate` runs as it, and with
    /// its compiled module, which the module cache may have evicted by the time a call
    /// (re-entering it from a callee) looks for it again.
    pub(crate) deploying: Option<Deploying>,
    /// Told of everything the call does, if the caller asked for a trace.
    pub(crate) tracer: Option<Box<dyn Tracer>>,
}

/// A contract whose `instantiate` is running: its id, its code, the compiled module its calls
/// run on first (the copy, unless the engine runs without copies), and the instrumented module
/// (what a call that traps on the copy runs again on).
pub(crate) struct Deploying {
    pub(crate) id: ContractId,
    pub(crate) code: Code,
    /// The module its calls run on first, of the engine's own module type.
    pub(crate) compiled: Box<dyn std::any::Any + Send + Sync>,
    pub(crate) wasm: std::sync::Arc<[u8]>,
}

impl Execution {
    /// The execution state of a block over `view`, with the block's frame: each top-level call
    /// runs on it between [`Execution::begin`] and [`Execution::end`].
    pub(crate) fn new(view: Box<dyn ReadTxn>, block: Frame, ctx: BlockContext) -> Execution {
        Execution {
            view,
            frames: vec![block],
            read_only: false,
            ctx,
            call_stack: Vec::new(),
            deploying: None,
            tracer: None,
        }
    }

    /// Prepares for a top-level call (or a deployment's `instantiate`, with `deploying`).
    pub(crate) fn begin(&mut self, read_only: bool, deploying: Option<Deploying>, tracer: Option<Box<dyn Tracer>>) {
        self.frames.truncate(1);
        self.call_stack.clear();
        (self.read_only, self.deploying, self.tracer) = (read_only, deploying, tracer);
    }

    /// Ends a top-level call: what it did is in the block's frame, or gone; its tracer back.
    pub(crate) fn end(&mut self) -> Option<Box<dyn Tracer>> {
        self.frames.truncate(1);
        self.deploying = None;
        self.tracer.take()
    }

    /// The block's frame.
    pub(crate) fn block_frame(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        &mut self.frames[0]
    }

    /// The state and the block's frame.
    pub(crate) fn into_parts(mut self) -> (Box<dyn ReadTxn>, Frame) {
        self.frames.truncate(1);
        (self.view, self.frames.pop().unwrap_or_default())
    }

    /// A value of the state as the block's deployments left it: what they stored, else the
    /// ledger's state.
    pub(crate) fn read(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        if let Some(block) = self.frames.first()
            && let Some(value) = block.written.get(&(table, key.to_vec()))
        {
            return Ok(Some(value.clone()));
        }
        self.view.get(table, key)
    }

    pub(crate) fn tracing(&self) -> bool {
        self.tracer.is_some()
    }

    pub(crate) fn trace(&mut self, f: impl FnOnce(&mut dyn Tracer)) {
        if let Some(tracer) = &mut self.tracer {
            f(&mut **tracer);
        }
    }

    pub(crate) fn trace_enter(&mut self, call: &CallEnter<'_>) {
        self.trace(|tracer| tracer.call_enter(call));
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
        let Some(bytes) = self.read(Table::Contracts, &id.0)? else { return Ok(None) };
        let code = ContractRecord::decode_code(&bytes)?;
        if let Some(block) = self.frames.first_mut() {
            block.codes.insert(*id, code);
        }
        Ok(Some(code))
    }

    /// Runs `read` on a key of a contract's storage as the call sees it: a contract's read.
    /// `key` is the state key, `contract id || key`. A value in a frame is lent, not copied.
    pub(crate) fn storage_read<T>(
        &mut self,
        key: &[u8],
        read: impl FnOnce(Option<&[u8]>) -> T,
    ) -> Result<T, StorageError> {
        let stored;
        let value = match self.frames.iter().rev().find_map(|frame| frame.state.get(key)) {
            Some(value) => value.as_deref(),
            None => {
                stored = self.view.get(Table::State, key)?;
                stored.as_deref()
            }
        };
        if let Some(tracer) = &mut self.tracer
            && let Some((contract, key)) = split_state_key(key)
        {
            tracer.storage_read(&contract, key, value);
        }
        Ok(read(value))
    }

    fn storage_get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        for frame in self.frames.iter().rev() {
            if let Some(value) = frame.state.get(key) {
                return Ok(value.clone());
            }
        }
        self.view.get(Table::State, key)
    }

    /// Sets (or, with `None`, removes) a key in the innermost frame. `key` is the state key,
    /// `contract id || key`.
    pub(crate) fn storage_set(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) -> Result<(), StorageError> {
        // The value it replaces is read for a tracer only: a write needs no read.
        if self.tracing() {
            let old = self.storage_get(&key)?;
            if let (Some(tracer), Some((contract, key))) = (&mut self.tracer, split_state_key(&key)) {
                tracer.storage_write(&contract, key, old.as_deref(), value.as_deref());
            }
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.state.insert(key, value);
        }
        Ok(())
    }

    /// An address's balance, as the call sees it: a contract's read.
    pub(crate) fn balance_read(&mut self, address: &Address) -> Result<u64, StorageError> {
        let balance = self.balance(address)?;
        self.trace(|tracer| tracer.balance_read(address, balance));
        Ok(balance)
    }

    pub(crate) fn balance(&self, address: &Address) -> Result<u64, StorageError> {
        for frame in self.frames.iter().rev() {
            if let Some(balance) = frame.balances.get(address) {
                return Ok(*balance);
            }
        }
        read_u64(&*self.view, Table::Balances, address)
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
        self.trace(|tracer| {
            tracer.transfer(from, to, amount);
            tracer.balance_write(from, from_balance, from_balance - amount);
            tracer.balance_write(to, to_balance, credited);
        });
        if let Some(frame) = self.frames.last_mut() {
            frame.balances.insert(*from, from_balance - amount);
            frame.balances.insert(*to, credited);
        }
        Ok(true)
    }

    pub(crate) fn emit(&mut self, event: Event) {
        self.trace(|tracer| tracer.event(&event));
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
