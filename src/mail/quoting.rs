//! Finding the citizen's own new words in a message that quotes earlier ones.
//!
//! A follow-up ("and how do I update the web portal?") quotes our reply below it, and our reply
//! names the service it answered: matched whole, the follow-up would get that service again.
//! Set aside: lines quoted with `>`, everything from the attribution line on ("On … wrote:",
//! Bengali "… লিখেছেন:", Outlook's "-----Original Message-----" or its "From:/Sent:" block), and
//! the signature after `-- `.

/// The lines of `body` the sender wrote in this message.
pub fn new_words(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "--" || trimmed == "-- " || *line == "-- " {
            break;
        }
        if starts_quote(trimmed, lines.get(i + 1).copied()) {
            break;
        }
        if trimmed.trim_start().starts_with('>') {
            continue;
        }
        out.push(trimmed);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// Whether `line` opens the quoted part of a reply.
fn starts_quote(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    // "On Mon, 2 Sep 2024 at 10:15, Office <o@x> wrote:", which Gmail may wrap before "wrote:".
    let attribution = |s: &str| {
        s.ends_with("wrote:")
            || s.ends_with("writes:")
            || s.ends_with("লিখেছেন:")
            || s.ends_with("লিখেছেনঃ")
            || s.ends_with("লিখেছে:")
    };
    if attribution(&lower) && (lower.starts_with("on ") || lower.contains('@') || lower.len() < 200)
    {
        return true;
    }
    if lower.starts_with("on ") && next.is_some_and(|n| attribution(&n.trim().to_lowercase())) {
        return true;
    }
    if lower.contains("original message") && lower.starts_with('-') {
        return true;
    }
    // Outlook: a rule of underscores, or a "From:" line followed by "Sent:"/"Date:".
    if t.len() >= 20 && t.chars().all(|c| c == '_') {
        return true;
    }
    (lower.starts_with("from:") || lower.starts_with("প্রেরক:"))
        && next.is_some_and(|n| {
            let n = n.trim().to_lowercase();
            n.starts_with("sent:") || n.starts_with("date:") || n.starts_with("to:")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_lines_attributions_and_signatures_are_set_aside() {
        let body = "ধন্যবাদ। ওয়েব পোর্টাল হালনাগাদ করতে কী লাগবে?\n\nOn Mon, 2 Sep 2024 at 10:15, কাউখালী আইসিটি <o@x.bd>\nwrote:\n> সেবার নাম: ই-ফাইলিং\n> ...\n";
        assert_eq!(new_words(body), "ধন্যবাদ। ওয়েব পোর্টাল হালনাগাদ করতে কী লাগবে?");
        let body = "ওয়েব পোর্টাল?\n\n২ সেপ্টেম্বর, ২০২৪ ১০:১৫ AM এ কাউখালী আইসিটি <o@x.bd> লিখেছেন:\nসেবার নাম: ই-ফাইলিং\n";
        assert_eq!(new_words(body), "ওয়েব পোর্টাল?");
        let body = "inline answer\n> quoted e-filing\nmore\n-- \nRahim\ne-filing officer\n";
        assert_eq!(new_words(body), "inline answer\nmore");
        let body = "new question\n\n-----Original Message-----\nFrom: office\n";
        assert_eq!(new_words(body), "new question");
        let body = "new question\n________________________________\nFrom: Office\nSent: Monday\n";
        assert_eq!(new_words(body), "new question");
        let body = "question\nFrom: Office <o@x.bd>\nSent: Monday\nSubject: e-filing\n";
        assert_eq!(new_words(body), "question");
    }

    #[test]
    fn a_message_without_quotes_is_kept_whole() {
        let body = "আমি ই-ফাইলিং সম্পর্কে জানতে চাই।\nFrom Kawkhali.\n";
        assert_eq!(
            new_words(body),
            "আমি ই-ফাইলিং সম্পর্কে জানতে চাই।\nFrom Kawkhali."
        );
    }
}
