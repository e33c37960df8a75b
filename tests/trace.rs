//! Tracers: the call tree's gas per node is exact (each node's own gas, its host calls and its
//! children add up to its `gas_used`, and each figure is what the same work costs untraced),
//! for nested calls, traps at depth, reverts and refused calls; the state diff keeps only what
//! the engine keeps; the access set names what a call read and wrote. A traced call gives the
//! same result as the call untraced.
//!
//! Under `tests/policies/metering.toml`, whose host prices are round: each host call's gas is
//! checked against its price computed here.

use baals_policy::{HostFunction, Policy};
use baals_runtime::trace::{AccessSet, CallNode, CallTree, Change, Effect, StateDiff, StateKey};
use baals_runtime::{
    Address, BlockContext, Call, ContractExecutionResult, ContractId, Deploy, ExecutionStatus, InvalidCall,
    MemoryStorage, Storage, TrapKind,
};
use baals_tests::node::Node;
use baals_tests::{metering, wat, workspace_root};

const ALICE: Address = Address([0xa1; 32]);
const GAS: u64 = 10_000_000;
const CTX: BlockContext = BlockContext { height: 3, timestamp: 1_700_000_000 };

fn probe() -> Vec<u8> {
    wat(&std::fs::read_to_string(workspace_root().join("tests/contracts/probe.wat")).unwrap())
}

/// `[key length][key][value]`: the probe's `set` and `emit` input.
fn set_input(key: &[u8], value: &[u8]) -> Vec<u8> {
    [&[key.len() as u8][..], key, value].concat()
}

/// `[callee][method length][method][payload]`: the probe's `call` input.
fn call_input(callee: &ContractId, method: &str, payload: &[u8]) -> Vec<u8> {
    [&callee.0[..], &[method.len() as u8], method.as_bytes(), payload].concat()
}

/// A node with three probes deployed and Alice funded.
fn chain() -> (Node<MemoryStorage>, [ContractId; 3]) {
    let node = Node::new(MemoryStorage::new(), metering());
    let wasm = probe();
    let (ids, _) = node
        .engine()
        .commit_block(node.storage(), CTX, |block| {
            block.credit(&ALICE, 1_000)?;
            let deploy = Deploy::new(ALICE, &wasm, GAS);
            Ok([
                block.deploy(&deploy)?.contract_id,
                block.deploy(&deploy)?.contract_id,
                block.deploy(&deploy)?.contract_id,
            ])
        })
        .unwrap();
    (node, ids)
}

/// Runs `call` traced by `tracer` in a block that is dropped, and the same call untraced in
/// another: the two must give the same result.
fn traced<T: baals_runtime::Tracer>(
    node: &Node<MemoryStorage>,
    call: &Call<'_>,
    tracer: T,
) -> (ContractExecutionResult, T) {
    let mut block = node.engine().block(CTX, node.storage().write().unwrap());
    let (result, tracer) = block.call_traced(call, tracer).unwrap();
    let mut untraced = node.engine().block(CTX, node.storage().write().unwrap());
    assert_eq!(untraced.call(call).unwrap(), result, "traced and untraced differ");
    (result, tracer)
}

/// The gas of `method` with `input` called at the top level: what the same call costs nested.
fn top_level_gas(node: &Node<MemoryStorage>, contract: ContractId, method: &str, input: &[u8]) -> u64 {
    let mut block = node.engine().block(CTX, node.storage().write().unwrap());
    block.call(&Call::new(ALICE, contract, method, GAS).with_input(input)).unwrap().gas_used
}

fn price(policy: &Policy, function: HostFunction, bytes: u64) -> u64 {
    let cost = policy.host_cost(function);
    cost.base + cost.per_byte * bytes
}

fn functions(node: &CallNode) -> Vec<HostFunction> {
    node.host_calls.iter().map(|host| host.function).collect()
}

/// Every node's figures add up: its own gas, its host calls and its children make its
/// `gas_used`, and no node used more than its limit.
fn check_sums(node: &CallNode) {
    let hosts: u64 = node.host_calls.iter().map(|host| host.gas).sum();
    let children: u64 = node.calls().map(|child| child.gas_used).sum();
    assert_eq!(node.own_gas() + hosts + children, node.gas_used, "{}: {node:#?}", node.method);
    assert!(node.gas_used <= node.gas_limit, "{}", node.method);
    node.calls().for_each(check_sums);
}

#[test]
fn a_call_tree_has_the_exact_gas_of_every_node() {
    let (node, [a, b, _]) = chain();
    let policy = node.policy().clone();
    let payload = set_input(b"k", b"value");
    let input = call_input(&b, "set", &payload);
    let call = Call::new(ALICE, a, "call", GAS).with_input(&input);
    let (result, tree) = traced(&node, &call, CallTree::new());
    assert!(result.status.is_success(), "{}", result.status);
    let root = tree.root.expect("the call ran");
    assert_eq!((root.contract, root.method.as_str(), root.depth), (a, "call", 0));
    assert_eq!((root.gas_used, root.gas_limit, root.input.as_slice()), (result.gas_used, GAS, input.as_slice()));
    assert_eq!(root.status, Some(ExecutionStatus::Success));
    use HostFunction::*;
    assert_eq!(functions(&root), [GetInputData, CallContract, ReadCallResult, SetReturnData]);
    let gas: Vec<u64> = root.host_calls.iter().map(|host| host.gas).collect();
    // The callee's result is empty: `read_call_result` copies nothing; the probe returns the
    // 4-byte status.
    let forwarded = 32 + 3 + payload.len() as u64;
    assert_eq!(
        gas,
        [
            price(&policy, GetInputData, input.len() as u64),
            price(&policy, CallContract, forwarded),
            price(&policy, ReadCallResult, 0),
            price(&policy, SetReturnData, 4),
        ]
    );

    let child = root.calls().next().expect("the nested call");
    assert_eq!((child.contract, child.sender, child.method.as_str(), child.depth), (b, a, "set", 1));
    assert_eq!(child.input, payload);
    assert_eq!(child.gas_used, top_level_gas(&node, b, "set", &payload), "a nested call costs what it costs alone");
    assert_eq!(functions(child), [GetInputData, StorageWrite]);
    assert_eq!(child.host_calls[1].gas, price(&policy, StorageWrite, 1 + 5));
    assert_eq!(
        child.host_calls[1].effects,
        [Effect::StorageWrite { contract: b, key: b"k".to_vec(), old: None, new: Some(b"value".to_vec()) }]
    );
    // What `call` costs beyond its host calls and its callee: its own code, the same whatever
    // it calls (the probe's `noop` costs nothing but its price and pages).
    let noop = call_input(&b, "noop", b"");
    let (_, noop_tree) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&noop), CallTree::new());
    let noop_root = noop_tree.root.unwrap();
    let noop_child = noop_root.calls().next().unwrap();
    assert_eq!(noop_child.own_gas(), top_level_gas(&node, b, "noop", b""));
    assert_eq!(noop_child.host_calls, []);
    let input_price = |input: &[u8]| node.policy().calls().input_byte * input.len() as u64;
    assert_eq!(root.own_gas() - input_price(&input), noop_root.own_gas() - input_price(&noop));
    check_sums(&root);
    check_sums(&noop_root);
}

/// A trap two calls down: the trapping node says so and costs what the trap costs alone, its
/// caller carries on (the probe's `call` reports the failure), and the figures still add up.
#[test]
fn a_trap_at_depth_is_a_node_of_its_own() {
    let (node, [a, b, c]) = chain();
    let input = call_input(&b, "call", &call_input(&c, "write_then_trap", b""));
    let (result, tree) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&input), CallTree::new());
    assert!(result.status.is_success());
    let root = tree.root.unwrap();
    let middle = root.calls().next().unwrap();
    let leaf = middle.calls().next().unwrap();
    assert_eq!((middle.depth, leaf.depth, leaf.contract), (1, 2, c));
    assert_eq!(middle.status, Some(ExecutionStatus::Success));
    let Some(ExecutionStatus::Trap { kind, .. }) = &leaf.status else { panic!("{leaf:#?}") };
    assert_eq!(*kind, TrapKind::Unreachable);
    let alone = {
        let mut block = node.engine().block(CTX, node.storage().write().unwrap());
        block.call(&Call::new(ALICE, c, "write_then_trap", GAS)).unwrap()
    };
    assert_eq!(leaf.gas_used, alone.gas_used);
    // The trapped call wrote and emitted before it trapped: the tree shows it, the diff not.
    assert!(leaf.host_calls.iter().any(|host| matches!(host.effects[..], [Effect::Event(_)])), "{leaf:#?}");
    check_sums(&root);
    let (_, diff) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&input), StateDiff::new());
    assert!(diff.storage.is_empty() && diff.events.is_empty(), "{diff:?}");
}

/// A revert, and a call refused before it ran (an unknown contract): nodes with their status;
/// the refused one used no gas and made no host call.
#[test]
fn reverts_and_refused_calls_are_nodes_too() {
    let (node, [a, b, _]) = chain();
    let input = call_input(&b, "fail", b"no");
    let (_, tree) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&input), CallTree::new());
    let root = tree.root.unwrap();
    let child = root.calls().next().unwrap();
    assert_eq!(child.status, Some(ExecutionStatus::Reverted { message: "no".to_string() }));
    assert_eq!(child.gas_used, top_level_gas(&node, b, "fail", b"no"));
    assert_eq!(functions(child), [HostFunction::GetInputData, HostFunction::Revert]);
    check_sums(&root);

    let nobody = Address([0x99; 32]);
    let input = call_input(&nobody, "noop", b"");
    let (_, tree) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&input), CallTree::new());
    let root = tree.root.unwrap();
    let refused = root.calls().next().unwrap();
    let reason = InvalidCall::UnknownContract(nobody);
    assert_eq!(refused.status, Some(ExecutionStatus::Invalid { reason }));
    assert_eq!((refused.gas_used, refused.host_calls.len()), (0, 0));
    check_sums(&root);

    // A top-level call refused: a root of its own, no gas.
    let (result, tree) = traced(&node, &Call::new(ALICE, a, "instantiate", GAS), CallTree::new());
    assert_eq!(tree.root.unwrap().status, Some(result.status));
}

/// The state diff of a call that writes around a failing callee: the caller's writes (old and
/// new), the value moved with the call, not the callee's writes or events.
#[test]
fn a_state_diff_holds_what_the_engine_keeps() {
    let (node, [a, b, _]) = chain();
    let input = call_input(&b, "write_then_revert", b"");
    let call = Call::new(ALICE, a, "write_around_call", GAS).with_input(&input).with_value(7);
    let (result, diff) = traced(&node, &call, StateDiff::new());
    assert!(result.status.is_success());
    let keys: Vec<_> = diff.storage.keys().cloned().collect();
    assert_eq!(keys, [(a, b"after".to_vec()), (a, b"before".to_vec())]);
    assert_eq!(diff.storage[&(a, b"before".to_vec())], Change { old: None, new: Some(b"b".to_vec()) });
    assert_eq!(diff.balances[&ALICE], Change { old: 1_000, new: 993 });
    assert_eq!(diff.balances[&a], Change { old: 0, new: 7 });
    assert!(diff.events.is_empty());
}

/// What a call read and wrote; two calls conflict when one writes what the other touches.
#[test]
fn an_access_set_names_what_a_call_read_and_wrote() {
    let (node, [a, b, _]) = chain();
    let set = |key: &[u8]| set_input(key, b"v");
    let set_k = set(b"k");
    let (_, writes_k) = traced(&node, &Call::new(ALICE, a, "set", GAS).with_input(&set_k), AccessSet::new());
    assert_eq!(writes_k.reads, [StateKey::Account(a)].into());
    assert_eq!(writes_k.writes, [StateKey::Storage(a, b"k".to_vec())].into());
    let set_j = set(b"j");
    let (_, writes_j) = traced(&node, &Call::new(ALICE, a, "set", GAS).with_input(&set_j), AccessSet::new());
    let (_, reads_k) = traced(&node, &Call::new(ALICE, a, "get", GAS).with_input(b"k"), AccessSet::new());
    assert_eq!(reads_k.reads, [StateKey::Account(a), StateKey::Storage(a, b"k".to_vec())].into());
    assert!(reads_k.writes.is_empty());
    assert!(!writes_k.conflicts_with(&writes_j));
    assert!(writes_k.conflicts_with(&reads_k) && reads_k.conflicts_with(&writes_k));
    // A callee that fails: its reads count, its writes do not.
    let input = call_input(&b, "write_then_trap", b"");
    let (_, failed) = traced(&node, &Call::new(ALICE, a, "call", GAS).with_input(&input), AccessSet::new());
    assert_eq!(failed.reads, [StateKey::Account(a), StateKey::Account(b)].into());
    assert!(failed.writes.is_empty(), "{failed:?}");
    // Value sent: both balances read and written.
    let (_, paid) = traced(&node, &Call::new(ALICE, a, "noop", GAS).with_value(3), AccessSet::new());
    assert_eq!(paid.writes, [StateKey::Balance(ALICE), StateKey::Balance(a)].into());
}

/// A deployment's `instantiate`, traced: its node is the root; a traced call that trapped on
/// the copy of its code in an untraced run gives the same result traced (it runs once, on the
/// stored module).
#[test]
fn deployments_and_traps_on_the_copy_trace_alike() {
    let node = Node::new(MemoryStorage::new(), metering());
    let init = wat(r#"(module
        (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
        (memory (export "memory") 1)
        (data (i32.const 0) "ko")
        (func (export "instantiate") (call $write (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1)))
        (func (export "burn") (local i32)
          (loop $l (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if $l (i32.lt_u (local.get 0) (i32.const 50))))
          (drop (i32.load (i32.const 70000)))))"#);
    let mut block = node.engine().block(CTX, node.storage().write().unwrap());
    let (deployed, tree) = block.deploy_traced(&Deploy::new(ALICE, &init, GAS), CallTree::new()).unwrap();
    let root = tree.root.unwrap();
    assert_eq!(root.method, baals_runtime::INSTANTIATE);
    assert_eq!(functions(&root), [HostFunction::StorageWrite]);
    assert!(root.gas_used < deployed.gas_used, "the deploy price is not the call's");
    check_sums(&root);
    let (changes, mut txn) = block.finish().unwrap();
    changes.write_to(&mut txn).unwrap();
    node.storage().commit(txn).unwrap();
    let burn = Call::new(ALICE, deployed.contract_id, "burn", GAS);
    let (result, tree) = traced(&node, &burn, CallTree::new());
    assert!(matches!(result.status, ExecutionStatus::Trap { kind: TrapKind::MemoryOutOfBounds, .. }));
    assert_eq!(tree.root.unwrap().gas_used, result.gas_used);
}
