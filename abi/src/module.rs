//! The ABI and its module: the `baals.abi` section, and the check that methods are exports.

use wasmparser::{CompositeInnerType, ExternalKind, Parser, Payload, TypeRef};

use crate::{ABI_SECTION, Abi, AbiError};

impl Abi {
    /// The ABI a module carries in its `baals.abi` custom section, if it has one.
    pub fn from_module(wasm: &[u8]) -> Result<Option<Abi>, AbiError> {
        let mut found = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            let payload = payload.map_err(unreadable)?;
            if let Payload::CustomSection(section) = payload
                && section.name() == ABI_SECTION
            {
                found.push(section.data());
            }
        }
        match found.as_slice() {
            [] => Ok(None),
            [data] => Abi::parse_bytes(data).map(Some),
            many => Err(AbiError::Duplicate(many.len())),
        }
    }

    /// The ABI a deployment uses: the module's section, or `given` beside it; both, if they
    /// describe the same ABI. Then checked against the module ([`Abi::check_module`]).
    pub fn for_deploy(wasm: &[u8], given: Option<&str>) -> Result<Option<Abi>, AbiError> {
        let embedded = Abi::from_module(wasm)?;
        let abi = match (embedded, given.map(Abi::parse).transpose()?) {
            (Some(embedded), Some(given)) if embedded != given => return Err(AbiError::Conflict),
            (Some(abi), _) | (None, Some(abi)) => abi,
            (None, None) => return Ok(None),
        };
        abi.check_module(wasm)?;
        Ok(Some(abi))
    }

    /// Checks that every method is an exported function of type `[] -> []`.
    pub fn check_module(&self, wasm: &[u8]) -> Result<(), AbiError> {
        let module = Exports::read(wasm)?;
        for method in &self.methods {
            let Some(&function) = module.functions.iter().find(|(name, _)| *name == method.name).map(|(_, f)| f) else {
                return Err(AbiError::MissingMethod { method: method.name.clone() });
            };
            match module.signature(function) {
                Some((0, 0)) => {}
                Some((params, results)) => {
                    return Err(AbiError::MethodType {
                        method: method.name.clone(),
                        found: format!("with {params} parameters and {results} results"),
                    });
                }
                None => return Err(AbiError::Module(format!("function {function} has no type"))),
            }
        }
        Ok(())
    }
}

/// What the check needs of a module: its function exports and each function's type.
struct Exports<'a> {
    /// (parameters, results) of each type of the type section (`None` for non-function types).
    types: Vec<Option<(usize, usize)>>,
    /// The type index of each function, imported ones first.
    function_types: Vec<u32>,
    functions: Vec<(&'a str, u32)>,
}

impl<'a> Exports<'a> {
    fn read(wasm: &'a [u8]) -> Result<Exports<'a>, AbiError> {
        let module = unreadable;
        let mut exports = Exports { types: Vec::new(), function_types: Vec::new(), functions: Vec::new() };
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(module)? {
                Payload::TypeSection(reader) => {
                    for group in reader {
                        for ty in group.map_err(module)?.types() {
                            exports.types.push(match &ty.composite_type.inner {
                                CompositeInnerType::Func(f) => Some((f.params().len(), f.results().len())),
                                _ => None,
                            });
                        }
                    }
                }
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        if let TypeRef::Func(ty) = import.map_err(module)?.ty {
                            exports.function_types.push(ty);
                        }
                    }
                }
                Payload::FunctionSection(reader) => {
                    for ty in reader {
                        exports.function_types.push(ty.map_err(module)?);
                    }
                }
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let export = export.map_err(module)?;
                        if export.kind == ExternalKind::Func {
                            exports.functions.push((export.name, export.index));
                        }
                    }
                }
                Payload::CodeSectionStart { .. } | Payload::End(_) => break,
                _ => {}
            }
        }
        Ok(exports)
    }

    fn signature(&self, function: u32) -> Option<(usize, usize)> {
        let ty = *self.function_types.get(function as usize)?;
        *self.types.get(ty as usize)?
    }
}

/// A module wasmparser could not read, its message on one line: wasmparser prints some values
/// as `{:#x?}`, a line per byte.
fn unreadable(error: wasmparser::BinaryReaderError) -> AbiError {
    let message = error.to_string();
    AbiError::Module(message.split_whitespace().collect::<Vec<_>>().join(" ").replace("[ ", "[").replace(", ]", "]"))
}
