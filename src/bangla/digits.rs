//! Digits, Bengali (০–৯) and Latin (0–9), and the numbers written with them.

/// The value of a digit, Bengali (০–৯) or Latin (0–9).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '০'..='৯' => Some(c as u32 - '০' as u32),
        _ => None,
    }
}

/// Replaces Bengali digits by Latin ones and leaves every other character alone.
pub fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '০'..='৯' => char::from_digit(c as u32 - '০' as u32, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Writes a number with Bengali digits, zero-padded to `width` (serials print as ০১, ০২, …).
pub fn bengali_number(n: usize, width: usize) -> String {
    format!("{n:0width$}")
        .chars()
        .map(|c| char::from_u32('০' as u32 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

/// A number found in a text, with the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Number {
    pub(super) value: f64,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Every number in `text` (Bengali or Latin digits, `,` between thousands, one decimal point).
pub(super) fn numbers(text: &str) -> Vec<Number> {
    let mut found = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let Some(first) = digit_value(c) else {
            continue;
        };
        let mut int = first as f64;
        let mut end = start + c.len_utf8();
        let mut frac: Option<(f64, f64)> = None;
        while let Some(&(i, c)) = iter.peek() {
            if let Some(d) = digit_value(c) {
                match &mut frac {
                    Some((value, scale)) => {
                        *scale /= 10.0;
                        *value += d as f64 * *scale;
                    }
                    None => int = int * 10.0 + d as f64,
                }
                end = i + c.len_utf8();
                iter.next();
            } else if (c == ',' || c == '.') && frac.is_none() {
                // Only a separator when a digit follows: "৩, ৪" lists two numbers.
                let next = text[i + 1..].chars().next().and_then(digit_value);
                if next.is_none() {
                    break;
                }
                if c == '.' {
                    frac = Some((0.0, 1.0));
                }
                iter.next();
            } else {
                break;
            }
        }
        found.push(Number {
            value: int + frac.map_or(0.0, |(v, _)| v),
            start,
            end,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_fold_both_ways() {
        assert_eq!(fold_digits("০১৮২৫৭০৬১৩৮"), "01825706138");
        assert_eq!(fold_digits("abc ৩ ৯"), "abc 3 9");
        assert_eq!(bengali_number(1, 2), "০১");
        assert_eq!(bengali_number(12, 2), "১২");
        assert_eq!(bengali_number(100, 2), "১০০");
    }
}
