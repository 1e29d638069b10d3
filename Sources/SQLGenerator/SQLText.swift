import CatalogModel

/// Spelling values as SQL source text.
enum SQLText {
    /// A string literal, `E''` when it holds a backslash, as `quote_literal` writes it.
    static func literal(_ value: String) -> String {
        let doubled = value.replacingOccurrences(of: "'", with: "''")
        if value.contains("\\") { return "E'" + doubled.replacingOccurrences(of: "\\", with: "\\\\") + "'" }
        return "'" + doubled + "'"
    }

    /// `literal` or `NULL`.
    static func literalOrNull(_ value: String?) -> String { value.map(literal) ?? "NULL" }

    /// A `text[]` value, e.g. `ARRAY['image/png']::text[]`.
    static func textArray(_ values: [String]) -> String {
        "ARRAY[" + values.map(literal).joined(separator: ", ") + "]::text[]"
    }

    /// `OPTIONS (host 'db', port '5432')` from options stored as `key=value`; a secret stored
    /// by name alone (`UserMapping`) gets `placeholder` as its value. Empty for no options.
    static func options(_ entries: [String], placeholder: String = secretPlaceholder) -> String {
        guard !entries.isEmpty else { return "" }
        return "OPTIONS (" + entries.map { option($0, placeholder) }.joined(separator: ", ") + ")"
    }

    /// `OPTIONS (SET port '5433', ADD dbname 'app', DROP sslmode)`: what turns options `old`
    /// into `new`; nil when they are the same.
    static func alterOptions(from old: [String], to new: [String]) -> String? {
        let oldByName = Dictionary(old.map { (optionName($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(optionName))
        var parts: [String] = []
        for entry in new where oldByName[optionName(entry)] != entry {
            parts.append((oldByName[optionName(entry)] == nil ? "ADD " : "SET ") + option(entry, secretPlaceholder))
        }
        for entry in old where !newNames.contains(optionName(entry)) {
            parts.append("DROP " + quoteIdentifier(optionName(entry)))
        }
        return parts.isEmpty ? nil : "OPTIONS (" + parts.joined(separator: ", ") + ")"
    }

    /// The value written for a secret option no snapshot holds.
    static let secretPlaceholder = "SET-THIS-SECRET-BEFORE-RUNNING"

    /// The name of an option stored as `key=value` (or a secret stored as `key`).
    static func optionName(_ entry: String) -> String { String(entry.prefix { $0 != "=" }) }

    private static func option(_ entry: String, _ placeholder: String) -> String {
        let name = optionName(entry)
        let value = entry.count > name.count ? String(entry.dropFirst(name.count + 1)) : placeholder
        return quoteIdentifier(name) + " " + literal(value)
    }

    /// A dollar-quoted body whose tag does not occur in `body`.
    static func dollarQuoted(_ body: String) -> String {
        var tag = "$$"
        var n = 0
        while body.contains(tag) {
            n += 1
            tag = "$body\(n == 1 ? "" : String(n))$"
        }
        return tag + body + tag
    }

    /// A role as a grantee or owner: `PUBLIC` stays a keyword.
    static func role(_ name: String) -> String {
        name == "PUBLIC" || name == "public" ? "PUBLIC" : quoteIdentifier(name)
    }

    /// Whether `text` (a view definition, a function result…) names `schema.name`: the
    /// qualified name not followed by more of an identifier. Capture runs with an empty
    /// search_path, so every reference is schema-qualified.
    static func mentions(_ text: String, _ schema: String, _ name: String) -> Bool {
        mentionsWord(text, qualifiedName(schema, name))
    }

    /// Whether `word` occurs in `text` as a whole name, not inside a longer one.
    static func mentionsWord(_ text: String, _ needle: String) -> Bool {
        var searchStart = text.startIndex
        while let found = text.range(of: needle, range: searchStart..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !isIdentifierCharacter(before) && before != "." && !isIdentifierCharacter(after) { return true }
            searchStart = found.upperBound
        }
        return false
    }

    /// Every `schema.name` pair `text` spells, as `qualifiedName` writes it. Used to find what a
    /// view reads; a pair inside a string literal is a harmless false positive.
    static func qualifiedNames(in text: String) -> Set<String> {
        var names = Set<String>()
        var previous: (name: String, end: String.Index)? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            var word: String? = nil
            var next = text.index(after: i)
            if c == "\"" {
                // A quoted identifier: up to the closing quote, "" inside stays.
                var j = next
                while j < text.endIndex {
                    if text[j] == "\"" {
                        let after = text.index(after: j)
                        if after < text.endIndex && text[after] == "\"" {
                            j = text.index(after: after)
                            continue
                        }
                        break
                    }
                    j = text.index(after: j)
                }
                next = j < text.endIndex ? text.index(after: j) : j
                word = String(text[i..<next])
            } else if c.isLetter || c == "_" {
                var j = next
                while j < text.endIndex && isIdentifierCharacter(text[j]) && text[j] != "\"" { j = text.index(after: j) }
                next = j
                word = String(text[i..<next])
            }
            if let word {
                if let previous, text[previous.end] == ".", text.index(after: previous.end) == i {
                    names.insert(previous.name + "." + word)
                }
                previous = next < text.endIndex ? (word, next) : nil
            } else if c != "." {
                previous = nil
            }
            i = next
        }
        return names
    }

    private static func isIdentifierCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber || c == "_" || c == "$" || c == "\""
    }
}
