//! `charter schema`: the JSON Schema of the charter format.

use crate::error::Error;

/// Prints the schema.
pub fn run() -> Result<u8, Error> {
    super::print(&crate::schema::json())?;
    Ok(0)
}
