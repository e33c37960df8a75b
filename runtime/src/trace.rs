//! Tracing: a [`Tracer`] is told of everything a call does, as it happens: calls entered and
//! left (nested ones too), host calls with the gas each charged, storage read and written,
//! balances, events. Every method does nothing by default; a call run without a tracer makes
//! none of these calls and reads nothing a tracer would need (the value a write replaces, say),
//! so tracing costs nothing unused.
//!
//! A traced call runs once, on the stored modules (`docs/runtime.md`, "Traps run twice"):
//! results and gas are the same as untraced, and the trace never shows a run that was
//! discarded. Three tracers come with the engine: [`CallTree`], the calls and host calls with
//! exact gas per node; [`StateDiff`], what the call changed, old and new; [`AccessSet`], the
//! keys it read and wrote, for scheduling calls in parallel.

use std::collections::{BTreeMap, BTreeSet};

use baals_policy::HostFunction;

use crate::types::{Address, ContractId, Event, ExecutionStatus};

/// A call about to run: a top-level call, a deployment's `instantiate`, or a nested call.
#[derive(Clone, Copy, Debug)]
pub struct CallEnter<'a> {
    /// The contract called.
    pub contract: ContractId,
    /// Its caller: the sender of a top-level call, the calling contract of a nested one.
    pub sender: Address,
    /// The method.
    pub method: &'a str,
    /// The input.
    pub input: &'a [u8],
    /// The native value sent.
    pub value: u64,
    /// 0 for a top-level call.
    pub depth: u64,
    /// The gas it may use.
    pub gas_limit: u64,
}

/// A call that ended (or was refused before running: then with an `Invalid` status and no gas).
#[derive(Clone, Copy, Debug)]
pub struct CallExit<'a> {
    /// How it ended.
    pub status: &'a ExecutionStatus,
    /// What it returned (empty unless it succeeded).
    pub output: &'a [u8],
    /// The gas it used, everything it called included: what its caller was charged for it.
    pub gas_used: u64,
}

/// Told of what calls do. Every method does nothing by default: implement those you need.
/// Calls nest: between a `call_enter` and its `call_exit`, everything belongs to that call or
/// to calls it made; every `host_enter` has its `host_exit`, and a nested call is entered and
/// left between those of its `baals_call_contract`.
pub trait Tracer: std::any::Any + Send {
    /// A call starts.
    fn call_enter(&mut self, call: &CallEnter<'_>) {
        let _ = call;
    }

    /// The call entered last ends.
    fn call_exit(&mut self, exit: &CallExit<'_>) {
        let _ = exit;
    }

    /// The contract calls a host function.
    fn host_enter(&mut self, function: HostFunction) {
        let _ = function;
    }

    /// The host function returns, having charged `gas` (its own price: a nested call's gas is
    /// that call's `gas_used`).
    fn host_exit(&mut self, function: HostFunction, gas: u64) {
        let _ = (function, gas);
    }

    /// A contract read a key of its storage.
    fn storage_read(&mut self, contract: &ContractId, key: &[u8], value: Option<&[u8]>) {
        let _ = (contract, key, value);
    }

    /// A contract wrote (`new` is `Some`) or removed a key, which held `old`.
    fn storage_write(&mut self, contract: &ContractId, key: &[u8], old: Option<&[u8]>, new: Option<&[u8]>) {
        let _ = (contract, key, old, new);
    }

    /// A contract read its balance.
    fn balance_read(&mut self, address: &Address, balance: u64) {
        let _ = (address, balance);
    }

    /// Native value moved: the value sent with a call, or a contract's `baals_transfer`.
    fn transfer(&mut self, from: &Address, to: &Address, amount: u64) {
        let _ = (from, to, amount);
    }

    /// A balance changed from `old` to `new` (each transfer changes two).
    fn balance_write(&mut self, address: &Address, old: u64, new: u64) {
        let _ = (address, old, new);
    }

    /// A contract emitted an event.
    fn event(&mut self, event: &Event) {
        let _ = event;
    }

    /// Whether the tracer wants [`function_enter`](Self::function_enter) and
    /// [`function_exit`](Self::function_exit). The call then runs on copies of the contracts'
    /// code with hooks at every function's entry and exit
    /// (`baals_instrument::instrument_profiled`), which charge exactly what the stored code
    /// charges; on wasmtime only (on wasmi the events do not come).
    fn functions(&self) -> bool {
        false
    }

    /// A function of `contract` (its index in the module's function index space) starts, with
    /// `gas_left` before its own code is charged.
    fn function_enter(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        let _ = (contract, function, gas_left);
    }

    /// The function entered last returns, with `gas_left`. A trap ends a call without it.
    fn function_exit(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        let _ = (contract, function, gas_left);
    }
}

/// Two tracers told of the same calls.
impl<A: Tracer, B: Tracer> Tracer for (A, B) {
    fn functions(&self) -> bool {
        self.0.functions() || self.1.functions()
    }
    fn function_enter(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        self.0.function_enter(contract, function, gas_left);
        self.1.function_enter(contract, function, gas_left);
    }
    fn function_exit(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        self.0.function_exit(contract, function, gas_left);
        self.1.function_exit(contract, function, gas_left);
    }
    fn call_enter(&mut self, call: &CallEnter<'_>) {
        self.0.call_enter(call);
        self.1.call_enter(call);
    }
    fn call_exit(&mut self, exit: &CallExit<'_>) {
        self.0.call_exit(exit);
        self.1.call_exit(exit);
    }
    fn host_enter(&mut self, function: HostFunction) {
        self.0.host_enter(function);
        self.1.host_enter(function);
    }
    fn host_exit(&mut self, function: HostFunction, gas: u64) {
        self.0.host_exit(function, gas);
        self.1.host_exit(function, gas);
    }
    fn storage_read(&mut self, contract: &ContractId, key: &[u8], value: Option<&[u8]>) {
        self.0.storage_read(contract, key, value);
        self.1.storage_read(contract, key, value);
    }
    fn storage_write(&mut self, contract: &ContractId, key: &[u8], old: Option<&[u8]>, new: Option<&[u8]>) {
        self.0.storage_write(contract, key, old, new);
        self.1.storage_write(contract, key, old, new);
    }
    fn balance_read(&mut self, address: &Address, balance: u64) {
        self.0.balance_read(address, balance);
        self.1.balance_read(address, balance);
    }
    fn transfer(&mut self, from: &Address, to: &Address, amount: u64) {
        self.0.transfer(from, to, amount);
        self.1.transfer(from, to, amount);
    }
    fn balance_write(&mut self, address: &Address, old: u64, new: u64) {
        self.0.balance_write(address, old, new);
        self.1.balance_write(address, old, new);
    }
    fn event(&mut self, event: &Event) {
        self.0.event(event);
        self.1.event(event);
    }
}

/// What a call did to the world, in a [`CallTree`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Effect {
    /// A storage read and what it found.
    StorageRead {
        /// The contract whose storage it is.
        contract: ContractId,
        /// The key.
        key: Vec<u8>,
        /// The value, if the key was set.
        value: Option<Vec<u8>>,
    },
    /// A storage write (`new` set) or removal.
    StorageWrite {
        /// The contract whose storage it is.
        contract: ContractId,
        /// The key.
        key: Vec<u8>,
        /// What it held.
        old: Option<Vec<u8>>,
        /// What it holds now.
        new: Option<Vec<u8>>,
    },
    /// A balance read.
    BalanceRead {
        /// Whose.
        address: Address,
        /// The balance.
        balance: u64,
    },
    /// Native value moved.
    Transfer {
        /// From.
        from: Address,
        /// To.
        to: Address,
        /// How much.
        amount: u64,
    },
    /// An event emitted.
    Event(Event),
}

/// A host call in a [`CallTree`]: the function, the gas it charged, what it did, and, for
/// `baals_call_contract`, the call it made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostCall {
    /// The function.
    pub function: HostFunction,
    /// The gas it charged (its own price; the nested call's gas is in `call`).
    pub gas: u64,
    /// What it did, in order.
    pub effects: Vec<Effect>,
    /// The call `baals_call_contract` made, if it got that far.
    pub call: Option<Box<CallNode>>,
}

/// A call in a [`CallTree`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallNode {
    /// The contract.
    pub contract: ContractId,
    /// Its caller.
    pub sender: Address,
    /// The method.
    pub method: String,
    /// The input.
    pub input: Vec<u8>,
    /// The native value sent.
    pub value: u64,
    /// 0 for a top-level call.
    pub depth: u64,
    /// The gas it could use.
    pub gas_limit: u64,
    /// How it ended (`None` while it runs).
    pub status: Option<ExecutionStatus>,
    /// What it returned.
    pub output: Vec<u8>,
    /// The gas it used, everything below it included.
    pub gas_used: u64,
    /// What the call did outside any host call: the value it was sent.
    pub effects: Vec<Effect>,
    /// Its host calls, in order.
    pub host_calls: Vec<HostCall>,
}

impl CallNode {
    /// The gas the call used itself: its price, its instructions and its memory, without its
    /// host calls and the calls it made. With those, it adds up to `gas_used` exactly.
    pub fn own_gas(&self) -> u64 {
        let below: u64 =
            self.host_calls.iter().map(|host| host.gas + host.call.as_ref().map_or(0, |c| c.gas_used)).sum();
        self.gas_used.saturating_sub(below)
    }

    /// The calls this call made, in order.
    pub fn calls(&self) -> impl Iterator<Item = &CallNode> {
        self.host_calls.iter().filter_map(|host| host.call.as_deref())
    }
}

/// The calls of a top-level call as a tree, with the host calls, effects and exact gas of each
/// node: `root.gas_used` is the call's `gas_used`, and each node's [`CallNode::own_gas`], its
/// host calls' gas and its children's `gas_used` add up to its own `gas_used`.
#[derive(Clone, Debug, Default)]
pub struct CallTree {
    /// The top-level call, once it ran.
    pub root: Option<CallNode>,
    /// Calls entered and not left yet, outermost first.
    open: Vec<CallNode>,
    /// For each open call, its host call in progress.
    open_hosts: Vec<Option<HostCall>>,
}

impl CallTree {
    /// An empty tree, for the next call.
    pub fn new() -> CallTree {
        CallTree::default()
    }

    fn effect(&mut self, effect: Effect) {
        let (Some(node), Some(host)) = (self.open.last_mut(), self.open_hosts.last_mut()) else { return };
        match host {
            Some(host) => host.effects.push(effect),
            None => node.effects.push(effect),
        }
    }
}

impl Tracer for CallTree {
    fn call_enter(&mut self, call: &CallEnter<'_>) {
        self.open.push(CallNode {
            contract: call.contract,
            sender: call.sender,
            method: call.method.to_string(),
            input: call.input.to_vec(),
            value: call.value,
            depth: call.depth,
            gas_limit: call.gas_limit,
            status: None,
            output: Vec::new(),
            gas_used: 0,
            effects: Vec::new(),
            host_calls: Vec::new(),
        });
        self.open_hosts.push(None);
    }

    fn call_exit(&mut self, exit: &CallExit<'_>) {
        let (Some(mut node), Some(_)) = (self.open.pop(), self.open_hosts.pop()) else { return };
        node.status = Some(exit.status.clone());
        node.output = exit.output.to_vec();
        node.gas_used = exit.gas_used;
        match self.open_hosts.last_mut() {
            Some(Some(host)) => host.call = Some(Box::new(node)),
            // A call refused before its caller's host call could hold it cannot happen: nested
            // calls are made by `baals_call_contract` only.
            Some(None) => {}
            None => self.root = Some(node),
        }
    }

    fn host_enter(&mut self, function: HostFunction) {
        if let Some(host) = self.open_hosts.last_mut() {
            *host = Some(HostCall { function, gas: 0, effects: Vec::new(), call: None });
        }
    }

    fn host_exit(&mut self, _function: HostFunction, gas: u64) {
        let (Some(node), Some(host)) = (self.open.last_mut(), self.open_hosts.last_mut()) else { return };
        if let Some(mut host) = host.take() {
            host.gas = gas;
            node.host_calls.push(host);
        }
    }

    fn storage_read(&mut self, contract: &ContractId, key: &[u8], value: Option<&[u8]>) {
        self.effect(Effect::StorageRead { contract: *contract, key: key.to_vec(), value: value.map(<[u8]>::to_vec) });
    }

    fn storage_write(&mut self, contract: &ContractId, key: &[u8], old: Option<&[u8]>, new: Option<&[u8]>) {
        self.effect(Effect::StorageWrite {
            contract: *contract,
            key: key.to_vec(),
            old: old.map(<[u8]>::to_vec),
            new: new.map(<[u8]>::to_vec),
        });
    }

    fn balance_read(&mut self, address: &Address, balance: u64) {
        self.effect(Effect::BalanceRead { address: *address, balance });
    }

    fn transfer(&mut self, from: &Address, to: &Address, amount: u64) {
        self.effect(Effect::Transfer { from: *from, to: *to, amount });
    }

    fn event(&mut self, event: &Event) {
        self.effect(Effect::Event(event.clone()));
    }
}

/// A storage value, or `None` for a key not set.
pub type Value = Option<Vec<u8>>;

/// What a change of a [`StateDiff`] was and is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<T> {
    /// Before the call.
    pub old: T,
    /// After it.
    pub new: T,
}

/// What a top-level call changed, as it would be committed: storage and balances with their
/// values before and after, and the events, of the calls that succeeded (a failed call's
/// changes are dropped with it, as the engine drops them). Keys the call set back to what they
/// held are left out.
#[derive(Clone, Debug, Default)]
pub struct StateDiff {
    /// Storage keys, each with its value before and after (`None`: not set).
    pub storage: BTreeMap<(ContractId, Vec<u8>), Change<Value>>,
    /// Balances before and after.
    pub balances: BTreeMap<Address, Change<u64>>,
    /// Events, in order.
    pub events: Vec<Event>,
    /// A frame per open call: what it changed so far.
    frames: Vec<StateDiff>,
}

impl StateDiff {
    /// An empty diff, for the next call.
    pub fn new() -> StateDiff {
        StateDiff::default()
    }

    fn merge(&mut self, frame: StateDiff) {
        for (key, change) in frame.storage {
            self.storage.entry(key).and_modify(|kept| kept.new = change.new.clone()).or_insert(change);
        }
        for (address, change) in frame.balances {
            self.balances.entry(address).and_modify(|kept| kept.new = change.new).or_insert(change);
        }
        self.events.extend(frame.events);
    }
}

impl Tracer for StateDiff {
    fn call_enter(&mut self, _call: &CallEnter<'_>) {
        self.frames.push(StateDiff::default());
    }

    fn call_exit(&mut self, exit: &CallExit<'_>) {
        let Some(frame) = self.frames.pop() else { return };
        if !exit.status.is_success() {
            return;
        }
        match self.frames.last_mut() {
            Some(parent) => parent.merge(frame),
            None => {
                self.merge(frame);
                self.storage.retain(|_, change| change.old != change.new);
                self.balances.retain(|_, change| change.old != change.new);
            }
        }
    }

    fn storage_write(&mut self, contract: &ContractId, key: &[u8], old: Option<&[u8]>, new: Option<&[u8]>) {
        if let Some(frame) = self.frames.last_mut() {
            let change = Change { old: old.map(<[u8]>::to_vec), new: new.map(<[u8]>::to_vec) };
            frame
                .storage
                .entry((*contract, key.to_vec()))
                .and_modify(|kept| kept.new = change.new.clone())
                .or_insert(change);
        }
    }

    fn balance_write(&mut self, address: &Address, old: u64, new: u64) {
        if let Some(frame) = self.frames.last_mut() {
            frame.balances.entry(*address).and_modify(|kept| kept.new = new).or_insert(Change { old, new });
        }
    }

    fn event(&mut self, event: &Event) {
        if let Some(frame) = self.frames.last_mut() {
            frame.events.push(event.clone());
        }
    }
}

/// A piece of state a call read or wrote.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum StateKey {
    /// A contract's account (its code), read by calling it.
    Account(ContractId),
    /// A key of a contract's storage.
    Storage(ContractId, Vec<u8>),
    /// A native balance.
    Balance(Address),
}

/// The state a top-level call read and the state it wrote: two calls of a block whose sets do
/// not conflict (neither writes what the other reads or writes) give the same results in
/// either order, which is what executing a block's calls in parallel builds on. Reads count
/// whatever call made them, failed ones too (what they read decided their outcome); writes
/// count only those of calls that succeeded, as the engine keeps only those.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessSet {
    /// What the call read.
    pub reads: BTreeSet<StateKey>,
    /// What the call changed.
    pub writes: BTreeSet<StateKey>,
    frames: Vec<BTreeSet<StateKey>>,
}

impl AccessSet {
    /// An empty set, for the next call.
    pub fn new() -> AccessSet {
        AccessSet::default()
    }

    fn write(&mut self, key: StateKey) {
        if let Some(frame) = self.frames.last_mut() {
            frame.insert(key);
        }
    }

    /// Whether a call with these accesses and one with `other`'s could run in either order
    /// with the same results: neither writes what the other reads or writes.
    pub fn conflicts_with(&self, other: &AccessSet) -> bool {
        let touches = |writes: &BTreeSet<StateKey>, set: &AccessSet| {
            writes.iter().any(|key| set.reads.contains(key) || set.writes.contains(key))
        };
        touches(&self.writes, other) || touches(&other.writes, self)
    }
}

impl Tracer for AccessSet {
    fn call_enter(&mut self, call: &CallEnter<'_>) {
        self.reads.insert(StateKey::Account(call.contract));
        self.frames.push(BTreeSet::new());
    }

    fn call_exit(&mut self, exit: &CallExit<'_>) {
        let Some(frame) = self.frames.pop() else { return };
        if !exit.status.is_success() {
            return;
        }
        match self.frames.last_mut() {
            Some(parent) => parent.extend(frame),
            None => self.writes.extend(frame),
        }
    }

    fn storage_read(&mut self, contract: &ContractId, key: &[u8], _value: Option<&[u8]>) {
        self.reads.insert(StateKey::Storage(*contract, key.to_vec()));
    }

    fn storage_write(&mut self, contract: &ContractId, key: &[u8], _old: Option<&[u8]>, _new: Option<&[u8]>) {
        self.write(StateKey::Storage(*contract, key.to_vec()));
    }

    fn balance_read(&mut self, address: &Address, _balance: u64) {
        self.reads.insert(StateKey::Balance(*address));
    }

    fn balance_write(&mut self, address: &Address, _old: u64, _new: u64) {
        // A transfer reads the balance it changes.
        self.reads.insert(StateKey::Balance(*address));
        self.write(StateKey::Balance(*address));
    }
}

/// A frame of a [`Profile`]'s stacks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Frame {
    /// A call of a contract's method: its gas outside any function (instantiation, the
    /// memory's initial pages) is its own.
    Call {
        /// The contract.
        contract: ContractId,
        /// The method.
        method: String,
    },
    /// A function of a contract's module, by its index in the module's function index space.
    Function {
        /// The contract.
        contract: ContractId,
        /// The function's index.
        index: u32,
    },
    /// A host function: the gas it charged (a nested call's own gas is under its
    /// [`Frame::Call`]).
    Host(HostFunction),
}

impl Frame {
    /// The frame's name: `CONTRACT.METHOD` for a call, `CONTRACT::FUNCTION` for a function,
    /// a host function's own name; `contract` names a contract, `function` one of its
    /// functions by index.
    pub fn name(
        &self,
        contract: impl Fn(&ContractId) -> String,
        function: impl Fn(&ContractId, u32) -> String,
    ) -> String {
        match self {
            Frame::Call { contract: id, method } => format!("{}.{method}", contract(id)),
            Frame::Function { contract: id, index } => format!("{}::{}", contract(id), function(id, *index)),
            Frame::Host(host) => host.name().to_string(),
        }
    }
}

/// Exact gas per function and per stack of calls (a tracer): attributed from the gas counter
/// at every function's entry and exit, which the profiled copies of the contracts report
/// ([`Tracer::functions`]), not sampled. Every unit of the call's `gas_used` is in exactly one
/// stack: [`total`](Self::total) is the top-level call's `gas_used`.
///
/// A stack's gas is what its last frame charged itself: a function its own code (including the
/// entry blocks its callers paid for it in advance), a host function its price, a call what it
/// charged outside any function. When a call traps, the stack it trapped in is
/// [`trapped_in`](Self::trapped_in).
#[derive(Debug, Default)]
pub struct Profile {
    /// Signed while the call runs: a caller pays the entry block of some internal callees in
    /// advance, which moves from its stack to the callee's when the callee starts, so a stack
    /// may owe for a moment.
    stacks: BTreeMap<Vec<Frame>, i64>,
    stack: Vec<Frame>,
    /// Per call being run, innermost last: the gas left at its last event, and what was
    /// charged since by host functions and nested calls, which are not the function's own.
    levels: Vec<Level>,
    trapped_in: Option<Vec<Frame>>,
    total: u64,
}

#[derive(Debug)]
struct Level {
    gas_limit: u64,
    last: Option<i64>,
    elsewhere: i64,
    /// The stack's length when the call's own frame was pushed.
    base: usize,
    attributed: i64,
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// The gas of each stack (root first), its last frame's own.
    pub fn stacks(&self) -> BTreeMap<Vec<Frame>, u64> {
        self.stacks.iter().map(|(stack, &gas)| (stack.clone(), u64::try_from(gas).unwrap_or(0))).collect()
    }

    /// The sum of every stack's gas: the top-level call's `gas_used`.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The stack a call trapped in, if one did (the innermost such call's), root first.
    pub fn trapped_in(&self) -> Option<&[Frame]> {
        self.trapped_in.as_deref()
    }

    /// Each frame's gas: exclusive (its own) and inclusive (with everything it called; a frame
    /// that recurs in a stack counts that stack once), and how many stacks end in it.
    pub fn frames(&self) -> BTreeMap<&Frame, FrameGas> {
        let mut frames: BTreeMap<&Frame, FrameGas> = BTreeMap::new();
        for (stack, &gas) in &self.stacks {
            let gas = u64::try_from(gas).unwrap_or(0);
            if let Some(last) = stack.last() {
                frames.entry(last).or_default().exclusive += gas;
            }
            let mut seen = BTreeSet::new();
            for frame in stack {
                if seen.insert(frame) {
                    frames.entry(frame).or_default().inclusive += gas;
                }
            }
        }
        frames
    }

    /// Each frame named by `name`, with its exclusive and inclusive gas, most inclusive first
    /// (then most exclusive, then by name): a profile's table.
    pub fn table(&self, mut name: impl FnMut(&Frame) -> String) -> Vec<(String, FrameGas)> {
        let mut rows: Vec<_> = self.frames().into_iter().map(|(frame, gas)| (name(frame), gas)).collect();
        rows.sort_by(|a, b| {
            b.1.inclusive.cmp(&a.1.inclusive).then(b.1.exclusive.cmp(&a.1.exclusive)).then(a.0.cmp(&b.0))
        });
        rows
    }

    /// The stacks in the folded format flame graph tools read: one line per stack, its frames
    /// named by `name` and joined by `;`, then its gas. Stacks of no gas are left out.
    pub fn folded(&self, mut name: impl FnMut(&Frame) -> String) -> String {
        let mut out = String::new();
        for (stack, gas) in self.stacks.iter().filter(|(_, gas)| **gas > 0) {
            let names: Vec<String> = stack.iter().map(|frame| name(frame).replace([';', '\n'], "_")).collect();
            out.push_str(&format!("{} {gas}\n", names.join(";")));
        }
        out
    }

    fn charge(&mut self, gas: i64) {
        if gas == 0 {
            return;
        }
        *self.stacks.entry(self.stack.clone()).or_default() += gas;
        if let Some(level) = self.levels.last_mut() {
            level.attributed += gas;
        }
    }

    /// What the function on top charged itself since the last event: the counter's fall,
    /// less what host functions and nested calls charged meanwhile.
    fn reading(&mut self, gas_left: i64) {
        let Some(level) = self.levels.last_mut() else { return };
        let fallen = match level.last {
            Some(last) => last.saturating_sub(gas_left),
            // The first event: what the call charged before any function ran is its own.
            None => (level.gas_limit as i64).saturating_sub(gas_left),
        };
        let own = fallen.saturating_sub(std::mem::take(&mut level.elsewhere));
        level.last = Some(gas_left);
        // At the first event no function is entered yet: the call's own frame is on top.
        self.charge(own);
    }
}

/// A frame's gas in a [`Profile`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameGas {
    /// Its own.
    pub exclusive: u64,
    /// With everything it called.
    pub inclusive: u64,
}

impl Tracer for Profile {
    fn functions(&self) -> bool {
        true
    }

    fn call_enter(&mut self, call: &CallEnter<'_>) {
        self.stack.push(Frame::Call { contract: call.contract, method: call.method.to_string() });
        self.levels.push(Level {
            gas_limit: call.gas_limit,
            last: None,
            elsewhere: 0,
            base: self.stack.len(),
            attributed: 0,
        });
    }

    fn call_exit(&mut self, exit: &CallExit<'_>) {
        let Some(level) = self.levels.last() else { return };
        // What the call charged since its last event: the function it trapped in, or, when
        // none is open, the call itself (all of it, if no function reported).
        let rest = (exit.gas_used as i64).saturating_sub(level.attributed);
        let trapped = matches!(
            exit.status,
            ExecutionStatus::Trap { .. } | ExecutionStatus::OutOfGas | ExecutionStatus::StackLimit
        );
        let base = level.base;
        if trapped && self.stack.len() > base && self.trapped_in.is_none() {
            self.trapped_in = Some(self.stack.clone());
        }
        self.charge(rest);
        self.stack.truncate(base.saturating_sub(1));
        self.levels.pop();
        match self.levels.last_mut() {
            Some(caller) => {
                caller.elsewhere += exit.gas_used as i64;
                caller.attributed += exit.gas_used as i64;
            }
            None => self.total += exit.gas_used,
        }
    }

    fn host_exit(&mut self, function: HostFunction, gas: u64) {
        self.stack.push(Frame::Host(function));
        self.charge(gas as i64);
        self.stack.pop();
        if let Some(level) = self.levels.last_mut() {
            level.elsewhere += gas as i64;
        }
    }

    fn function_enter(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        self.reading(gas_left);
        self.stack.push(Frame::Function { contract: *contract, index: function });
    }

    fn function_exit(&mut self, contract: &ContractId, function: u32, gas_left: i64) {
        self.reading(gas_left);
        if self.stack.last() == Some(&Frame::Function { contract: *contract, index: function }) {
            self.stack.pop();
        }
    }
}
