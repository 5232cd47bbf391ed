//! placeholder
use super::Failure;
use super::page::Piece;
pub fn read(_text: &str) -> Result<(Vec<Piece>, Option<String>), Failure> {
    Err(Failure::Html("not yet".into()))
}
