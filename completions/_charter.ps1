
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'charter' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'charter'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'charter' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check charter files against the charter format and report every problem')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Email a service''s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Messages that could not be sent: list them, or send them now')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Show how an inquiry''s text matches a charter''s services: ranked, with scores')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Mend charters'' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF')
            [CompletionResult]::new('bijoy', 'bijoy', [CompletionResultType]::ParameterValue, 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter charter that validates')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'charter;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to report findings')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on warnings too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;render' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (whole or not at all; `-` is standard output) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (whole or not at all; `-` is standard output) instead of standard output')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Render every FILE in one process, in parallel, each into DIR (created if missing) as NAME.txt, .md, .html, .json or .pdf after its file name')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language: English uses the charter''s English texts where it has them')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Render only this service (by its id)')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Table width in terminal columns [default: the terminal''s, or 100 when not a terminal]')
            [CompletionResult]::new('--paper', '--paper', [CompletionResultType]::ParameterName, 'The paper size of a PDF')
            [CompletionResult]::new('--portrait', '--portrait', [CompletionResultType]::ParameterName, 'A PDF in portrait instead of the wall copy''s landscape')
            [CompletionResult]::new('--pdfa', '--pdfa', [CompletionResultType]::ParameterName, 'Write the PDF as PDF/A-2b, for archiving')
            [CompletionResult]::new('--draft', '--draft', [CompletionResultType]::ParameterName, 'Render a charter that still has errors (an import with gaps): every page marked খসড়া (draft), every missing value as [ফাঁকা]. Only a file that is not TOML is refused')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;reply' {
            [CompletionResult]::new('--charter', '--charter', [CompletionResultType]::ParameterName, 'The charter file, or a directory of charters (inquiries are matched against all)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Send this service''s information (by id) to --to')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The citizen''s address, with --service')
            [CompletionResult]::new('--inquiry', '--inquiry', [CompletionResultType]::ParameterName, 'Answer the inquiry in this file (an RFC 5322 message; `-` reads standard input)')
            [CompletionResult]::new('--maildir', '--maildir', [CompletionResultType]::ParameterName, 'Answer every unread inquiry in this Maildir: new/, and cur/ without the S flag. Answered ones are flagged RS, robot mail S; the rest stay unread for staff')
            [CompletionResult]::new('--imap', '--imap', [CompletionResultType]::ParameterName, 'Answer every inquiry in this IMAP mailbox that is neither answered nor seen: imaps://USER@HOST[:993]/MAILBOX (TLS), imap://USER@HOST[:143]/MAILBOX (STARTTLS required), ?tls=none, ?ca=PATH, ?timeout=SECONDS as for --smtp. Answered ones get \Answered and \Seen and the reply goes to the \Sent folder; robot mail gets \Seen; the rest stay unread for staff')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'With --watch: how often to look at a mailbox that cannot notify (an IMAP server without IDLE), in seconds')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The record of inquiries answered [default: $XDG_STATE_HOME/charter/replied.json]')
            [CompletionResult]::new('--max-per-sender', '--max-per-sender', [CompletionResultType]::ParameterName, 'At most this many automatic replies to one sender a day')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The office''s address: `office@example.gov.bd` or `Name <office@example.gov.bd>`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the message instead of sending it, and record nothing: decoded for reading, or `--dry-run=raw` as it would go on the wire')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of the reply [default: bn; for inquiries, the inquiry''s own]')
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL')
            [CompletionResult]::new('--outbox', '--outbox', [CompletionResultType]::ParameterName, 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the SMTP password')
            [CompletionResult]::new('--ehlo', '--ehlo', [CompletionResultType]::ParameterName, 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]')
            [CompletionResult]::new('--imap-password-file', '--imap-password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running: answer each inquiry as it arrives (IMAP IDLE, or the Maildir''s change notices), reconnect after a dropped connection, stop after the reply in flight on SIGTERM or Ctrl-C. One log line per inquiry')
            [CompletionResult]::new('--attach-pdf', '--attach-pdf', [CompletionResultType]::ParameterName, 'With --service: attach the service''s PDF (its one table, shaped Bengali)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;outbox' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send every waiting message; remove only those the server accepted')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages waiting, in doubt and refused')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'charter;outbox;send' {
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL')
            [CompletionResult]::new('--outbox', '--outbox', [CompletionResultType]::ParameterName, 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the SMTP password')
            [CompletionResult]::new('--ehlo', '--ehlo', [CompletionResultType]::ParameterName, 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]')
            [CompletionResult]::new('--imap-password-file', '--imap-password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]')
            [CompletionResult]::new('--in-doubt', '--in-doubt', [CompletionResultType]::ParameterName, 'Also send the replies in doubt (a run stopped after handing them over, before the server confirmed them): only once you know they did not arrive')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;outbox;list' {
            [CompletionResult]::new('--outbox', '--outbox', [CompletionResultType]::ParameterName, 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file, for its `outbox` key [default: $XDG_CONFIG_HOME/charter/config.toml]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;outbox;requeue' {
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'The SMTP server: smtps://host[:465] (TLS), smtp://[user@]host[:587] (STARTTLS required), add ?tls=none to send unencrypted, ?ca=PATH to trust a CA certificate, ?timeout=SECONDS to wait longer than 30 s for a slow server (join several with &). The password comes from CHARTER_SMTP_PASSWORD or --password-file, never from the URL')
            [CompletionResult]::new('--outbox', '--outbox', [CompletionResultType]::ParameterName, 'Where unsent messages wait [default: $XDG_STATE_HOME/charter/outbox]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the SMTP password')
            [CompletionResult]::new('--ehlo', '--ehlo', [CompletionResultType]::ParameterName, 'The name to greet the server with (EHLO): this machine''s fully qualified domain name, or an address literal such as [192.0.2.7] [default: the machine''s qualified name, else the address the connection leaves from]')
            [CompletionResult]::new('--imap-password-file', '--imap-password-file', [CompletionResultType]::ParameterName, 'A file whose first line is the IMAP password (or set CHARTER_IMAP_PASSWORD), for --imap and for marking its inquiries answered when `outbox send` delivers their replies')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (keys: from, smtp, outbox, password_file, ehlo, imap_password_file, sent_folder) [default: $XDG_CONFIG_HOME/charter/config.toml]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;outbox;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send every waiting message; remove only those the server accepted')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages waiting, in doubt and refused')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'charter;outbox;help;send' {
            break
        }
        'charter;outbox;help;list' {
            break
        }
        'charter;outbox;help;requeue' {
            break
        }
        'charter;outbox;help;help' {
            break
        }
        'charter;match' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;set' {
            [CompletionResult]::new('--add-service', '--add-service', [CompletionResultType]::ParameterName, 'Add a service, given as TOML keys on standard input, to the category named by the second argument (citizen, institutional, internal)')
            [CompletionResult]::new('--remove-service', '--remove-service', [CompletionResultType]::ParameterName, 'Remove the service whose id is the second argument')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;fmt' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'List the files that are not formatted, change nothing, and exit 1 if there are any')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;fix' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'List what would change, change nothing, and exit 1 if anything would')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;import' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the charter here [default: standard output]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the charter here [default: standard output]')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Import many inputs at once, one charter each, named after the input (`page.html` → `DIR/page.toml`)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'What the input is')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'An existing charter of this office: services and officers whose Bengali is unchanged keep its ids (and its keywords and translations), so that `charter diff` shows only what the page changed')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to write the report')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;bijoy' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Convert every word as Bijoy, without deciding word by word (for text known to be all Bijoy, where a short English-looking word such as `Ges` (এবং) stands alone)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;diff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to show the changes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'charter;init' {
            [CompletionResult]::new('--office', '--office', [CompletionResultType]::ParameterName, 'The office''s name')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this directory (created if missing) instead of printing charter.1')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;schema' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'charter;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check charter files against the charter format and report every problem')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Render a charter as terminal tables, Markdown, HTML, JSON or PDF (shaped Bengali, fonts embedded)')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Email a service''s information to a citizen, or answer inquiries (one message, a Maildir or an IMAP mailbox, once or as they arrive with --watch), over SMTP')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Messages that could not be sent: list them, or send them now')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Show how an inquiry''s text matches a charter''s services: ranked, with scores')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one value of a charter, keeping comments, order and spacing; refused (and the file untouched) if the result is not a valid charter')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Rewrite charters in the canonical layout (key order of the format, one blank line between tables, normal spacing and quoting, NFC text, long arrays one item a line), keeping comments')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Mend charters'' encoding: text typed in Bijoy (SutonnyMJ) becomes Unicode Bengali, text is normalised to NFC, and stray zero-width characters are removed. Comments, layout and every other byte stay; each change is listed as `file:line: key: old → new`')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make a charter file from the charter an office already publishes: a web page saved from a browser, a Word (DOCX) file, or text copied from a page or a PDF')
            [CompletionResult]::new('bijoy', 'bijoy', [CompletionResultType]::ParameterValue, 'Convert text typed in Bijoy (SutonnyMJ and its sister fonts) to Unicode Bengali: a letter, a notice, a table pasted from a Word file. Words that are not Bijoy (English, web addresses, Unicode Bengali) are left as they are')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two versions of a charter, by meaning: services added, removed or moved, and each changed field with its old and new value. Exit 0 equal, 1 different, 2 error')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented starter charter that validates')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or with --dir write one page for charter and one for each subcommand (charter-validate.1, charter-outbox-send.1, …) into a directory')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema (draft 2020-12) of the charter format, for editors and taplo')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'charter;help;validate' {
            break
        }
        'charter;help;render' {
            break
        }
        'charter;help;reply' {
            break
        }
        'charter;help;outbox' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send every waiting message; remove only those the server accepted')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the messages waiting, in doubt and refused')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Move refused messages back to waiting, once the cause is fixed (all, or the files named)')
            break
        }
        'charter;help;outbox;send' {
            break
        }
        'charter;help;outbox;list' {
            break
        }
        'charter;help;outbox;requeue' {
            break
        }
        'charter;help;match' {
            break
        }
        'charter;help;set' {
            break
        }
        'charter;help;fmt' {
            break
        }
        'charter;help;fix' {
            break
        }
        'charter;help;import' {
            break
        }
        'charter;help;bijoy' {
            break
        }
        'charter;help;diff' {
            break
        }
        'charter;help;init' {
            break
        }
        'charter;help;completions' {
            break
        }
        'charter;help;man' {
            break
        }
        'charter;help;schema' {
            break
        }
        'charter;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
