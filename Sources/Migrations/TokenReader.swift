import CatalogModel
import SQLReader

/// Questions hazard rules ask of one statement's tokens.
struct TokenReader {
    let tokens: [Token]

    init(_ tokens: [Token]) { self.tokens = tokens }

    /// The first `n` words, lower case, for statement-type checks.
    func firstWords(_ n: Int) -> [String] {
        Array(tokens.prefix(n).filter { $0.kind == .word }.map(\.text))
    }

    func startsWith(_ words: String...) -> Bool {
        guard tokens.count >= words.count else { return false }
        return zip(tokens, words).allSatisfy { $0.isWord($1) }
    }

    func contains(_ word: String) -> Bool { tokens.contains { $0.isWord(word) } }

    /// The words appear one after another somewhere in the statement.
    func containsSequence(_ words: String...) -> Bool {
        guard tokens.count >= words.count else { return false }
        for start in 0...(tokens.count - words.count)
        where zip(tokens[start...], words).allSatisfy({ $0.isWord($1) }) {
            return true
        }
        return false
    }

    var isCreateIndex: Bool {
        startsWith("create", "index") || startsWith("create", "unique", "index")
    }

    var isCreateFunction: Bool {
        let words = firstWords(4)
        return words.first == "create" && (words.contains("function") || words.contains("procedure"))
    }

    /// The (possibly schema-qualified) name after the first `keyword`, skipping
    /// `IF [NOT] EXISTS`, `ONLY` and index names before `ON`; unqualified names are in `public`.
    func name(after keyword: String) -> RelationKey? {
        guard let k = tokens.firstIndex(where: { $0.isWord(keyword) }) else { return nil }
        return qualifiedName(from: k + 1)
    }

    /// Every name in a `DROP TABLE a, b` list, for messages.
    func names(after keyword: String) -> String {
        guard let k = tokens.firstIndex(where: { $0.isWord(keyword) }) else { return "the table" }
        var names: [String] = []
        var i = k + 1
        while let (name, next) = qualifiedNameAndEnd(from: i) {
            names.append(name.description)
            guard next < tokens.count, tokens[next].text == "," else { break }
            i = next + 1
        }
        return names.isEmpty ? "the table" : names.joined(separator: ", ")
    }

    private func qualifiedName(from start: Int) -> RelationKey? { qualifiedNameAndEnd(from: start)?.0 }

    private func qualifiedNameAndEnd(from start: Int) -> (RelationKey, Int)? {
        var i = start
        let skippable: Set<String> = ["if", "not", "exists", "only"]
        while i < tokens.count, tokens[i].kind == .word, skippable.contains(tokens[i].text) { i += 1 }
        guard i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .quotedIdentifier else { return nil }
        let first = tokens[i].text
        if i + 2 < tokens.count, tokens[i + 1].text == ".",
            tokens[i + 2].kind == .word || tokens[i + 2].kind == .quotedIdentifier
        {
            return (RelationKey(schema: first, name: tokens[i + 2].text), i + 3)
        }
        return (RelationKey(schema: "public", name: first), i + 1)
    }

    /// `ALTER TABLE t DROP c` (the COLUMN keyword is optional).
    func dropsColumnWithoutKeyword() -> Bool {
        let notColumns: Set<String> = ["column", "constraint", "default", "not", "identity", "expression", "if"]
        for (i, token) in tokens.enumerated() where token.isWord("drop") && i > 0 && i + 1 < tokens.count {
            let previous = tokens[i - 1]
            let isClauseStart = previous.text == "," || previous.kind == .word || previous.kind == .quotedIdentifier
            guard isClauseStart, !tokens[i - 1].isWord("alter") else { continue }
            let next = tokens[i + 1]
            if (next.kind == .word && !notColumns.contains(next.text)) || next.kind == .quotedIdentifier {
                // `ALTER [COLUMN] c DROP DEFAULT` has `alter [column] c` just before DROP
                let altersColumn =
                    (i >= 2 && tokens[i - 2].isWord("alter") && !tokens[i - 1].isWord("table"))
                    || (i >= 3 && tokens[i - 2].isWord("column") && tokens[i - 3].isWord("alter"))
                if altersColumn { continue }
                return true
            }
        }
        return false
    }

    /// `ALTER [COLUMN] c [SET DATA] TYPE …`.
    func alterColumnType() -> Bool {
        for (i, token) in tokens.enumerated() where token.isWord("type") && i >= 2 {
            if tokens[i - 1].isWord("data") && tokens[i - 2].isWord("set") { return true }
            // `alter c type` or `alter column c type`: the column name sits just before TYPE
            if tokens[i - 2].isWord("alter") || (i >= 3 && tokens[i - 2].isWord("column") && tokens[i - 3].isWord("alter")) {
                return true
            }
        }
        return false
    }

    /// `ADD [COLUMN] c type … NOT NULL` without `DEFAULT`, identity or generation, per clause.
    func addsNotNullColumnWithoutDefault() -> Bool {
        for clause in clauses() where clause.first?.isWord("add") == true {
            let words = clause.filter { $0.kind == .word }.map(\.text)
            if words.count > 1 && ["constraint", "primary", "unique", "check", "foreign", "exclude"].contains(words[1]) {
                continue
            }
            let hasNotNull = zip(words, words.dropFirst()).contains { $0 == "not" && $1 == "null" }
            let safe = words.contains("default") || words.contains("generated") || words.contains("identity")
            if hasNotNull && !safe { return true }
        }
        return false
    }

    /// The top-level comma-separated clauses of an ALTER TABLE, after the table name.
    private func clauses() -> [[Token]] {
        var result: [[Token]] = []
        var current: [Token] = []
        var depth = 0
        for token in tokens {
            if token.text == "(" { depth += 1 }
            if token.text == ")" { depth -= 1 }
            if token.text == "," && depth == 0 {
                result.append(current)
                current = []
                continue
            }
            if current.isEmpty && (token.isWord("alter") || token.isWord("table")) && result.isEmpty { continue }
            current.append(token)
        }
        result.append(current)
        // The first clause still starts with the table name: drop it (and ONLY / IF EXISTS).
        if var first = result.first {
            while let head = first.first, !head.isWord("add") && !head.isWord("drop") && !head.isWord("alter") {
                first.removeFirst()
            }
            result[0] = first
        }
        return result
    }

    /// The grantees of a GRANT (after `TO`), lower case.
    func grantees() -> [String] {
        guard let to = tokens.lastIndex(where: { $0.isWord("to") }) else { return [] }
        return tokens[(to + 1)...].filter { $0.kind == .word || $0.kind == .quotedIdentifier }.map(\.text)
            .filter { $0 != "with" && $0 != "grant" && $0 != "option" }
    }
}
