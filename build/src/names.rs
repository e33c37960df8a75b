//! Function names: from a module's `name` section (Rust's demangled) or, failing that, its
//! exports, so that reports, profiles and traps can say which function.

use std::collections::HashMap;

use wasmparser::{ExternalKind, Name, Parser, Payload};

/// The names of a module's functions, by index in the function index space (imports first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionNames {
    names: HashMap<u32, String>,
    imported: u32,
}

impl FunctionNames {
    /// The names `wasm` gives its functions: the `name` section's, demangled (Rust's legacy
    /// and v0 manglings, without the hash), and for functions it does not name, the first name
    /// each is exported under. A module that does not parse has none.
    pub fn of(wasm: &[u8]) -> FunctionNames {
        let mut names = HashMap::new();
        let mut exported = HashMap::new();
        let mut imported = 0;
        for payload in Parser::new(0).parse_all(wasm) {
            let Ok(payload) = payload else { break };
            match payload {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports().flatten() {
                        if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                            imported += 1;
                        }
                    }
                }
                Payload::ExportSection(exports) => {
                    for export in exports.into_iter().flatten() {
                        if export.kind == ExternalKind::Func {
                            exported.entry(export.index).or_insert_with(|| export.name.to_string());
                        }
                    }
                }
                Payload::CustomSection(section) => {
                    if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                        for subsection in reader.into_iter().flatten() {
                            if let Name::Function(map) = subsection {
                                for naming in map.into_iter().flatten() {
                                    names.insert(naming.index, demangle(naming.name));
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for (index, name) in exported {
            names.entry(index).or_insert(name);
        }
        FunctionNames { names, imported }
    }

    /// The function's name, if the module gives one.
    pub fn get(&self, index: u32) -> Option<&str> {
        self.names.get(&index).map(String::as_str)
    }

    /// The function's name, or `func[INDEX]` for one without.
    pub fn display(&self, index: u32) -> String {
        match self.get(index) {
            Some(name) => name.to_string(),
            None => format!("func[{index}]"),
        }
    }

    /// How many functions the module imports: they come first in the index space.
    pub fn imported(&self) -> u32 {
        self.imported
    }

    /// Whether the module named any function.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A Rust symbol demangled without its hash; any other name as it is.
fn demangle(name: &str) -> String {
    match rustc_demangle::try_demangle(name) {
        Ok(demangled) => format!("{demangled:#}"),
        Err(_) => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_name_section_then_the_exports() {
        let wasm = wat::parse_str(
            r#"(module
                 (import "env" "baals_get_value" (func $value (result i64)))
                 (func $_ZN5token8transfer17h0123456789abcdefE)
                 (func (export "get"))
                 (func))"#,
        )
        .unwrap();
        let names = FunctionNames::of(&wasm);
        assert_eq!(names.imported(), 1);
        assert_eq!(names.get(0), Some("value"));
        assert_eq!(names.get(1), Some("token::transfer"));
        assert_eq!(names.get(2), Some("get"));
        assert_eq!(names.display(3), "func[3]");
    }
}
