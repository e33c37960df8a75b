//! Hostile contracts, each with its exact expected status and gas: nothing escapes its gas or
//! stack limit, nothing crashes the host, and no failure leaves state behind. Every call runs on
//! wasmtime and on wasmi (`baals_tests::twin`), which must agree. The policy is the default's
//! limits with the round prices of `tests/policies/metering.toml`, from which the figures are
//! derived by hand (what each operation costs in time is `docs/GAS-SCHEDULE.md`'s business).

use baals_instrument::ValidationError;
use baals_policy::Limit;
use baals_runtime::{Address, BlockContext, ContractExecutionResult, ContractId, ExecutionStatus, TrapKind};
use baals_tests::twin::Twin;
use baals_tests::{metering, wat};

const ALICE: Address = Address([0xa1; 32]);
const CTX: BlockContext = BlockContext { height: 3, timestamp: 9 };
const GAS: u64 = 10_000_000;

/// Both engines: every call runs on wasmtime and on wasmi, which must agree on status, gas,
/// output, events and state.
struct Chain {
    engine: Twin,
}

impl Chain {
    fn new() -> Chain {
        Chain { engine: Twin::new(metering()) }
    }

    fn deploy(&self, text: &str) -> ContractId {
        let deployed = self.engine.deploy_contract(CTX, ALICE, &wat(text), b"", GAS).unwrap();
        assert_eq!(deployed.status, ExecutionStatus::Success, "{}", deployed.status);
        deployed.contract_id
    }

    fn run(&self, id: ContractId, method: &str, input: &[u8], gas: u64) -> ContractExecutionResult {
        let result = self.engine.execute_contract_call(CTX, ALICE, id, method, input, 0, gas).unwrap();
        // Whatever happened, a failed call left nothing.
        if !result.status.is_success() {
            assert!(self.engine.storage_entries(&id).unwrap().is_empty(), "{method}: state left behind");
            assert!(self.engine.events(&id).unwrap().is_empty(), "{method}: events left behind");
        }
        result
    }
}

const IMPORTS: &str = r#"
  (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
  (import "env" "baals_emit_event" (func $emit (param i32 i32 i32 i32)))
  (import "env" "baals_get_input_data" (func $input (param i32 i32) (result i32)))
  (import "env" "baals_set_return_data" (func $return (param i32 i32)))
  (import "env" "baals_get_contract_id" (func $self (param i32)))
  (import "env" "baals_call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
  (import "env" "baals_read_call_result" (func $result (param i32 i32) (result i32)))
"#;

#[test]
fn infinite_loops_run_out_of_exactly_their_gas() {
    let chain = Chain::new();
    let id = chain.deploy(&format!(
        r#"(module {IMPORTS}
             (memory (export "memory") 1)
             (type $leaf (func))
             (table 1 1 funcref) (elem (i32.const 0) $nothing)
             (func $nothing)
             (func $ping (call $pong)) (func $pong (call $nothing))
             (func (export "plain") (loop $l (br $l)))
             (func (export "br_table") (loop $l (br_table $l $l (i32.const 1))))
             (func (export "call_indirect") (loop $l (call_indirect (type $leaf) (i32.const 0)) (br $l)))
             (func (export "calls") (loop $l (call $ping) (br $l)))
             (func (export "storage_spam") (local $i i32)
               (loop $l
                 (i32.store (i32.const 0) (local.get $i))
                 (call $write (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 4))
                 (local.set $i (i32.add (local.get $i) (i32.const 1)))
                 (br $l)))
             (func (export "event_spam")
               (loop $l (call $emit (i32.const 0) (i32.const 8) (i32.const 0) (i32.const 1024)) (br $l)))
             (func (export "grow_forever") (loop $l (drop (memory.grow (i32.const 1))) (br $l))))"#
    ));
    for method in ["plain", "br_table", "call_indirect", "calls", "storage_spam", "event_spam", "grow_forever"] {
        for gas in [1_000, 1_000_000] {
            let result = chain.run(id, method, b"", gas);
            assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, gas), "{method} {gas}");
        }
    }
}

#[test]
fn recursion_stops_at_the_stack_limit_with_exact_gas() {
    let chain = Chain::new();
    let id = chain.deploy(
        r#"(module
             (func $r (call $r))
             (func $a (call $b)) (func $b (call $a))
             (type $self (func))
             (table 1 1 funcref) (elem (i32.const 0) $i)
             (func $i (call_indirect (type $self) (i32.const 0)))
             (func $big (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (call $big))
             (func (export "self") (call $r))
             (func (export "mutual") (call $a))
             (func (export "indirect") (call $i))
             (func (export "big") (call $big)))"#,
    );
    // $r is internal (only direct calls reach it): the counters come as parameters. Each
    // frame: entry 23 (charge kept in the local, reserve from the parameter with the gas
    // check on its branch), the counters passed 2, call 10, the gas taken back 1, returned 1,
    // `end` 1 = 38 gas, charged before it reserves its 4 units (frame-base 4, nothing else).
    // `self`: entry 25, the counters 2, call 10, the gas taken back and written back 3 (the
    // exit follows), `end` 1 = 41 gas and 4 units, leaving 32,764: 8,191 frames of $r fit,
    // the 8,192nd traps.
    let result = chain.run(id, "self", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::StackLimit, 41 + 8_192 * 38));
    // Mutual recursion costs the same per frame.
    let result = chain.run(id, "mutual", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::StackLimit, 41 + 8_192 * 38));
    // Through a table, $i is not internal: entry 24 (written back: it calls, so the
    // reservation's trapping path has no gas to write), the stack units to the global 3,
    // i32.const 1, call_indirect 15, resync 3, `end` 1 = 47 per frame, and one operand more
    // per frame (5 units): 32,764 / 5 = 6,552 fit, the 6,553rd traps. `indirect` calls it the
    // same way, with call 10 and no operand: 41.
    let result = chain.run(id, "indirect", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::StackLimit, 41 + 6_553 * 47));
    // 16 locals: 20 units per frame: 1,638 fit, the 1,639th traps.
    let result = chain.run(id, "big", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::StackLimit, 41 + 1_639 * 38));
    // The same depth and gas on every run.
    for _ in 0..3 {
        assert_eq!(chain.run(id, "self", b"", GAS).gas_used, 41 + 8_192 * 38);
    }
}

#[test]
fn grow_bombs_and_huge_lengths_are_priced_before_they_run() {
    let chain = Chain::new();
    let id = chain.deploy(
        r#"(module
             (memory (export "memory") 1)
             (table $t 1 funcref)
             (func (export "grow_all") (drop (memory.grow (i32.const -1))))
             (func (export "grow_max") (drop (memory.grow (i32.const 511))))
             (func (export "table_bomb") (drop (table.grow $t (ref.null func) (i32.const 0x7fffffff))))
             (func (export "fill_4g") (memory.fill (i32.const 0) (i32.const 0) (i32.const -1)))
             (func (export "copy_wraps") (memory.copy (i32.const -16) (i32.const 0) (i32.const 32))))"#,
    );
    // 2^32 - 1 pages at 8,192 each: far past any limit, charged before the grow.
    let result = chain.run(id, "grow_all", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, GAS));
    // Up to the policy's 512 pages is possible, and priced: the initial page 8,192, entry 24,
    // i32.const 1, dynamic charge 18, memory.grow 500, drop 1, `end` 1, and 511 pages × 8,192.
    let result = chain.run(id, "grow_max", b"", GAS);
    let grown = 8_192 + 24 + 1 + 18 + 500 + 1 + 1 + 511 * 8_192;
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::Success, grown));
    let result = chain.run(id, "table_bomb", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, GAS));
    let result = chain.run(id, "fill_4g", b"", GAS);
    assert_eq!((result.status, result.gas_used), (ExecutionStatus::OutOfGas, GAS));
    // dst + len wraps past 2^32: 32 bytes are charged, then the copy traps out of bounds.
    let result = chain.run(id, "copy_wraps", b"", GAS);
    assert!(matches!(result.status, ExecutionStatus::Trap { kind: TrapKind::MemoryOutOfBounds, .. }));
    assert_eq!(result.gas_used, 8_192 + 24 + 3 + 18 + 20 + 1 + 32);
}

#[test]
fn oversized_input_and_return_data_are_charged_per_byte() {
    let chain = Chain::new();
    let id = chain.deploy(&format!(
        r#"(module {IMPORTS}
             (memory (export "memory") 17 17)
             (func (export "echo_all") (call $return (i32.const 0) (call $input (i32.const 0) (i32.const 1114112))))
             (func (export "length") (i32.store (i32.const 0) (call $input (i32.const 0) (i32.const 0)))
                                     (call $return (i32.const 0) (i32.const 4))))"#
    ));
    let input = vec![7u8; 1 << 20];
    let result = chain.run(id, "echo_all", &input, 1 << 30);
    assert_eq!(result.status, ExecutionStatus::Success);
    assert_eq!(result.output.len(), 1 << 20);
    // The 17 initial pages 8,192 each; echo_all: entry 24, three i32.const 3, two calls 20 and
    // resyncs 6, `end` 1 = 54; the host: get_input_data 50 + 1 per byte written,
    // set_return_data 50 + 1 per byte.
    const PAGES: u64 = 17 * 8_192;
    assert_eq!(result.gas_used, PAGES + 54 + 100 + 2 * (1 << 20));
    // Reading nothing of it costs the base price only: entry 24, five i32.const 5, i32.store 2,
    // calls 20 and resyncs 6, `end` 1 = 58; the host: 50 + 0 and 50 + 4 bytes returned.
    let length = chain.run(id, "length", &input, GAS);
    assert_eq!(length.output, (1u32 << 20).to_le_bytes());
    assert_eq!(length.gas_used, PAGES + 58 + 104);
    // Too little gas for the copy: out of gas, nothing returned.
    let result = chain.run(id, "echo_all", &input, 100_000);
    assert_eq!((result.status, result.output.len()), (ExecutionStatus::OutOfGas, 0));
}

#[test]
fn reentrancy_bombs_and_calls_through_failing_callees() {
    let chain = Chain::new();
    // Calls itself: denied (-1), so it returns the reason instead of recursing.
    let id = chain.deploy(&format!(
        r#"(module {IMPORTS}
             (memory (export "memory") 1)
             (data (i32.const 100) "again")
             (func (export "again") (local $r i32)
               (call $self (i32.const 0))
               (local.set $r (call $call (i32.const 0) (i32.const 32) (i32.const 100) (i32.const 5)
                                         (i32.const 0) (i32.const 0) (i64.const 0)))
               (i32.store (i32.const 200) (local.get $r))
               (call $return (i32.const 200) (i32.add (i32.const 4) (call $result (i32.const 204) (i32.const 1000))))))"#
    ));
    let result = chain.run(id, "again", b"", GAS);
    assert_eq!(result.status, ExecutionStatus::Success);
    assert_eq!(&result.output[..4], &(-1i32).to_le_bytes());
    let reason = String::from_utf8_lossy(&result.output[4..]).into_owned();
    assert!(reason.contains("re-entrancy denied"), "{reason}");
}

#[test]
fn pathological_modules_are_refused_at_their_limit() {
    let policy = metering();
    let refuse = |text: &str, limit: Limit, value: u64| match baals_instrument::validate(&wat(text), &policy) {
        Err(ValidationError::LimitExceeded { limit: l, value: v, .. }) => assert_eq!((l, v), (limit, value)),
        other => panic!("{limit:?}: {other:?}"),
    };
    // 1,025 nested blocks, one past the limit.
    let deep = format!("(module (func {} {}))", "(block ".repeat(1025), ")".repeat(1025));
    refuse(&deep, Limit::BlockDepth, 1025);
    // 100,000 br_table targets.
    let wide = format!("(module (func (block (br_table {} 0 (i32.const 0)))))", "0 ".repeat(100_000));
    refuse(&wide, Limit::BrTableTargets, 100_000);
    // 65,537 instructions in one function.
    let long = format!("(module (func {}))", "nop ".repeat(65_536));
    refuse(&long, Limit::FunctionInstructions, 65_537);
    // 513 locals.
    let locals = format!("(module (func (local {})))", "i64 ".repeat(513));
    refuse(&locals, Limit::FunctionLocals, 513);
}
