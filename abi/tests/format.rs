//! The JSON format and the checks against a module: each refusal is a typed error that says
//! where.

use baals_abi::{ABI_SECTION, Abi, AbiError, ErrorMatch, MethodKind, Type};

const TOKEN: &str = r#"{
  "abi": 1, "name": "token", "version": "0.1.0",
  "methods": [
    {"name": "transfer", "kind": "call", "payable": true,
     "inputs": [{"name": "to", "type": "address"}, {"name": "amount", "type": "u64"}]},
    {"name": "balance_of", "kind": "query", "inputs": [{"name": "account", "type": "address"}], "output": "u64"}
  ],
  "events": [{"topic": "transfer", "fields": [{"name": "amount", "type": "u64"}]}],
  "errors": [{"name": "insufficient", "message": "insufficient balance"}, {"name": "paused", "code": 7}]
}"#;

fn with(replace: &str, by: &str) -> Result<Abi, AbiError> {
    assert!(TOKEN.contains(replace), "{replace}");
    Abi::parse(&TOKEN.replacen(replace, by, 1))
}

fn invalid(result: Result<Abi, AbiError>) -> (String, String) {
    match result {
        Err(AbiError::Invalid { path, reason }) => (path, reason),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_valid_abi_reads_as_written() {
    let abi = Abi::parse(TOKEN).unwrap();
    assert_eq!((abi.name.as_str(), abi.version.as_str()), ("token", "0.1.0"));
    let transfer = abi.method("transfer").unwrap();
    assert_eq!((transfer.kind, transfer.payable, transfer.inputs.len()), (MethodKind::Call, true, 2));
    let balance = abi.method("balance_of").unwrap();
    assert_eq!((balance.kind, balance.payable, &balance.output), (MethodKind::Query, false, &Some(Type::Uint(64))));
    assert_eq!(abi.event(b"transfer").unwrap().fields[0].ty, Type::Uint(64));
    assert_eq!(abi.error(b"insufficient balance").unwrap().name, "insufficient");
    assert_eq!(abi.error(&7u32.to_le_bytes()).unwrap().matches, ErrorMatch::Code(7));
    assert!(abi.error(b"other").is_none());
    // Printing and reading again gives the same ABI.
    assert_eq!(Abi::parse(&abi.to_json_pretty()).unwrap(), abi);
}

#[test]
fn malformed_abis_are_refused_where_they_break() {
    match Abi::parse("{\"abi\": 1,\n \"name\": }") {
        Err(AbiError::Json { line: 2, column, .. }) => assert_eq!(column, 10),
        other => panic!("{other:?}"),
    }
    assert_eq!(with(r#""abi": 1"#, r#""abi": 2"#).unwrap_err(), AbiError::Version("2".into()));
    assert_eq!(
        invalid(with(r#""output": "u64""#, r#""ouput": "u64""#)),
        ("methods[1].ouput".into(), "unknown field (expected one of name, kind, payable, inputs, output)".into())
    );
    assert_eq!(invalid(with(r#""kind": "query""#, r#""kind": "view""#)).0, "methods[1].kind");
    assert_eq!(
        invalid(with(r#""name": "balance_of""#, r#""name": "transfer""#)),
        ("methods[1].name".into(), "method `transfer` is listed twice".into())
    );
    assert_eq!(
        invalid(with(r#""name": "amount", "type": "u64"}]},"#, r#""name": "to", "type": "u64"}]},"#)).0,
        "methods[0].inputs[1].name"
    );
    assert_eq!(invalid(with(r#""name": "to""#, r#""name": "2to""#)).0, "methods[0].inputs[0].name");
    assert_eq!(
        invalid(with(r#""output": "u64""#, r#""output": "u65""#)),
        ("methods[1].output".into(), "no type `u65`".into())
    );
    assert_eq!(invalid(with(r#""output": "u64""#, r#""output": {"array": "u8"}"#)).0, "methods[1].output.len");
    assert_eq!(invalid(with(r#""output": "u64""#, r#""output": 5"#)).0, "methods[1].output");
    assert_eq!(
        invalid(with(r#""code": 7"#, r#""code": 7, "message": "x""#)),
        ("errors[1]".into(), "needs exactly one of `message` and `code`".into())
    );
    assert_eq!(invalid(with(r#""topic": "transfer""#, r#""topic": """#)).0, "events[0].topic");
    assert!(matches!(Abi::parse(&" ".repeat(70_000)), Err(AbiError::TooLarge(70_000))));
    assert!(matches!(Abi::parse_bytes(b"{\"abi\": \xff}"), Err(AbiError::Json { .. })));
}

#[test]
fn named_types_must_exist_and_not_refer_to_themselves() {
    let types = |defs: &str| {
        Abi::parse(&format!(
            r#"{{"abi": 1, "name": "t", "version": "1", "types": {{{defs}}},
                "methods": [{{"name": "m", "kind": "query", "output": "A"}}]}}"#
        ))
    };
    assert!(types(r#""A": {"struct": [{"name": "b", "type": {"vec": "B"}}]}, "B": {"struct": []}"#).is_ok());
    assert_eq!(
        invalid(types(
            r#""A": {"struct": [{"name": "b", "type": {"option": "B"}}]}, "B": {"struct": [{"name": "a", "type": "A"}]}"#
        )),
        ("types.A".into(), "type `A` refers to itself".into())
    );
    assert_eq!(invalid(types(r#""A": {"struct": [{"name": "b", "type": "C"}]}"#)).1, "no type `C`");
    let deep = (0..40).fold("\"u8\"".to_string(), |inner, _| format!("{{\"vec\": {inner}}}"));
    assert!(invalid(types(&format!(r#""A": {{"struct": [{{"name": "x", "type": {deep}}}]}}"#))).1.contains("nest"));
}

fn module(exports: &str, abi: Option<&str>) -> Vec<u8> {
    let mut wasm = wat::parse_str(format!(
        r#"(module (func $ok) (func $takes (param i32)) (func $gives (result i32) (i32.const 0)) {exports})"#
    ))
    .unwrap();
    if let Some(abi) = abi {
        // A custom section: id 0, size, name, contents.
        let mut section = vec![ABI_SECTION.len() as u8];
        section.extend_from_slice(ABI_SECTION.as_bytes());
        section.extend_from_slice(abi.as_bytes());
        wasm.push(0);
        let mut size = section.len();
        while size >= 0x80 {
            wasm.push((size & 0x7f) as u8 | 0x80);
            size >>= 7;
        }
        wasm.push(size as u8);
        wasm.extend_from_slice(&section);
    }
    wasm
}

#[test]
fn the_abi_travels_in_the_module_or_beside_it_and_must_match_its_exports() {
    let ok = r#"(export "transfer" (func $ok)) (export "balance_of" (func $ok))"#;
    let embedded = module(ok, Some(TOKEN));
    assert_eq!(Abi::from_module(&embedded).unwrap(), Some(Abi::parse(TOKEN).unwrap()));
    assert_eq!(Abi::from_module(&module(ok, None)).unwrap(), None);
    assert!(Abi::for_deploy(&embedded, None).unwrap().is_some());
    assert!(Abi::for_deploy(&module(ok, None), Some(TOKEN)).unwrap().is_some());
    assert_eq!(Abi::for_deploy(&module(ok, None), None).unwrap(), None);
    // The same ABI twice is fine; two different ones are not.
    assert!(Abi::for_deploy(&embedded, Some(TOKEN)).is_ok());
    let other = TOKEN.replace("0.1.0", "0.2.0");
    assert_eq!(Abi::for_deploy(&embedded, Some(&other)).unwrap_err(), AbiError::Conflict);

    let missing = module(r#"(export "transfer" (func $ok))"#, None);
    assert_eq!(
        Abi::for_deploy(&missing, Some(TOKEN)).unwrap_err(),
        AbiError::MissingMethod { method: "balance_of".into() }
    );
    let typed = module(r#"(export "transfer" (func $ok)) (export "balance_of" (func $takes))"#, None);
    let error = Abi::for_deploy(&typed, Some(TOKEN)).unwrap_err();
    assert_eq!(
        error,
        AbiError::MethodType { method: "balance_of".into(), found: "with 1 parameters and 0 results".into() }
    );
    let typed = module(r#"(export "transfer" (func $gives)) (export "balance_of" (func $ok))"#, None);
    assert!(matches!(Abi::for_deploy(&typed, Some(TOKEN)), Err(AbiError::MethodType { .. })));

    let mut twice = module(ok, Some(TOKEN));
    twice.extend_from_slice(&module(ok, Some(TOKEN))[module(ok, None).len()..]);
    assert_eq!(Abi::from_module(&twice).unwrap_err(), AbiError::Duplicate(2));
    let broken = module(ok, Some("{not json"));
    assert!(matches!(Abi::for_deploy(&broken, None), Err(AbiError::Json { .. })));
}
