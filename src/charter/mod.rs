//! The charter format: the model, reading a file with spans, and the findings about it.

mod diagnostic;
mod file;
mod load;
mod model;
pub mod tree;

pub use diagnostic::{
    Code, Diagnostic, LineIndex, MAX_FINDINGS, Position, Severity, Unlisted, added_errors,
};
pub use file::{CharterFile, looks_like_charter, read};
pub use load::{Loaded, MAX_FILE_BYTES, keys, load_bytes, load_str, suggest};
pub use model::{
    Category, Charter, DEFAULT_GOVERNMENT, DEFAULT_TITLE, Document, GrievanceStep, Office, Officer,
    Service, Services, Text, Translations,
};
