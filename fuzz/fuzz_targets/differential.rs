//! wasm-smith modules, instrumented under the permissive policy, against their originals on
//! wasmtime: with the largest gas limit, the same results (or a trap where the original
//! traps); the original is bounded by fuel. Then the instrumented module on wasmtime against
//! wasmi, with ample gas and with little: the same results, traps and gas, call by call. Then
//! the copy the runtime runs calls on (`without_trap_write_backs`) against the stored module,
//! on both engines: the same results; the same gas on every call that does not trap; on a
//! trap, a counter no later than the stored module's, out of gas only where the stored
//! module is (`docs/runtime.md`, "Traps run twice"). The input's first byte picks the
//! `[gas] trap` setting (its lowest bit: `"limit"` when set), since the two instrument
//! differently; wasm-smith gets the bytes after it.
#![no_main]

use std::sync::LazyLock;

use arbitrary::Unstructured;
use baals_instrument::protocol::{self, Limits};
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, START_EXPORT, without_trap_write_backs};
use baals_policy::Policy;
use libfuzzer_sys::fuzz_target;
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

static POLICIES: LazyLock<[Policy; 2]> = LazyLock::new(|| {
    let limit = baals_policy::PERMISSIVE_POLICY_TOML.replace("trap = \"exact\"", "trap = \"limit\"");
    let limit_policy = Policy::from_toml(&limit).unwrap();
    // A spelling change in the shipped file would otherwise fuzz "exact" twice, silently.
    assert_eq!(limit_policy.trap_gas(), baals_policy::TrapGas::Limit, "no `trap` line to edit");
    [Policy::permissive(), limit_policy]
});
static ENGINES: LazyLock<(Engine, Engine)> = LazyLock::new(|| {
    let mut fuel = Config::new();
    fuel.consume_fuel(true);
    (Engine::new(&fuel).unwrap(), Engine::default())
});

/// The stack counter for the wasmtime-against-wasmi runs, and engines whose own stacks
/// outlast it, so that both stop at the same depth.
const STACK_UNITS: i32 = 1 << 14;
static TWINS: LazyLock<(Engine, wasmi::Engine)> = LazyLock::new(|| {
    let mut config = Config::new();
    config.max_wasm_stack(4 << 20).async_stack_size(5 << 20);
    let mut wasmi_config = wasmi::Config::default();
    wasmi_config
        .compilation_mode(wasmi::CompilationMode::Eager)
        .wasm_tail_call(false)
        .wasm_multi_memory(false)
        .set_max_recursion_depth(STACK_UNITS as usize)
        .set_max_stack_height(64 * STACK_UNITS as usize * 8);
    (Engine::new(&config).unwrap(), wasmi::Engine::new(&wasmi_config))
});

/// An instance on wasmtime as the counter protocol sets and reads its counters.
struct OnWasmtime<'s> {
    store: &'s mut Store<()>,
    instance: Instance,
}

impl protocol::Instance for OnWasmtime<'_> {
    type Error = wasmtime::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        let mut set = |name: &str, value: Val| {
            let global = self.instance.get_global(&mut *self.store, name);
            global.is_some_and(|global| global.set(&mut *self.store, value).is_ok())
        };
        set(GAS_GLOBAL, Val::I64(gas)) && set(STACK_GLOBAL, Val::I32(stack))
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        let gas = self.instance.get_global(&mut *self.store, GAS_GLOBAL)?.get(&mut *self.store).i64()?;
        let stack = self.instance.get_global(&mut *self.store, STACK_GLOBAL)?.get(&mut *self.store).i32()?;
        Some((gas, stack))
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmtime::Error>> {
        let func = self.instance.get_func(&mut *self.store, name)?;
        Some(func.call(&mut *self.store, &[], &mut []))
    }
}

/// An instance on wasmi as the counter protocol sets and reads its counters.
struct OnWasmi<'s> {
    store: &'s mut wasmi::Store<()>,
    instance: wasmi::Instance,
}

impl protocol::Instance for OnWasmi<'_> {
    type Error = wasmi::Error;

    fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
        let mut set = |name: &str, value: wasmi::Val| {
            let global = self.instance.get_global(&*self.store, name);
            global.is_some_and(|global| global.set(&mut *self.store, value).is_ok())
        };
        set(GAS_GLOBAL, wasmi::Val::I64(gas)) && set(STACK_GLOBAL, wasmi::Val::I32(stack))
    }

    fn counters(&mut self) -> Option<(i64, i32)> {
        let gas = self.instance.get_global(&*self.store, GAS_GLOBAL)?.get(&*self.store).i64()?;
        let stack = self.instance.get_global(&*self.store, STACK_GLOBAL)?.get(&*self.store).i32()?;
        Some((gas, stack))
    }

    async fn call(&mut self, name: &str) -> Option<Result<(), wasmi::Error>> {
        let func = self.instance.get_func(&*self.store, name)?;
        Some(func.call(&mut *self.store, &[], &mut []))
    }
}

/// Per export: the results (`None` for a trap) and the gas used (`None` when out of gas).
type Calls = Vec<(Option<Vec<String>>, Option<u64>)>;

fn wasmtime_calls(module: &Module, exports: &[String], gas: u64) -> Calls {
    let mut store = Store::new(&TWINS.0, ());
    let Ok(instance) = Instance::new(&mut store, module, &[]) else { return vec![(None, None)] };
    let limits = Limits { gas, stack: STACK_UNITS as u32 };
    let mut calls = Vec::new();
    let names = instance.get_func(&mut store, START_EXPORT).map(|_| START_EXPORT.to_string()).into_iter();
    for name in names.chain(exports.iter().cloned()) {
        let Some(func) = instance.get_func(&mut store, &name) else { continue };
        let ty = func.ty(&store);
        let args: Vec<Val> = ty.params().map(|t| Val::default_for_ty(&t).unwrap_or(Val::I32(0))).collect();
        let mut results: Vec<Val> = ty.results().map(|t| Val::default_for_ty(&t).unwrap_or(Val::I32(0))).collect();
        assert!(protocol::set_counters(&mut OnWasmtime { store: &mut store, instance }, limits));
        let outcome = func.call(&mut store, &args, &mut results).ok().map(|()| results.iter().map(observe).collect());
        let (left, _) = protocol::read_counters(&mut OnWasmtime { store: &mut store, instance }).unwrap();
        calls.push((outcome, (left >= 0).then(|| gas - left as u64)));
    }
    calls
}

fn observe_wasmi(value: &wasmi::Val) -> String {
    match value {
        wasmi::Val::I32(v) => observe(&Val::I32(*v)),
        wasmi::Val::I64(v) => observe(&Val::I64(*v)),
        wasmi::Val::F32(v) => observe(&Val::F32(v.to_bits())),
        wasmi::Val::F64(v) => observe(&Val::F64(v.to_bits())),
        wasmi::Val::FuncRef(r) => format!("funcref {}", !r.is_null()),
        wasmi::Val::ExternRef(r) => format!("externref {}", !r.is_null()),
        other => format!("{other:?}"),
    }
}

fn wasmi_calls(module: &wasmi::Module, exports: &[String], gas: u64) -> Calls {
    let mut store = wasmi::Store::new(&TWINS.1, ());
    let Ok(instance) = wasmi::Instance::new(&mut store, module, &[]) else { return vec![(None, None)] };
    let limits = Limits { gas, stack: STACK_UNITS as u32 };
    let mut calls = Vec::new();
    let names = instance.get_func(&store, START_EXPORT).map(|_| START_EXPORT.to_string()).into_iter();
    for name in names.chain(exports.iter().cloned()) {
        let Some(func) = instance.get_func(&store, &name) else { continue };
        let ty = func.ty(&store);
        let args: Vec<_> = ty.params().iter().map(|t| wasmi::Val::default_for_ty(*t)).collect();
        let mut results: Vec<_> = ty.results().iter().map(|t| wasmi::Val::default_for_ty(*t)).collect();
        assert!(protocol::set_counters(&mut OnWasmi { store: &mut store, instance }, limits));
        let outcome =
            func.call(&mut store, &args, &mut results).ok().map(|()| results.iter().map(observe_wasmi).collect());
        let (left, _) = protocol::read_counters(&mut OnWasmi { store: &mut store, instance }).unwrap();
        calls.push((outcome, (left >= 0).then(|| gas - left as u64)));
    }
    calls
}

fn observe(value: &Val) -> String {
    match value {
        Val::F32(bits) if f32::from_bits(*bits).is_nan() => "NaN".into(),
        Val::F64(bits) if f64::from_bits(*bits).is_nan() => "NaN".into(),
        Val::FuncRef(f) => format!("funcref {}", f.is_some()),
        Val::ExternRef(r) => format!("externref {}", r.is_some()),
        other => format!("{other:?}"),
    }
}

fn call_all(
    store: &mut Store<()>,
    instance: &Instance,
    module: &Module,
    before: &dyn Fn(&mut Store<()>),
) -> Vec<Option<Vec<String>>> {
    let mut seen = Vec::new();
    for export in module.exports() {
        let Some(func) = instance.get_func(&mut *store, export.name()) else { continue };
        let ty = func.ty(&*store);
        let args: Vec<Val> = ty.params().map(|t| Val::default_for_ty(&t).unwrap_or(Val::I32(0))).collect();
        let mut results: Vec<Val> = ty.results().map(|t| Val::default_for_ty(&t).unwrap_or(Val::I32(0))).collect();
        before(store);
        seen.push(func.call(&mut *store, &args, &mut results).ok().map(|()| results.iter().map(observe).collect()));
    }
    seen
}

fuzz_target!(|data: &[u8]| {
    let mut config = wasm_smith::Config::default();
    (config.simd_enabled, config.relaxed_simd_enabled, config.threads_enabled) = (false, false, false);
    (config.memory64_enabled, config.exceptions_enabled, config.tail_call_enabled, config.gc_enabled) =
        (false, false, false, false);
    (config.max_memories, config.max_memory32_bytes, config.max_imports, config.export_everything) =
        (1, 16 << 16, 0, true);
    // The first byte picks the trap setting and wasm-smith gets the rest. Shared, the byte's
    // lowest bit was also wasm-smith's first choice, whether to generate any type, so every
    // module fuzzed under exact gas had no type and no function.
    let Some((&setting, entropy)) = data.split_first() else { return };
    let Ok(module) = wasm_smith::Module::new(config, &mut Unstructured::new(entropy)) else { return };
    let wasm = module.to_bytes();
    let policy = &POLICIES[usize::from(setting & 1)];
    let Ok(instrumented) = baals_instrument::instrument(&wasm, policy) else { return };
    let (fuel_engine, engine) = &*ENGINES;

    let Ok(original) = Module::new(fuel_engine, &wasm) else { return };
    let mut store = Store::new(fuel_engine, ());
    store.set_fuel(1_000_000).unwrap();
    let expected = match Instance::new(&mut store, &original, &[]) {
        Ok(instance) => call_all(&mut store, &instance, &original, &|_| {}),
        Err(_) => vec![None],
    };
    if store.get_fuel().unwrap() == 0 {
        return;
    }

    let metered = Module::new(engine, &instrumented.wasm).expect("instrumented modules compile");
    let mut store = Store::new(engine, ());
    let Ok(instance) = Instance::new(&mut store, &metered, &[]) else {
        assert_eq!(expected, vec![None], "instantiation differs");
        return;
    };
    let reset = |store: &mut Store<()>| {
        let limits = Limits { gas: 1 << 62, stack: 1 << 20 };
        assert!(protocol::set_counters(&mut OnWasmtime { store, instance }, limits));
    };
    if let Some(start) = instance.get_func(&mut store, START_EXPORT) {
        reset(&mut store);
        if start.call(&mut store, &[], &mut []).is_err() {
            assert_eq!(expected, vec![None], "the start function differs");
            return;
        }
    }
    let observed = call_all(&mut store, &instance, &original, &reset);
    assert_eq!(observed, expected, "the instrumented module behaves differently");

    // The original ended within its fuel, so ample gas ends too; a start function runs first.
    let exports: Vec<String> = original.exports().map(|export| export.name().to_string()).collect();
    let twin = Module::new(&TWINS.0, &instrumented.wasm).unwrap();
    let wasmi_twin = wasmi::Module::new(&TWINS.1, &instrumented.wasm).expect("wasmi takes what wasmtime takes");
    let copy = without_trap_write_backs(&instrumented.wasm).expect("the instrumenter's output has a copy");
    let copies = copy.map(|copy| {
        let wasmi = wasmi::Module::new(&TWINS.1, &copy).expect("wasmi takes the copy");
        (Module::new(&TWINS.0, &copy).expect("the copy compiles"), wasmi)
    });
    for gas in [1 << 40, 5_000] {
        let wasmtime = wasmtime_calls(&twin, &exports, gas);
        let wasmi = wasmi_calls(&wasmi_twin, &exports, gas);
        assert_eq!(wasmtime, wasmi, "wasmtime and wasmi disagree with {gas} gas");
        if let Some((copy, wasmi_copy)) = &copies {
            let on_copy = wasmtime_calls(copy, &exports, gas);
            assert_eq!(on_copy, wasmi_calls(wasmi_copy, &exports, gas), "the engines disagree on the copy, {gas} gas");
            compare_copy(&on_copy, &wasmtime, gas);
        }
    }
});

/// The calls on the copy against the same calls on the stored module.
fn compare_copy(on_copy: &Calls, stored: &Calls, gas: u64) {
    assert_eq!(on_copy.len(), stored.len(), "{gas} gas: the copy made other calls");
    for (call, ((copy_result, copy_used), (result, used))) in on_copy.iter().zip(stored).enumerate() {
        assert_eq!(copy_result, result, "{gas} gas, call {call}: the copy behaves differently");
        if result.is_some() {
            assert_eq!(copy_used, used, "{gas} gas, call {call}: the copy charged differently");
            continue;
        }
        // `None` is out of gas: the copy may have written back less, never more.
        match (copy_used, used) {
            (_, None) => {}
            (None, Some(_)) => panic!("{gas} gas, call {call}: only the copy ran out of gas"),
            (Some(copy), Some(stored)) => assert!(copy <= stored, "{gas} gas, call {call}: {copy} against {stored}"),
        }
    }
}
