//! A charter file's TOML as a tree of spanned values, built straight from the TOML parser's
//! events.
//!
//! The `toml` crate reads a file into the same kind of tree, but by way of a list of every event
//! and ordered maps, which took three quarters of the time of reading a charter; validating
//! thousands of files is the common case in CI. So [`Table::parse`] builds the tree itself from
//! `toml_parser`'s events, for the TOML that charters are written in, and gives up (`None`) on
//! anything else: a syntax error, dotted keys (`name.bn = …`), a table defined twice, nesting
//! deeper than any charter needs. Those files are read by the `toml` crate
//! ([`Table::parse_with_toml`]), which names their syntax errors. Both give the same tree, with
//! the keys of each table in the order of the `toml` crate's maps, so that findings come out the
//! same whichever read the file; the tests below compare the two on every TOML file of the
//! repository and on generated documents full of the redefinitions TOML forbids.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

/// A value and the bytes of the file it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    value: T,
    // Two u32 rather than a Range<usize>: a charter is at most 8 MiB, and a large one has
    // hundreds of thousands of values (issue 21's memory bound).
    start: u32,
    end: u32,
}

impl<T> Spanned<T> {
    fn new(span: Range<usize>, value: T) -> Self {
        let mut spanned = Spanned {
            value,
            start: 0,
            end: 0,
        };
        spanned.set_span(span);
        spanned
    }

    fn set_span(&mut self, span: Range<usize>) {
        // A text past 4 GiB is refused long before it is read; saturating keeps it well-defined.
        let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        self.start = at(span.start);
        self.end = at(span.end);
    }

    /// The value.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// Where the value is in the file, in bytes.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value with where it stands.
pub type Node<'t> = Spanned<Value<'t>>;

/// A key with where it stands (quotes included).
pub type Key<'t> = Spanned<Cow<'t, str>>;

/// A TOML value. Numbers are kept as written: the format has one (`version`), and a finding
/// about it quotes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    String(Cow<'t, str>),
    Integer(Integer<'t>),
    Float(Cow<'t, str>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'t>),
    Table(Table<'t>),
}

impl<'t> Value<'t> {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// How a finding names the kind of value it found.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime(_) => "a date-time",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// An integer as written: its digits (no prefix, no underscores) and their base.
#[derive(Debug, Clone, PartialEq)]
pub struct Integer<'t> {
    digits: Cow<'t, str>,
    radix: u32,
}

impl Integer<'_> {
    /// The digits, without the `0x`, `0o` or `0b` prefix.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The base of the digits: 2, 8, 10 or 16.
    pub fn radix(&self) -> u32 {
        self.radix
    }
}

impl fmt::Display for Integer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        };
        write!(f, "{prefix}{}", self.digits)
    }
}

/// An array: written as `[…]`, or made of `[[…]]` headers. Arrays are equal when their items
/// are: the rest is for building the tree.
#[derive(Debug, Clone)]
pub struct Array<'t> {
    items: Vec<Node<'t>>,
    of_tables: bool,
}

impl<'t> Array<'t> {
    /// The items, in file order.
    pub fn items(&self) -> &[Node<'t>] {
        &self.items
    }
}

/// A table: the root, a `[header]` or `{ inline }` table, or one made by a header below it.
/// Tables are equal when their entries are: the rest is for building the tree.
#[derive(Debug, Clone, Default)]
pub struct Table<'t> {
    entries: Vec<(Key<'t>, Node<'t>)>,
    /// Made by a header below it (`[a.b]` makes `a`), so a `[a]` header may still define it.
    implicit: bool,
    inline: bool,
}

impl PartialEq for Array<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl PartialEq for Table<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

/// Tokens the parser is given at a time (see [`for_each_chunk`]).
const CHUNK_TOKENS: usize = 4096;

/// Values a charter file may hold (each string, number, array and table counts one). The
/// largest real charters hold a few thousand; a file of 8 MiB of the smallest valid services
/// holds about 600,000. Past this, a file is refused before its tree takes more memory.
pub const MAX_VALUES: usize = 1_000_000;

/// Tokens one key-value may run to (an array of a million items): past this, a file is refused,
/// as one value must be held whole while it is parsed.
const MAX_VALUE_TOKENS: usize = 1_000_000;

/// Syntax errors kept when this reader reports them itself ([`Table::read`]).
const MAX_KEPT_ERRORS: usize = 1000;

/// Bytes the `toml` crate takes per token of a document it reads (measured: 110 to 135 on large
/// charters with a syntax error), for [`Table::read`]'s choice of reader.
const TOML_BYTES_PER_TOKEN: usize = 200;

/// Lexes `input` and hands its tokens to `parse` a run of whole lines at a time, each run cut
/// after a line break outside any array or inline table, once it holds `chunk_tokens`. Returns
/// how many tokens the file has, or where a key-value runs past [`MAX_VALUE_TOKENS`].
///
/// TOML is a list of expressions, one a line, and the parser keeps nothing from one to the next,
/// so parsing the runs one after another gives the events of parsing the whole. Lexing the whole
/// file first would hold a token for every three or four bytes: 24 bytes each, more than three
/// times the file (issue 21's memory bound). Where the brackets do not balance, the file has a
/// syntax error whatever the runs are, and the parser reports it.
fn for_each_chunk(
    input: Source<'_>,
    chunk_tokens: usize,
    mut parse: impl FnMut(&[toml_parser::lexer::Token]),
) -> Result<usize, Range<usize>> {
    use toml_parser::lexer::TokenKind;
    let mut chunk = Vec::with_capacity(chunk_tokens.min(CHUNK_TOKENS) + 64);
    let mut depth: i64 = 0;
    let mut tokens = 0;
    // Where the current line's expression starts, and how many tokens of the chunk are before it.
    let (mut line_start, mut line_first) = (0, 0);
    for token in input.lex() {
        let kind = token.kind();
        let span = token.span();
        chunk.push(token);
        tokens += 1;
        match kind {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
            TokenKind::Newline if depth == 0 => {
                if chunk.len() >= chunk_tokens {
                    parse(&chunk);
                    chunk.clear();
                }
                (line_start, line_first) = (span.end(), chunk.len());
            }
            _ if chunk.len() - line_first > MAX_VALUE_TOKENS => {
                return Err(line_start..span.end());
            }
            _ => {}
        }
    }
    if !chunk.is_empty() {
        parse(&chunk);
    }
    Ok(tokens)
}

/// Why [`Table::read`] read no tree.
#[derive(Debug)]
pub enum Unreadable<'t> {
    /// Not TOML: its first syntax errors in file order, how many there are in all, and the tree
    /// the `toml` crate recovered around them (empty where it was not given the file).
    Syntax {
        root: Table<'t>,
        errors: Vec<SyntaxError>,
        total: usize,
    },
    /// TOML, but more than a charter holds: where, and why, in a sentence.
    TooLarge { span: Range<usize>, message: String },
}

impl Unreadable<'_> {
    /// Why, in a sentence: the first syntax error, or what makes it too large.
    pub fn summary(&self) -> String {
        match self {
            Unreadable::Syntax { errors, .. } => {
                let first = errors.first().map_or("", |e| e.message.as_str());
                format!("not valid TOML: {first}")
            }
            Unreadable::TooLarge { message, .. } => message.clone(),
        }
    }
}

/// One syntax error: what the TOML parser says, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong, as the `toml` crate words it.
    pub message: String,
    /// Where, in bytes of the file.
    pub span: Option<Range<usize>>,
}

impl SyntaxError {
    fn from_toml(error: &toml::de::Error) -> Self {
        SyntaxError {
            message: error.message().trim_end().to_string(),
            span: error.span(),
        }
    }

    /// The parser's own error, worded as the `toml` crate words it.
    fn from_parser(error: &ParseError) -> Self {
        let mut message = error.description().to_string();
        if let Some(expected) = error.expected() {
            message.push_str(", expected ");
            if expected.is_empty() {
                message.push_str("nothing");
            }
            for (i, expected) in expected.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                match expected {
                    toml_parser::Expected::Literal("\n") => message.push_str("newline"),
                    toml_parser::Expected::Literal("`") => message.push_str("'`'"),
                    toml_parser::Expected::Literal(literal)
                        if literal.chars().all(|c| c.is_ascii_control()) =>
                    {
                        message.push_str(&format!("`{}`", literal.escape_debug()));
                    }
                    toml_parser::Expected::Literal(literal) => {
                        message.push_str(&format!("`{literal}`"));
                    }
                    toml_parser::Expected::Description(description) => {
                        message.push_str(description);
                    }
                    _ => message.push_str("etc"),
                }
            }
        }
        SyntaxError {
            message,
            span: error.unexpected().map(|s| s.start()..s.end()),
        }
    }
}

/// Why [`Table::parse_in_chunks`] built no tree.
#[derive(Debug)]
enum GaveUp {
    /// What only the `toml` crate reads, or not TOML: the file's tokens and the first errors the
    /// parser found (none when the tree's reader gave up on valid TOML), with their count.
    NotOurs {
        tokens: usize,
        errors: Vec<ParseError>,
        total: usize,
    },
    /// Past [`MAX_VALUES`] or [`MAX_VALUE_TOKENS`].
    TooLarge { span: Range<usize>, message: String },
}

/// Nesting of arrays and inline tables the `toml` crate reads (its own limit); deeper files are
/// refused by it with a syntax error.
const NESTING_LIMIT: u32 = 80;
/// Keys in one header, and entries in one table, that [`Table::parse`] takes on; files past
/// these go to the `toml` crate, so that the work stays linear in the file's size.
const MAX_HEADER_KEYS: usize = 16;
const MAX_ENTRIES: usize = 512;

impl<'t> Table<'t> {
    /// Reads a TOML document into a tree, or `None` when it holds what only
    /// [`Table::parse_with_toml`] reads (see the module's documentation) or is too large.
    pub fn parse(source: &'t str) -> Option<Table<'t>> {
        Table::parse_in_chunks(source, CHUNK_TOKENS).ok()
    }

    /// [`Table::parse`], handing the parser runs of lines of at least `chunk_tokens` tokens.
    fn parse_in_chunks(source: &'t str, chunk_tokens: usize) -> Result<Table<'t>, GaveUp> {
        let input = Source::new(source);
        let mut builder = Builder::new(input);
        let mut errors = Vec::new();
        let mut total = 0;
        let tokens = {
            let mut whitespace = ValidateWhitespace::new(&mut builder, input);
            let mut guard = RecursionGuard::new(&mut whitespace, NESTING_LIMIT);
            let mut sink = |error: ParseError| {
                total += 1;
                if errors.len() < MAX_KEPT_ERRORS {
                    errors.push(error);
                }
            };
            for_each_chunk(input, chunk_tokens, |tokens| {
                toml_parser::parser::parse_document(tokens, &mut guard, &mut sink)
            })
        };
        let value_too_long = |span| GaveUp::TooLarge {
            span,
            message: format!(
                "this value is too long to check: it runs to more than {MAX_VALUE_TOKENS} parts (a charter's longest lists have hundreds of items)"
            ),
        };
        let tokens = tokens.map_err(value_too_long)?;
        let Builder {
            mut root,
            failed: gave_up,
            header,
            key,
            stack,
            too_many,
            ..
        } = builder;
        if let Some(at) = too_many {
            return Err(GaveUp::TooLarge {
                span: at..at,
                message: format!(
                    "the file holds more than {MAX_VALUES} values from here on, more than any charter does; it is not checked"
                ),
            });
        }
        if total > 0 || gave_up || header.is_some() || key.is_some() || !stack.is_empty() {
            errors.sort_by_key(|e| e.unexpected().map(|s| (s.start(), s.end())));
            return Err(GaveUp::NotOurs {
                tokens,
                errors,
                total,
            });
        }
        root.sort();
        Ok(root)
    }

    /// Reads a TOML document with the `toml` crate: the tree (what could be recovered, when
    /// there are errors) and the syntax errors.
    pub fn parse_with_toml(source: &'t str) -> (Table<'t>, Vec<toml::de::Error>) {
        let (root, errors) = DeTable::parse_recoverable(source);
        (Table::from_toml(root.into_inner()), errors)
    }

    fn from_toml(table: DeTable<'t>) -> Table<'t> {
        let entries = table
            .into_iter()
            .map(|(key, value)| {
                let span = key.span();
                (Spanned::new(span, key.into_inner()), node_from_toml(value))
            })
            .collect();
        // The flags only matter while a tree is built, and this one is built.
        Table {
            entries,
            implicit: false,
            inline: false,
        }
    }

    /// Reads a TOML document by whichever reader takes it: the tree's own, else the `toml`
    /// crate's, or why it cannot be read. The `toml` crate takes well over a hundred bytes a
    /// token, so it is given only files small enough for that (issue 21's memory bound: ten
    /// times the file and 60 MB); this reader reports the syntax errors of larger ones itself,
    /// and refuses those that are valid TOML written as only the `toml` crate reads.
    pub fn read(source: &'t str) -> Result<Table<'t>, Unreadable<'t>> {
        let (tokens, ours, total) = match Table::parse_in_chunks(source, CHUNK_TOKENS) {
            Ok(root) => return Ok(root),
            Err(GaveUp::TooLarge { span, message }) => {
                return Err(Unreadable::TooLarge { span, message });
            }
            Err(GaveUp::NotOurs {
                tokens,
                errors,
                total,
            }) => (tokens, errors, total),
        };
        let budget = 10 * source.len() + 40 * 1024 * 1024;
        if tokens.saturating_mul(TOML_BYTES_PER_TOKEN) <= budget {
            return match Table::parse_with_toml(source) {
                (root, errors) if errors.is_empty() => Ok(root),
                (root, errors) => Err(Unreadable::Syntax {
                    root,
                    total: errors.len(),
                    errors: errors.iter().map(SyntaxError::from_toml).collect(),
                }),
            };
        }
        if total > 0 {
            return Err(Unreadable::Syntax {
                root: Table::default(),
                errors: ours.iter().map(SyntaxError::from_parser).collect(),
                total,
            });
        }
        Err(Unreadable::TooLarge {
            span: 0..0,
            message: format!(
                "this file is too large ({tokens} parts) to be read as it is written: dotted keys (`name.bn = …`), a table of more than {MAX_ENTRIES} keys or a table defined twice are read only in smaller files; write `name = {{ bn = \"…\" }}` and each table once"
            ),
        })
    }

    /// Whether the table has an entry `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// The entries, in the order of the `toml` crate's maps (by key).
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'t>, &Node<'t>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// How many entries the table has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k.value == key)
    }

    /// Adds an entry whose key is not in the table yet; `None` when it is, or the table is
    /// larger than this reader takes on.
    fn insert(&mut self, key: Key<'t>, value: Node<'t>) -> Option<usize> {
        if self.entries.len() >= MAX_ENTRIES || self.position(&key.value).is_some() {
            return None;
        }
        self.entries.push((key, value));
        Some(self.entries.len() - 1)
    }

    /// The table that keys of a header go into below entry `i`: a table that is not inline, or
    /// the last table of an array of tables.
    fn child(&mut self, i: usize) -> Option<&mut Table<'t>> {
        match &mut self.entries[i].1.value {
            Value::Table(t) if !t.inline => Some(t),
            Value::Array(a) if a.of_tables => match &mut a.items.last_mut()?.value {
                Value::Table(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// Puts the keys of this table and of every table in it in the `toml` crate's order.
    fn sort(&mut self) {
        self.entries.sort_by(|(a, _), (b, _)| a.value.cmp(&b.value));
        for (_, node) in &mut self.entries {
            node.value.sort();
        }
    }
}

impl Value<'_> {
    fn sort(&mut self) {
        match self {
            Value::Table(t) => t.sort(),
            Value::Array(a) => a.items.iter_mut().for_each(|item| item.value.sort()),
            _ => {}
        }
    }
}

fn node_from_toml(node: toml::Spanned<DeValue<'_>>) -> Node<'_> {
    let span = node.span();
    let value = match node.into_inner() {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => Value::Integer(Integer {
            digits: Cow::Owned(i.as_str().to_string()),
            radix: i.radix(),
        }),
        DeValue::Float(f) => Value::Float(Cow::Owned(f.as_str().to_string())),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(d),
        DeValue::Array(a) => Value::Array(Array {
            of_tables: false,
            items: a.into_iter().map(node_from_toml).collect(),
        }),
        DeValue::Table(t) => Value::Table(Table::from_toml(t)),
    };
    Spanned::new(span, value)
}

/// A header being read: `[a.b]` or `[[a.b]]`.
struct Header<'t> {
    keys: Vec<Key<'t>>,
    array: bool,
    start: usize,
}

/// An array or inline table being read.
enum Frame<'t> {
    Array(usize, Vec<Node<'t>>),
    Inline(usize, Table<'t>, Option<Key<'t>>),
}

/// Builds a [`Table`] from the parser's events; sets `failed` at the first thing it does not
/// take on (see [`Table::parse`]).
struct Builder<'t> {
    source: Source<'t>,
    root: Table<'t>,
    /// Entry indexes from the root to the table that key-values go into.
    current: Vec<usize>,
    header: Option<Header<'t>>,
    /// The key of a key-value of the current table, until its value comes.
    key: Option<Key<'t>>,
    stack: Vec<Frame<'t>>,
    failed: bool,
    /// Values made so far, and where the first past [`MAX_VALUES`] starts.
    values: usize,
    too_many: Option<usize>,
}

impl<'t> Builder<'t> {
    fn new(source: Source<'t>) -> Self {
        Builder {
            source,
            root: Table::default(),
            current: Vec::new(),
            header: None,
            key: None,
            stack: Vec::new(),
            failed: false,
            values: 0,
            too_many: None,
        }
    }

    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'t>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    /// The table at `path` from the root.
    fn table_at<'a>(root: &'a mut Table<'t>, path: &[usize]) -> Option<&'a mut Table<'t>> {
        let mut table = root;
        for &i in path {
            table = table.child(i)?;
        }
        Some(table)
    }

    /// A finished value: into the array or inline table being read, or the current table.
    fn value(&mut self, node: Node<'t>) {
        if self.counted(node.start as usize) {
            return;
        }
        let done = match self.stack.last_mut() {
            Some(Frame::Array(_, items)) => {
                items.push(node);
                Some(())
            }
            Some(Frame::Inline(_, table, key)) => {
                key.take().and_then(|k| table.insert(k, node)).map(|_| ())
            }
            None => {
                let key = self.key.take();
                let table = Self::table_at(&mut self.root, &self.current);
                key.zip(table)
                    .and_then(|(k, t)| t.insert(k, node))
                    .map(|_| ())
            }
        };
        self.failed |= done.is_none();
    }

    /// Counts one more value, starting at `start`; `true` once there are too many to keep.
    fn counted(&mut self, start: usize) -> bool {
        self.values += 1;
        if self.values > MAX_VALUES {
            self.failed = true;
            self.too_many.get_or_insert(start);
        }
        self.too_many.is_some()
    }

    /// A header has been read: finds or makes its table, which key-values then go into.
    fn open_table(&mut self, header: Header<'t>, end: usize) -> Option<()> {
        let span = header.start..end;
        if header.keys.len() > MAX_HEADER_KEYS || self.counted(header.start) {
            return None;
        }
        let (last, parents) = header.keys.split_last()?;
        let mut path = Vec::with_capacity(header.keys.len());
        let mut table = &mut self.root;
        for key in parents {
            let i = match table.position(&key.value) {
                Some(i) => i,
                None => {
                    let implicit = Table {
                        implicit: true,
                        ..Table::default()
                    };
                    let node = Spanned::new(key.span(), Value::Table(implicit));
                    table.insert(key.clone(), node)?
                }
            };
            path.push(i);
            table = table.child(i)?;
        }
        let i = match table.position(&last.value) {
            None if header.array => {
                let item = Spanned::new(span.clone(), Value::Table(Table::default()));
                let array = Array {
                    items: vec![item],
                    of_tables: true,
                };
                table.insert(last.clone(), Spanned::new(span, Value::Array(array)))?
            }
            None => {
                let node = Spanned::new(span, Value::Table(Table::default()));
                table.insert(last.clone(), node)?
            }
            Some(i) => {
                let (key, node) = &mut table.entries[i];
                match &mut node.value {
                    Value::Array(a) if header.array && a.of_tables => {
                        a.items
                            .push(Spanned::new(span, Value::Table(Table::default())));
                    }
                    // `[a]` after `[a.b]`: the table `a` is defined now, once.
                    Value::Table(t) if !header.array && t.implicit && !t.inline => {
                        t.implicit = false;
                        node.set_span(span);
                        *key = last.clone();
                    }
                    _ => return None,
                }
                i
            }
        };
        path.push(i);
        self.current = path;
        Some(())
    }

    fn open_header(&mut self, span: Span, array: bool) {
        self.failed |= self.header.is_some() || self.key.is_some() || !self.stack.is_empty();
        // The table the key-values went into is done: its spare room goes (a charter of many
        // small services would otherwise hold half as much again).
        if let Some(done) = Self::table_at(&mut self.root, &self.current) {
            done.entries.shrink_to_fit();
        }
        self.header = Some(Header {
            keys: Vec::new(),
            array,
            start: span.start(),
        });
    }

    fn close_header(&mut self, span: Span) {
        let opened = self
            .header
            .take()
            .and_then(|header| self.open_table(header, span.end()));
        self.failed |= opened.is_none();
    }
}

impl<'t> EventReceiver for Builder<'t> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, false);
    }

    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span);
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, true);
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span);
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        let table = Table {
            inline: true,
            ..Table::default()
        };
        self.stack.push(Frame::Inline(span.start(), table, None));
        true
    }

    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Frame::Inline(start, mut table, None)) => {
                table.entries.shrink_to_fit();
                self.value(Spanned::new(start..span.end(), Value::Table(table)));
            }
            _ => self.failed = true,
        }
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.stack.push(Frame::Array(span.start(), Vec::new()));
        true
    }

    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        match self.stack.pop() {
            Some(Frame::Array(start, mut items)) => {
                items.shrink_to_fit();
                let array = Array {
                    items,
                    of_tables: false,
                };
                self.value(Spanned::new(start..span.end(), Value::Array(array)));
            }
            _ => self.failed = true,
        }
    }

    fn simple_key(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, kind) else {
            self.failed = true;
            return;
        };
        let mut name = Cow::Borrowed("");
        raw.decode_key(&mut name, error);
        let key = Spanned::new(span.start()..span.end(), name);
        let slot = match (&mut self.header, self.stack.last_mut()) {
            (Some(header), _) => {
                header.keys.push(key);
                return;
            }
            (None, Some(Frame::Inline(_, _, slot))) => slot,
            (None, Some(Frame::Array(..))) => {
                self.failed = true;
                return;
            }
            (None, None) => &mut self.key,
        };
        // A second key before a value is a dotted key: left to the `toml` crate.
        self.failed |= slot.replace(key).is_some();
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        // Dots in a header (`[officers.uno]`) are read here; dotted keys of key-values are not.
        self.failed |= self.header.is_none();
    }

    fn scalar(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, kind) else {
            self.failed = true;
            return;
        };
        if kind == Some(Encoding::BasicString)
            && let Some(text) = plain_basic_string(raw.as_str())
        {
            let value = Value::String(Cow::Borrowed(text));
            self.value(Spanned::new(span.start()..span.end(), value));
            return;
        }
        let mut text = Cow::Borrowed("");
        let value = match raw.decode_scalar(&mut text, error) {
            ScalarKind::String => Value::String(text),
            ScalarKind::Boolean(b) => Value::Boolean(b),
            ScalarKind::Float => Value::Float(text),
            ScalarKind::Integer(radix) => Value::Integer(Integer {
                digits: text,
                radix: radix.value(),
            }),
            ScalarKind::DateTime => match text.parse::<Datetime>() {
                Ok(d) => Value::Datetime(d),
                Err(_) => {
                    self.failed = true;
                    return;
                }
            },
        };
        self.value(Spanned::new(span.start()..span.end(), value));
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }
}

/// The text of a basic string (`"…"`) with no escapes and nothing TOML forbids in one, which is
/// nearly every string of a charter: what is between the quotes. The parser's decoder checks
/// the same byte by byte; this check has no early exit, so that it runs on whole vectors.
fn plain_basic_string(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let bad = inner.bytes().fold(false, |bad, b| {
        bad | (b == b'\\') | (b < 0x20 && b != b'\t') | (b == 0x7f)
    });
    (!bad).then_some(inner)
}

// A large charter has hundreds of thousands of values, all held while it is checked.
const _: () = assert!(std::mem::size_of::<Node>() <= 48);

#[cfg(test)]
mod tests {
    use super::*;

    /// Both readers agree on `source`, and this one takes it on.
    #[track_caller]
    fn same(source: &str) {
        let (theirs, errors) = Table::parse_with_toml(source);
        assert!(errors.is_empty(), "{source}: {errors:?}");
        let ours = Table::parse(source).unwrap_or_else(|| panic!("gave up on {source:?}"));
        assert_eq!(ours, theirs, "{source}");
        assert_eq!(
            Table::parse_in_chunks(source, 1).ok(),
            Some(ours),
            "line by line: {source}"
        );
    }

    /// This reader gives up on `source`, which the `toml` crate reads as `valid` says.
    #[track_caller]
    fn left_to_toml(source: &str, valid: bool) {
        assert_eq!(Table::parse(source), None, "{source}");
        assert_eq!(
            Table::parse_in_chunks(source, 1).ok(),
            None,
            "line by line: {source}"
        );
        let (_, errors) = Table::parse_with_toml(source);
        assert_eq!(errors.is_empty(), valid, "{source}: {errors:?}");
    }

    #[test]
    fn reads_what_charters_are_written_in() {
        same("");
        same("version = 1\ntitle = { bn = \"সিটিজেন চার্টার\", en = 'Citizen Charter' }\n");
        same("updated = 2024-07-01\nwhen = 1979-05-27T07:32:00Z\nx = 1.5\ny = true\nz = 0xff\n");
        same("[office]\nname = \"a\\tb \\u0995\"\n[officers.uno]\nname = \"\"\"\nক\\\n  খ\"\"\"\n");
        same("[[services.citizen]]\nid = 'a'\n[[services.citizen]]\nid = 'b'\n[services]\n");
        same("[a.b]\nc = 1\n[a]\nd = 2\n[[x]]\n[x.y]\nz = [1, [2, {q = 3}], ]\n");
        same("\"quoted key\" = 1\n[\"a\".'b']\n# comment\n e = { f = [ ] , g = {} }\n");
        same("t = {\n  a = 1,\n  b = 2,\n}\n");
        same("a = \"\"\nb = \"tab\there\"\nc = \"\\\"q\\\" \\\\\"\nd = \"\"\"\"\"\"\n");
    }

    #[test]
    fn leaves_the_rest_to_toml() {
        left_to_toml("name.bn = \"x\"\n", true);
        left_to_toml("t = { a.b = 1 }\n", true);
        left_to_toml("a = 1\na = 2\n", false);
        left_to_toml("[a]\n[a]\n", false);
        left_to_toml("[a]\nb = 1\n[a.b]\n", false);
        left_to_toml("[[a]]\n[a]\n", false);
        left_to_toml("[a]\n[[a]]\n", false);
        left_to_toml("a = []\n[[a]]\n", false);
        left_to_toml("a = {}\n[a.b]\n", false);
        left_to_toml("t = { a = 1, a = 2 }\n", false);
        left_to_toml("a = \"unterminated\n", false);
        left_to_toml("a = 2024-13-45\n", false);
        left_to_toml("a = 1 # \u{7}\n", false);
        left_to_toml("a = \"bell \u{7}\"\n", false);
        left_to_toml("a = \"del \u{7f}\"\n", false);
        left_to_toml("a = \"\\q\"\n", false);
        left_to_toml(
            &format!("a = {}{}\n", "[".repeat(100), "]".repeat(100)),
            false,
        );
        let wide: String = (0..600).map(|i| format!("k{i} = {i}\n")).collect();
        left_to_toml(&wide, true);
    }

    /// A file too large for the `toml` crate gets its syntax errors from this reader: the first
    /// is worded and placed as the `toml` crate words and places it.
    #[test]
    fn words_a_syntax_error_as_toml_does() {
        let broken = [
            "b = = 1\n",
            "a = [1, 2\n",
            "[a\nb = 1\n",
            "a = \"unterminated\n",
            "a = \"\\q\"\n",
            "a = 1 2\n",
            "= 1\n",
            "a = {b = 1\n",
            "a = 'x'\n]]\n",
            "a = 1 # \u{7}\n",
            "[[a]\n",
            "a = \"bell \u{7}\"\n",
        ];
        for source in broken {
            let (_, theirs) = Table::parse_with_toml(source);
            let Err(GaveUp::NotOurs { errors, total, .. }) = Table::parse_in_chunks(source, 1)
            else {
                panic!("read {source:?}");
            };
            assert!(total >= 1 && !errors.is_empty(), "{source:?}");
            assert_eq!(
                SyntaxError::from_parser(&errors[0]),
                SyntaxError::from_toml(&theirs[0]),
                "{source:?}"
            );
        }
    }

    /// Every TOML file in the repository: the charters, the fixtures, valid and broken.
    #[test]
    fn agrees_with_toml_on_every_file_here() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read = 0;
        for dir in ["charters", "tests"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let path = entry.expect("a readable tree").into_path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let Ok(source) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let (theirs, errors) = Table::parse_with_toml(&source);
                let by_lines = Table::parse_in_chunks(&source, 1).ok();
                assert_eq!(by_lines, Table::parse(&source), "{}", path.display());
                match by_lines {
                    Some(ours) => {
                        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
                        assert_eq!(ours, theirs, "{}", path.display());
                        read += 1;
                    }
                    None => assert!(
                        !errors.is_empty(),
                        "gave up on {}, which has no syntax error",
                        path.display()
                    ),
                }
            }
        }
        assert!(read >= 5, "only {read} files read");
    }

    /// Lines of TOML over a few keys, so that generated documents redefine keys and tables in
    /// every way the format forbids, and in the ways it allows.
    const LINES: &[&str] = &[
        "[a]",
        "[a.b]",
        "[b.a]",
        "[[a]]",
        "[[a.b]]",
        "[ \"a\" . 'b' ]",
        "[[b]]",
        "a = 1",
        "b = \"text\"",
        "a = { b = 1, a = 'x' }",
        "b = {}",
        "a = [1, [2], { b = [] }]",
        "b = [ { a = 1 }, ]",
        "a.b = 1",
        "\"a\" = 2024-07-01",
        "b = \"\"\"\nline\\\n  next\"\"\"",
        "a = \"escaped \\u0995 \\\" \\t\"",
        "b = \"bell \u{7}\"",
        "a = 0x1F",
        "b = 1e3",
        "a = true",
        "# a comment",
        "",
        "a = ",
        "[a",
        "b = [\n  1,\n  [\n 2 ],\n]",
        "a = {\n  b = 1,\n  a = [\n 'x' ],\n}",
        "a = [\n",
        "]",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
        /// Whatever this reader takes on is valid TOML and reads as the `toml` crate reads it.
        #[test]
        fn never_reads_what_toml_would_not(lines in proptest::collection::vec(0..LINES.len(), 0..10)) {
            let source: String = lines.iter().map(|&i| format!("{}\n", LINES[i])).collect();
            let (theirs, errors) = Table::parse_with_toml(&source);
            let by_lines = Table::parse_in_chunks(&source, 1).ok();
            proptest::prop_assert_eq!(&by_lines, &Table::parse(&source), "line by line: {}", source);
            if let Some(ours) = by_lines {
                proptest::prop_assert!(errors.is_empty(), "{source}\n{errors:?}");
                proptest::prop_assert_eq!(ours, theirs, "{}", source);
            }
        }
    }
}
