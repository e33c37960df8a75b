//! Why an ABI or a value was refused.

/// Why an ABI was refused: malformed, or not matching its module.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AbiError {
    /// The text is not JSON.
    #[error("the ABI is not JSON: {message} (line {line}, column {column})")]
    Json {
        /// serde_json's description.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Larger than [`crate::MAX_ABI_BYTES`].
    #[error("the ABI is {0} bytes; at most {max} are accepted", max = crate::MAX_ABI_BYTES)]
    TooLarge(usize),
    /// The `abi` field is not a version this engine reads.
    #[error("ABI format version {0} is not supported (this engine reads version {v})", v = crate::ABI_VERSION)]
    Version(String),
    /// The JSON does not follow the format: `path` is where (`methods[1].inputs[0].type`).
    #[error("{path}: {reason}")]
    Invalid {
        /// Where in the JSON.
        path: String,
        /// What is wrong there.
        reason: String,
    },
    /// A method the module does not export.
    #[error("method `{method}` is not an exported function of the module")]
    MissingMethod {
        /// The method's name.
        method: String,
    },
    /// A method exported with another type than `[] -> []`.
    #[error("method `{method}` has type {found}; contract methods take no parameters and return nothing")]
    MethodType {
        /// The method's name.
        method: String,
        /// Its type, in the text format.
        found: String,
    },
    /// The module's `baals.abi` section and the ABI given beside it describe different ABIs.
    #[error("the module's `baals.abi` section and the ABI given with it differ")]
    Conflict,
    /// The module carries more than one `baals.abi` section.
    #[error("the module has {0} `baals.abi` sections; at most one is allowed")]
    Duplicate(usize),
    /// The module could not be read far enough to find its exports or sections.
    #[error("the module could not be read: {0}")]
    Module(String),
}

/// Why a value could not be encoded from JSON or decoded from bytes. `path` names the
/// argument, field or element (`order.items[2].id`); offsets are in bytes from the start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// The ABI has no such method.
    #[error("the ABI has no method `{0}`")]
    UnknownMethod(String),
    /// A JSON value of the wrong kind.
    #[error("{path}: expected {expected}, found {found}")]
    Mismatch {
        /// Which argument or field.
        path: String,
        /// The ABI type.
        expected: String,
        /// The JSON given, abbreviated.
        found: String,
    },
    /// An integer that does not fit its type.
    #[error("{path}: {value} does not fit in {ty}")]
    OutOfRange {
        /// Which argument or field.
        path: String,
        /// The number given.
        value: String,
        /// The ABI type.
        ty: String,
    },
    /// An argument or struct field not given.
    #[error("{path}: missing `{name}`")]
    Missing {
        /// The method or struct.
        path: String,
        /// The missing name.
        name: String,
    },
    /// An argument or struct field the ABI does not have.
    #[error("{path}: no argument or field `{name}`")]
    Unknown {
        /// The method or struct.
        path: String,
        /// The name given.
        name: String,
    },
    /// The wrong number of positional arguments or array elements.
    #[error("{path}: expected {expected} values, found {found}")]
    Count {
        /// The method or array.
        path: String,
        /// How many the ABI says.
        expected: usize,
        /// How many were given.
        found: usize,
    },
    /// The bytes end before the value does.
    #[error("{path}: the bytes end at offset {offset}, {needed} bytes short")]
    Truncated {
        /// What was being read.
        path: String,
        /// Where the bytes end.
        offset: usize,
        /// How many more the value needed.
        needed: usize,
    },
    /// Bytes left over after the value.
    #[error("{extra} bytes left over at offset {offset}")]
    Trailing {
        /// Where the value ended.
        offset: usize,
        /// How many bytes follow it.
        extra: usize,
    },
    /// A `bool` byte or `option` tag other than 0 and 1.
    #[error("{path}: byte {byte} at offset {offset} is not a valid {what}")]
    BadTag {
        /// What was being read.
        path: String,
        /// Where.
        offset: usize,
        /// The byte found.
        byte: u8,
        /// `bool` or `option tag`.
        what: &'static str,
    },
    /// A `string` whose bytes are not UTF-8.
    #[error("{path}: the string at offset {offset} is not UTF-8")]
    Utf8 {
        /// What was being read.
        path: String,
        /// Where the string's bytes start.
        offset: usize,
    },
    /// A `bytes` or `string` or `vec` longer than a u32 length prefix can say.
    #[error("{path}: {len} elements do not fit a u32 length")]
    TooLong {
        /// Which argument or field.
        path: String,
        /// The length given.
        len: usize,
    },
}
