import CatalogModel

/// Functions and procedures.
extension ScriptBuilder {
    mutating func functions() {
        for key in keys(changes.missing[.function]) {
            guard let function = source.find(\.functions, key) else { continue }
            guard let sql = Self.createFunction(function) else {
                note("\(function.functionKind) \(function.path) is missing: create it by hand")
                continue
            }
            emit(createsLate(function) ? .createLateFunctions : .createFunctions, sql, creates: [Self.node(function)])
            grantAll(onNewObject: function.grantableID!)
            ownerAndComment(of: Self.signature(function), owner: function.owner, comment: function.comment)
        }
        // A routine created under a name another one goes away from may have the same argument
        // types with other names (a renamed parameter): the old one goes first.
        let createdNames = Set(keys(changes.missing[.function]).map { [$0[0], $0[1]] })
        for key in keys(changes.extra[.function]) {
            guard let function = target.find(\.functions, key) else { continue }
            emit(
                createdNames.contains([key[0], key[1]]) ? .replaceFunctions : .dropFunctions,
                "DROP \(Self.signature(function))", drops: [Self.node(function)])
        }
        for (key, attributes) in changes.changed[.function] ?? [] {
            guard let function = source.find(\.functions, key), let old = target.find(\.functions, key) else { continue }
            let definition = attributes.subtracting(["owner", "comment"])
            if !definition.isEmpty {
                guard let sql = Self.createFunction(function) else {
                    note("\(function.functionKind) \(function.path) differs: replace it by hand")
                    continue
                }
                // CREATE OR REPLACE cannot change the result type or the kind of routine.
                if !definition.isDisjoint(with: ["result", "function_kind"]) {
                    emit(.replaceFunctions, "DROP \(Self.signature(old))")
                }
                emit(createsLate(function) ? .createLateFunctions : .createFunctions, sql)
            }
            if attributes.contains("owner") { owner(Self.signature(function), function.owner) }
            if attributes.contains("comment") { comment(Self.signature(function), function.comment) }
        }
    }

    /// `FUNCTION schema.name(arguments)`, `PROCEDURE …` or `AGGREGATE …`.
    static func signature(_ function: Function) -> String {
        let keyword =
            switch function.functionKind {
            case "procedure": "PROCEDURE "
            case "aggregate": "AGGREGATE "
            default: "FUNCTION "
            }
        return keyword + function.path
    }

    /// A function whose result or arguments name a relation the script creates is created
    /// after the tables; the rest before, so column defaults and checks can call them.
    private func createsLate(_ function: Function) -> Bool {
        let text = (function.result ?? "") + " " + function.arguments
        return createdRelations.contains { SQLText.mentions(text, $0.schema, $0.name) }
    }

    /// `CREATE OR REPLACE FUNCTION|PROCEDURE|AGGREGATE`, or nil for window functions and for
    /// aggregates of a snapshot that did not record their options.
    static func createFunction(_ f: Function) -> String? {
        if f.functionKind == "aggregate" {
            return f.aggregateOptions.map { "CREATE OR REPLACE \(signature(f)) (\($0))" }
        }
        guard f.functionKind == "function" || f.functionKind == "procedure", let body = f.body else { return nil }
        var lines = ["CREATE OR REPLACE \(signature(f))"]
        if let result = f.result { lines.append(" RETURNS \(result)") }
        lines.append(" LANGUAGE \(quoteIdentifier(f.language))")
        if f.functionKind == "function" {
            var traits = [f.volatility.uppercased()]
            if f.strict { traits.append("STRICT") }
            if f.securityDefiner { traits.append("SECURITY DEFINER") }
            if f.leakproof { traits.append("LEAKPROOF") }
            traits.append("PARALLEL \(f.parallel.uppercased())")
            lines.append(" " + traits.joined(separator: " "))
        } else if f.securityDefiner {
            lines.append(" SECURITY DEFINER")
        }
        for setting in f.config ?? [] { lines.append(" SET " + configSetting(setting)) }
        // SQL-standard bodies (BEGIN ATOMIC … END, RETURN …) are written as they are.
        if f.language == "sql" && (body.hasPrefix("BEGIN ATOMIC") || body.hasPrefix("RETURN ")) {
            lines.append(body)
        } else {
            lines.append("AS " + SQLText.dollarQuoted(body))
        }
        return lines.joined(separator: "\n")
    }

    /// A `proconfig` entry (`name=value`) as a `SET` clause; list settings such as
    /// search_path are written one literal per element.
    private static func configSetting(_ entry: String) -> String {
        let name = String(entry.prefix { $0 != "=" })
        let value = String(entry.dropFirst(name.count + 1))
        guard name == "search_path" || name.hasSuffix("_path") else { return "\(name) TO \(SQLText.literal(value))" }
        let elements = splitList(value).map(SQLText.literal)
        return "\(name) TO \(elements.joined(separator: ", "))"
    }

    /// `"a b", c` → `[a b, c]`: a GUC list, elements double-quoted where needed.
    private static func splitList(_ value: String) -> [String] {
        var elements: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(value).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                elements.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        elements.append(current.trimmingCharacters(in: .whitespaces))
        return elements
    }
}
