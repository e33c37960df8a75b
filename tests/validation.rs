//! Deploy-time validation: every rule, a module just inside it accepted and one just outside
//! refused with the rule's error, and the location reported.

use baals_instrument::{ExportRefusal, Feature, ImportRefusal, Location, ValidationError, validate};
use baals_policy::{HostFunction, Limit, Policy};
use baals_tests::{default_with, shared_dir, wat, with_custom_section};

fn refused(wasm: &[u8], policy: &Policy) -> ValidationError {
    match validate(wasm, policy) {
        Ok(info) => panic!("accepted: {info:?}"),
        Err(error) => error,
    }
}

fn accepted(wasm: &[u8], policy: &Policy) -> baals_instrument::ModuleInfo {
    validate(wasm, policy).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn repeat(part: &str, n: u64) -> String {
    (0..n).map(|_| part).collect::<Vec<_>>().join(" ")
}

/// A module whose value for `limit` is `n` and which breaks no other rule of the default policy.
fn module_for(limit: Limit, n: u64) -> Vec<u8> {
    let text = match limit {
        Limit::ModuleBytes => unreachable!("sized by bytes, see module_bytes_limit"),
        Limit::Types => format!("(module {})", repeat("(type (func))", n)),
        Limit::Functions => format!("(module {})", repeat("(func)", n)),
        Limit::Imports => {
            format!("(module {})", repeat(r#"(import "env" "baals_get_block_index" (func (result i64)))"#, n))
        }
        Limit::Exports => {
            let exports: Vec<String> = (0..n).map(|i| format!(r#"(export "m{i}" (func 0))"#)).collect();
            format!("(module (func) {})", exports.join(" "))
        }
        Limit::Globals => format!("(module {})", repeat("(global i32 (i32.const 0))", n)),
        Limit::Tables => format!("(module {})", repeat("(table 1 funcref)", n)),
        Limit::TableElements => format!("(module (table {n} funcref))"),
        Limit::FunctionParams => format!("(module (type (func (param {}))))", repeat("i32", n)),
        Limit::FunctionResults => format!("(module (type (func (result {}))))", repeat("i32", n)),
        Limit::FunctionLocals => format!("(module (func (local {})))", repeat("i32", n)),
        // The body's final `end` is an instruction too.
        Limit::FunctionInstructions => format!("(module (func {}))", repeat("nop", n - 1)),
        Limit::DataSegments => format!("(module (memory 1) {})", repeat(r#"(data (i32.const 0) "")"#, n)),
        Limit::DataBytes => format!(r#"(module (memory 1) (data (i32.const 0) "{}"))"#, "x".repeat(n as usize)),
        Limit::ElementSegments => {
            format!("(module (table 1 funcref) (func) {})", repeat("(elem (i32.const 0) func 0)", n))
        }
        Limit::BrTableTargets => {
            format!("(module (func (block (br_table {} 0 (i32.const 0)))))", repeat("0", n))
        }
        Limit::BlockDepth => format!("(module (func {} {}))", repeat("(block", n), ")".repeat(n as usize)),
        Limit::CustomSections => format!("(module {})", repeat(r#"(@custom "c" "")"#, n)),
        Limit::MemoryPages => format!("(module (memory {n}))"),
        _ => unreachable!("a new limit needs a module here: {limit:?}"),
    };
    wat(&text)
}

#[test]
fn every_limit_accepts_its_value_and_refuses_one_more() {
    for &limit in Limit::ALL.iter().chain([&Limit::MemoryPages]) {
        if limit == Limit::ModuleBytes {
            continue;
        }
        let max = 3;
        let (section, key) = limit.key().split_once('.').unwrap();
        let policy = default_with(&[(section, key, &max.to_string())]);
        let info = accepted(&module_for(limit, max), &policy);
        assert_eq!(info.usage.get(limit), max, "{limit:?}");
        match refused(&module_for(limit, max + 1), &policy) {
            ValidationError::LimitExceeded { limit: l, value, max: m, location } => {
                assert_eq!((l, value, m), (limit, max + 1, max), "{limit:?}");
                assert!(location.offset.is_some(), "{limit:?} has no offset");
            }
            other => panic!("{limit:?}: {other}"),
        }
    }
}

#[test]
fn module_bytes_limit() {
    let wasm = wat("(module (func))");
    let len = wasm.len() as u64;
    let policy = default_with(&[("limits", "module-bytes", &len.to_string())]);
    accepted(&wasm, &policy);
    let policy = default_with(&[("limits", "module-bytes", &(len - 1).to_string())]);
    assert_eq!(
        refused(&wasm, &policy),
        ValidationError::LimitExceeded {
            limit: Limit::ModuleBytes,
            value: len,
            max: len - 1,
            location: Location::default()
        }
    );
}

#[test]
fn table_and_memory_maximums_count_too() {
    let policy = default_with(&[("limits", "table-elements", "8"), ("memory", "max-pages", "8")]);
    accepted(&wat("(module (table 1 8 funcref) (memory 1 8))"), &policy);
    assert!(matches!(
        refused(&wat("(module (table 1 9 funcref))"), &policy),
        ValidationError::LimitExceeded { limit: Limit::TableElements, value: 9, max: 8, .. }
    ));
    assert!(matches!(
        refused(&wat("(module (memory 1 9))"), &policy),
        ValidationError::LimitExceeded { limit: Limit::MemoryPages, value: 9, max: 8, .. }
    ));
    // A memory without a declared maximum is accepted; the instrumenter gives it the policy's.
    let info = accepted(&wat("(module (memory 2))"), &policy);
    let memory = info.memory.unwrap();
    assert_eq!((memory.initial_pages, memory.maximum_pages), (2, None));
}

#[test]
fn limits_are_named_in_the_function_where_they_break() {
    let policy = default_with(&[("limits", "function-locals", "4")]);
    let wasm = wat("(module (func) (func (local i32 i32) (local i64 i64 i64)))");
    match refused(&wasm, &policy) {
        ValidationError::LimitExceeded { limit: Limit::FunctionLocals, value: 5, max: 4, location } => {
            assert_eq!(location.function, Some(1));
            // The offset is that of the second run of locals: two bytes (count, type) from the
            // first, which starts after the body's size and the run count.
            let offset = location.offset.unwrap();
            assert_eq!(&wasm[offset..offset + 2], &[3, 0x7e]);
        }
        other => panic!("{other}"),
    }
}

/// The format bounds a function's parameters and locals together at 50,000, and instrumentation
/// adds up to 5 locals: a body the policy's `function-locals` allows must still instrument into
/// a module engines accept, so validation leaves that room (found by hand beside the fuzzer).
#[test]
fn locals_leave_room_for_the_ones_instrumentation_adds() {
    let policy = Policy::permissive();
    assert_eq!(policy.limit(Limit::FunctionLocals), 50_000);
    let body = |params: &str, locals: u32| {
        wat(&format!(
            "(module (func (param {params}) {}))",
            if locals == 0 { String::new() } else { format!("(local {})", "i32 ".repeat(locals as usize)) }
        ))
    };
    for (params, max) in [("", 49_995u64), ("i64 i64 i64", 49_992)] {
        let refused_body = body(params, max as u32 + 1);
        match refused(&refused_body, &policy) {
            ValidationError::LimitExceeded { limit: Limit::FunctionLocals, value, max: m, .. } => {
                assert_eq!((value, m), (max + 1, max), "params ({params})");
            }
            other => panic!("{other}"),
        }
        let accepted_body = body(params, max as u32);
        accepted(&accepted_body, &policy);
        let output = baals_instrument::instrument(&accepted_body, &policy).unwrap().wasm;
        let mut validator = wasmparser::Validator::new_with_features(baals_tests::output_features(&policy));
        validator.validate_all(&output).unwrap_or_else(|e| panic!("params ({params}): output invalid: {e}"));
    }
}

/// The offset of the first occurrence of `needle` in `haystack`, for locating instructions.
fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).position(|w| w == needle).expect("needle present")
}

#[test]
fn floats_are_refused_everywhere_under_the_default_policy() {
    let default = Policy::default_policy();
    let permissive = Policy::permissive();
    for text in [
        "(module (func (drop (f32.const 1))))",
        "(module (func (drop (f64.const 1))))",
        "(module (memory 1) (func (drop (f32.load (i32.const 0)))))",
        "(module (memory 1) (func (f64.store (i32.const 0) (f64.const 0))))",
        "(module (func (param f32)))",
        "(module (type (func (result f64))))",
        "(module (func (local f64)))",
        "(module (global f32 (f32.const 0)))",
        "(module (func (drop (i32.trunc_sat_f32_s (f32.const 0)))))",
        "(module (func (drop (f32.reinterpret_i32 (i32.const 0)))))",
    ] {
        match refused(&wat(text), &default) {
            ValidationError::FeatureNotAllowed { feature: Feature::Floats, location } => {
                assert!(location.offset.is_some(), "{text}");
            }
            other => panic!("{text}: {other}"),
        }
        accepted(&wat(text), &permissive);
    }
}

#[test]
fn float_instructions_are_located() {
    let wasm = wat("(module (func) (func (drop (i32.const 7)) (drop (f32.const 1))))");
    match refused(&wasm, &Policy::default_policy()) {
        ValidationError::FeatureNotAllowed { feature: Feature::Floats, location } => {
            assert_eq!(location.function, Some(1));
            assert_eq!(location.offset, Some(find(&wasm, &[0x43, 0, 0, 0x80, 0x3f])));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn proposals_the_engine_never_supports_are_refused_by_every_policy() {
    let cases = [
        ("(module (func (drop (v128.const i64x2 0 0))))", Feature::Simd),
        // Relaxed SIMD needs v128 values first: the first point that fails is SIMD.
        ("(module (func (param v128) (drop (i32x4.relaxed_trunc_f32x4_s (local.get 0)))))", Feature::Simd),
        ("(module (memory 1 1 shared))", Feature::Threads),
        ("(module (memory 1) (func (drop (i32.atomic.load (i32.const 0)))))", Feature::Threads),
        ("(module (memory i64 1))", Feature::Memory64),
        ("(module (memory 1) (memory 1))", Feature::MultiMemory),
        ("(module (tag))", Feature::Exceptions),
        ("(module (func (try_table)))", Feature::Exceptions),
        ("(module (func return_call 0))", Feature::TailCall),
        ("(module (type (struct)))", Feature::Gc),
        ("(module (func (drop (ref.i31 (i32.const 0)))))", Feature::Gc),
        ("(module (func (param (ref func))))", Feature::FunctionReferences),
        ("(module (memory 1 (pagesize 1)))", Feature::CustomPageSizes),
        (
            "(module (func (drop (drop (i64.add128 (i64.const 0) (i64.const 0) (i64.const 0) (i64.const 0))))))",
            Feature::WideArithmetic,
        ),
    ];
    for policy in [Policy::default_policy(), Policy::permissive()] {
        for (text, feature) in cases {
            match refused(&wat(text), &policy) {
                ValidationError::FeatureNotAllowed { feature: f, .. } => {
                    assert_eq!(f, feature, "{text}");
                    assert!(!f.is_policy_controlled());
                }
                other => panic!("{text}: {other}"),
            }
        }
        // A component's header: version 0x0d, layer 1.
        assert!(matches!(
            refused(b"\0asm\x0d\0\x01\0", &policy),
            ValidationError::FeatureNotAllowed { feature: Feature::ComponentModel, .. }
        ));
    }
}

#[test]
fn policy_controlled_features_follow_the_policy() {
    let anything = [("imports", "allow", "\"any\""), ("exports", "allow", "\"any\"")];
    let cases = [
        ("sign-extension", "(module (func (drop (i32.extend8_s (i32.const 0)))))", Feature::SignExtension),
        ("multi-value", "(module (func (result i32 i32) (i32.const 0) (i32.const 0)))", Feature::MultiValue),
        (
            "bulk-memory",
            "(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))))",
            Feature::BulkMemory,
        ),
        ("reference-types", "(module (table 1 externref))", Feature::ReferenceTypes),
        ("reference-types", "(module (func (drop (ref.null func))))", Feature::ReferenceTypes),
        ("extended-const", "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))", Feature::ExtendedConst),
        ("mutable-global", r#"(module (global (export "g") (mut i32) (i32.const 0)))"#, Feature::MutableGlobal),
    ];
    for (key, text, feature) in cases {
        let mut on = anything.to_vec();
        let policy = default_with(&on);
        accepted(&wat(text), &policy);
        on.push(("features", key, "false"));
        let policy = default_with(&on);
        match refused(&wat(text), &policy) {
            ValidationError::FeatureNotAllowed { feature: f, .. } => {
                assert_eq!(f, feature, "{text}");
                assert!(f.is_policy_controlled());
            }
            other => panic!("{text}: {other}"),
        }
    }
}

#[test]
fn every_abi_function_imports_with_its_exact_signature() {
    let imports: String = HostFunction::ALL
        .iter()
        .map(|f| format!(r#"(import "env" "{}" (func {}))"#, f.name(), f.signature()))
        .collect();
    let info = accepted(&wat(&format!("(module {imports})")), &Policy::default_policy());
    assert_eq!(info.imported_functions, 18);
    assert_eq!(info.imports[14].name, "baals_call_contract");
}

#[test]
fn imports_outside_the_abi_are_refused() {
    let policy = Policy::default_policy();
    let cases: [(&str, ImportRefusal); 6] = [
        (r#"(import "host" "baals_get_value" (func (result i64)))"#, ImportRefusal::NotHostModule),
        (r#"(import "env" "baals_exit" (func))"#, ImportRefusal::UnknownFunction),
        (
            r#"(import "env" "baals_get_block_index" (func (result i32)))"#,
            ImportRefusal::WrongSignature {
                function: HostFunction::GetBlockIndex,
                found: "(param) (result i32)".into(),
            },
        ),
        (r#"(import "env" "memory" (memory 1))"#, ImportRefusal::NotAFunction("memory")),
        (r#"(import "env" "table" (table 1 funcref))"#, ImportRefusal::NotAFunction("table")),
        (r#"(import "env" "g" (global i32))"#, ImportRefusal::NotAFunction("global")),
    ];
    for (import, reason) in cases {
        let wasm = wat(&format!("(module {import})"));
        match refused(&wasm, &policy) {
            ValidationError::ImportNotAllowed { reason: r, location, .. } => {
                assert_eq!(r, reason, "{import}");
                // The offset is the import entry's: its module name's length byte.
                let offset = location.offset.unwrap();
                assert!(wasm[offset + 1..].starts_with(b"host") || wasm[offset + 1..].starts_with(b"env"));
            }
            other => panic!("{import}: {other}"),
        }
        // The permissive policy takes any import.
        accepted(&wasm, &Policy::permissive());
    }
    let message = refused(&wat(r#"(module (import "env" "baals_get_block_index" (func (result i32))))"#), &policy);
    assert_eq!(
        message.to_string(),
        "import `env.baals_get_block_index` is not allowed (at offset 0x12): \
         baals_get_block_index has signature (param) (result i64), imported as (param) (result i32)"
    );
}

#[test]
fn exports_are_contract_methods_and_the_memory() {
    let policy = Policy::default_policy();
    let info = accepted(
        &wat(r#"(module (memory (export "memory") 1) (func (export "transfer")) (func (export "mint")))"#),
        &policy,
    );
    assert_eq!(info.exports.len(), 3);
    // Constants may be exported: rustc exports `__heap_base` and `__data_end` from every
    // wasm32-unknown-unknown cdylib.
    accepted(&wat(r#"(module (global (export "__heap_base") i32 (i32.const 1048576)))"#), &policy);
    let cases = [
        (r#"(func (export "add") (param i32))"#, ExportRefusal::NotAnEntryPoint("(param i32)".into())),
        (
            r#"(func (export "get") (result i64) (i64.const 0))"#,
            ExportRefusal::NotAnEntryPoint("(param) (result i64)".into()),
        ),
        (r#"(memory (export "mem") 1)"#, ExportRefusal::MemoryName),
        (r#"(global (export "g") (mut i32) (i32.const 0))"#, ExportRefusal::KindNotAllowed("mutable global")),
        (r#"(table (export "t") 1 funcref)"#, ExportRefusal::KindNotAllowed("table")),
        (r#"(func (export "baals_gas"))"#, ExportRefusal::ReservedName),
    ];
    for (export, reason) in &cases {
        match refused(&wat(&format!("(module {export})")), &policy) {
            ValidationError::ExportNotAllowed { reason: r, .. } => {
                assert_eq!(&r, reason, "{export}")
            }
            other => panic!("{export}: {other}"),
        }
    }
    // Permissive takes any export but the reserved prefix.
    let permissive = Policy::permissive();
    for (export, _) in &cases[..5] {
        accepted(&wat(&format!("(module {export})")), &permissive);
    }
    assert!(matches!(
        refused(&wat(r#"(module (memory (export "baals_stack") 1))"#), &permissive),
        ValidationError::ExportNotAllowed { reason: ExportRefusal::ReservedName, .. }
    ));
}

#[test]
fn the_interface_is_checked_before_the_code() {
    // Both a foreign import and float code: the import is the reason given.
    let wasm = wat(r#"(module (import "env" "db_read" (func (param i32) (result i32))) (func (drop (f32.const 0))))"#);
    assert!(matches!(
        refused(&wasm, &Policy::default_policy()),
        ValidationError::ImportNotAllowed { reason: ImportRefusal::UnknownFunction, .. }
    ));
}

#[test]
fn invalid_code_is_located() {
    let wasm = wat("(module (func) (func (result i32) (i64.const 5)))");
    match refused(&wasm, &Policy::permissive()) {
        ValidationError::Invalid { message, location } => {
            assert!(message.contains("type mismatch"), "{message}");
            assert_eq!(location.function, Some(1));
            // Reported at the body's `end`, where the i64 meets the i32 result.
            assert_eq!(wasm[location.offset.unwrap()], 0x0b);
        }
        other => panic!("{other}"),
    }
}

#[test]
fn garbage_truncated_and_empty_input_is_malformed() {
    let policy = Policy::default_policy();
    let module = wat(r#"(module (memory 1) (func (export "run") (drop (i32.const 1))))"#);
    for bytes in [
        &b""[..],
        &b"\0asm"[..],
        &b"\0asm\x02\0\0\0"[..],
        &b"hello, world, not wasm"[..],
        &module[..module.len() - 1],
        &module[..12],
    ] {
        match refused(bytes, &policy) {
            ValidationError::Malformed { .. } => {}
            other => panic!("{bytes:?}: {other}"),
        }
    }
}

#[test]
fn a_name_section_that_does_not_decode_is_malformed() {
    // Instrumentation rewrites the name section, so it must decode, to its last name.
    let module = wat(r#"(module (func (export "run")))"#);
    // Function names: one entry, function 0, whose name claims 10 bytes of the 2 left.
    let truncated = with_custom_section(&module, "name", &[1, 5, 1, 0, 10, b'r', b'u']);
    // Local names listing function 0 twice, the second time with a stray byte after it.
    let trailing = with_custom_section(&module, "name", &[2, 8, 2, 0, 0, 0, 1, 0, 0, 0xff]);
    for (wasm, what) in [(truncated, "past the end"), (trailing, "trailing")] {
        match refused(&wasm, &Policy::permissive()) {
            ValidationError::Malformed { message, location } => {
                assert!(message.starts_with("name section: "), "{what}: {message}");
                assert_eq!(location.function, None, "{what}");
                // Within the section, which the module's last bytes are.
                let offset = location.offset.unwrap();
                assert!((module.len()..=wasm.len()).contains(&offset), "{what}: offset {offset}");
            }
            other => panic!("{what}: {other}"),
        }
    }
    // The same subsections, well formed, are accepted.
    for payload in [&[1, 5, 1, 0, 2, b'r', b'u'][..], &[2, 7, 2, 0, 0, 0, 1, 0, 0]] {
        validate(&with_custom_section(&module, "name", payload), &Policy::permissive()).unwrap();
    }
}

/// xorshift64: a fixed, dependency-free sequence, so failures replay.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn mangled_real_modules_are_refused_without_panicking() {
    let original = std::fs::read(shared_dir().join("corpus/cosmwasm/empty.wasm")).unwrap();
    let policy = Policy::permissive();
    accepted(&original, &policy);
    let mut state = 0x9e37_79b9_7f4a_7c15;
    let mut refusals = 0;
    for round in 0..400 {
        let mut bytes = original.clone();
        if round % 4 == 0 {
            bytes.truncate((xorshift(&mut state) % bytes.len() as u64) as usize);
        } else {
            for _ in 0..=round % 3 {
                let at = (xorshift(&mut state) % bytes.len() as u64) as usize;
                bytes[at] = xorshift(&mut state) as u8;
            }
        }
        if validate(&bytes, &policy).is_err() {
            refusals += 1;
        }
    }
    // Some flips land in data or names and leave a valid module: most must not.
    assert!(refusals > 200, "only {refusals} of 400 mangled modules refused");
    println!("mangled modules: 400 validated, {refusals} refused, no panic");
}
