//! Findings as GitHub Actions workflow commands, which annotate the lines of a pull request.

use super::Finding;
use crate::charter::Severity;

/// One finding as `::error file=…,line=…,col=…,title=…::message`.
pub fn github(f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let message = f.one_line();
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        property(&f.file),
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        property(&format!("charter {}", f.code.as_str())),
        data(&message)
    )
}

/// Escapes a command's message (`%`, CR, LF), as the Actions toolkit does.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value: the message escapes plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
