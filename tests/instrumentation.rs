//! Instrumentation of real modules: every corpus module under the permissive policy, output
//! validity, determinism, and what is kept byte for byte.

use baals_instrument::{InstrumentError, instrument};
use baals_policy::Policy;
use baals_tests::{output_features, shared_dir};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut modules = Vec::new();
    for dir in ["cosmwasm", "large"] {
        for entry in std::fs::read_dir(shared_dir().join("corpus").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.extension().is_some_and(|e| e == "wasm") && name != "corrupted.wasm" {
                modules.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    modules.sort();
    modules
}

#[test]
fn every_corpus_module_instruments_twice_identically_and_validates() {
    let policy = Policy::permissive();
    for (name, wasm) in corpus() {
        let first = instrument(&wasm, &policy).unwrap_or_else(|e| panic!("{name}: {e}"));
        let second = instrument(&wasm, &policy).unwrap();
        assert!(first.wasm == second.wasm, "{name}: two runs differ");
        let mut validator = wasmparser::Validator::new_with_features(output_features(&policy));
        validator.validate_all(&first.wasm).unwrap_or_else(|e| panic!("{name}: output invalid: {e}"));
        assert!(matches!(instrument(&first.wasm, &policy), Err(InstrumentError::AlreadyInstrumented)));
        println!(
            "{name}: {} -> {} bytes ({:+.1}%), {} metering points, {} checks",
            first.report.original_bytes,
            first.report.instrumented_bytes,
            first.report.size_overhead() * 100.0,
            first.report.metering_points(),
            first.report.checks()
        );
    }
}

/// The encoded bytes of each operator of each function body.
fn operators(wasm: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut functions = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            let mut reader = body.get_operators_reader().unwrap();
            let mut ops = Vec::new();
            let mut start = reader.original_position();
            while !reader.eof() {
                reader.read().unwrap();
                let end = reader.original_position();
                ops.push(wasm[start..end].to_vec());
                start = end;
            }
            functions.push(ops);
        }
    }
    functions
}

/// Non-code sections by id (custom sections by name), with their bytes.
fn sections(wasm: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.unwrap();
        let key = match &payload {
            wasmparser::Payload::CustomSection(section) => format!("custom:{}", section.name()),
            wasmparser::Payload::CodeSectionStart { .. } | wasmparser::Payload::CodeSectionEntry(_) => continue,
            other => match other.as_section() {
                Some((id, _)) => format!("section:{id}"),
                None => continue,
            },
        };
        let (_, range) = payload.as_section().unwrap();
        out.push((key, wasm[range].to_vec()));
    }
    out
}

/// The number of parameters of each defined function.
fn param_counts(wasm: &[u8]) -> Vec<u32> {
    let (mut types, mut counts) = (Vec::new(), Vec::new());
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.unwrap() {
            wasmparser::Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    types.push(ty.unwrap().params().len() as u32);
                }
            }
            wasmparser::Payload::FunctionSection(reader) => {
                counts.extend(reader.into_iter().map(|ty| types[ty.unwrap() as usize]));
            }
            _ => {}
        }
    }
    counts
}

/// `op` as an internal function's body has it: a local instruction on a declared local (past
/// the `params` parameters) names it two up, past the counter parameters.
fn renumbered(op: &[u8], params: u32) -> Vec<u8> {
    const LOCAL_GET: u8 = 0x20;
    const LOCAL_TEE: u8 = 0x22;
    if !(LOCAL_GET..=LOCAL_TEE).contains(&op[0]) {
        return op.to_vec();
    }
    let index = wasmparser::BinaryReader::new(&op[1..], 0).read_var_u32().unwrap();
    if index < params {
        return op.to_vec();
    }
    // The instrumenter writes the new index in unsigned LEB128, as short as it goes.
    let (mut renumbered, mut rest) = (vec![op[0]], index + 2);
    while rest >= 0x80 {
        renumbered.push((rest & 0x7f) as u8 | 0x80);
        rest >>= 7;
    }
    renumbered.push(rest as u8);
    renumbered
}

#[test]
fn original_instructions_survive_in_order_with_their_encoding() {
    let policy = Policy::permissive();
    let mut internal = 0;
    for (name, wasm) in
        corpus().into_iter().filter(|(name, _)| !name.starts_with("esbuild") && !name.starts_with("swc"))
    {
        let instrumented = instrument(&wasm, &policy).unwrap();
        let (before, after) = (operators(&wasm), operators(&instrumented.wasm));
        assert_eq!(before.len(), after.len(), "{name}: function count changed");
        let params = param_counts(&wasm);
        for (index, (original, output)) in before.iter().zip(&after).enumerate() {
            let report = &instrumented.report.functions[index];
            internal += usize::from(report.internal);
            // Every original operator, byte for byte, in order, with only injected code between;
            // in internal functions, declared locals renumbered and nothing else.
            let mut rest = output.iter();
            for op in original {
                let op = if report.internal { renumbered(op, params[index]) } else { op.clone() };
                assert!(rest.any(|candidate| *candidate == op), "{name}: function {index} lost {op:?}");
            }
        }
    }
    assert!(internal > 1000, "only {internal} internal functions in the corpus");
}

#[test]
fn sections_metering_does_not_touch_are_kept_byte_for_byte() {
    let policy = Policy::permissive();
    for (name, wasm) in corpus() {
        let output = instrument(&wasm, &policy).unwrap().wasm;
        let after = sections(&output);
        // Types (unless no function is internal and no wrap block needed one), globals and
        // exports grow; internal functions get their new types in the function section; the
        // start section goes; memories and tables change only to get a maximum; the name
        // section's labels and internal functions' locals move. Everything else is the same
        // bytes.
        for (key, bytes) in sections(&wasm) {
            if [
                "section:1",
                "section:3",
                "section:4",
                "section:5",
                "section:6",
                "section:7",
                "section:8",
                "custom:name",
            ]
            .contains(&key.as_str())
            {
                continue;
            }
            let kept = after.iter().find(|(k, _)| *k == key).map(|(_, b)| b);
            assert_eq!(kept, Some(&bytes), "{name}: {key} changed");
        }
        let added: Vec<&str> =
            after.iter().map(|(k, _)| k.as_str()).filter(|k| k.starts_with("custom:baals")).collect();
        // Every contract of the corpus has blocks that write the gas back for a trap alone.
        assert_eq!(added, ["custom:baals.instrumented", "custom:baals.trap_write_backs"], "{name}");
    }
}

/// The names of one name subsection (`id`), per function, in order.
fn names(wasm: &[u8], id: u8) -> Vec<(u32, Vec<(u32, String)>)> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let wasmparser::Payload::CustomSection(section) = payload.unwrap() else { continue };
        let wasmparser::KnownCustom::Name(reader) = section.as_known() else { continue };
        for subsection in reader {
            let map = match subsection.unwrap() {
                wasmparser::Name::Local(map) if id == 2 => map,
                wasmparser::Name::Label(map) if id == 3 => map,
                _ => continue,
            };
            for function in map {
                let function = function.unwrap();
                let names = function.names.into_iter().map(|n| n.map(|n| (n.index, n.name.to_string())).unwrap());
                out.push((function.index, names.collect()));
            }
        }
    }
    out
}

#[test]
fn names_follow_the_labels_and_locals_they_name() {
    // Function 0 is internal: its locals move past the two counter parameters, and its
    // caller-charged entry check opens a block before its own.
    let module = baals_tests::wat(
        r#"(module
             (func (param i32) (local i32)
               (block (br_if 0 (local.get 0)))
               (local.set 1 (i32.const 1)))
             (func (export "run") (loop (call 0 (i32.const 1)))))"#,
    );
    let named = |text: &str| -> Vec<u8> { [&baals_tests::leb(text.len() as u32)[..], text.as_bytes()].concat() };
    let name_map = |entries: &[(u32, &str)]| -> Vec<u8> {
        let mut out = baals_tests::leb(entries.len() as u32);
        for &(index, name) in entries {
            out.extend(baals_tests::leb(index));
            out.extend(named(name));
        }
        out
    };
    let indirect = |functions: &[(u32, &[(u32, &str)])]| -> Vec<u8> {
        let mut out = baals_tests::leb(functions.len() as u32);
        for &(index, entries) in functions {
            out.extend(baals_tests::leb(index));
            out.extend(name_map(entries));
        }
        out
    };
    let subsection =
        |id: u8, contents: Vec<u8>| [&[id][..], &baals_tests::leb(contents.len() as u32), &contents].concat();
    // A local past any there can be, and the same function listed again and again (each
    // listing is rewritten, and the body is walked once for all of them).
    let locals = indirect(&[(0, &[(0, "p"), (1, "x"), (u32::MAX, "ghost")]), (1, &[(0, "none")])]);
    let labels = indirect(&[(0, &[(0, "b")]), (1, &[(0, "l")]), (0, &[(0, "b2")]), (0, &[(0, "b3")])]);
    let payload = [subsection(2, locals), subsection(3, labels)].concat();
    let wasm = baals_tests::with_custom_section(&module, "name", &payload);

    let output = instrument(&wasm, &Policy::default_policy()).unwrap().wasm;
    let to_owned = |entries: &[(u32, &str)]| entries.iter().map(|&(i, n)| (i, n.to_string())).collect::<Vec<_>>();
    assert_eq!(names(&output, 2), [(0, to_owned(&[(0, "p"), (3, "x")])), (1, to_owned(&[(0, "none")]))]);
    let label = names(&output, 3)[0].1[0].0;
    assert_eq!(
        names(&output, 3),
        [
            (0, to_owned(&[(label, "b")])),
            (1, to_owned(&[(names(&output, 3)[1].1[0].0, "l")])),
            (0, to_owned(&[(label, "b2")])),
            (0, to_owned(&[(label, "b3")]))
        ]
    );
    // The label the names point to is the function's own block; in the loop of function 1,
    // its own loop.
    let openers = |function: usize| -> Vec<String> {
        let body = wasmparser::Parser::new(0)
            .parse_all(&output)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::CodeSectionEntry(body) => Some(body),
                _ => None,
            })
            .nth(function)
            .unwrap();
        let ops = body.get_operators_reader().unwrap().into_iter().map(|op| op.unwrap());
        ops.filter_map(|op| match op {
            wasmparser::Operator::Block { .. } => Some("block".to_string()),
            wasmparser::Operator::Loop { .. } => Some("loop".to_string()),
            wasmparser::Operator::If { .. } => Some("if".to_string()),
            _ => None,
        })
        .collect()
    };
    assert_eq!((label, openers(0)[label as usize].as_str()), (1, "block"));
    let label = names(&output, 3)[1].1[0].0;
    assert_eq!(openers(1)[label as usize], "loop");
}

#[test]
fn a_block_charging_more_than_2_pow_62_is_refused() {
    // The policy bounds each price times `function-instructions` by 2^62, but a block's charge
    // adds the metering code to its instructions: with calls at that bound (and locals at half
    // of it), each call also passes and takes back the counters, and the block goes past 2^62.
    let at_bound = (1u64 << 62) / 16;
    let policy = baals_tests::default_with(&[
        ("limits", "function-instructions", "16"),
        ("costs", "call", &at_bound.to_string()),
        ("costs", "local", &(at_bound / 2).to_string()),
        ("stack", "max-height", "5"),
    ]);
    let calls = "(call $f)".repeat(15);
    let wasm = baals_tests::wat(&format!(r#"(module (func $f) (func (export "run") {calls}))"#));
    match instrument(&wasm, &policy) {
        Err(error @ InstrumentError::ChargeTooLarge { function: 1, charge }) => {
            // 15 calls, and 30 counters passed and 15 taken back at half that, in one block,
            // in any of the 2 x (5 / 4 + 1) = 4 frames the stack allows. ($f fits: its four
            // local instructions, 4 x 2^57, in 4 frames, and a little.)
            assert!(charge >= 15 * at_bound + 45 * (at_bound / 2), "{charge}");
            assert_eq!(
                error.to_string(),
                format!("function 1: up to {charge} gas could be charged between two checks, more than 2^62")
            );
        }
        other => panic!("{other:?}"),
    }
}

/// Between two checks a call runs the rest of every frame on its stack: a callee's return is
/// not checked. A chain of functions, each with an unchecked block after its call, charges
/// every one of those blocks, one per frame, before the next check, so what one function can
/// charge between checks, times the frames the stack allows, must stay within 2^62 (or the
/// counter could wrap past `i64::MAX` to a large amount of gas left and run the rest unmetered), however
/// small each block is.
#[test]
fn what_a_function_charges_times_the_deepest_stack_stays_within_2_pow_62() {
    // 2^58, and a stack of 2 x (16 / 4 + 1) = 10 frames at most.
    let price = 1u64 << 58;
    let policy = |mul: u64, max_height: &str| {
        baals_tests::default_with(&[
            ("limits", "function-instructions", "16"),
            ("costs", "int-mul", &mul.to_string()),
            ("stack", "max-height", max_height),
        ])
    };
    let muls = |k: usize| {
        let mut expression = "(i32.const 1)".to_string();
        for _ in 0..k {
            expression = format!("(i32.mul {expression} (i32.const 1))");
        }
        format!("(drop {expression})")
    };
    let tail = format!("(if (i32.const 1) (then {}))", muls(4));
    let mut functions = format!("(func $f0 (if (i32.const 1) (then {})))", muls(5));
    for k in 1..7 {
        functions += &format!("(func $f{k} (call $f{}) {tail})", k - 1);
    }
    let wasm = baals_tests::wat(&format!(r#"(module {functions} (func (export "run") (call $f6) {tail}))"#));
    // Each block charges at most 5 x 2^58, well within 2^62; the function's 4 x 2^58 and more
    // times 10 frames is not.
    let report = |policy| instrument(&wasm, &policy).map(|instrumented| instrumented.report);
    match report(policy(price, "16")) {
        Err(InstrumentError::ChargeTooLarge { charge, .. }) => assert!(charge > 1 << 62, "{charge}"),
        other => panic!("{other:?}"),
    }
    // At a 64th of the price the same module fits.
    let report = report(policy(price / 64, "16")).unwrap();
    assert!(report.functions.iter().all(|f| f.max_block_cost < 1 << 56));
}

#[test]
fn the_report_describes_each_function() {
    // Figures derived from the round prices of `tests/policies/metering.toml`.
    let wasm = baals_tests::wat(
        r#"(module (memory 1)
             (func $leaf)
             (func (export "run") (local i32)
               (loop $l (br_if $l (i32.eqz (local.get 0))))
               (drop (memory.grow (i32.const 1)))
               (call $leaf)))"#,
    );
    let instrumented = instrument(&wasm, &baals_tests::metering()).unwrap();
    let report = &instrumented.report;
    assert_eq!(report.functions.len(), 2);
    let (leaf, run) = (&report.functions[0], &report.functions[1]);
    // A leaf only called directly: its caller reserves its frame, so it checks only the gas.
    assert_eq!((leaf.index, leaf.metering_points, leaf.checks, leaf.frame), (0, 1, 1, 4));
    // Entry, loop header, after the br_if; checks at entry (gas and stack on one branch), the
    // loop header and the dynamic charge of memory.grow.
    assert_eq!((run.index, run.metering_points, run.checks), (1, 3, 3));
    // frame-base 4, one local, at most 1 operand; and the frame of the leaf it calls.
    assert_eq!(run.frame, 4 + 1 + 1 + 4);
    // The block after the br_if: charge 6 (written back: memory.grow's dynamic charge reads
    // the global), loop `end` 1, i32.const 1, dynamic 18, memory.grow 500, drop 1, the
    // counters passed 2, call 10, the gas taken back and written back 3 (the exit follows),
    // `end` 1; and the leaf's entry block, which its callers pay: its check 10, the gas
    // result 1, `end` 1.
    assert_eq!(run.max_block_cost, 6 + 1 + 1 + 18 + 500 + 1 + 2 + 10 + 3 + 1 + 12);
    assert_eq!((leaf.internal, run.internal), (true, false));
    assert_eq!(report.original_bytes, wasm.len() as u64);
    assert_eq!(report.instrumented_bytes, instrumented.wasm.len() as u64);
    assert_eq!(instrumented.code_hash, baals_instrument::CodeHash::of(&wasm));
    assert_eq!(instrumented.policy_hash, baals_tests::metering().hash());
}

/// A body of more than 20 KiB keeps the functions it calls off the counter parameters
/// (`docs/gas.md`, "Internal functions"): at 20,480 bytes its callee is internal, at 20,481 it
/// is not, while a function only small bodies call stays internal either way.
#[test]
fn callees_of_very_large_bodies_are_not_internal() {
    // The large body: no locals (1 byte), `nops` nops, `call $shared` (2 bytes), `end`.
    let module = |nops: usize| {
        baals_tests::wat(&format!(
            r#"(module
                 (func $shared)
                 (func $only_small)
                 (func (export "large") {} call $shared)
                 (func (export "small") call $shared call $only_small))"#,
            "nop ".repeat(nops)
        ))
    };
    for (body, shared_internal) in [(20_480, true), (20_481, false)] {
        let instrumented = instrument(&module(body - 4), &Policy::default_policy()).unwrap();
        let functions = &instrumented.report.functions;
        assert_eq!(functions[2].original_bytes, body as u32);
        let internal: Vec<bool> = functions.iter().map(|f| f.internal).collect();
        assert_eq!(internal, [shared_internal, true, false, false], "a body of {body} bytes");
        let mut validator = wasmparser::Validator::new_with_features(output_features(&Policy::default_policy()));
        validator.validate_all(&instrumented.wasm).unwrap();
    }
    // The large body is decoded for its calls before it is validated: a byte that is no
    // instruction in its middle is refused as malformed, at its offset in that function.
    let mut wasm = module(30_000);
    let at = wasm.len() - 15_000;
    assert_eq!(wasm[at], 0x01, "a nop");
    wasm[at] = 0xff;
    match instrument(&wasm, &Policy::default_policy()) {
        Err(InstrumentError::Validation(baals_instrument::ValidationError::Malformed { location, .. })) => {
            assert_eq!((location.function, location.offset), (Some(2), Some(at)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn golden_feature_outputs_validate_with_the_input_features() {
    let dir = baals_tests::workspace_root().join("golden/features");
    for policy in [Policy::default_policy(), Policy::permissive()] {
        let mut validated = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".wat") || name.matches('.').count() != 1 {
                continue;
            }
            let wasm = baals_tests::wat(&std::fs::read_to_string(&path).unwrap());
            let Ok(instrumented) = instrument(&wasm, &policy) else { continue };
            let mut validator = wasmparser::Validator::new_with_features(output_features(&policy));
            validator.validate_all(&instrumented.wasm).unwrap_or_else(|e| panic!("{name}: {e}"));
            validated += 1;
        }
        assert!(validated >= 14, "only {validated} feature modules validated");
    }
}

/// A body close to the format's 7,654,321-byte limit on a function, made of many small metering
/// blocks (`i32.const 0; br_if 0`), is accepted by the permissive policy; instrumented, it
/// would not be by any engine, so instrumentation refuses it with the function and the figure.
#[test]
fn outputs_past_the_formats_limits_are_refused_with_a_reason() {
    fn leb(mut n: u32, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(id: u8, contents: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        leb(contents.len() as u32, out);
        out.extend_from_slice(contents);
    }
    let module = |blocks: usize| {
        let mut body = vec![0]; // no locals
        for _ in 0..blocks {
            body.extend_from_slice(&[0x41, 0x00, 0x0d, 0x00]); // i32.const 0; br_if 0
        }
        body.push(0x0b);
        let mut code = vec![1];
        leb(body.len() as u32, &mut code);
        code.extend_from_slice(&body);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        section(1, &[1, 0x60, 0, 0], &mut wasm);
        section(3, &[1, 0], &mut wasm);
        section(10, &code, &mut wasm);
        wasm
    };
    let policy = Policy::permissive();
    let blocks = 1_800_000;
    match instrument(&module(blocks), &policy) {
        Err(InstrumentError::OutputLimit { what: "function body bytes", value, max: 7_654_321, function: Some(0) }) => {
            assert!(value > 7_654_321, "{value}");
        }
        other => panic!("expected an output limit, got {:?}", other.map(|i| i.wasm.len())),
    }
    // A smaller one instruments, and its output validates.
    let output = instrument(&module(10_000), &policy).unwrap().wasm;
    wasmparser::Validator::new_with_features(output_features(&policy)).validate_all(&output).unwrap();
}
