//! The ABI as data, and reading it from JSON.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::{ABI_VERSION, AbiError, MAX_ABI_BYTES};

/// A contract's ABI: its methods, events and errors (`docs/abi-json.md`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Abi {
    /// The contract's name.
    pub name: String,
    /// The contract's version.
    pub version: String,
    /// Named struct types, by name.
    pub types: BTreeMap<String, Type>,
    /// The methods, in the order the ABI lists them.
    pub methods: Vec<Method>,
    /// The events.
    pub events: Vec<EventDef>,
    /// The errors a revert can carry.
    pub errors: Vec<ErrorDef>,
    /// The JSON it was read from.
    pub json: Value,
}

/// One method: an export of type `[] -> []`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Method {
    /// The export's name.
    pub name: String,
    /// Whether it changes state.
    pub kind: MethodKind,
    /// Whether it accepts native value.
    pub payable: bool,
    /// Its inputs, encoded one after the other.
    pub inputs: Vec<Field>,
    /// Its output, if it returns one.
    pub output: Option<Type>,
}

/// Whether a method changes state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// It may change state: run with `call`.
    Call,
    /// It only reads: run with `query`.
    Query,
}

/// One event: its topic and the fields of its data.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventDef {
    /// The topic, as text (its UTF-8 bytes are the event's topic).
    pub topic: String,
    /// The fields of its data, encoded one after the other.
    pub fields: Vec<Field>,
}

/// An error a revert can carry.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorDef {
    /// The error's name.
    pub name: String,
    /// How a revert message is recognised as this error.
    pub matches: ErrorMatch,
}

/// How a revert message is recognised as an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorMatch {
    /// The message is exactly this text.
    Message(String),
    /// The message is exactly this code's 4 bytes, little-endian.
    Code(u32),
}

/// A named, typed value: an input, an event field, a struct field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name.
    pub name: String,
    /// The type.
    pub ty: Type,
}

/// A type of the ABI.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Type {
    /// An unsigned integer of 8 to 128 bits.
    Uint(u32),
    /// A signed integer of 8 to 128 bits.
    Int(u32),
    /// `bool`.
    Bool,
    /// 32 bytes: an account or contract id.
    Address,
    /// Bytes of any length.
    Bytes,
    /// UTF-8 text.
    String,
    /// Any number of elements.
    Vec(Box<Type>),
    /// Exactly `len` elements.
    Array(Box<Type>, u32),
    /// A value, or none.
    Option(Box<Type>),
    /// Fields in order.
    Struct(Vec<Field>),
    /// A struct of the ABI's `types`.
    Named(String),
}

/// How deep types nest.
const MAX_DEPTH: usize = 32;
/// The largest fixed array.
const MAX_ARRAY: u64 = 65_536;
/// The longest identifier.
const MAX_NAME: usize = 64;

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Uint(bits) => write!(f, "u{bits}"),
            Type::Int(bits) => write!(f, "i{bits}"),
            Type::Bool => f.write_str("bool"),
            Type::Address => f.write_str("address"),
            Type::Bytes => f.write_str("bytes"),
            Type::String => f.write_str("string"),
            Type::Vec(element) => write!(f, "vec<{element}>"),
            Type::Array(element, len) => write!(f, "array<{element}, {len}>"),
            Type::Option(inner) => write!(f, "option<{inner}>"),
            Type::Struct(fields) => {
                f.write_str("struct {")?;
                for (i, field) in fields.iter().enumerate() {
                    let sep = if i == 0 { " " } else { ", " };
                    write!(f, "{sep}{}: {}", field.name, field.ty)?;
                }
                f.write_str(" }")
            }
            Type::Named(name) => f.write_str(name),
        }
    }
}

impl Abi {
    /// Reads an ABI from its JSON text and checks it (`docs/abi-json.md`): the version, every
    /// field's kind, identifiers, unique names, types that exist and do not refer to
    /// themselves.
    pub fn parse(text: &str) -> Result<Abi, AbiError> {
        if text.len() > MAX_ABI_BYTES {
            return Err(AbiError::TooLarge(text.len()));
        }
        let json: Value = serde_json::from_str(text).map_err(|error| AbiError::Json {
            message: error.to_string(),
            line: error.line(),
            column: error.column(),
        })?;
        Abi::from_json(json)
    }

    /// [`Abi::parse`] of bytes, which must be UTF-8.
    pub fn parse_bytes(bytes: &[u8]) -> Result<Abi, AbiError> {
        if bytes.len() > MAX_ABI_BYTES {
            return Err(AbiError::TooLarge(bytes.len()));
        }
        let text = std::str::from_utf8(bytes).map_err(|error| AbiError::Json {
            message: format!("not UTF-8 at byte {}", error.valid_up_to()),
            line: 1 + bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count(),
            column: 1 + bytes[..error.valid_up_to()].iter().rev().take_while(|&&b| b != b'\n').count(),
        })?;
        Abi::parse(text)
    }

    fn from_json(json: Value) -> Result<Abi, AbiError> {
        let root = object(&json, "the ABI")?;
        only(root, "", &["abi", "name", "version", "types", "methods", "events", "errors"])?;
        match root.get("abi") {
            Some(Value::Number(n)) if n.as_u64() == Some(ABI_VERSION) => {}
            Some(other) => return Err(AbiError::Version(other.to_string())),
            None => return Err(invalid("abi", "missing: the format version, 1")),
        }
        let name = string(required(root, "", "name")?, "name")?.to_string();
        let version = string(required(root, "", "version")?, "version")?.to_string();

        let mut types = BTreeMap::new();
        if let Some(value) = root.get("types") {
            for (type_name, definition) in object(value, "types")? {
                let path = format!("types.{type_name}");
                identifier(type_name, &path)?;
                let definition = object(definition, &path)?;
                only(definition, &path, &["struct"])?;
                let fields = required(definition, &path, "struct")?;
                types.insert(type_name.clone(), Type::Struct(fields_of(fields, &format!("{path}.struct"), 1)?));
            }
        }

        let mut methods: Vec<Method> = Vec::new();
        for (i, value) in array(required(root, "", "methods")?, "methods")?.iter().enumerate() {
            let path = format!("methods[{i}]");
            let method = object(value, &path)?;
            only(method, &path, &["name", "kind", "payable", "inputs", "output"])?;
            let name = string(required(method, &path, "name")?, &format!("{path}.name"))?;
            identifier(name, &format!("{path}.name"))?;
            if methods.iter().any(|m| m.name == name) {
                return Err(invalid(&format!("{path}.name"), &format!("method `{name}` is listed twice")));
            }
            let kind = match string(required(method, &path, "kind")?, &format!("{path}.kind"))? {
                "call" => MethodKind::Call,
                "query" => MethodKind::Query,
                other => {
                    return Err(invalid(
                        &format!("{path}.kind"),
                        &format!("`{other}`: expected \"call\" or \"query\""),
                    ));
                }
            };
            let payable = match method.get("payable") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(other) => return Err(mismatch(&format!("{path}.payable"), "a boolean", other)),
            };
            let inputs = match method.get("inputs") {
                None => Vec::new(),
                Some(value) => fields_of(value, &format!("{path}.inputs"), 0)?,
            };
            let output = match method.get("output") {
                None | Some(Value::Null) => None,
                Some(value) => Some(type_of(value, &format!("{path}.output"), 0)?),
            };
            methods.push(Method { name: name.to_string(), kind, payable, inputs, output });
        }

        let mut events: Vec<EventDef> = Vec::new();
        if let Some(value) = root.get("events") {
            for (i, value) in array(value, "events")?.iter().enumerate() {
                let path = format!("events[{i}]");
                let event = object(value, &path)?;
                only(event, &path, &["topic", "fields"])?;
                let topic = string(required(event, &path, "topic")?, &format!("{path}.topic"))?;
                if topic.is_empty() {
                    return Err(invalid(&format!("{path}.topic"), "empty"));
                }
                if events.iter().any(|e| e.topic == topic) {
                    return Err(invalid(&format!("{path}.topic"), &format!("topic `{topic}` is listed twice")));
                }
                let fields = match event.get("fields") {
                    None => Vec::new(),
                    Some(value) => fields_of(value, &format!("{path}.fields"), 0)?,
                };
                events.push(EventDef { topic: topic.to_string(), fields });
            }
        }

        let mut errors: Vec<ErrorDef> = Vec::new();
        if let Some(value) = root.get("errors") {
            for (i, value) in array(value, "errors")?.iter().enumerate() {
                let path = format!("errors[{i}]");
                let error = object(value, &path)?;
                only(error, &path, &["name", "message", "code"])?;
                let name = string(required(error, &path, "name")?, &format!("{path}.name"))?;
                identifier(name, &format!("{path}.name"))?;
                if errors.iter().any(|e| e.name == name) {
                    return Err(invalid(&format!("{path}.name"), &format!("error `{name}` is listed twice")));
                }
                let matches = match (error.get("message"), error.get("code")) {
                    (Some(message), None) => {
                        ErrorMatch::Message(string(message, &format!("{path}.message"))?.to_string())
                    }
                    (None, Some(code)) => match code.as_u64().and_then(|c| u32::try_from(c).ok()) {
                        Some(code) => ErrorMatch::Code(code),
                        None => return Err(mismatch(&format!("{path}.code"), "a u32", code)),
                    },
                    _ => return Err(invalid(&path, "needs exactly one of `message` and `code`")),
                };
                errors.push(ErrorDef { name: name.to_string(), matches });
            }
        }

        let abi = Abi { name, version, types, methods, events, errors, json };
        abi.check_types()?;
        Ok(abi)
    }

    /// Every named type exists, and none refers to itself; nesting stays within bounds.
    fn check_types(&self) -> Result<(), AbiError> {
        for (name, ty) in &self.types {
            self.check_type(ty, &format!("types.{name}"), &mut vec![name.as_str()], 0)?;
        }
        for (i, method) in self.methods.iter().enumerate() {
            for (j, field) in method.inputs.iter().enumerate() {
                self.check_type(&field.ty, &format!("methods[{i}].inputs[{j}].type"), &mut Vec::new(), 0)?;
            }
            if let Some(output) = &method.output {
                self.check_type(output, &format!("methods[{i}].output"), &mut Vec::new(), 0)?;
            }
        }
        for (i, event) in self.events.iter().enumerate() {
            for (j, field) in event.fields.iter().enumerate() {
                self.check_type(&field.ty, &format!("events[{i}].fields[{j}].type"), &mut Vec::new(), 0)?;
            }
        }
        Ok(())
    }

    fn check_type<'a>(
        &'a self,
        ty: &'a Type,
        path: &str,
        naming: &mut Vec<&'a str>,
        depth: usize,
    ) -> Result<(), AbiError> {
        if depth > MAX_DEPTH {
            return Err(invalid(path, &format!("types nest more than {MAX_DEPTH} deep")));
        }
        match ty {
            Type::Vec(inner) | Type::Array(inner, _) | Type::Option(inner) => {
                self.check_type(inner, path, naming, depth + 1)
            }
            Type::Struct(fields) => {
                fields.iter().try_for_each(|field| self.check_type(&field.ty, path, naming, depth + 1))
            }
            Type::Named(name) => {
                if naming.contains(&name.as_str()) {
                    return Err(invalid(path, &format!("type `{name}` refers to itself")));
                }
                let Some(definition) = self.types.get(name) else {
                    return Err(invalid(path, &format!("no type `{name}`")));
                };
                naming.push(name);
                self.check_type(definition, path, naming, depth + 1)?;
                naming.pop();
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The method called `name`.
    pub fn method(&self, name: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.name == name)
    }

    /// The event whose topic is `topic`.
    pub fn event(&self, topic: &[u8]) -> Option<&EventDef> {
        self.events.iter().find(|e| e.topic.as_bytes() == topic)
    }

    /// The error a revert message stands for.
    pub fn error(&self, message: &[u8]) -> Option<&ErrorDef> {
        self.errors.iter().find(|e| match &e.matches {
            ErrorMatch::Message(text) => text.as_bytes() == message,
            ErrorMatch::Code(code) => code.to_le_bytes() == message,
        })
    }

    /// The JSON, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.json).unwrap_or_default()
    }

    /// Resolves a named type to its definition.
    pub(crate) fn resolve<'a>(&'a self, ty: &'a Type) -> &'a Type {
        let mut ty = ty;
        // Checked at parse: names exist and do not cycle.
        while let Type::Named(name) = ty {
            match self.types.get(name) {
                Some(definition) => ty = definition,
                None => break,
            }
        }
        ty
    }
}

fn fields_of(value: &Value, path: &str, depth: usize) -> Result<Vec<Field>, AbiError> {
    let mut fields: Vec<Field> = Vec::new();
    for (i, value) in array(value, path)?.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let field = object(value, &path)?;
        only(field, &path, &["name", "type"])?;
        let name = string(required(field, &path, "name")?, &format!("{path}.name"))?;
        identifier(name, &format!("{path}.name"))?;
        if fields.iter().any(|f| f.name == name) {
            return Err(invalid(&format!("{path}.name"), &format!("`{name}` is listed twice")));
        }
        let ty = type_of(required(field, &path, "type")?, &format!("{path}.type"), depth)?;
        fields.push(Field { name: name.to_string(), ty });
    }
    Ok(fields)
}

fn type_of(value: &Value, path: &str, depth: usize) -> Result<Type, AbiError> {
    if depth > MAX_DEPTH {
        return Err(invalid(path, &format!("types nest more than {MAX_DEPTH} deep")));
    }
    match value {
        Value::String(name) => Ok(match name.as_str() {
            "u8" => Type::Uint(8),
            "u16" => Type::Uint(16),
            "u32" => Type::Uint(32),
            "u64" => Type::Uint(64),
            "u128" => Type::Uint(128),
            "i8" => Type::Int(8),
            "i16" => Type::Int(16),
            "i32" => Type::Int(32),
            "i64" => Type::Int(64),
            "i128" => Type::Int(128),
            "bool" => Type::Bool,
            "address" => Type::Address,
            "bytes" => Type::Bytes,
            "string" => Type::String,
            other => {
                identifier(other, path)?;
                Type::Named(other.to_string())
            }
        }),
        Value::Object(map) => {
            let kind = ["vec", "array", "option", "struct"].into_iter().find(|k| map.contains_key(*k));
            match kind {
                Some("vec") => {
                    only(map, path, &["vec"])?;
                    Ok(Type::Vec(Box::new(type_of(&map["vec"], &format!("{path}.vec"), depth + 1)?)))
                }
                Some("option") => {
                    only(map, path, &["option"])?;
                    Ok(Type::Option(Box::new(type_of(&map["option"], &format!("{path}.option"), depth + 1)?)))
                }
                Some("array") => {
                    only(map, path, &["array", "len"])?;
                    let len = required(map, path, "len")?;
                    let len = match len.as_u64() {
                        Some(len) if len <= MAX_ARRAY => len as u32,
                        _ => {
                            return Err(mismatch(
                                &format!("{path}.len"),
                                &format!("a length of at most {MAX_ARRAY}"),
                                len,
                            ));
                        }
                    };
                    Ok(Type::Array(Box::new(type_of(&map["array"], &format!("{path}.array"), depth + 1)?), len))
                }
                Some(_) => {
                    only(map, path, &["struct"])?;
                    Ok(Type::Struct(fields_of(&map["struct"], &format!("{path}.struct"), depth + 1)?))
                }
                None => Err(invalid(path, "a type object needs one of `vec`, `array`, `option`, `struct`")),
            }
        }
        other => Err(mismatch(path, "a type name or object", other)),
    }
}

fn identifier(name: &str, path: &str) -> Result<(), AbiError> {
    let mut chars = name.chars();
    let valid = name.len() <= MAX_NAME
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(invalid(path, &format!("`{name}` is not an identifier ([A-Za-z_][A-Za-z0-9_]*, at most {MAX_NAME} bytes)")))
    }
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, AbiError> {
    value.as_object().ok_or_else(|| mismatch(path, "an object", value))
}

fn array<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, AbiError> {
    value.as_array().ok_or_else(|| mismatch(path, "an array", value))
}

fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str, AbiError> {
    value.as_str().ok_or_else(|| mismatch(path, "a string", value))
}

fn required<'a>(map: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a Value, AbiError> {
    map.get(key).ok_or_else(|| invalid(&join(path, key), "missing"))
}

/// Refuses keys the format does not have: a typo (`ouput`) must not pass silently.
fn only(map: &Map<String, Value>, path: &str, keys: &[&str]) -> Result<(), AbiError> {
    match map.keys().find(|key| !keys.contains(&key.as_str())) {
        Some(key) => Err(invalid(&join(path, key), &format!("unknown field (expected one of {})", keys.join(", ")))),
        None => Ok(()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn invalid(path: &str, reason: &str) -> AbiError {
    AbiError::Invalid {
        path: if path.is_empty() { "the ABI".to_string() } else { path.to_string() },
        reason: reason.to_string(),
    }
}

fn mismatch(path: &str, expected: &str, found: &Value) -> AbiError {
    invalid(path, &format!("expected {expected}, found {}", abbreviate(found)))
}

/// A JSON value in at most 40 characters, for error messages.
pub(crate) fn abbreviate(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 40 { text } else { format!("{}...", text.chars().take(37).collect::<String>()) }
}
