//! How wide text is in a terminal, and wrapping it to a width.
//!
//! Terminals give zero cells to nonspacing marks (্ ু ূ ৃ ঁ ়) and one to everything else,
//! including the spacing vowel signs া ি ী ে ৈ ো ৌ (measured in tmux; see docs/NOTES.md). That is what
//! `unicode-width` 0.1.11 computes; later versions give া zero cells, which is why this crate pins
//! it and why the table renderer measures with this module rather than comfy-table's.

use unicode_width::UnicodeWidthChar;

/// The cells a character takes in a terminal.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The cells a string takes in a terminal.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Whether a line may break before `c`, which follows `prev`: never inside a Bengali cluster
/// (before a vowel sign or other mark, after hasanta, around a joiner).
fn breaks_before(prev: char, c: char) -> bool {
    let mark = |c: char| matches!(c, '\u{0981}'..='\u{0983}' | '\u{09bc}' | '\u{09be}'..='\u{09cd}' | '\u{09d7}' | '\u{09e2}' | '\u{09e3}');
    let joiner = |c: char| matches!(c, '\u{200c}' | '\u{200d}');
    !(mark(c) || joiner(c) || joiner(prev) || prev == '\u{09cd}' || char_width(c) == 0)
}

/// Splits a word into pieces no wider than `width`, between clusters where possible.
fn split_word(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0;
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A cluster: a character and everything that may not be split from it.
        let mut j = i + 1;
        while j < chars.len() && !breaks_before(chars[j - 1], chars[j]) {
            j += 1;
        }
        let cluster: String = chars[i..j].iter().collect();
        let cluster_width = self::width(&cluster);
        if piece_width + cluster_width > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0;
        }
        if cluster_width > width {
            // A cluster wider than the column (only at absurd widths): split it by character.
            for c in cluster.chars() {
                if piece_width + char_width(c) > width && !piece.is_empty() {
                    pieces.push(std::mem::take(&mut piece));
                    piece_width = 0;
                }
                piece.push(c);
                piece_width += char_width(c);
            }
        } else {
            piece.push_str(&cluster);
            piece_width += cluster_width;
        }
        i = j;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Wraps text at spaces into lines no wider than `width` cells; a word wider than that is split
/// between clusters. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            let word_width = self::width(word);
            let gap = usize::from(!line.is_empty());
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = split_word(word, width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = self::width(&last);
                line = last;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_terminal() {
        // Measured in tmux 3.3a (docs/NOTES.md): কা 2, কি 2, ক্ত 2, মোঃ 3, কার্যদিবস 8, প্রশিক্ষণ 7.
        assert_eq!(width("কা"), 2);
        assert_eq!(width("কি"), 2);
        assert_eq!(width("ক্ত"), 2);
        assert_eq!(width("মোঃ"), 3);
        assert_eq!(width("কার্যদিবস"), 8);
        assert_eq!(width("প্রশিক্ষণ"), 7);
        assert_eq!(width("abc"), 3);
    }

    #[test]
    fn wrapping_keeps_words_and_fits() {
        let text = "উচ্চ গতির ইলেকট্রনিক যোগাযোগ, ই-সরকার, দক্ষ তথ্যপ্রযুক্তি জ্ঞানসম্পন্ন মানবসম্পদ উন্নয়ন";
        for w in [8, 12, 20, 40] {
            let lines = wrap(text, w);
            for line in &lines {
                assert!(width(line) <= w, "{line:?} is wider than {w}");
            }
            assert_eq!(
                lines
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(""),
                text.split_whitespace().collect::<Vec<_>>().join("")
            );
        }
        assert_eq!(wrap("এক দুই তিন", 7), ["এক দুই", "তিন"]);
    }

    #[test]
    fn long_words_split_between_clusters() {
        // প্রশিক্ষণ is প্রি (3 cells) + শি + ক্ষ + ণ. From 3 cells on, no piece starts with a
        // vowel sign or ends with hasanta; below that a cluster must be split by character.
        for w in 1..=6 {
            for piece in wrap("প্রশিক্ষণ", w) {
                assert!(width(&piece) <= w, "{piece:?} is wider than {w}");
                if w >= 3 {
                    let first = piece.chars().next().unwrap();
                    assert!(
                        !('\u{09be}'..='\u{09cd}').contains(&first),
                        "{piece:?} starts with a sign at width {w}"
                    );
                    assert!(
                        !piece.ends_with('\u{09cd}'),
                        "{piece:?} ends with hasanta at width {w}"
                    );
                }
            }
        }
        assert_eq!(wrap("প্রশিক্ষণ", 4), ["প্রশি", "ক্ষণ"]);
    }

    #[test]
    fn line_breaks_are_kept() {
        assert_eq!(wrap("১। এক\n২। দুই", 40), ["১। এক", "২। দুই"]);
    }
}
