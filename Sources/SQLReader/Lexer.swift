/// Splits SQL text into tokens the way PostgreSQL's scanner does for the parts that matter to
/// splitting and hazard analysis: `--` and nested `/* */` comments (dropped), `'…'` strings with
/// `''`, `E'…'` strings with backslash escapes, `"quoted identifiers"` with `""`, and
/// dollar-quoted strings with optional tags (`$$…$$`, `$fn$…$fn$`).
public enum Lexer {
    /// The tokens of `sql`. Unterminated strings or comments run to the end of the text.
    public static func tokens(_ sql: String) -> [Token] {
        let s = Array(sql.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        var line = 1

        func text(_ from: Int, _ to: Int) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s[from..<min(to, s.count)])
            return String(out)
        }
        func advance(to end: Int) {
            while i < end && i < s.count {
                if s[i] == "\n" { line += 1 }
                i += 1
            }
        }

        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            let startLine = line
            if c == "\n" || c == " " || c == "\t" || c == "\r" {
                advance(to: i + 1)
            } else if c == "-" && next == "-" {
                var j = i
                while j < s.count && s[j] != "\n" { j += 1 }
                advance(to: j)
            } else if c == "/" && next == "*" {
                var depth = 0
                var j = i
                while j < s.count {
                    if s[j] == "/" && j + 1 < s.count && s[j + 1] == "*" {
                        depth += 1
                        j += 2
                    } else if s[j] == "*" && j + 1 < s.count && s[j + 1] == "/" {
                        depth -= 1
                        j += 2
                        if depth == 0 { break }
                    } else {
                        j += 1
                    }
                }
                advance(to: j)
            } else if c == "'" {
                let end = quotedEnd(s, from: i, quote: "'", backslashEscapes: false)
                tokens.append(Token(kind: .string, text: text(i, end), line: startLine, range: i..<end))
                advance(to: end)
            } else if c == "\"" {
                let end = quotedEnd(s, from: i, quote: "\"", backslashEscapes: false)
                let raw = text(i + 1, max(i + 1, end - 1))
                tokens.append(
                    Token(
                        kind: .quotedIdentifier, text: raw.replacingOccurrences(of: "\"\"", with: "\""), line: startLine,
                        range: i..<end))
                advance(to: end)
            } else if c == "$", let tagEnd = dollarTagEnd(s, from: i) {
                let tag = Array(s[i..<tagEnd])
                var j = tagEnd
                var close = s.count
                while j < s.count {
                    if s[j] == "$" && j + tag.count <= s.count && Array(s[j..<(j + tag.count)]) == tag {
                        close = j + tag.count
                        break
                    }
                    j += 1
                }
                tokens.append(Token(kind: .string, text: text(i, close), line: startLine, range: i..<close))
                advance(to: close)
            } else if isWordStart(c) {
                var j = i + 1
                while j < s.count && isWordPart(s[j]) { j += 1 }
                let word = text(i, j)
                if (word == "E" || word == "e") && j < s.count && s[j] == "'" {
                    let end = quotedEnd(s, from: j, quote: "'", backslashEscapes: true)
                    tokens.append(Token(kind: .string, text: text(i, end), line: startLine, range: i..<end))
                    advance(to: end)
                } else {
                    tokens.append(Token(kind: .word, text: word.lowercased(), line: startLine, range: i..<j))
                    advance(to: j)
                }
            } else if c.properties.numericType != nil && ("0"..."9").contains(c) {
                var j = i + 1
                while j < s.count && (("0"..."9").contains(s[j]) || s[j] == "." || s[j] == "_") { j += 1 }
                tokens.append(Token(kind: .number, text: text(i, j), line: startLine, range: i..<j))
                advance(to: j)
            } else if c == ";" {
                tokens.append(Token(kind: .semicolon, text: ";", line: startLine, range: i..<(i + 1)))
                advance(to: i + 1)
            } else {
                let two = next.map { String(c) + String($0) }
                let symbol =
                    two.flatMap { ["::", "<=", ">=", "<>", "!=", "||", "->", "=>"].contains($0) ? $0 : nil } ?? String(c)
                let end = i + symbol.unicodeScalars.count
                tokens.append(Token(kind: .symbol, text: symbol, line: startLine, range: i..<end))
                advance(to: end)
            }
        }
        return tokens
    }

    /// Index just past the closing quote of a quoted token starting at `from`.
    private static func quotedEnd(_ s: [Unicode.Scalar], from: Int, quote: Unicode.Scalar, backslashEscapes: Bool) -> Int {
        var j = from + 1
        while j < s.count {
            if backslashEscapes && s[j] == "\\" {
                j += 2
                continue
            }
            if s[j] == quote {
                if j + 1 < s.count && s[j + 1] == quote {
                    j += 2
                    continue
                }
                return j + 1
            }
            j += 1
        }
        return s.count
    }

    /// If a dollar-quote tag (`$$` or `$tag$`) starts at `from`, the index just past it.
    private static func dollarTagEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
        var j = from + 1
        if j < s.count && s[j] == "$" { return j + 1 }
        guard j < s.count, isWordStart(s[j]) else { return nil }  // `$1` is a parameter
        while j < s.count && s[j] != "$" {
            guard isWordPart(s[j]) && s[j] != "$" else { return nil }
            j += 1
        }
        return j < s.count ? j + 1 : nil
    }

    private static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    private static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
