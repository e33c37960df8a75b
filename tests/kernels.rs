//! The benchmark kernels (real Rust code: hashing, ed25519 in wasm, bignums, sorting, an
//! interpreter, recursion, a JSON parser, memory moves), instrumented under the permissive
//! policy: each returns what the unmetered module returns, pinned where the answer is known
//! independently, and wasmtime and wasmi agree on it and on its gas to the unit.

use baals_instrument::{
    GAS_GLOBAL, STACK_GLOBAL, gas_counter, gas_left, instrument, stack_counter, without_trap_write_backs,
};
use baals_policy::Policy;
use baals_tests::bench_kernels;
use wasmtime::{Engine, Instance, Module, Store, Val};

const GAS: u64 = 1 << 40;

/// Each kernel with a small argument, and its result where it is known independently.
const CASES: [(&str, u32, Option<u32>); 9] = [
    // sha256 of nothing: the initial state, h0 ^ h7.
    ("sha256", 0, Some(0x6a09_e667 ^ 0x5be0_cd19)),
    ("sha256", 4, None),
    // SHA3-256 of the empty input starts a7 ff c6 f8 (read little-endian).
    ("keccak", 0, Some(0xf8c6_ffa7)),
    ("keccak", 3, None),
    // Both verifications succeed.
    ("ed25519", 2, Some(0xed25_0002)),
    ("fib", 20, Some(6765)),
    ("bigint", 20, None),
    // The smallest plus the largest of the 100,000 xorshift values the kernel sorts
    // (`sort_checksum`, below, sorts them natively).
    ("sort", 1, Some(0x0001_4d50)),
    ("json", 1, None),
];

/// What the sort kernel returns after one round, computed natively: the same xorshift32
/// sequence from the same seed, sorted, its first and last values added.
fn sort_checksum() -> u32 {
    let mut seed = 0x1234_5678u32;
    let mut values: Vec<u32> = (0..100_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        })
        .collect();
    values.sort_unstable();
    values[0].wrapping_add(values[values.len() - 1])
}

#[test]
fn the_sort_checksum_is_computed_natively() {
    let pinned = CASES.iter().find(|(kernel, ..)| *kernel == "sort").and_then(|case| case.2);
    assert_eq!(pinned, Some(sort_checksum()));
}

fn unmetered(engine: &Engine, module: &Module, kernel: &str, argument: u32) -> u32 {
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, module, &[]).unwrap();
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel).unwrap();
    function.call(&mut store, argument as i32).unwrap() as u32
}

/// (result, gas used) of the instrumented kernel on wasmtime.
fn on_wasmtime(engine: &Engine, module: &Module, kernel: &str, argument: u32, stack: u64) -> (u32, u64) {
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, module, &[]).unwrap();
    let gas = instance.get_global(&mut store, GAS_GLOBAL).unwrap();
    gas.set(&mut store, Val::I64(gas_counter(GAS as i64))).unwrap();
    instance
        .get_global(&mut store, STACK_GLOBAL)
        .unwrap()
        .set(&mut store, Val::I32(stack_counter(stack as i32)))
        .unwrap();
    let function = instance.get_typed_func::<i32, i32>(&mut store, kernel).unwrap();
    let result = function.call(&mut store, argument as i32).unwrap() as u32;
    (result, GAS - gas_left(gas.get(&mut store).unwrap_i64()) as u64)
}

/// The same on wasmi.
fn on_wasmi(engine: &wasmi::Engine, module: &wasmi::Module, kernel: &str, argument: u32, stack: u64) -> (u32, u64) {
    let mut store = wasmi::Store::new(engine, ());
    let instance = wasmi::Instance::new(&mut store, module, &[]).unwrap();
    let gas = instance.get_global(&store, GAS_GLOBAL).unwrap();
    gas.set(&mut store, wasmi::Val::I64(gas_counter(GAS as i64))).unwrap();
    instance
        .get_global(&store, STACK_GLOBAL)
        .unwrap()
        .set(&mut store, wasmi::Val::I32(stack_counter(stack as i32)))
        .unwrap();
    let function = instance.get_typed_func::<i32, i32>(&store, kernel).unwrap();
    let result = function.call(&mut store, argument as i32).unwrap() as u32;
    let wasmi::Val::I64(counter) = gas.get(&store) else { panic!("the gas counter is an i64") };
    (result, GAS - gas_left(counter) as u64)
}

#[test]
fn kernels_compute_the_same_metered_and_on_both_engines() {
    let wasm = bench_kernels();
    let policy = Policy::permissive();
    let stack = policy.stack().max_height;
    let instrumented = instrument(&wasm, &policy).unwrap();
    let engine = Engine::default();
    let (plain, metered) = (Module::new(&engine, &wasm).unwrap(), Module::new(&engine, &instrumented.wasm).unwrap());
    let mut config = wasmi::Config::default();
    config.compilation_mode(wasmi::CompilationMode::Eager);
    let wasmi_engine = wasmi::Engine::new(&config);
    let wasmi_module = wasmi::Module::new(&wasmi_engine, &instrumented.wasm).unwrap();
    // The copy the runtime runs every call on: the same results and gas where nothing traps.
    let copy = without_trap_write_backs(&instrumented.wasm).unwrap().expect("the kernels write back for traps");
    let copy = Module::new(&engine, &copy).unwrap();
    let mut gas_total = 0;
    for (kernel, argument, known) in CASES {
        let expected = unmetered(&engine, &plain, kernel, argument);
        if let Some(known) = known {
            assert_eq!(expected, known, "{kernel}({argument})");
        }
        let wasmtime = on_wasmtime(&engine, &metered, kernel, argument, stack);
        let wasmi = on_wasmi(&wasmi_engine, &wasmi_module, kernel, argument, stack);
        assert_eq!(wasmtime.0, expected, "{kernel}({argument}): metering changed the result");
        assert_eq!(wasmtime, wasmi, "{kernel}({argument}): wasmtime and wasmi disagree");
        let copied = on_wasmtime(&engine, &copy, kernel, argument, stack);
        assert_eq!(copied, wasmtime, "{kernel}({argument}): the copy without trap-only write-backs differs");
        assert!(wasmtime.1 > 0);
        gas_total += wasmtime.1;
    }
    println!("{} kernel calls agreed on both engines ({gas_total} gas in all)", CASES.len());
}
