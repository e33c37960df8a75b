//! Values: JSON to the canonical encoding and back (`docs/abi-json.md`, "The encoding").

use serde_json::{Map, Value};

use crate::model::abbreviate;
use crate::{Abi, Field, Type, ValueError};

impl Abi {
    /// Encodes the arguments of `method`: a JSON array (positional) or object (by input name).
    /// A method without inputs also takes `null`.
    pub fn encode_args(&self, method: &str, args: &Value) -> Result<Vec<u8>, ValueError> {
        let found = self.method(method).ok_or_else(|| ValueError::UnknownMethod(method.to_string()))?;
        let mut out = Vec::new();
        match args {
            Value::Null if found.inputs.is_empty() => {}
            Value::Array(_) | Value::Object(_) => self.encode_fields(&found.inputs, args, "", &mut out)?,
            other => {
                return Err(ValueError::Mismatch {
                    path: "arguments".to_string(),
                    expected: "an array or object of arguments".to_string(),
                    found: abbreviate(other),
                });
            }
        }
        Ok(out)
    }

    /// Decodes the output of `method`: `null` for a method without output (whose output must
    /// then be empty).
    pub fn decode_output(&self, method: &str, bytes: &[u8]) -> Result<Value, ValueError> {
        let found = self.method(method).ok_or_else(|| ValueError::UnknownMethod(method.to_string()))?;
        let mut reader = Reader::new(bytes);
        let value = match &found.output {
            Some(ty) => self.decode(ty, &mut reader, "output")?,
            None => Value::Null,
        };
        reader.finish()?;
        Ok(value)
    }

    /// Decodes the arguments of `method` from its input bytes, as an object by input name.
    pub fn decode_args(&self, method: &str, bytes: &[u8]) -> Result<Value, ValueError> {
        let found = self.method(method).ok_or_else(|| ValueError::UnknownMethod(method.to_string()))?;
        let mut reader = Reader::new(bytes);
        let value = self.decode_fields(&found.inputs, &mut reader, "")?;
        reader.finish()?;
        Ok(value)
    }

    /// Decodes an event's data by its topic: `None` if the ABI does not list the topic, else
    /// the fields as an object.
    pub fn decode_event(&self, topic: &[u8], data: &[u8]) -> Option<Result<Value, ValueError>> {
        let event = self.event(topic)?;
        let mut reader = Reader::new(data);
        Some(self.decode_fields(&event.fields, &mut reader, "").and_then(|value| {
            reader.finish()?;
            Ok(value)
        }))
    }

    /// Encodes one value of type `ty`; `path` names it in errors.
    pub fn encode_value(&self, ty: &Type, value: &Value, path: &str) -> Result<Vec<u8>, ValueError> {
        let mut out = Vec::new();
        self.encode(ty, value, path, &mut out)?;
        Ok(out)
    }

    /// Decodes one value of type `ty` from exactly `bytes`.
    pub fn decode_value(&self, ty: &Type, bytes: &[u8]) -> Result<Value, ValueError> {
        let mut reader = Reader::new(bytes);
        let value = self.decode(ty, &mut reader, "value")?;
        reader.finish()?;
        Ok(value)
    }

    fn encode_fields(&self, fields: &[Field], value: &Value, path: &str, out: &mut Vec<u8>) -> Result<(), ValueError> {
        match value {
            Value::Array(values) => {
                if values.len() != fields.len() {
                    return Err(ValueError::Count { path: label(path), expected: fields.len(), found: values.len() });
                }
                for (field, value) in fields.iter().zip(values) {
                    self.encode(&field.ty, value, &field_path(path, &field.name), out)?;
                }
                Ok(())
            }
            Value::Object(map) => {
                if let Some(name) = map.keys().find(|name| !fields.iter().any(|f| &f.name == *name)) {
                    return Err(ValueError::Unknown { path: label(path), name: name.clone() });
                }
                for field in fields {
                    let value = map
                        .get(&field.name)
                        .ok_or_else(|| ValueError::Missing { path: label(path), name: field.name.clone() })?;
                    self.encode(&field.ty, value, &field_path(path, &field.name), out)?;
                }
                Ok(())
            }
            other => Err(mismatch(&label(path), "an object", other)),
        }
    }

    fn encode(&self, ty: &Type, value: &Value, path: &str, out: &mut Vec<u8>) -> Result<(), ValueError> {
        match self.resolve(ty) {
            Type::Uint(bits) => {
                let n = unsigned(value, path, *bits)?;
                out.extend_from_slice(&n.to_le_bytes()[..*bits as usize / 8]);
            }
            Type::Int(bits) => {
                let n = signed(value, path, *bits)?;
                out.extend_from_slice(&n.to_le_bytes()[..*bits as usize / 8]);
            }
            Type::Bool => match value {
                Value::Bool(b) => out.push(u8::from(*b)),
                other => return Err(mismatch(path, "bool", other)),
            },
            Type::Address => {
                let bytes = hex(value, path, "address (64 hex digits)")?;
                if bytes.len() != 32 {
                    return Err(mismatch(path, "address (64 hex digits)", value));
                }
                out.extend_from_slice(&bytes);
            }
            Type::Bytes => {
                let bytes = hex(value, path, "bytes (hex digits)")?;
                length(bytes.len(), path, out)?;
                out.extend_from_slice(&bytes);
            }
            Type::String => match value {
                Value::String(text) => {
                    length(text.len(), path, out)?;
                    out.extend_from_slice(text.as_bytes());
                }
                other => return Err(mismatch(path, "string", other)),
            },
            Type::Vec(element) => {
                let Value::Array(values) = value else { return Err(mismatch(path, &ty.to_string(), value)) };
                length(values.len(), path, out)?;
                for (i, value) in values.iter().enumerate() {
                    self.encode(element, value, &format!("{path}[{i}]"), out)?;
                }
            }
            Type::Array(element, len) => {
                let Value::Array(values) = value else { return Err(mismatch(path, &ty.to_string(), value)) };
                if values.len() != *len as usize {
                    return Err(ValueError::Count {
                        path: path.to_string(),
                        expected: *len as usize,
                        found: values.len(),
                    });
                }
                for (i, value) in values.iter().enumerate() {
                    self.encode(element, value, &format!("{path}[{i}]"), out)?;
                }
            }
            Type::Option(inner) => match value {
                Value::Null => out.push(0),
                value => {
                    out.push(1);
                    self.encode(inner, value, path, out)?;
                }
            },
            Type::Struct(fields) => match value {
                Value::Object(_) => self.encode_fields(fields, value, path, out)?,
                other => return Err(mismatch(path, "an object", other)),
            },
            Type::Named(name) => return Err(mismatch(path, name, value)),
        }
        Ok(())
    }

    fn decode_fields(&self, fields: &[Field], reader: &mut Reader<'_>, path: &str) -> Result<Value, ValueError> {
        let mut map = Map::new();
        for field in fields {
            let value = self.decode(&field.ty, reader, &field_path(path, &field.name))?;
            map.insert(field.name.clone(), value);
        }
        Ok(Value::Object(map))
    }

    fn decode(&self, ty: &Type, reader: &mut Reader<'_>, path: &str) -> Result<Value, ValueError> {
        reader.step(path)?;
        Ok(match self.resolve(ty) {
            Type::Uint(bits) => {
                let mut buffer = [0u8; 16];
                buffer[..*bits as usize / 8].copy_from_slice(reader.take(*bits as usize / 8, path)?);
                let n = u128::from_le_bytes(buffer);
                match u64::try_from(n) {
                    Ok(n) if *bits <= 64 => Value::from(n),
                    _ => Value::String(n.to_string()),
                }
            }
            Type::Int(bits) => {
                let width = *bits as usize / 8;
                let bytes = reader.take(width, path)?;
                // Sign-extend from the top byte.
                let fill = if bytes[width - 1] & 0x80 != 0 { 0xff } else { 0 };
                let mut buffer = [fill; 16];
                buffer[..width].copy_from_slice(bytes);
                let n = i128::from_le_bytes(buffer);
                match i64::try_from(n) {
                    Ok(n) if *bits <= 64 => Value::from(n),
                    _ => Value::String(n.to_string()),
                }
            }
            Type::Bool => Value::Bool(reader.tag(path, "bool")?),
            Type::Address => Value::String(hex_encode(reader.take(32, path)?)),
            Type::Bytes => {
                let len = reader.length(path)?;
                Value::String(hex_encode(reader.take(len, path)?))
            }
            Type::String => {
                let len = reader.length(path)?;
                let offset = reader.at;
                let bytes = reader.take(len, path)?;
                let text =
                    std::str::from_utf8(bytes).map_err(|_| ValueError::Utf8 { path: path.to_string(), offset })?;
                Value::String(text.to_string())
            }
            Type::Vec(element) => {
                let count = reader.count(path, self.min_size(element))?;
                let mut values = Vec::with_capacity(count.min(reader.remaining()));
                for i in 0..count {
                    values.push(self.decode(element, reader, &format!("{path}[{i}]"))?);
                }
                Value::Array(values)
            }
            Type::Array(element, len) => {
                let mut values = Vec::with_capacity((*len as usize).min(reader.remaining()));
                for i in 0..*len {
                    values.push(self.decode(element, reader, &format!("{path}[{i}]"))?);
                }
                Value::Array(values)
            }
            Type::Option(inner) => {
                if reader.tag(path, "option tag")? {
                    self.decode(inner, reader, path)?
                } else {
                    Value::Null
                }
            }
            Type::Struct(fields) => self.decode_fields(fields, reader, path)?,
            // Checked at parse: names resolve.
            Type::Named(_) => Value::Null,
        })
    }
}

/// The most elements of no size (an empty struct) a `vec` may say it holds.
const MAX_EMPTY_ELEMENTS: usize = 65_536;

impl Abi {
    /// The fewest bytes a value of `ty` encodes to.
    fn min_size(&self, ty: &Type) -> usize {
        match self.resolve(ty) {
            Type::Uint(bits) | Type::Int(bits) => *bits as usize / 8,
            Type::Bool | Type::Option(_) => 1,
            Type::Address => 32,
            Type::Bytes | Type::String | Type::Vec(_) => 4,
            Type::Array(element, len) => self.min_size(element).saturating_mul(*len as usize),
            Type::Struct(fields) => fields.iter().map(|f| self.min_size(&f.ty)).fold(0, usize::saturating_add),
            Type::Named(_) => 0,
        }
    }
}

/// Bytes being decoded, and how far.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Values left to decode: every value of some size consumes a byte, so only values of no
    /// size (empty structs and arrays, nested) can use this up.
    budget: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0, budget: bytes.len().saturating_add(MAX_EMPTY_ELEMENTS) }
    }

    fn step(&mut self, path: &str) -> Result<(), ValueError> {
        match self.budget.checked_sub(1) {
            Some(left) => {
                self.budget = left;
                Ok(())
            }
            None => Err(ValueError::TooLong { path: path.to_string(), len: self.bytes.len() + MAX_EMPTY_ELEMENTS }),
        }
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn take(&mut self, n: usize, path: &str) -> Result<&'a [u8], ValueError> {
        if n > self.remaining() {
            return Err(ValueError::Truncated {
                path: path.to_string(),
                offset: self.bytes.len(),
                needed: n - self.remaining(),
            });
        }
        let bytes = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(bytes)
    }

    fn u32(&mut self, path: &str) -> Result<usize, ValueError> {
        let bytes = self.take(4, path)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
    }

    /// A byte length: refused at once if longer than what remains, before anything is
    /// allocated for it.
    fn length(&mut self, path: &str) -> Result<usize, ValueError> {
        let len = self.u32(path)?;
        if len > self.remaining() {
            return Err(ValueError::Truncated {
                path: path.to_string(),
                offset: self.bytes.len(),
                needed: len - self.remaining(),
            });
        }
        Ok(len)
    }

    /// An element count, refused at once when the elements cannot fit in what remains
    /// (each takes at least `min_size` bytes). Elements of no size (empty structs) are
    /// bounded by [`MAX_EMPTY_ELEMENTS`] instead, so that 4 bytes cannot ask for billions.
    fn count(&mut self, path: &str, min_size: usize) -> Result<usize, ValueError> {
        let count = self.u32(path)?;
        if min_size == 0 {
            if count > MAX_EMPTY_ELEMENTS {
                return Err(ValueError::TooLong { path: path.to_string(), len: count });
            }
        } else if count.saturating_mul(min_size) > self.remaining() {
            return Err(ValueError::Truncated {
                path: path.to_string(),
                offset: self.bytes.len(),
                needed: count.saturating_mul(min_size) - self.remaining(),
            });
        }
        Ok(count)
    }

    fn tag(&mut self, path: &str, what: &'static str) -> Result<bool, ValueError> {
        let offset = self.at;
        match self.take(1, path)?[0] {
            0 => Ok(false),
            1 => Ok(true),
            byte => Err(ValueError::BadTag { path: path.to_string(), offset, byte, what }),
        }
    }

    fn finish(&self) -> Result<(), ValueError> {
        match self.remaining() {
            0 => Ok(()),
            extra => Err(ValueError::Trailing { offset: self.at, extra }),
        }
    }
}

/// Arguments and event fields are named alone (`path` is empty); struct fields after their
/// parent.
fn field_path(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_string() } else { format!("{path}.{name}") }
}

/// What errors about a whole list of fields name: the struct, or the arguments.
fn label(path: &str) -> String {
    if path.is_empty() { "arguments".to_string() } else { path.to_string() }
}

fn length(len: usize, path: &str, out: &mut Vec<u8>) -> Result<(), ValueError> {
    let len = u32::try_from(len).map_err(|_| ValueError::TooLong { path: path.to_string(), len })?;
    out.extend_from_slice(&len.to_le_bytes());
    Ok(())
}

fn unsigned(value: &Value, path: &str, bits: u32) -> Result<u128, ValueError> {
    let n = match value {
        Value::Number(n) => match n.as_u64() {
            Some(n) => u128::from(n),
            None => return Err(out_of_range(path, value, bits, "u")),
        },
        Value::String(text) => text.parse::<u128>().map_err(|_| match text.parse::<i128>() {
            Ok(_) => out_of_range(path, value, bits, "u"),
            Err(_) => mismatch(path, &format!("u{bits}"), value),
        })?,
        other => return Err(mismatch(path, &format!("u{bits}"), other)),
    };
    if bits < 128 && n >> bits != 0 {
        return Err(out_of_range(path, value, bits, "u"));
    }
    Ok(n)
}

fn signed(value: &Value, path: &str, bits: u32) -> Result<i128, ValueError> {
    let n = match value {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(n), _) => i128::from(n),
            (None, Some(n)) => i128::from(n),
            _ => return Err(out_of_range(path, value, bits, "i")),
        },
        Value::String(text) => text.parse::<i128>().map_err(|_| match text.parse::<u128>() {
            Ok(_) => out_of_range(path, value, bits, "i"),
            Err(_) => mismatch(path, &format!("i{bits}"), value),
        })?,
        other => return Err(mismatch(path, &format!("i{bits}"), other)),
    };
    let (min, max) =
        if bits == 128 { (i128::MIN, i128::MAX) } else { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) };
    if n < min || n > max {
        return Err(out_of_range(path, value, bits, "i"));
    }
    Ok(n)
}

/// The bytes of a JSON string of hex digits, `0x` allowed.
fn hex(value: &Value, path: &str, expected: &str) -> Result<Vec<u8>, ValueError> {
    let Value::String(text) = value else { return Err(mismatch(path, expected, value)) };
    hex_decode(text.strip_prefix("0x").unwrap_or(text)).ok_or_else(|| mismatch(path, expected, value))
}

/// Lowercase hex of `bytes`: how the ABI's JSON writes `bytes` and `address` values.
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 15)] as char);
    }
    out
}

/// The bytes of a hex string (either case, no prefix), or `None` if it is not hex.
pub fn hex_decode(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    hex.as_bytes().chunks(2).map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?)).collect()
}

fn mismatch(path: &str, expected: &str, found: &Value) -> ValueError {
    ValueError::Mismatch { path: path.to_string(), expected: expected.to_string(), found: abbreviate(found) }
}

fn out_of_range(path: &str, value: &Value, bits: u32, sign: &str) -> ValueError {
    let value = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    ValueError::OutOfRange { path: path.to_string(), value, ty: format!("{sign}{bits}") }
}
