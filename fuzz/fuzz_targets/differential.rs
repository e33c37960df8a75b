//! wasm-smith modules, instrumented under the permissive policy, against their originals on
//! wasmtime: with the largest gas limit, the same results (or a trap where the original
//! traps); the original is bounded by fuel.
#![no_main]

use std::sync::LazyLock;

use arbitrary::Unstructured;
use baals_instrument::{GAS_GLOBAL, STACK_GLOBAL, START_EXPORT};
use baals_policy::Policy;
use libfuzzer_sys::fuzz_target;
use wasmtime::{Config, Engine, Instance, Module, Store, Val};

static POLICY: LazyLock<Policy> = LazyLock::new(Policy::permissive);
static ENGINES: LazyLock<(Engine, Engine)> = LazyLock::new(|| {
    let mut fuel = Config::new();
    fuel.consume_fuel(true);
    (Engine::new(&fuel).unwrap(), Engine::default())
});

fn observe(value: &Val) -> String {
    match value {
        Val::F32(bits) if f32::from_bits(*bits).is_nan() => "NaN".into(),
        Val::F64(bits) if f64::from_bits(*bits).is_nan() => "NaN".into(),
        Val::FuncRef(f) => format!("funcref {}", f.is_some()),
        Val::ExternRef(r) => format!("externref {}", r.is_some()),
        other => format!("{other:?}"),
    }
}

fn call_all(store: &mut Store<()>, instance: &Instance, module: &Module, before: &dyn Fn(&mut Store<()>)) -> Vec<Option<Vec<String>>> {
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
    (config.memory64_enabled, config.exceptions_enabled, config.tail_call_enabled, config.gc_enabled) = (false, false, false, false);
    (config.max_memories, config.max_memory32_bytes, config.max_imports, config.export_everything) = (1, 16 << 16, 0, true);
    let Ok(module) = wasm_smith::Module::new(config, &mut Unstructured::new(data)) else { return };
    let wasm = module.to_bytes();
    let Ok(instrumented) = baals_instrument::instrument(&wasm, &POLICY) else { return };
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
        instance.get_global(&mut *store, GAS_GLOBAL).unwrap().set(&mut *store, Val::I64(1 << 62)).unwrap();
        instance.get_global(&mut *store, STACK_GLOBAL).unwrap().set(&mut *store, Val::I32(1 << 20)).unwrap();
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
});
