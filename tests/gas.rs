//! Exact gas figures of instrumented code, run on wasmtime, under round prices.
//!
//! Every expected figure is derived by hand from `tests/policies/metering.toml` (the default
//! policy's limits and features with round prices, which recalibrating the production schedule
//! leaves alone) and `docs/gas.md`; the derivation is written next to it. Prices used (gas):
//! - instructions: control 1 (`block loop end else drop nop unreachable select`), branch 2
//!   (`if br br_if br_table return`), `call` 10, `call_indirect` 15, local 1, global 2, const 1,
//!   int 1, `i32.mul` 2, load and store 2, bulk 20, reference 2, table 5, `memory.grow` 500, `table.grow` 200;
//! - per unit: 8,192 per page grown, 1 per byte of `memory.copy/fill/init`, 2 per element of
//!   `table.copy/init/fill`, 16 per element grown;
//! - injected code (`docs/gas.md`): a metering point 4 (`local.get`, `i64.const`, `i64.add`,
//!   `local.set`), or 6 when its block can trap, call or leave the function (`local.tee` and
//!   `global.set` write the charge back); at the entry of a function that is not internal the
//!   counter is loaded from the global (+1); a check, which comes before its block's charge
//!   and tests it, 10 (`local.get`, `i64.const`, `i64.ge_s`, `if`, and on its trapping path
//!   `i64.const 0`, `global.set`, `unreachable`, `end`), 12 when it loads the counter from the
//!   global for the charge after it (`global.get`, `local.tee`); the stack reservation,
//!   which checks the gas on the same branch and takes the entry check's place, 20 (19 from
//!   an internal function's parameter), 3 less after a charge that wrote back; a dynamic
//!   charge 18 (check included); before a call of a
//!   function that is not internal, the stack sync 3, and after it the resync 3; around a call
//!   of an internal function, passing the counters 2 and taking the gas back 1; the gas result
//!   of an internal function 1 before each exit.
//! - so the entry of an exported (or table) function costs 7 + 17 = 24 when the entry block is
//!   observed, 5 + 20 = 25 when not; an internal function's 6 + 16 = 22 or 4 + 19 = 23 when its
//!   entry block calls an internal function, else 3 + 16 = 19 or 19, its callers paying its
//!   entry block; a leaf reachable only by direct calls has no reservation (its callers reserve
//!   its frame), only the check: 10 + 3 = 13 or 10 when internal (its callers pay its block),
//!   12 + 6 = 18 or 12 + 4 = 16 when not.

use baals_instrument::{Instrumented, instrument};
use baals_policy::Policy;
use baals_tests::exec::{Outcome, Runner, Status};
use baals_tests::metering_with;
use wasmtime::Val;

/// The metering policy, with any exports (test functions take parameters).
fn policy() -> Policy {
    metering_with(&[("exports", "allow", "\"any\"")])
}

const AMPLE: u64 = 1 << 40;
/// A function entry whose block writes the charge back (it traps, calls or returns).
const ENTRY: u64 = 7 + 17;
/// A function entry whose block only computes.
const ENTRY_LAZY: u64 = 5 + 20;
/// The final `end` of a function that is not internal.
const EXIT: u64 = 1;
/// The gas result and the final `end` of an internal function.
const INTERNAL_EXIT: u64 = 1 + 1;
/// The entry of an internal function whose entry block calls no internal function: its
/// callers pay that block with their own charge, and it only reserves its frame, testing the
/// counter it was passed (`docs/gas.md`, "Internal functions"). 3 + 16 when the block writes
/// back: the write-back, then a reservation whose trapping path need not write the gas.
const INTERNAL_ENTRY_LAZY: u64 = 19;
/// Around a call of an internal function: the counters passed, the gas taken back.
const PASS: u64 = 2 + 1;
/// Before a call of a function that is not internal: the stack units left, to the global.
const STACK_SYNC: u64 = 3;
/// A metering point of a block that traps, calls or leaves the function.
const METER: u64 = 6;
/// A metering point of a block that only computes.
const METER_LAZY: u64 = 4;
/// A check, before the charge of a loop header or of a leaf's entry.
const CHECK: u64 = 10;
/// A loop header (a block that only computes) and its check.
const LOOP_HEADER: u64 = METER_LAZY + CHECK;
const DYNAMIC: u64 = 18;
const RESYNC: u64 = 3;

struct Contract {
    runner: Runner,
    module: wasmtime::Module,
    policy: Policy,
    instrumented: Instrumented,
}

impl Contract {
    fn new(text: &str) -> Contract {
        Contract::with_policy(text, policy())
    }

    fn with_policy(text: &str, policy: Policy) -> Contract {
        let instrumented = instrument(&baals_tests::wat(text), &policy).unwrap_or_else(|e| panic!("{e}"));
        let runner = Runner::default();
        let module = runner.compile(&instrumented);
        Contract { runner, module, policy, instrumented }
    }

    fn call(&self, export: &str, args: &[Val], gas: u64) -> Outcome {
        self.runner.call(&self.module, &self.policy, export, args, gas)
    }

    /// Gas used by a call that must return.
    fn gas(&self, export: &str, args: &[Val]) -> u64 {
        let outcome = self.call(export, args, AMPLE);
        assert!(outcome.status.returned(), "{export}{args:?}: {:?}", outcome.status);
        outcome.gas_used
    }
}

fn i32s(values: &[i32]) -> Vec<Val> {
    values.iter().map(|&v| Val::I32(v)).collect()
}

#[test]
fn straight_line_code() {
    let c = Contract::new(r#"(module (func (export "f") (result i32) (i32.add (i32.const 1) (i32.const 2))))"#);
    // i32.const 1, i32.const 1, i32.add 1.
    assert_eq!(c.gas("f", &[]), ENTRY + 3 + EXIT);
    assert_eq!(c.call("f", &[], AMPLE).status.i32(), Some(3));
}

#[test]
fn loops_cost_exactly_linearly_in_their_iterations() {
    let c = Contract::new(
        r#"(module (func (export "count") (param $n i32)
             (loop $l
               (local.set $n (i32.sub (local.get $n) (i32.const 1)))
               (br_if $l (local.get $n)))))"#,
    );
    // Entry: `loop` 1. Header: local.get, i32.const, i32.sub, local.set, local.get 5, br_if 2.
    // After the br_if: the loop's `end` 1, then the exit.
    let per_iteration = LOOP_HEADER + 7;
    let fixed = ENTRY_LAZY + 1 + METER + 1 + EXIT;
    for n in [1, 2, 10, 1000] {
        assert_eq!(c.gas("count", &i32s(&[n])), fixed + per_iteration * n as u64, "n = {n}");
    }
}

/// A loop header is checked before it is charged: the check tests the counter against the
/// charge and, out of gas, writes 0 (-1 left) to the global on its trapping path, since the charge
/// after it has not written anything yet. A header whose block can trap writes its charge back
/// after the check.
#[test]
fn a_loop_header_is_checked_before_its_charge() {
    let c = Contract::new(
        r#"(module (memory 1) (func (export "sum") (param $n i32) (result i32) (local $s i32)
             (loop $l
               (local.set $s (i32.add (local.get $s) (i32.load (local.get $n))))
               (local.set $n (i32.sub (local.get $n) (i32.const 1)))
               (br_if $l (local.get $n)))
             (local.get $s)))"#,
    );
    // Header: the check, the charge written back 6; local.get 1, local.get 1, i32.load 2,
    // i32.add 1, local.set 1, then local.get, i32.const, i32.sub, local.set, local.get 5,
    // br_if 2.
    let per_iteration = CHECK + METER + 6 + 7;
    // Entry: `loop` 1. After the br_if: the loop's `end` 1, local.get 1, then the exit.
    let fixed = ENTRY_LAZY + 1 + METER + 1 + 1 + EXIT;
    for n in [1, 2, 10, 1000] {
        assert_eq!(c.gas("sum", &i32s(&[n])), fixed + per_iteration * n as u64, "n = {n}");
    }
    // Out of gas at that check (which writes -1 left, the header's charge not having run) is
    // still out of gas, with the whole limit used, and exact at the boundary.
    for limit in [fixed + 5 * per_iteration, fixed + 5 * per_iteration + 3] {
        let outcome = c.call("sum", &i32s(&[1000]), limit);
        assert!(matches!(outcome.status, Status::OutOfGas), "{limit}: {:?}", outcome.status);
        assert_eq!(outcome.gas_used, limit);
    }
    assert_exact_boundary(&c, "sum", &i32s(&[10]));
}

#[test]
fn if_else_charges_only_the_arm_taken() {
    let c = Contract::new(
        r#"(module (func (export "choose") (param i32) (result i32)
             (if (result i32) (local.get 0)
               (then (i32.const 10))
               (else (i32.add (i32.const 1) (i32.const 2))))))"#,
    );
    // Entry: local.get 1, if 2. Then arm: i32.const 1, `else` 1. Else arm: 3 instructions, the
    // if's `end` 1. After the join: the exit. Only the last block leaves the function.
    let then_arm = METER_LAZY + 1 + 1;
    let else_arm = METER_LAZY + 3 + 1;
    assert_eq!(c.gas("choose", &i32s(&[1])), ENTRY_LAZY + 3 + then_arm + METER + EXIT);
    assert_eq!(c.gas("choose", &i32s(&[0])), ENTRY_LAZY + 3 + else_arm + METER + EXIT);
}

#[test]
fn br_table_charges_the_target_taken() {
    let c = Contract::new(
        r#"(module (func (export "switch") (param i32) (result i32)
             (block $b2 (block $b1 (block $b0
                 (br_table $b0 $b1 $b2 (local.get 0)))
               (return (i32.const 100)))
             (return (i32.add (i32.const 100) (i32.const 1))))
           (i32.const 102)))"#,
    );
    // Entry: 3 blocks, local.get, br_table 2 = 6. After $b0: i32.const 1, return 2. After
    // $b1: 3 instructions, return. After $b2: i32.const 1, then the exit.
    let entry = ENTRY_LAZY + 6;
    assert_eq!(c.gas("switch", &i32s(&[0])), entry + METER + 1 + 2);
    assert_eq!(c.gas("switch", &i32s(&[1])), entry + METER + 3 + 2);
    assert_eq!(c.gas("switch", &i32s(&[2])), entry + METER + 1 + EXIT);
    assert_eq!(c.gas("switch", &i32s(&[7])), entry + METER + 1 + EXIT);
    assert_eq!(c.call("switch", &i32s(&[1]), AMPLE).status.i32(), Some(101));
}

/// wasm-utils #120: code a `br_if` skips is not charged.
#[test]
fn code_skipped_by_br_if_is_not_charged() {
    let nops = "nop ".repeat(100);
    let c = Contract::new(&format!(
        r#"(module (func (export "skip") (param i32) (block (br_if 0 (local.get 0)) {nops})))"#
    ));
    // Entry: block 1, local.get 1, br_if 2. Not taken: a metering point, 100 nops, the block's
    // `end` 1. Either way the exit follows the block's end, a join.
    let taken = ENTRY_LAZY + 4 + METER + EXIT;
    assert_eq!(c.gas("skip", &i32s(&[1])), taken);
    assert_eq!(c.gas("skip", &i32s(&[0])), taken + METER_LAZY + 100 + 1);
}

const CALLEE: &str = r#"(func $triple (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))"#;
/// local.get 1, i32.const 1, i32.mul 2, as a leaf only called directly: the counters come in
/// as parameters (no load), nothing in it traps (no write-back), its callers reserve its
/// frame (no reservation: the check only, of the counter's sign) and pay its block (no
/// meter); its exit returns the gas.
const TRIPLE: u64 = CHECK + 4 + INTERNAL_EXIT;
/// The same function in a table: it reserves its own frame.
const TRIPLE_IN_TABLE: u64 = ENTRY + 4 + EXIT;

#[test]
fn calls_charge_caller_and_callee() {
    let c = Contract::new(&format!(
        r#"(module {CALLEE} (func (export "call") (result i32) (call $triple (i32.const 7))))"#
    ));
    // i32.const 1, call 10, the counters passed and the gas taken back. The exit comes after
    // the call: the gas taken back is written to the global there (+2), and the entry's
    // charge need not be.
    assert_eq!(c.gas("call", &[]), ENTRY_LAZY + 1 + 10 + PASS + 2 + EXIT + TRIPLE);
    assert_eq!(c.call("call", &[], AMPLE).status.i32(), Some(21));
}

#[test]
fn call_indirect_charges_caller_and_callee() {
    let c = Contract::new(&format!(
        r#"(module (type $t (func (param i32) (result i32)))
             (table 1 funcref) (elem (i32.const 0) $triple)
             {CALLEE}
             (func (export "indirect") (result i32) (call_indirect (type $t) (i32.const 7) (i32.const 0))))"#
    ));
    // i32.const 1, i32.const 1, the stack sync, call_indirect 15, then the resync.
    assert_eq!(c.gas("indirect", &[]), ENTRY + 2 + STACK_SYNC + 15 + RESYNC + EXIT + TRIPLE_IN_TABLE);
}

/// The callers of an internal function pay its entry block with their own block's charge,
/// when that block calls no internal function: the callee subtracts nothing at its entry, only
/// checks the counter it is passed. A trap in the calling block before the call is charged
/// that block in full, the callee's entry included.
#[test]
fn callers_pay_the_entry_blocks_of_internal_functions() {
    let module = r#"(module (memory 1)
        (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
        (func $outer (param i32) (result i32) (call $add (local.get 0) (i32.const 1)))
        (func (export "both") (param i32) (result i32)
          (drop (i32.load (local.get 0)))
          (i32.add (call $outer (local.get 0)) (call $add (local.get 0) (i32.const 2)))))"#;
    // $add, a leaf: local.get 1 twice, i32.add 1, its check and exit; its callers pay it.
    let add = CHECK + 3 + INTERNAL_EXIT;
    // $outer's entry block calls $add, so it charges itself, $add's entry included: local.get
    // 1, i32.const 1, the call 10 and its counters, its exit.
    let outer = METER_LAZY + INTERNAL_ENTRY_LAZY + 2 + 10 + PASS + INTERNAL_EXIT + add;
    // The export, one block (the load can trap: it writes back): local.get 1, i32.load 2,
    // drop 1, local.get 1, call 10, local.get 1, i32.const 1, call 10, the counters of both
    // calls, the gas taken back from the second written to the global for the exit (+2),
    // i32.add 1, and $add's entry.
    let both = ENTRY + 4 + 11 + 12 + 2 * PASS + 2 + 1 + EXIT + add;
    let exact = Contract::new(module);
    assert_eq!(exact.gas("both", &i32s(&[0])), both + outer);
    assert_exact_boundary(&exact, "both", &i32s(&[0]));
    let report = &exact.instrumented.report.functions;
    assert_eq!([report[0].max_block_cost, report[1].max_block_cost, report[2].max_block_cost], [add, outer, both]);
    // The load traps: the export's block counts whole, with $add's entry, not $outer's.
    let outcome = exact.call("both", &i32s(&[65_536]), AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, both);
    // Where a trap uses the limit, the load does not make the export's entry write its charge
    // back (the exit writes what the second call hands back): a lazy entry instead.
    let limit = Contract::with_policy(module, limit_policy());
    assert_eq!(limit.gas("both", &i32s(&[0])), both - ENTRY + ENTRY_LAZY + outer);

    // An entry charge above 2^16 stays with the callee: 130 `memory.grow` of 0 pages, each
    // i32.const 1, the dynamic charge, 500, drop 1; then local.get 1. Its block writes back.
    let grows = "(drop (memory.grow (i32.const 0)))".repeat(130);
    let c = Contract::new(&format!(
        r#"(module (memory 1)
             (func $big (param i32) (result i32) {grows} (local.get 0))
             (func (export "big") (param i32) (result i32) (call $big (local.get 0))))"#
    ));
    let body = 130 * (1 + DYNAMIC + 500 + 1) + 1;
    let big = CHECK + METER + body + INTERNAL_EXIT;
    assert!(big - METER + 3 > 1 << 16, "paid by the callers, it would be over the bound");
    // local.get 1, call 10 and its counters, the gas written back for the exit.
    assert_eq!(c.gas("big", &i32s(&[0])), ENTRY_LAZY + 1 + 10 + PASS + 2 + EXIT + big);
}

/// Prices are the policy's to choose: here `local.set` costs more than `local.tee` and
/// `global.set` together, so a call's take-back that comes to write the global back is
/// cheaper than one that does not.
#[test]
fn a_take_back_that_writes_the_global_may_cost_less() {
    let text = baals_tests::edit(
        baals_tests::METERING_POLICY_TOML,
        "costs.opcodes",
        "\"table.grow\"",
        "\"table.grow\" = 200\n\"local.set\" = 10",
    );
    let text = baals_tests::edit(&text, "exports", "allow", "allow = \"any\"");
    let policy = Policy::from_toml(&text).unwrap();
    let c = Contract::with_policy(r#"(module (func $f) (func (export "run") (call $f) (call $f)))"#, policy);
    // $f: its check and exit, paid by the caller for each call. The export, one block: its
    // entry (whose meter's local.set is 9 dearer), two calls 10 each with their counters
    // passed (2 each), the first call's gas taken back with local.set 10, the second's with
    // local.tee and global.set 3 (the exit reads the global), the exit.
    let f = CHECK + INTERNAL_EXIT;
    assert_eq!(c.gas("run", &[]), ENTRY_LAZY + 9 + 2 * (10 + 2) + 10 + 3 + EXIT + 2 * f);
    assert_exact_boundary(&c, "run", &[]);
}

/// An internal function (only direct calls reach it) takes the counters as parameters and
/// returns the gas: its charges, and its callees', reach the global only where something can
/// read it. The gas is still exact on return, at a trap deep in the recursion, and at the
/// stack limit, which internal frames reserve from their parameter.
#[test]
fn internal_functions_pass_the_counters_in_values() {
    let c = Contract::new(
        r#"(module (memory 1)
             (func $sum (param $n i32) (param $p i32) (result i32) (local $t i32)
               (if (result i32) (local.get $n)
                 (then (i32.add (local.get $n) (call $sum (i32.sub (local.get $n) (i32.const 1)) (local.get $p))))
                 (else (local.set $t (i32.load (local.get $p))) (local.get $t))))
             (func (export "sum") (param i32 i32) (result i32) (call $sum (local.get 0) (local.get 1))))"#,
    );
    // $sum's entry: local.get 1, if 2 (lazy). Then arm: local.get 1, local.get 1, i32.const 1,
    // i32.sub 1, local.get 1, the call 10 and its counters, i32.add 1, `else` 1 (lazy: the call
    // passes the gas in a value). Else arm: local.get 1, i32.load 2 (it traps: it writes
    // back), local.set 1, local.get 1, the if's `end` 1. After the join: the exit.
    let entry = INTERNAL_ENTRY_LAZY + 3;
    let then_arm = METER_LAZY + 5 + 10 + PASS + 2;
    let else_arm = METER + 1 + 2 + 2 + 1;
    let join = METER_LAZY + INTERNAL_EXIT;
    // The export: local.get 1, local.get 1, the call, then its exit, which writes back the
    // gas taken from $sum (+2) instead of the entry's charge.
    let export = ENTRY_LAZY + 2 + 10 + PASS + 2 + EXIT;
    let sum = |n: u64| export + (n + 1) * (entry + join) + n * then_arm + else_arm;
    for n in [0u64, 1, 5, 100] {
        let outcome = c.call("sum", &i32s(&[n as i32, 0]), AMPLE);
        assert_eq!(outcome.status.i32(), Some((n * (n + 1) / 2) as i32), "n = {n}");
        assert_eq!(outcome.gas_used, sum(n), "n = {n}");
    }
    assert_exact_boundary(&c, "sum", &i32s(&[20, 0]));

    // A trap at the bottom: no activation reached its join, the trapping block counts whole.
    let n = 10;
    let outcome = c.call("sum", &i32s(&[n as i32, 70_000]), AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, export + (n + 1) * entry + n * then_arm + else_arm);

    // The stack: the export reserves its frame from the global, each $sum its own from the
    // units its caller passed; n needs n + 1 frames of $sum.
    let frames: Vec<u64> = c.instrumented.report.functions.iter().map(|f| u64::from(f.frame)).collect();
    // $sum: frame-base 4, 2 parameters, 1 local, at most 3 operands ($n, $n - 1, $p); the
    // export: 4 + 2 + 2.
    assert_eq!(frames, [4 + 3 + 3, 4 + 2 + 2]);
    let deepest = (c.policy.stack().max_height - frames[1]) / frames[0] - 1;
    assert_eq!(c.call("sum", &i32s(&[deepest as i32, 0]), AMPLE).gas_used, sum(deepest));
    for _ in 0..3 {
        let outcome = c.call("sum", &i32s(&[deepest as i32 + 1, 0]), AMPLE);
        assert!(matches!(outcome.status, Status::StackLimit), "{:?}", outcome.status);
        // deepest + 2 entries, the last one trapping at its reservation; the then arms of the
        // others.
        assert_eq!(outcome.gas_used, export + (deepest + 2) * entry + (deepest + 1) * then_arm);
    }
}

/// A block that only computes leaves its charge in the local; the next block that can trap
/// writes the whole sum back first, so the gas at a trap is still every block entered, the
/// trapping one in full.
#[test]
fn gas_at_a_trap_includes_blocks_that_did_not_write_back() {
    let c = Contract::new(
        r#"(module (memory 1) (func (export "load") (param i32) (result i32)
             (if (local.get 0) (then (local.set 0 (i32.const 70000))))
             (i32.load (local.get 0))))"#,
    );
    // Entry: local.get 1, if 2 (lazy). Then arm: i32.const 1, local.set 1, the if's `end` 1
    // (lazy). After the join: local.get 1, i32.load 2 (it traps: the block writes back), exit.
    let entry = ENTRY_LAZY + 3;
    let then_arm = METER_LAZY + 3;
    let join = METER + 1 + 2 + EXIT;
    let outcome = c.call("load", &i32s(&[1]), AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, entry + then_arm + join);
    assert_eq!(c.gas("load", &i32s(&[0])), entry + join);
    // And out of gas inside the lazy blocks is still exact at the boundary.
    assert_exact_boundary(&c, "load", &i32s(&[0]));
}

/// The metering policy with `[gas] trap = "limit"`: a trap uses the whole limit.
fn limit_policy() -> Policy {
    metering_with(&[("exports", "allow", "\"any\""), ("gas", "trap", "\"limit\"")])
}

/// A loop whose header block loads: it writes its charge back on every iteration where a trap
/// uses what was charged, and not where it uses the limit.
const SUM: &str = r#"(module (memory 1)
    (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
      (loop $l
        (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
      (local.get $s)))"#;

/// Entry: `loop` 1. After the br_if: the loop's `end` 1, `local.get` 1, then the exit.
const SUM_FIXED: u64 = ENTRY_LAZY + 1 + METER + 1 + 1 + EXIT;
/// The header, after its check: local.get 1 twice, i32.load 2, i32.add 1, local.set 1,
/// local.get 1, i32.const 1, i32.add 1, local.set 1, local.get 1, i32.const 1, i32.sub 1,
/// local.tee 1, br_if 2.
const SUM_HEADER: u64 = 16;

#[test]
fn where_a_trap_uses_the_limit_only_calls_and_exits_write_back() {
    let exact = Contract::new(SUM);
    let limit = Contract::with_policy(SUM, limit_policy());
    for n in [1u64, 2, 50] {
        let args = i32s(&[0, n as i32]);
        assert_eq!(exact.gas("sum", &args), SUM_FIXED + (CHECK + METER + SUM_HEADER) * n, "n = {n}");
        // The load no longer makes the header write back: 2 gas less per iteration.
        assert_eq!(limit.gas("sum", &args), SUM_FIXED + (CHECK + METER_LAZY + SUM_HEADER) * n, "n = {n}");
    }
    // Both are exact at the boundary for a call that returns or runs out of gas.
    assert_exact_boundary(&limit, "sum", &i32s(&[0, 7]));
    assert_exact_boundary(&exact, "sum", &i32s(&[0, 7]));
    // The third load is out of bounds.
    let out_of_bounds = i32s(&[65_536 - 8, 10]);
    let outcome = exact.call("sum", &out_of_bounds, AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, ENTRY_LAZY + 1 + (CHECK + METER + SUM_HEADER) * 3);
    for gas in [AMPLE, 10_000] {
        let outcome = limit.call("sum", &out_of_bounds, gas);
        assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
        assert_eq!(outcome.gas_used, gas);
    }
    // The stack limit is a trap too.
    let recurse = Contract::with_policy(RECURSE, limit_policy());
    let outcome = recurse.call("down", &i32s(&[5_000]), 1 << 30);
    assert!(matches!(outcome.status, Status::StackLimit), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, 1 << 30);
}

/// A loop header whose block calls a function of the module has no check of its own: the
/// callee checks at its entry on every iteration. An endless loop still ends out of gas.
#[test]
fn a_call_in_the_loop_header_block_is_its_check() {
    let c = Contract::new(&format!(
        r#"(module {CALLEE}
             (func (export "calls") (param $n i32)
               (loop $l
                 (drop (call $triple (local.get $n)))
                 (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                 (br_if $l (local.get $n))))
             (func (export "forever") (loop $l (drop (call $triple (i32.const 1))) (br $l))))"#
    ));
    // Header: local.get 1, call 10 with the counters passed, drop 1, local.get, i32.const,
    // i32.sub, local.set, local.get 5, br_if 2. It has no check; the call passes the gas in a
    // value, so it does not write back either.
    let per_iteration = METER_LAZY + 1 + 10 + PASS + 1 + 5 + 2 + TRIPLE;
    // Entry: `loop` 1. After the br_if: the loop's `end` 1, then the exit.
    let fixed = ENTRY_LAZY + 1 + METER + 1 + EXIT;
    for n in [1u64, 2, 50] {
        assert_eq!(c.gas("calls", &i32s(&[n as i32])), fixed + per_iteration * n, "n = {n}");
    }
    assert_exact_boundary(&c, "calls", &i32s(&[7]));
    let report = &c.instrumented.report.functions[1];
    // The entry's check (gas and stack on one branch) only: none at the loop header.
    assert_eq!(report.checks, 1);
    for limit in [0, 100, 10_000] {
        let outcome = c.call("forever", &[], limit);
        assert!(matches!(outcome.status, Status::OutOfGas), "{limit}: {:?}", outcome.status);
        assert_eq!(outcome.gas_used, limit);
    }
}

/// A leaf that only direct calls reach does not reserve its frame: each caller reserves its
/// own frame plus the largest such leaf's, so the stack limit is hit at the caller's entry,
/// at the same depth every time.
#[test]
fn leaves_are_reserved_by_their_callers() {
    let c = Contract::new(
        r#"(module
             (func $leaf (param i32 i32 i32 i32 i32 i32) (result i32) (local i64 i64) (local.get 0))
             (func $small (param i32) (result i32) (local.get 0))
             (func $down (export "down") (param i32) (result i32)
               (if (result i32) (local.get 0)
                 (then (call $down (i32.sub (local.get 0) (i32.const 1))))
                 (else (call $leaf (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
                                   (call $small (i32.const 0)))))))"#,
    );
    let frames: Vec<u32> = c.instrumented.report.functions.iter().map(|f| f.frame).collect();
    // $leaf: frame-base 4 + 6 parameters + 2 locals + 1 operand; $small: 4 + 1 + 1. $down:
    // 4 + 1 parameter + at most 6 operands, plus the larger leaf's 13.
    assert_eq!(frames, [4 + 6 + 2 + 1, 4 + 1 + 1, 4 + 1 + 6 + 13]);
    let frame = frames[2];
    let depth = (c.policy.stack().max_height / u64::from(frame)) as i32;
    assert!(c.call("down", &i32s(&[depth - 1]), AMPLE).status.returned());
    let mut gas = None;
    for _ in 0..3 {
        let outcome = c.call("down", &i32s(&[depth]), AMPLE);
        assert!(matches!(outcome.status, Status::StackLimit), "{:?}", outcome.status);
        assert_eq!(*gas.get_or_insert(outcome.gas_used), outcome.gas_used);
    }
}

/// nearcore #15482: `memory.grow` and `table.grow` are priced per page or element asked for,
/// not flat.
#[test]
fn memory_grow_is_charged_per_page_requested() {
    let c = Contract::new(
        r#"(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    // local.get 1, the dynamic charge, memory.grow 500, plus 8,192 per page asked for.
    let base = ENTRY + 1 + DYNAMIC + 500 + EXIT;
    for pages in [0u64, 1, 3] {
        assert_eq!(c.gas("grow", &i32s(&[pages as i32])), base + 8192 * pages);
    }
    // Past the policy's 512 pages the grow fails (-1), and the pages asked for are still paid.
    let outcome = c.call("grow", &i32s(&[1000]), AMPLE);
    assert_eq!((outcome.status.i32(), outcome.gas_used), (Some(-1), base + 8192 * 1000));
    // The largest request is charged without overflow, and ends the call out of gas.
    let outcome = c.call("grow", &i32s(&[-1]), 1 << 40);
    assert!(matches!(outcome.status, Status::OutOfGas), "{:?}", outcome.status);
}

#[test]
fn bulk_memory_is_charged_per_byte() {
    let c = Contract::new(
        r#"(module (memory 1) (data $d "abcdefghijklmnop")
             (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0)))
             (func (export "copy") (param i32) (memory.copy (i32.const 0) (i32.const 8) (local.get 0)))
             (func (export "init") (param i32) (memory.init $d (i32.const 0) (i32.const 0) (local.get 0))))"#,
    );
    // Three operands 3, the dynamic charge, the instruction 20 (bulk), plus 1 per byte.
    let base = ENTRY + 3 + DYNAMIC + 20 + EXIT;
    for export in ["fill", "copy", "init"] {
        for bytes in [0u64, 1, 16] {
            assert_eq!(c.gas(export, &i32s(&[bytes as i32])), base + bytes, "{export} {bytes}");
        }
    }
    // A length of 2^32 - 1 bytes is charged before the operation: out of gas, nothing done.
    assert!(matches!(c.call("fill", &i32s(&[-1]), 1_000_000).status, Status::OutOfGas));
    // Within gas, an out-of-bounds length is charged, then traps as the contract's own trap.
    // The block was charged whole at its start, its exit included (`docs/gas.md`).
    let outcome = c.call("copy", &i32s(&[70_000]), AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, base + 70_000);
}

#[test]
fn tables_are_charged_per_element() {
    let c = Contract::new(
        r#"(module (table $t 8 funcref) (func $f) (elem $e func $f $f $f $f)
             (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
             (func (export "fill") (param i32) (table.fill $t (i32.const 0) (ref.null func) (local.get 0)))
             (func (export "copy") (param i32) (table.copy (i32.const 0) (i32.const 0) (local.get 0)))
             (func (export "init") (param i32) (table.init $e (i32.const 0) (i32.const 0) (local.get 0))))"#,
    );
    // ref.null 2, local.get 1, the dynamic charge, table.grow 200, plus 16 per element.
    for n in [0u64, 1, 5] {
        assert_eq!(c.gas("grow", &i32s(&[n as i32])), ENTRY + 3 + DYNAMIC + 200 + EXIT + 16 * n);
    }
    // i32.const 1, ref.null 2, local.get 1, dynamic, table.fill 5, plus 2 per element.
    assert_eq!(c.gas("fill", &i32s(&[1])), ENTRY + 4 + DYNAMIC + 5 + EXIT + 2);
    // Three operands, dynamic, table.copy / table.init 20, plus 2 per element.
    assert_eq!(c.gas("copy", &i32s(&[1])), ENTRY + 3 + DYNAMIC + 20 + EXIT + 2);
    assert_eq!(c.gas("init", &i32s(&[4])), ENTRY + 3 + DYNAMIC + 20 + EXIT + 8);
    // The table declared no maximum: it got the policy's, 4,096 elements.
    let outcome = c.call("grow", &i32s(&[5000]), AMPLE);
    assert_eq!(outcome.status.i32(), Some(-1));
}

/// A function that a body of more than 20 KiB calls is not internal (`docs/gas.md`), though
/// only direct calls reach it: it takes the gas from the global, and every caller, small or
/// large, syncs the counters around the call. As a leaf reached only by direct calls, its
/// callers still reserve its frame.
#[test]
fn callees_of_a_very_large_body_take_the_counters_from_the_globals() {
    // The large body: no locals 1 byte, the nops, local.get 0 and the call 2 bytes each, `end`.
    let nops = 20_481 - 6;
    let c = Contract::new(&format!(
        r#"(module (memory 1)
             (func $leaf (param $p i32) (drop (i32.load (local.get $p))))
             (func (export "large") (param i32) {} (call $leaf (local.get 0)))
             (func (export "small") (param i32) (call $leaf (local.get 0))))"#,
        "nop ".repeat(nops)
    ));
    let internal: Vec<bool> = c.instrumented.report.functions.iter().map(|f| f.internal).collect();
    assert_eq!(internal, [false, false, false]);
    // $leaf: its check, loading the counter from the global, 12 (no reservation: its callers
    // make it), then its charge, written back (it loads and leaves) 6; local.get 1, i32.load
    // 2, drop 1, then the exit.
    let leaf = CHECK + 2 + METER + 4 + EXIT;
    // "small": local.get 1, the stack sync, call 10, the resync, then the exit.
    let small = ENTRY + 1 + STACK_SYNC + 10 + RESYNC + EXIT;
    assert_eq!(c.gas("small", &i32s(&[0])), small + leaf);
    // "large": the same with its nops, 1 each.
    assert_eq!(c.gas("large", &i32s(&[0])), small + nops as u64 + leaf);
    assert_exact_boundary(&c, "large", &i32s(&[0]));
    // A trap in $leaf: every block entered counts whole, the trapping one included.
    let outcome = c.call("small", &i32s(&[70_000]), AMPLE);
    assert!(matches!(outcome.status, Status::Trap(_)), "{:?}", outcome.status);
    assert_eq!(outcome.gas_used, small + leaf);
}

/// Runs `export` with just enough gas and with one less: the first returns, the second runs
/// out, and uses the whole limit.
fn assert_exact_boundary(c: &Contract, export: &str, args: &[Val]) {
    let needed = c.gas(export, args);
    let exact = c.call(export, args, needed);
    assert!(exact.status.returned(), "{export} with {needed}: {:?}", exact.status);
    assert_eq!(exact.gas_used, needed);
    let short = c.call(export, args, needed - 1);
    assert!(matches!(short.status, Status::OutOfGas), "{export} with {}: {:?}", needed - 1, short.status);
    assert_eq!(short.gas_used, needed - 1);
}

#[test]
fn out_of_gas_is_exact_at_the_boundary() {
    let c = Contract::new(&format!(
        r#"(module (memory 1) {CALLEE}
             (func (export "loop") (param $n i32)
               (loop $l (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br_if $l (local.get $n))))
             (func (export "call") (result i32) (call $triple (i32.const 7)))
             (func (export "grow") (result i32) (memory.grow (i32.const 2)))
             (func (export "fill") (memory.fill (i32.const 0) (i32.const 0) (i32.const 100))))"#
    ));
    for (export, args) in [("loop", i32s(&[25])), ("call", vec![]), ("grow", vec![]), ("fill", vec![])] {
        assert_exact_boundary(&c, export, &args);
    }
    // No gas at all: the entry check traps.
    assert!(matches!(c.call("call", &[], 0).status, Status::OutOfGas));
}

#[test]
fn the_start_function_is_metered() {
    let c = Contract::new(
        r#"(module (global $g (mut i32) (i32.const 0))
             (func $init (global.set $g (i32.const 42)))
             (start $init)
             (func (export "get") (result i32) (global.get $g)))"#,
    );
    // The start function runs as `baals_start` once gas is set: i32.const 1, global.set 2.
    let start = ENTRY + 3 + EXIT;
    // global.get 2.
    let get = ENTRY + 2 + EXIT;
    let outcome = c.call("get", &[], AMPLE);
    assert_eq!((outcome.status.i32(), outcome.gas_used), (Some(42), start + get));
    // Too little gas for the start function: out of gas before any method runs.
    assert!(matches!(c.call("get", &[], start - 1).status, Status::OutOfGas));
    // Instantiating runs no code: the counters start at zero.
    let mut store = wasmtime::Store::new(c.runner.engine(), ());
    assert!(wasmtime::Instance::new(&mut store, &c.module, &[]).is_ok());
}

const RECURSE: &str = r#"(module
  (func $down (export "down") (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0)))))"#;

#[test]
fn deep_recursion_stops_at_the_same_depth_every_run() {
    let c = Contract::new(RECURSE);
    let frame = u64::from(c.instrumented.report.functions[0].frame);
    // frame-base 4, one parameter, no locals, at most 3 operands (1, n, then n - 1's operands).
    assert_eq!(frame, 4 + 1 + 3);
    // 32,768 units hold 4,096 frames: down(4095) needs 4,096 (4,095 calls and the last).
    let frames = c.policy.stack().max_height / frame;
    assert_eq!(frames, 4096);
    let deepest = (frames - 1) as i32;
    let ok = c.call("down", &i32s(&[deepest]), AMPLE);
    assert_eq!(ok.status.i32(), Some(deepest));
    let mut gas = None;
    for _ in 0..5 {
        let outcome = c.call("down", &i32s(&[deepest + 1]), AMPLE);
        assert!(matches!(outcome.status, Status::StackLimit), "{:?}", outcome.status);
        assert_eq!(*gas.get_or_insert(outcome.gas_used), outcome.gas_used, "gas differs between runs");
    }
}

/// wasm-instrument #80: recursion through a table (and through an export) must not escape the
/// stack limit: the callee reserves its own frame, whoever calls it.
#[test]
fn recursion_through_a_table_hits_the_stack_limit() {
    let c = Contract::new(
        r#"(module (type $t (func (param i32) (result i32)))
             (table 1 funcref) (elem (i32.const 0) $down)
             (func $down (export "down") (param i32) (result i32)
               (if (result i32) (local.get 0)
                 (then (call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))
                 (else (i32.const 0)))))"#,
    );
    let outcome = c.call("down", &i32s(&[1_000_000]), AMPLE);
    assert!(matches!(outcome.status, Status::StackLimit), "{:?}", outcome.status);
}

/// wasm-instrument #82: an export's parameters are part of its frame, however it is called.
#[test]
fn parameters_count_towards_the_frame() {
    let params = "i32 ".repeat(60);
    let args = "(local.get 0) ".repeat(60);
    let c = Contract::new(&format!(
        r#"(module (func $wide (export "wide") (param {params}) (result i32)
             (if (result i32) (local.get 0)
               (then (call $wide (i32.sub (local.get 0) (i32.const 1)) {}))
               (else (i32.const 0)))))"#,
        &args[..args.len() - "(local.get 0) ".len()]
    ));
    let frame = u64::from(c.instrumented.report.functions[0].frame);
    // frame-base 4 + 60 parameters + at most 60 operands (the call's 60 arguments).
    assert_eq!(frame, 4 + 60 + 60);
    let frames = (c.policy.stack().max_height / frame) as i32;
    let mut args = vec![Val::I32(frames - 1)];
    args.extend((1..60).map(|_| Val::I32(0)));
    assert!(c.call("wide", &args, AMPLE).status.returned());
    args[0] = Val::I32(frames);
    assert!(matches!(c.call("wide", &args, AMPLE).status, Status::StackLimit));
}

/// finite-wasm #45: `br_table` continuing the inner loop, the outer loop, or leaving both.
#[test]
fn br_table_in_nested_loops() {
    let c = Contract::new(
        r#"(module (func (export "nested") (param $outer i32) (param $inner i32) (local $i i32)
             (block $done
               (loop $o
                 (local.set $outer (i32.sub (local.get $outer) (i32.const 1)))
                 (local.set $i (local.get $inner))
                 (loop $in
                   (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                   ;; 0: next inner iteration; 1: next outer iteration; 2: done.
                   (br_table $in $o $done
                     (i32.add (i32.eqz (local.get $i))
                              (i32.and (i32.eqz (local.get $i)) (i32.eqz (local.get $outer))))))))))"#,
    );
    // Entry: block, loop = 2. Outer header: local.get, i32.const, i32.sub, local.set,
    // local.get, local.set, loop = 7. Inner header: 4 to decrement $i, 8 for the selector,
    // br_table 2 = 14. Both loops' `end`s are dead (the br_table always branches); $done's end
    // is a join, followed by the exit.
    let outer = LOOP_HEADER + 7;
    let inner = LOOP_HEADER + 14;
    for (o, i) in [(1u64, 1u64), (1, 5), (3, 1), (4, 7), (10, 10)] {
        let expected = ENTRY_LAZY + 2 + o * (outer + i * inner) + METER + EXIT;
        assert_eq!(c.gas("nested", &i32s(&[o as i32, i as i32])), expected, "outer {o}, inner {i}");
    }
}

/// Under `floats = "canonicalize-nan"`, a NaN result is the canonical NaN whatever the machine
/// produces: x86 makes 0/0 a negative NaN (0xffc00000).
#[test]
fn nan_results_are_canonical() {
    let policy = Policy::permissive();
    let text = r#"(module
      (func (export "div") (param f32) (result i32) (i32.reinterpret_f32 (f32.div (local.get 0) (local.get 0))))
      (func (export "sqrt") (param f64) (result i64) (i64.reinterpret_f64 (f64.sqrt (local.get 0))))
      (func (export "neg") (param f32) (result i32) (i32.reinterpret_f32 (f32.neg (f32.div (local.get 0) (local.get 0))))))"#;
    let instrumented = instrument(&baals_tests::wat(text), &policy).unwrap();
    let runner = Runner::default();
    let module = runner.compile(&instrumented);
    let call = |export: &str, arg: Val| match runner.call(&module, &policy, export, &[arg], AMPLE).status {
        Status::Returned(values) => values[0],
        other => panic!("{export}: {other:?}"),
    };
    assert_eq!(call("div", Val::F32(0f32.to_bits())).unwrap_i32() as u32, 0x7fc0_0000);
    assert_eq!(call("sqrt", Val::F64((-1f64).to_bits())).unwrap_i64() as u64, 0x7ff8_0000_0000_0000);
    // `neg` moves bits exactly (no canonicalization after it): the canonical NaN, negated.
    assert_eq!(call("neg", Val::F32(0f32.to_bits())).unwrap_i32() as u32, 0xffc0_0000);
    // Numbers pass through unchanged.
    assert_eq!(call("div", Val::F32(3f32.to_bits())).unwrap_i32() as u32, 1f32.to_bits());
}
