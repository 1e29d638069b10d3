import Crypto
import Foundation

/// One SQL statement of a script.
public struct Statement: Hashable, Sendable {
    /// The source text from its first token to its last, without the terminating `;`
    /// (comments inside are kept, comments before it are not).
    public var text: String
    /// The tokens, comments dropped.
    public var tokens: [Token]
    /// 1-based line of the statement's first token in the script.
    public var line: Int

    /// A form that ignores comments, whitespace and the case of keywords and unquoted names:
    /// two statements that PostgreSQL reads the same way have the same normalized text.
    public var normalized: String {
        tokens.map { token in
            switch token.kind {
            case .quotedIdentifier: "\"" + token.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            default: token.text
            }
        }.joined(separator: " ")
    }
}

/// Splits scripts into statements at top-level `;`, never inside strings, quoted identifiers,
/// comments, dollar-quoted bodies or a `BEGIN ATOMIC … END` function body.
public enum StatementSplitter {
    /// The statements of `sql`, in order, split at top-level semicolons; comments, strings,
    /// dollar-quoted and `BEGIN ATOMIC` bodies never split a statement. Empty statements are
    /// left out.
    public static func split(_ sql: String) -> [Statement] {
        let tokens = Lexer.tokens(sql)
        let scalars = Array(sql.unicodeScalars)
        var statements: [Statement] = []
        var current: [Token] = []
        var atomicDepth = 0

        func flush() {
            guard let first = current.first else { return }
            statements.append(Statement(text: sourceText(scalars, current), tokens: current, line: first.line))
            current = []
        }

        for token in tokens {
            if token.kind == .semicolon && atomicDepth == 0 {
                flush()
                continue
            }
            if token.kind == .word, isRoutineDefinition(current) {
                if token.text == "atomic", current.last?.isWord("begin") == true {
                    atomicDepth += 1
                } else if atomicDepth > 0 && (token.text == "case" || (token.text == "begin")) {
                    atomicDepth += 1
                } else if atomicDepth > 0 && token.text == "end" {
                    atomicDepth -= 1
                }
            }
            current.append(token)
        }
        flush()
        return statements
    }

    /// `CREATE [OR REPLACE] FUNCTION|PROCEDURE …`
    private static func isRoutineDefinition(_ tokens: [Token]) -> Bool {
        let words = tokens.prefix(4).filter { $0.kind == .word }.map(\.text)
        guard words.first == "create" else { return false }
        return words.contains("function") || words.contains("procedure")
    }

    private static func sourceText(_ scalars: [Unicode.Scalar], _ tokens: [Token]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens.first!.range.lowerBound..<tokens.last!.range.upperBound])
        return String(view)
    }
}

extension StatementSplitter {
    /// The statements of `scripts`, normalized and joined by newlines: what schemasnap hashes to
    /// tell whether a migration file still matches what a database recorded when it applied it.
    /// Recorded statements may be split already (the Supabase CLI) or be whole files; both give
    /// the same text, and so do edits to comments, whitespace or keyword case.
    public static func canonicalStatements(_ scripts: [String]) -> String {
        scripts.flatMap(split).map(\.normalized).joined(separator: "\n")
    }

    /// The statements hash of `scripts`: lower-case hex SHA-256 of `canonicalStatements`. The
    /// one place both sides compute it — capture from what a database recorded, `plan` and
    /// `status` from a migration file — so the two always agree.
    public static func statementsHash(_ scripts: [String]) -> String {
        SHA256.hash(data: Array(canonicalStatements(scripts).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
