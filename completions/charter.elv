
use builtin;
use str;

set edit:completion:arg-completer[charter] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'charter'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'charter'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate 'Check charter files against the charter format and report every problem'
            cand render 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)'
            cand reply 'Email a service''s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP'
            cand outbox 'Messages that could not be sent: list them, or send them now'
            cand match 'Show how an inquiry''s text matches a charter''s services: ranked, with scores'
            cand set 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter'
            cand fmt 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments'
            cand fix 'Mend charters'' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`'
            cand import 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF'
            cand bijoy 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are'
            cand diff 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error'
            cand init 'Write a commented starter charter that validates'
            cand completions 'Print the completion script for a shell'
            cand man 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory'
            cand schema 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'charter;validate'= {
            cand --format 'How to report findings'
            cand --strict 'Fail on warnings too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;render'= {
            cand -f 'The output format'
            cand --format 'The output format'
            cand -o 'Write to this file (whole or not at all; `-` is standard output) instead of standard output'
            cand --output 'Write to this file (whole or not at all; `-` is standard output) instead of standard output'
            cand --out-dir 'Render every FILE in one process, in parallel, each into DIR (created if missing) as NAME.txt, .md, .html, .json or .pdf after its file name'
            cand --lang 'The language: English uses the charter''s English texts where it has them'
            cand --service 'Render only this service (by its id)'
            cand --width 'Table width in terminal columns [default: the terminal''s, or 100 when not a terminal]'
            cand --paper 'The paper size of a PDF'
            cand --portrait 'A PDF in portrait instead of the wall copy''s landscape'
            cand --pdfa 'Write the PDF as PDF/A-2b, for archiving'
            cand --draft 'Render a charter that still has errors (an import with gaps): every page marked খসড়া (draft), every missing value as [ফাঁকা]. Only a file that is not TOML is refused'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;reply'= {
            cand --charter 'The charter file, or a directory of charters (inquiries are matched against all)'
            cand --service 'Send this service''s information (by id) to --to'
            cand --to 'The citizen''s address, with --service'
            cand --inquiry 'Answer the inquiry in this file (an RFC 5322 message; `-` reads standard input)'
            cand --maildir 'Answer every unread inquiry in this Maildir: new/, and cur/ without the S flag. Answered ones are flagged RS, robot mail S; the rest stay unread for staff'
            cand --imap 'Answer every inquiry in this IMAP mailbox that is neither answered nor seen: imaps://USER@HOST[:993]/MAILBOX (TLS), imap://USER@HOST[:143]/MAILBOX (STARTTLS required), ?tls=none, ?ca=PATH, ?timeout=SECONDS as for --smtp. Answered ones get \Answered and \Seen and the reply goes to the \Sent folder; robot mail gets \Seen; the rest stay unread for staff'
            cand --poll 'With --watch: how often to look at a mailbox that cannot notify (an IMAP server without IDLE), in seconds'
            cand --state 'The record of inquiries answered [default: $XDG_STATE_HOME/charter/replied.json]'
            cand --max-per-sender 'At most this many automatic replies to one sender a day'
            cand --from 'The office''s address: `office@example.gov.bd` or `Name <office@example.gov.bd>`'
            cand --dry-run 'Print the message instead of sending it, and record nothing: decoded for reading, or `--dry-run=raw` as it would go on the wire'
            cand --lang 'The language of the reply [default: bn; for inquiries, the inquiry''s own]'
            cand --smtp 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL'
            cand --outbox 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]'
            cand --password-file 'A file whose first line is the SMTP password'
            cand --ehlo 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]'
            cand --imap-password-file 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies'
            cand --config 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]'
            cand --watch 'Keep running: answer each inquiry as it arrives (IMAP IDLE, or the Maildir''s change notices), reconnect after a dropped connection, stop after the reply in flight on SIGTERM or Ctrl-C. One log line per inquiry'
            cand --attach-pdf 'With --service: attach the service''s PDF (its one table, shaped Bengali)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;outbox'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand send 'Send every waiting message; remove only those the server accepted'
            cand list 'List the messages waiting, in doubt and refused'
            cand requeue 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'charter;outbox;send'= {
            cand --smtp 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL'
            cand --outbox 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]'
            cand --password-file 'A file whose first line is the SMTP password'
            cand --ehlo 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]'
            cand --imap-password-file 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies'
            cand --config 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]'
            cand --in-doubt 'Also send the replies in doubt (a run stopped after handing them over, before the server confirmed them): only once you know they did not arrive'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;outbox;list'= {
            cand --outbox 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]'
            cand --config 'The config file, for its `outbox` key [default: $XDG_CONFIG_HOME/charter/config.toml]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;outbox;requeue'= {
            cand --smtp 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL'
            cand --outbox 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]'
            cand --password-file 'A file whose first line is the SMTP password'
            cand --ehlo 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]'
            cand --imap-password-file 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies'
            cand --config 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;outbox;help'= {
            cand send 'Send every waiting message; remove only those the server accepted'
            cand list 'List the messages waiting, in doubt and refused'
            cand requeue 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'charter;outbox;help;send'= {
        }
        &'charter;outbox;help;list'= {
        }
        &'charter;outbox;help;requeue'= {
        }
        &'charter;outbox;help;help'= {
        }
        &'charter;match'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;set'= {
            cand --add-service 'Add a service, given as TOML keys on standard input, to the category named by the second argument (citizen, institutional, internal)'
            cand --remove-service 'Remove the service whose id is the second argument'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;fmt'= {
            cand --check 'List the files that are not formatted, change nothing, and exit 1 if there are any'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;fix'= {
            cand --check 'List what would change, change nothing, and exit 1 if anything would'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;import'= {
            cand -o 'Write the charter here [default: standard output]'
            cand --output 'Write the charter here [default: standard output]'
            cand --out-dir 'Import many inputs at once, one charter each, named after the input (`page.html` → `DIR/page.toml`)'
            cand --from 'What the input is'
            cand --ids-from 'An existing charter of this office: services and officers whose Bengali is unchanged keep its ids (and its keywords and translations), so that `charter diff` shows only what the page changed'
            cand --format 'How to write the report'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;bijoy'= {
            cand -o 'Write to this file instead of standard output'
            cand --output 'Write to this file instead of standard output'
            cand --all 'Convert every word as Bijoy, without deciding word by word (for text known to be all Bijoy, where a short English-looking word such as `Ges` (এবং) stands alone)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;diff'= {
            cand --format 'How to show the changes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'charter;init'= {
            cand --office 'The office''s name'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;man'= {
            cand --dir 'Write every page into this directory (created if missing) instead of printing charter.1'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;schema'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'charter;help'= {
            cand validate 'Check charter files against the charter format and report every problem'
            cand render 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)'
            cand reply 'Email a service''s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP'
            cand outbox 'Messages that could not be sent: list them, or send them now'
            cand match 'Show how an inquiry''s text matches a charter''s services: ranked, with scores'
            cand set 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter'
            cand fmt 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments'
            cand fix 'Mend charters'' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`'
            cand import 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF'
            cand bijoy 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are'
            cand diff 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error'
            cand init 'Write a commented starter charter that validates'
            cand completions 'Print the completion script for a shell'
            cand man 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory'
            cand schema 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'charter;help;validate'= {
        }
        &'charter;help;render'= {
        }
        &'charter;help;reply'= {
        }
        &'charter;help;outbox'= {
            cand send 'Send every waiting message; remove only those the server accepted'
            cand list 'List the messages waiting, in doubt and refused'
            cand requeue 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
        }
        &'charter;help;outbox;send'= {
        }
        &'charter;help;outbox;list'= {
        }
        &'charter;help;outbox;requeue'= {
        }
        &'charter;help;match'= {
        }
        &'charter;help;set'= {
        }
        &'charter;help;fmt'= {
        }
        &'charter;help;fix'= {
        }
        &'charter;help;import'= {
        }
        &'charter;help;bijoy'= {
        }
        &'charter;help;diff'= {
        }
        &'charter;help;init'= {
        }
        &'charter;help;completions'= {
        }
        &'charter;help;man'= {
        }
        &'charter;help;schema'= {
        }
        &'charter;help;help'= {
        }
    ]
    $completions[$command]
}
