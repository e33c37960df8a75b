//! The canonical encoding: exact bytes for each type, round trips and rejections of malformed
//! bytes as properties over random types and values.

use baals_abi::{Abi, Type, ValueError};
use proptest::prelude::*;
use serde_json::{Value, json};

fn abi() -> Abi {
    Abi::parse(
        r#"{"abi": 1, "name": "t", "version": "1",
            "types": {"Item": {"struct": [{"name": "id", "type": "u32"}, {"name": "tag", "type": {"option": "string"}}]}},
            "methods": [
              {"name": "transfer", "kind": "call", "inputs": [{"name": "to", "type": "address"}, {"name": "amount", "type": "u64"}]},
              {"name": "order", "kind": "call", "inputs": [{"name": "items", "type": {"vec": "Item"}}, {"name": "memo", "type": "bytes"}]},
              {"name": "get", "kind": "query", "output": {"array": "i16", "len": 2}},
              {"name": "nothing", "kind": "query"}],
            "events": [{"topic": "moved", "fields": [{"name": "ok", "type": "bool"}, {"name": "n", "type": "i128"}]}]}"#,
    )
    .unwrap()
}

#[test]
fn each_type_encodes_to_its_documented_bytes() {
    let abi = abi();
    let to = "02".repeat(32);
    let input = abi.encode_args("transfer", &json!([to, 250])).unwrap();
    assert_eq!(input, [vec![2u8; 32], 250u64.to_le_bytes().to_vec()].concat());
    // By name gives the same bytes; integers may be strings.
    assert_eq!(abi.encode_args("transfer", &json!({"amount": "250", "to": format!("0x{to}")})).unwrap(), input);
    // vec: u32 count; struct: fields in order; option: tag then value; string and bytes: u32 length.
    let order = abi.encode_args("order", &json!([[{"id": 7, "tag": null}, {"id": 1, "tag": "hi"}], "beef"])).unwrap();
    let expected: Vec<u8> = [
        &2u32.to_le_bytes()[..],
        &7u32.to_le_bytes(),
        &[0],
        &1u32.to_le_bytes(),
        &[1],
        &2u32.to_le_bytes(),
        b"hi",
        &2u32.to_le_bytes(),
        &[0xbe, 0xef],
    ]
    .concat();
    assert_eq!(order, expected);
    assert_eq!(
        abi.decode_args("order", &order).unwrap(),
        json!({"items": [{"id": 7, "tag": null}, {"id": 1, "tag": "hi"}], "memo": "beef"})
    );
    // array: no count; signed integers two's complement.
    let output = [(-2i16).to_le_bytes(), 300i16.to_le_bytes()].concat();
    assert_eq!(abi.decode_output("get", &output).unwrap(), json!([-2, 300]));
    assert_eq!(abi.decode_output("nothing", &[]).unwrap(), Value::Null);
    // i128 decodes to a string; bool is one byte.
    let data = [&[1u8][..], &(-5i128).to_le_bytes()].concat();
    assert_eq!(abi.decode_event(b"moved", &data).unwrap().unwrap(), json!({"ok": true, "n": "-5"}));
    assert!(abi.decode_event(b"unknown", &data).is_none());
}

#[test]
fn wrong_arguments_name_the_argument() {
    let abi = abi();
    let to = "02".repeat(32);
    let error = abi.encode_args("transfer", &json!([to, "ten"])).unwrap_err();
    assert_eq!(error.to_string(), r#"amount: expected u64, found "ten""#);
    assert!(matches!(abi.encode_args("transfer", &json!([to, -1])), Err(ValueError::OutOfRange { .. })));
    assert!(matches!(abi.encode_args("transfer", &json!([to])), Err(ValueError::Count { expected: 2, found: 1, .. })));
    let error = abi.encode_args("transfer", &json!({"to": to})).unwrap_err();
    assert_eq!(error.to_string(), "arguments: missing `amount`");
    let error = abi.encode_args("transfer", &json!({"to": to, "amount": 1, "memo": 2})).unwrap_err();
    assert_eq!(error.to_string(), "arguments: no argument or field `memo`");
    let error = abi.encode_args("transfer", &json!(["0202", 1])).unwrap_err();
    assert_eq!(error.to_string(), r#"to: expected address (64 hex digits), found "0202""#);
    let error = abi.encode_args("order", &json!([[{"id": 70000000000u64, "tag": null}], ""])).unwrap_err();
    assert_eq!(error.to_string(), "items[0].id: 70000000000 does not fit in u32");
    assert_eq!(abi.encode_args("missing", &json!([])).unwrap_err(), ValueError::UnknownMethod("missing".into()));
    assert_eq!(abi.encode_args("nothing", &Value::Null).unwrap(), Vec::<u8>::new());
}

#[test]
fn malformed_bytes_are_refused_with_their_offset() {
    let abi = abi();
    let ok = [vec![2u8; 32], 250u64.to_le_bytes().to_vec()].concat();
    assert_eq!(
        abi.decode_args("transfer", &ok[..39]).unwrap_err(),
        ValueError::Truncated { path: "amount".into(), offset: 39, needed: 1 }
    );
    assert_eq!(
        abi.decode_args("transfer", &[ok.clone(), vec![0]].concat()).unwrap_err(),
        ValueError::Trailing { offset: 40, extra: 1 }
    );
    let mut bad_bool = vec![2u8];
    bad_bool.extend_from_slice(&0i128.to_le_bytes());
    assert!(matches!(
        abi.decode_event(b"moved", &bad_bool).unwrap(),
        Err(ValueError::BadTag { offset: 0, byte: 2, what: "bool", .. })
    ));
    // A length prefix past the end is refused before anything is allocated for it.
    let huge = [&1u32.to_le_bytes()[..], &7u32.to_le_bytes(), &[0], &u32::MAX.to_le_bytes()].concat();
    assert!(matches!(abi.decode_args("order", &huge), Err(ValueError::Truncated { .. })));
    let count = [&u32::MAX.to_le_bytes()[..], &0u32.to_le_bytes()].concat();
    assert!(matches!(abi.decode_args("order", &count), Err(ValueError::Truncated { .. })));
    // A string that is not UTF-8.
    let text =
        [&1u32.to_le_bytes()[..], &7u32.to_le_bytes(), &[1], &2u32.to_le_bytes(), &[0xff, 0xfe], &0u32.to_le_bytes()]
            .concat();
    assert!(matches!(abi.decode_args("order", &text), Err(ValueError::Utf8 { offset: 13, .. })));
}

#[test]
fn empty_elements_cannot_ask_for_unbounded_work() {
    let abi = Abi::parse(
        r#"{"abi": 1, "name": "t", "version": "1", "methods": [
            {"name": "m", "kind": "query", "output": {"vec": {"array": {"array": {"struct": []}, "len": 65536}, "len": 65536}}}]}"#,
    )
    .unwrap();
    assert!(matches!(abi.decode_output("m", &1u32.to_le_bytes()), Err(ValueError::TooLong { .. })));
}

/// A random type, at most `depth` deep, without named types.
fn any_type(depth: u32) -> BoxedStrategy<Type> {
    let leaf = prop_oneof![
        prop::sample::select(vec![8u32, 16, 32, 64, 128]).prop_map(Type::Uint),
        prop::sample::select(vec![8u32, 16, 32, 64, 128]).prop_map(Type::Int),
        Just(Type::Bool),
        Just(Type::Address),
        Just(Type::Bytes),
        Just(Type::String),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| Type::Vec(Box::new(t))),
            (inner.clone(), 0u32..4).prop_map(|(t, n)| Type::Array(Box::new(t), n)),
            inner.clone().prop_map(|t| Type::Option(Box::new(t))),
            prop::collection::vec(inner, 0..4).prop_map(|types| {
                Type::Struct(
                    types
                        .into_iter()
                        .enumerate()
                        .map(|(i, ty)| baals_abi::Field { name: format!("f{i}"), ty })
                        .collect(),
                )
            }),
        ]
    })
    .boxed()
}

/// A random value of `ty`, as decoding writes it.
fn any_value(ty: &Type) -> BoxedStrategy<Value> {
    match ty {
        Type::Uint(128) => any::<u128>().prop_map(|n| json!(n.to_string())).boxed(),
        Type::Int(128) => any::<i128>().prop_map(|n| json!(n.to_string())).boxed(),
        Type::Uint(bits) => {
            let max = if *bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            (0..=max).prop_map(|n| json!(n)).boxed()
        }
        Type::Int(bits) => {
            let max = if *bits == 64 { i64::MAX } else { (1i64 << (bits - 1)) - 1 };
            (-max - 1..=max).prop_map(|n| json!(n)).boxed()
        }
        Type::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Type::Address => any::<[u8; 32]>().prop_map(|b| json!(hex(&b))).boxed(),
        Type::Bytes => prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| json!(hex(&b))).boxed(),
        Type::String => ".{0,12}".prop_map(Value::String).boxed(),
        Type::Vec(element) => prop::collection::vec(any_value(element), 0..4).prop_map(Value::Array).boxed(),
        Type::Array(element, len) => {
            prop::collection::vec(any_value(element), *len as usize).prop_map(Value::Array).boxed()
        }
        Type::Option(inner) => prop_oneof![Just(Value::Null), any_value(inner)].boxed(),
        Type::Struct(fields) => {
            let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
            fields
                .iter()
                .map(|f| any_value(&f.ty))
                .collect::<Vec<_>>()
                .prop_map(move |values| Value::Object(names.iter().cloned().zip(values).collect()))
                .boxed()
        }
        Type::Named(_) | _ => Just(Value::Null).boxed(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn typed_value() -> impl Strategy<Value = (Type, Value)> {
    any_type(3).prop_flat_map(|ty| {
        let value = any_value(&ty);
        (Just(ty), value)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// decode(encode(v)) = v, and every proper prefix and every extension of the bytes is
    /// refused: there is exactly one encoding, and it says where it ends.
    #[test]
    fn values_round_trip_and_cut_or_padded_bytes_are_refused((ty, value) in typed_value(), extra in any::<u8>()) {
        let abi = abi();
        let bytes = abi.encode_value(&ty, &value, "value").unwrap();
        prop_assert_eq!(abi.decode_value(&ty, &bytes).unwrap(), value);
        for cut in 0..bytes.len() {
            prop_assert!(abi.decode_value(&ty, &bytes[..cut]).is_err(), "prefix of {} bytes accepted", cut);
        }
        let padded = [bytes.clone(), vec![extra]].concat();
        let trailing = abi.decode_value(&ty, &padded).unwrap_err();
        prop_assert_eq!(trailing, ValueError::Trailing { offset: bytes.len(), extra: 1 });
    }

    /// Whatever bytes decode, they are the encoding of what they decode to: no value has two
    /// encodings.
    #[test]
    fn bytes_that_decode_are_canonical(ty in any_type(3), bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let abi = abi();
        if let Ok(value) = abi.decode_value(&ty, &bytes) {
            prop_assert_eq!(abi.encode_value(&ty, &value, "value").unwrap(), bytes);
        }
    }
}
