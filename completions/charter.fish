# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_charter_global_optspecs
    string join \n h/help V/version
end

function __fish_charter_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_charter_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_charter_using_subcommand
    set -l cmd (__fish_charter_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c charter -n "__fish_charter_needs_command" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_needs_command" -s V -l version -d 'Print version'
complete -c charter -n "__fish_charter_needs_command" -f -a "validate" -d 'Check charter files against the charter format and report every problem'
complete -c charter -n "__fish_charter_needs_command" -f -a "render" -d 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)'
complete -c charter -n "__fish_charter_needs_command" -f -a "reply" -d 'Email a service\'s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP'
complete -c charter -n "__fish_charter_needs_command" -f -a "outbox" -d 'Messages that could not be sent: list them, or send them now'
complete -c charter -n "__fish_charter_needs_command" -f -a "match" -d 'Show how an inquiry\'s text matches a charter\'s services: ranked, with scores'
complete -c charter -n "__fish_charter_needs_command" -f -a "set" -d 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter'
complete -c charter -n "__fish_charter_needs_command" -f -a "fmt" -d 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments'
complete -c charter -n "__fish_charter_needs_command" -f -a "fix" -d 'Mend charters\' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`'
complete -c charter -n "__fish_charter_needs_command" -f -a "import" -d 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF'
complete -c charter -n "__fish_charter_needs_command" -f -a "bijoy" -d 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are'
complete -c charter -n "__fish_charter_needs_command" -f -a "diff" -d 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error'
complete -c charter -n "__fish_charter_needs_command" -f -a "init" -d 'Write a commented starter charter that validates'
complete -c charter -n "__fish_charter_needs_command" -f -a "completions" -d 'Print the completion script for a shell'
complete -c charter -n "__fish_charter_needs_command" -f -a "man" -d 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory'
complete -c charter -n "__fish_charter_needs_command" -f -a "schema" -d 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo'
complete -c charter -n "__fish_charter_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c charter -n "__fish_charter_using_subcommand validate" -l format -d 'How to report findings' -r -f -a "human\t'`file:line:column: error[code]: key: message`, with a source snippet'
json\t'One JSON array of findings'
github\t'GitHub Actions workflow commands (::error, ::warning)'
sarif\t'SARIF 2.1.0, for code-scanning upload'"
complete -c charter -n "__fish_charter_using_subcommand validate" -l strict -d 'Fail on warnings too'
complete -c charter -n "__fish_charter_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand render" -s f -l format -d 'The output format' -r -f -a "table\t'Tables for a terminal, fitted to its width'
markdown\t'GitHub-flavoured Markdown'
html\t'One self-contained HTML page'
json\t'JSON with every derived value'
pdf\t'A PDF, shaped Bengali with the fonts embedded (to -o or a pipe)'"
complete -c charter -n "__fish_charter_using_subcommand render" -s o -l output -d 'Write to this file (whole or not at all; `-` is standard output) instead of standard output' -r -F
complete -c charter -n "__fish_charter_using_subcommand render" -l out-dir -d 'Render every FILE in one process, in parallel, each into DIR (created if missing) as NAME.txt, .md, .html, .json or .pdf after its file name' -r -F
complete -c charter -n "__fish_charter_using_subcommand render" -l lang -d 'The language: English uses the charter\'s English texts where it has them' -r -f -a "bn\t'Bengali, as published'
en\t'English where the charter has it, Bengali where it does not'"
complete -c charter -n "__fish_charter_using_subcommand render" -l service -d 'Render only this service (by its id)' -r
complete -c charter -n "__fish_charter_using_subcommand render" -l width -d 'Table width in terminal columns [default: the terminal\'s, or 100 when not a terminal]' -r
complete -c charter -n "__fish_charter_using_subcommand render" -l paper -d 'The paper size of a PDF' -r -f -a "a4\t'ISO A4, 210 × 297 mm'
letter\t'US Letter'
legal\t'US Legal'"
complete -c charter -n "__fish_charter_using_subcommand render" -l portrait -d 'A PDF in portrait instead of the wall copy\'s landscape'
complete -c charter -n "__fish_charter_using_subcommand render" -l pdfa -d 'Write the PDF as PDF/A-2b, for archiving'
complete -c charter -n "__fish_charter_using_subcommand render" -l draft -d 'Render a charter that still has errors (an import with gaps): every page marked খসড়া (draft), every missing value as [ফাঁকা]. Only a file that is not TOML is refused'
complete -c charter -n "__fish_charter_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand reply" -l charter -d 'The charter file, or a directory of charters (inquiries are matched against all)' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l service -d 'Send this service\'s information (by id) to --to' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l to -d 'The citizen\'s address, with --service' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l inquiry -d 'Answer the inquiry in this file (an RFC 5322 message; `-` reads standard input)' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l maildir -d 'Answer every unread inquiry in this Maildir: new/, and cur/ without the S flag. Answered ones are flagged RS, robot mail S; the rest stay unread for staff' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l imap -d 'Answer every inquiry in this IMAP mailbox that is neither answered nor seen: imaps://USER@HOST[:993]/MAILBOX (TLS), imap://USER@HOST[:143]/MAILBOX (STARTTLS required), ?tls=none, ?ca=PATH, ?timeout=SECONDS as for --smtp. Answered ones get \\Answered and \\Seen and the reply goes to the \\Sent folder; robot mail gets \\Seen; the rest stay unread for staff' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l poll -d 'With --watch: how often to look at a mailbox that cannot notify (an IMAP server without IDLE), in seconds' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l state -d 'The record of inquiries answered [default: $XDG_STATE_HOME/charter/replied.json]' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l max-per-sender -d 'At most this many automatic replies to one sender a day' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l from -d 'The office\'s address: `office@example.gov.bd` or `Name <office@example.gov.bd>`' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l dry-run -d 'Print the message instead of sending it, and record nothing: decoded for reading, or `--dry-run=raw` as it would go on the wire' -r -f -a "decoded\t'Headers decoded, each text part as text'
raw\t'The wire form: encoded headers, base64 parts'"
complete -c charter -n "__fish_charter_using_subcommand reply" -l lang -d 'The language of the reply [default: bn; for inquiries, the inquiry\'s own]' -r -f -a "bn\t'Bengali, as published'
en\t'English where the charter has it, Bengali where it does not'"
complete -c charter -n "__fish_charter_using_subcommand reply" -l smtp -d 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l outbox -d 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l password-file -d 'A file whose first line is the SMTP password' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l ehlo -d 'The name to greet the server with (EHLO): this machine\'s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine\'s qualified name, else the address the connection leaves from]' -r
complete -c charter -n "__fish_charter_using_subcommand reply" -l imap-password-file -d 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l config -d 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]' -r -F
complete -c charter -n "__fish_charter_using_subcommand reply" -l watch -d 'Keep running: answer each inquiry as it arrives (IMAP IDLE, or the Maildir\'s change notices), reconnect after a dropped connection, stop after the reply in flight on SIGTERM or Ctrl-C. One log line per inquiry'
complete -c charter -n "__fish_charter_using_subcommand reply" -l attach-pdf -d 'With --service: attach the service\'s PDF (its one table, shaped Bengali)'
complete -c charter -n "__fish_charter_using_subcommand reply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand outbox; and not __fish_seen_subcommand_from send list requeue help" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand outbox; and not __fish_seen_subcommand_from send list requeue help" -f -a "send" -d 'Send every waiting message; remove only those the server accepted'
complete -c charter -n "__fish_charter_using_subcommand outbox; and not __fish_seen_subcommand_from send list requeue help" -f -a "list" -d 'List the messages waiting, in doubt and refused'
complete -c charter -n "__fish_charter_using_subcommand outbox; and not __fish_seen_subcommand_from send list requeue help" -f -a "requeue" -d 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
complete -c charter -n "__fish_charter_using_subcommand outbox; and not __fish_seen_subcommand_from send list requeue help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l smtp -d 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL' -r
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l outbox -d 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l password-file -d 'A file whose first line is the SMTP password' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l ehlo -d 'The name to greet the server with (EHLO): this machine\'s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine\'s qualified name, else the address the connection leaves from]' -r
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l imap-password-file -d 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l config -d 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -l in-doubt -d 'Also send the replies in doubt (a run stopped after handing them over, before the server confirmed them): only once you know they did not arrive'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from list" -l outbox -d 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from list" -l config -d 'The config file, for its `outbox` key [default: $XDG_CONFIG_HOME/charter/config.toml]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l smtp -d 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL' -r
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l outbox -d 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l password-file -d 'A file whose first line is the SMTP password' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l ehlo -d 'The name to greet the server with (EHLO): this machine\'s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine\'s qualified name, else the address the connection leaves from]' -r
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l imap-password-file -d 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -l config -d 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]' -r -F
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from requeue" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send every waiting message; remove only those the server accepted'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the messages waiting, in doubt and refused'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "requeue" -d 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
complete -c charter -n "__fish_charter_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c charter -n "__fish_charter_using_subcommand match" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand set" -l add-service -d 'Add a service, given as TOML keys on standard input, to the category named by the second argument (citizen, institutional, internal)'
complete -c charter -n "__fish_charter_using_subcommand set" -l remove-service -d 'Remove the service whose id is the second argument'
complete -c charter -n "__fish_charter_using_subcommand set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand fmt" -l check -d 'List the files that are not formatted, change nothing, and exit 1 if there are any'
complete -c charter -n "__fish_charter_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand fix" -l check -d 'List what would change, change nothing, and exit 1 if anything would'
complete -c charter -n "__fish_charter_using_subcommand fix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand import" -s o -l output -d 'Write the charter here [default: standard output]' -r -F
complete -c charter -n "__fish_charter_using_subcommand import" -l out-dir -d 'Import many inputs at once, one charter each, named after the input (`page.html` → `DIR/page.toml`)' -r -F
complete -c charter -n "__fish_charter_using_subcommand import" -l from -d 'What the input is' -r -f -a "auto\t'Decide by the content: a DOCX zip, HTML markup, else text'
text\t'Plain text: tab- or pipe-separated, one cell a line or a paragraph'
html\t'An HTML page'
docx\t'A Word (DOCX) file'"
complete -c charter -n "__fish_charter_using_subcommand import" -l ids-from -d 'An existing charter of this office: services and officers whose Bengali is unchanged keep its ids (and its keywords and translations), so that `charter diff` shows only what the page changed' -r -F
complete -c charter -n "__fish_charter_using_subcommand import" -l format -d 'How to write the report' -r -f -a "human\t'Lines for people, on stderr'
json\t'One JSON object per input'"
complete -c charter -n "__fish_charter_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand bijoy" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c charter -n "__fish_charter_using_subcommand bijoy" -l all -d 'Convert every word as Bijoy, without deciding word by word (for text known to be all Bijoy, where a short English-looking word such as `Ges` (এবং) stands alone)'
complete -c charter -n "__fish_charter_using_subcommand bijoy" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand diff" -l format -d 'How to show the changes' -r -f -a "human\t'One change a line'
json\t'A JSON array of changes, for bots that comment on pull requests'"
complete -c charter -n "__fish_charter_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c charter -n "__fish_charter_using_subcommand init" -l office -d 'The office\'s name' -r
complete -c charter -n "__fish_charter_using_subcommand init" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand completions" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand man" -l dir -d 'Write every page into this directory (created if missing) instead of printing charter.1' -r -F
complete -c charter -n "__fish_charter_using_subcommand man" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand schema" -s h -l help -d 'Print help'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "validate" -d 'Check charter files against the charter format and report every problem'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "render" -d 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "reply" -d 'Email a service\'s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "outbox" -d 'Messages that could not be sent: list them, or send them now'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "match" -d 'Show how an inquiry\'s text matches a charter\'s services: ranked, with scores'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "set" -d 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "fmt" -d 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "fix" -d 'Mend charters\' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "import" -d 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "bijoy" -d 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "diff" -d 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "init" -d 'Write a commented starter charter that validates'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "completions" -d 'Print the completion script for a shell'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "man" -d 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "schema" -d 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo'
complete -c charter -n "__fish_charter_using_subcommand help; and not __fish_seen_subcommand_from validate render reply outbox match set fmt fix import bijoy diff init completions man schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c charter -n "__fish_charter_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "send" -d 'Send every waiting message; remove only those the server accepted'
complete -c charter -n "__fish_charter_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "list" -d 'List the messages waiting, in doubt and refused'
complete -c charter -n "__fish_charter_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "requeue" -d 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)'
