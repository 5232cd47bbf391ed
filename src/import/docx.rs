//! placeholder
use super::Failure;
use super::page::Piece;
pub fn read(_bytes: &[u8]) -> Result<Vec<Piece>, Failure> {
    Err(Failure::Docx("not yet".into()))
}
