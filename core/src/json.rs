//! A small, strict JSON reader, and the one JSON string writer.
//!
//! Why not serde_json: the same reader runs natively and inside the
//! validator's WebAssembly, where serde_json would add about 12 KB and
//! derived `Deserialize` impls another 18 KB (`docs/size.md`). Owning the
//! reader also means one set of error messages everywhere, each with a line
//! and column.
//!
//! It never panics and never recurses without bound: nesting deeper than
//! [`MAX_DEPTH`] is an error, not a stack overflow.

use std::fmt;

/// How deeply arrays and objects may nest. Real questionnaires need 6.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Objects keep their keys in document order, so
/// messages can point at fields in the order a person wrote them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any JSON number, as a double.
    Number(f64),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object: key-value pairs in document order (duplicate keys are
    /// rejected by the parser).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// What kind of value this is, for messages ("expected a string, found an array").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Why a text is not valid JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the offending character.
    pub line: u32,
    /// 1-based column (in characters) of the offending character.
    pub column: u32,
    /// What was wrong there.
    pub message: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// Parses one JSON document (surrounding white space allowed, a UTF-8 byte
/// order mark too, nothing else after it).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser { text, pos: 0 };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        // One pass over the bytes: lines are counted at '\n', and columns in
        // characters, which start at every byte but UTF-8 continuations.
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let (mut line, mut column) = (1usize, 1usize);
        for &byte in before.as_bytes() {
            if byte == b'\n' {
                line += 1;
                column = 1;
            } else if byte & 0xC0 != 0x80 {
                column += 1;
            }
        }
        SyntaxError {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            message,
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value (a string, number, object, array, true, false or null)"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        match self.peek() {
            None => Err(self.error("the text ends where a value was expected")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err(self.error("expected a value (a string, number, object, array, true, false or null)")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("arrays and objects nest too deeply (more than 64 levels)"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("the text ends inside an array; close it with ']'")),
                Some(_) => return Err(self.error("expected ',' or ']' after an array item")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("arrays and objects nest too deeply (more than 64 levels)"));
        }
        self.pos += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in double quotes"));
            }
            let key_at = self.pos;
            let key = self.string()?;
            // Small objects (every questionnaire object) are checked as they
            // grow; large ones (answers to many questions) once, sorted, at
            // the end, so that reading stays O(n log n).
            if fields.len() < SMALL_OBJECT && fields.iter().any(|(k, _)| *k == key) {
                self.pos = key_at;
                return Err(self.error("this field name appears twice in the same object"));
            }
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after the field name"));
            }
            self.pos += 1;
            self.skip_space();
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    if fields.len() > SMALL_OBJECT && has_repeated_key(&fields) {
                        return Err(self.error("a field name appears twice in the object that ends here"));
                    }
                    self.pos += 1;
                    return Ok(Value::Object(fields));
                }
                None => return Err(self.error("the text ends inside an object; close it with '}'")),
                Some(_) => return Err(self.error("expected ',' or '}' after a field")),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // `start..pos` ends before an ASCII byte or at the end, so it is on
            // a char boundary of the (valid UTF-8) input.
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error("the text ends inside a string; close it with '\"'")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self.error("control characters (such as a line break) must be escaped inside strings"))
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.pos..].starts_with("\\u") {
                        return Err(self.error("a \\u escape of a high surrogate must be followed by a low surrogate"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("a \\u escape of a high surrogate must be followed by a low surrogate"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                out.push(char::from_u32(code).ok_or_else(|| self.error("this \\u escape is not a valid character"))?);
                return Ok(());
            }
            _ => return Err(self.error("unknown escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("expected four hexadecimal digits after \\u"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Reads a number by hand rather than with `str::parse::<f64>`, whose
    /// correctly-rounded algorithm costs several KB of WebAssembly. Mantissas
    /// up to 2^53 with up to 22 decimal places convert exactly (Clinger's
    /// fast path), which covers every weight and score a questionnaire uses;
    /// beyond that the result may differ from the nearest double in the last
    /// bit, identically on every platform.
    fn number(&mut self) -> Result<f64, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.digits();
        if int_len == 0 {
            return Err(self.error("expected a digit"));
        }
        if int_len > 1 && self.bytes()[int_start] == b'0' {
            self.pos = int_start;
            return Err(self.error("numbers must not start with a leading zero"));
        }
        let mut frac = (self.pos, self.pos);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let start = self.pos;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
            frac = (start, self.pos);
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let exp_negative = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let start = self.pos;
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
            for &b in &self.bytes()[start..self.pos] {
                exponent = (exponent * 10 + i64::from(b - b'0')).min(100_000);
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        let digits = self.bytes()[int_start..int_start + int_len]
            .iter()
            .chain(&self.bytes()[frac.0..frac.1]);
        let mut mantissa: f64 = 0.0;
        let mut dropped: i64 = 0;
        for &b in digits {
            // Past 17 significant digits a double cannot hold more; count the
            // rest as a power of ten instead.
            if mantissa < 1e17 {
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
            } else {
                dropped += 1;
            }
        }
        let scale = exponent + dropped - i64::try_from(frac.1 - frac.0).unwrap_or(i64::MAX);
        let value = scale_by_ten(mantissa, scale);
        Ok(if negative { -value } else { value })
    }
}

/// Objects up to this many fields check for repeated names as they grow.
const SMALL_OBJECT: usize = 32;

fn has_repeated_key(fields: &[(String, Value)]) -> bool {
    let mut keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
    crate::sort::heap_sort(&mut keys, |a, b| a < b);
    keys.windows(2).any(|pair| pair[0] == pair[1])
}

fn scale_by_ten(mut value: f64, mut scale: i64) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    // Exact powers of ten, so the common case is one correctly rounded step.
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    while scale > 22 && value.is_finite() {
        value *= 1e22;
        scale -= 22;
    }
    while scale < -22 && value != 0.0 {
        value /= 1e22;
        scale += 22;
    }
    let step = POW10[usize::try_from(scale.unsigned_abs()).unwrap_or(0).min(22)];
    if scale >= 0 {
        value * step
    } else {
        value / step
    }
}

/// Appends `text` to `out` as a JSON string: quotes, backslashes and
/// control characters escaped. The widget writes its effects and reports
/// with it; a writer this small costs far less WebAssembly than serde_json.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(b"0123456789abcdef"[usize::from(c as u8 >> 4)]));
                out.push(char::from(b"0123456789abcdef"[usize::from(c as u8 & 0xf)]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        match parse(text) {
            Ok(Value::Number(n)) => n,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn numbers_convert_exactly_in_the_common_range() {
        for (text, expect) in [
            ("0", 0.0),
            ("-0", 0.0),
            ("1", 1.0),
            ("0.1", 0.1),
            ("72.5", 72.5),
            ("1.5e2", 150.0),
            ("25E-1", 2.5),
            ("123456789.125", 123456789.125),
            ("-3.75", -3.75),
            ("1e400", f64::INFINITY),
            ("1e-400", 0.0),
        ] {
            assert_eq!(num(text), expect, "{text}");
        }
    }

    #[test]
    fn strings_unescape() {
        assert_eq!(
            parse(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#),
            Ok(Value::String("a\"b\\c/\né😀".into()))
        );
    }

    #[test]
    fn objects_keep_document_order() {
        let Ok(Value::Object(fields)) = parse(r#"{"b": 1, "a": [true, null]}"#) else {
            panic!()
        };
        assert_eq!(fields[0].0, "b");
        assert_eq!(fields[1].1, Value::Array(vec![Value::Bool(true), Value::Null]));
    }

    #[test]
    fn errors_say_where() {
        for (text, line, column, message) in [
            ("", 1, 1, "the text ends where a value was expected"),
            (
                "{\n  \"a\": 1,\n  \"a\": 2}",
                3,
                3,
                "this field name appears twice in the same object",
            ),
            ("[1, 2", 1, 6, "the text ends inside an array; close it with ']'"),
            ("{\"a\" 1}", 1, 6, "expected ':' after the field name"),
            ("01", 1, 1, "numbers must not start with a leading zero"),
            (
                "\"é\u{1}\"",
                1,
                3,
                "control characters (such as a line break) must be escaped inside strings",
            ),
            ("[] x", 1, 4, "unexpected text after the JSON value"),
            (
                "tru",
                1,
                1,
                "expected a value (a string, number, object, array, true, false or null)",
            ),
        ] {
            assert_eq!(parse(text), Err(SyntaxError { line, column, message }), "{text:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "arrays and objects nest too deeply (more than 64 levels)"
        );
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn strings_written_read_back() {
        for text in [
            "",
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\u{1}",
            "é 🙂",
        ] {
            let mut out = String::new();
            push_string(&mut out, text);
            assert_eq!(parse(&out), Ok(Value::String(text.to_owned())), "{out}");
        }
    }
}
