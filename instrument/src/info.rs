//! What validation learnt about an accepted module.

use baals_policy::Limit;

/// A summary of an accepted module: its interface, and its value for each limit of the policy
/// (so a policy author can see how close a module comes to each).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ModuleInfo {
    /// Size of the module in bytes.
    pub bytes: u64,
    /// Imports, in order.
    pub imports: Vec<Import>,
    /// Exports, in order.
    pub exports: Vec<Export>,
    /// Functions imported (the first indices of the function index space).
    pub imported_functions: u32,
    /// Functions defined by the module.
    pub functions: u32,
    /// The module's memory, if it has one.
    pub memory: Option<MemoryInfo>,
    /// The start function, if any.
    pub start_function: Option<u32>,
    /// Instructions in all function bodies.
    pub instructions: u64,
    /// The module's value for each limit.
    pub usage: Usage,
}

/// An import of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// Module name.
    pub module: String,
    /// Field name.
    pub name: String,
    /// `func`, `table`, `memory`, `global` or `tag`.
    pub kind: &'static str,
}

/// An export of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// Export name.
    pub name: String,
    /// `func`, `table`, `memory`, `global` or `tag`.
    pub kind: &'static str,
    /// Index in the space of its kind.
    pub index: u32,
}

/// A module's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryInfo {
    /// Initial size in 64 KiB pages.
    pub initial_pages: u64,
    /// Declared maximum in pages (the instrumenter sets the policy's when there is none).
    pub maximum_pages: Option<u64>,
    /// Whether the memory is imported.
    pub imported: bool,
}

/// A module's value for each limit: a count (functions, imports...), a total (data bytes), or
/// a peak over its parts (locals of the function with the most, deepest nesting...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    values: [u64; Limit::COUNT],
}

impl Default for Usage {
    fn default() -> Self {
        Usage { values: [0; Limit::COUNT] }
    }
}

impl Usage {
    /// The module's value for `limit` (0 where the module has nothing it counts).
    pub fn get(&self, limit: Limit) -> u64 {
        self.values[limit.index()]
    }

    /// Every limit with the module's value, [`Limit::MemoryPages`] last.
    pub fn iter(&self) -> impl Iterator<Item = (Limit, u64)> + '_ {
        Limit::ALL.iter().copied().chain([Limit::MemoryPages]).map(|limit| (limit, self.get(limit)))
    }

    /// Raises the value for `limit` to `value` if it is larger.
    pub(crate) fn raise(&mut self, limit: Limit, value: u64) {
        let slot = &mut self.values[limit.index()];
        *slot = (*slot).max(value);
    }
}
