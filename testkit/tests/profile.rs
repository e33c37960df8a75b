//! Profiles: exact gas per function, from the profiled copies' hooks, adding up to the call's
//! gas, which is the gas of the same call unprofiled.

use baals_runtime::trace::Frame;
use baals_test::{Chain, Module};

/// Calls through an internal function (`$sum`, whose entry its caller pays), a leaf with a
/// loop and an early `return` (`$count`), a branch out of a body (`$pick`) and a trap two
/// calls down (`$boom` from `$deep`).
const WAT: &str = r#"(module
  (import "env" "baals_set_return_data" (func $set_return_data (param i32 i32)))
  (memory (export "memory") 1)
  (func $count (param $n i32) (result i32) (local $i i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    (loop $again
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $pick (param $x i32) (result i32)
    (drop (br_if 0 (i32.const 7) (local.get $x)))
    (drop (call $count (i32.const 3)))
    (i32.const 9))
  (func $sum (result i32)
    (i32.add (call $count (i32.const 50)) (call $pick (i32.const 0))))
  (func (export "run")
    (i32.store (i32.const 0) (i32.add (call $sum) (call $pick (i32.const 1))))
    (call $set_return_data (i32.const 0) (i32.const 4)))
  (func $boom (unreachable))
  (func $deep (call $boom))
  (func (export "trap") (call $deep)))"#;

fn module() -> Module {
    Module::from_wasm("profiled", wat::parse_str(WAT).unwrap())
}

fn names(profiled: &baals_test::Profiled) -> Vec<String> {
    profiled.table().into_iter().map(|(name, _, _)| name).collect()
}

#[test]
fn a_profile_adds_up_to_the_gas_of_the_same_call_unprofiled() {
    let module = module();
    let token = Module::build(concat!(env!("CARGO_MANIFEST_DIR"), "/../contracts/token"));
    let mut plain = Chain::new();
    let mut profiled = Chain::new();
    let mut ids = Vec::new();
    for chain in [&mut plain, &mut profiled] {
        let alice = chain.account("alice");
        let run = chain.deploy(&module).run().success().contract_id();
        let token = chain.deploy(&token).sender(alice).encode(&(1000u64,)).run().success().contract_id();
        ids.push((run, token));
    }
    assert_eq!(ids[0], ids[1], "the same deployments give the same ids");
    let (id, token_id) = ids[0];
    let expected = plain.call(id, "run").run().success();
    let outcome = profiled.call(id, "run").profiled().run().success();
    assert_eq!(outcome.gas_used, expected.gas_used, "the profiled copy charges what the module charges");
    assert_eq!(outcome.output, (50 + 9 + 7u32).to_le_bytes());
    let profile = outcome.profile.as_ref().unwrap();
    assert_eq!(profile.profile.total(), outcome.gas_used);
    let table = profile.table();
    let exclusive: u64 = table.iter().map(|(_, exclusive, _)| exclusive).sum();
    assert_eq!(exclusive, outcome.gas_used, "{table:#?}");
    // The call's frame holds everything.
    assert_eq!((table[0].0.as_str(), table[0].2), ("profiled.run", outcome.gas_used));
    for function in ["profiled::run", "profiled::sum", "profiled::count", "profiled::pick", "baals_set_return_data"] {
        assert!(names(profile).iter().any(|name| name == function), "{function}: {table:#?}");
    }
    // `count` runs its loop 50 times for `sum` and 3 for `pick` under `sum`; `pick(1)` under
    // `run` leaves its body by a branch, before calling it: its exit is still seen, or what
    // follows would sit under it.
    let folded = profile.folded();
    let lines: Vec<&str> = folded.lines().map(|line| line.rsplit_once(' ').unwrap().0).collect();
    assert_eq!(
        lines,
        [
            "profiled.run",
            "profiled.run;profiled::run",
            "profiled.run;profiled::run;profiled::pick",
            "profiled.run;profiled::run;profiled::sum",
            "profiled.run;profiled::run;profiled::sum;profiled::count",
            "profiled.run;profiled::run;profiled::sum;profiled::pick",
            "profiled.run;profiled::run;profiled::sum;profiled::pick;profiled::count",
            "profiled.run;profiled::run;baals_set_return_data",
        ],
        "{folded}"
    );
    let svg = String::from_utf8(profile.flamegraph("run")).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("profiled::count"), "{svg}");

    // The token's transfer, with its Rust names.
    let (alice, bob) = (plain.account("alice"), plain.account("bob"));
    let expected = plain.call(token_id, "transfer").sender(alice).encode(&(bob.0, 5u64)).run().success();
    let outcome = profiled.call(token_id, "transfer").sender(alice).encode(&(bob.0, 5u64)).profiled().run().success();
    assert_eq!(outcome.gas_used, expected.gas_used);
    let profile = outcome.profile.as_ref().unwrap();
    assert_eq!(profile.profile.total(), outcome.gas_used);
    let names = names(profile);
    assert!(names.iter().any(|name| name == "token::transfer"), "{names:?}");
    assert!(names.iter().any(|name| name.starts_with("token::token::") || name.contains("baals_sdk::")), "{names:?}");
}

#[test]
fn a_trap_names_the_function_it_happened_in_and_the_path_to_it() {
    let mut chain = Chain::new();
    let id = chain.deploy(&module()).run().success().contract_id();
    let outcome = chain.call(id, "trap").profiled().run();
    assert!(matches!(outcome.status, baals_test::ExecutionStatus::Trap { .. }), "{:?}", outcome.status);
    let profiled = outcome.profile.as_ref().unwrap();
    let path: Vec<String> = profiled.profile.trapped_in().unwrap().iter().map(|frame| profiled.name(frame)).collect();
    assert_eq!(path, ["profiled.trap", "profiled::trap", "profiled::deep", "profiled::boom"]);
    assert_eq!(profiled.profile.total(), outcome.gas_used);
    assert!(matches!(profiled.profile.trapped_in().unwrap().last(), Some(Frame::Function { .. })));
    assert_eq!(
        outcome.trapped_in().as_deref(),
        Some("profiled.trap > profiled::trap > profiled::deep > profiled::boom")
    );
}
