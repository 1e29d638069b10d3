import CatalogModel

/// Schemas, extensions, types and sequences.
extension ScriptBuilder {
    mutating func schemas() {
        for key in keys(changes.missing[.schema]) {
            guard let schema = source.find(\.schemas, key) else { continue }
            emit(.createSchemas, "CREATE SCHEMA \(schema.path)")
            grantAll(onNewObject: schema.grantableID!)
            ownerAndComment(of: "SCHEMA \(schema.path)", owner: schema.owner, comment: schema.comment)
        }
        for key in keys(changes.extra[.schema]) {
            let path = quoteIdentifier(key[0])
            emit(.dropSchemas, "DROP SCHEMA \(path)", hold: Hold(code: "drop_schema", reason: "drops the schema \(path)"))
        }
        for (key, attributes) in changes.changed[.schema] ?? [] {
            guard let schema = source.find(\.schemas, key) else { continue }
            if attributes.contains("owner") { owner("SCHEMA \(schema.path)", schema.owner) }
            if attributes.contains("comment") { comment("SCHEMA \(schema.path)", schema.comment) }
        }
    }

    mutating func extensions() {
        for key in keys(changes.missing[.extension]) {
            guard let ext = source.find(\.extensions, key) else { continue }
            emit(
                .createExtensions,
                "CREATE EXTENSION IF NOT EXISTS \(ext.path) WITH SCHEMA \(quoteIdentifier(ext.schema)) VERSION \(SQLText.literal(ext.version))"
            )
        }
        for key in keys(changes.extra[.extension]) {
            let path = quoteIdentifier(key[0])
            emit(
                .dropExtensions, "DROP EXTENSION \(path)",
                hold: Hold(code: "drop_extension", reason: "drops \(path) and every object it created, with their data"))
        }
        for (key, attributes) in changes.changed[.extension] ?? [] {
            guard let ext = source.find(\.extensions, key) else { continue }
            if attributes.contains("version") {
                emit(.alterExtensions, "ALTER EXTENSION \(ext.path) UPDATE TO \(SQLText.literal(ext.version))")
            }
            if attributes.contains("schema") {
                emit(.alterExtensions, "ALTER EXTENSION \(ext.path) SET SCHEMA \(quoteIdentifier(ext.schema))")
            }
        }
    }

    // MARK: Types

    mutating func types() {
        for key in keys(changes.missing[.type]) {
            guard let type = source.find(\.types, key) else { continue }
            guard let sql = Self.createType(type) else {
                note("\(type.typeKind) type \(type.path) is missing: create it by hand")
                continue
            }
            emit(.createTypes, sql, creates: [Self.node(type)])
            // CREATE DOMAIN takes no NOT VALID constraint: those are added after it.
            for entry in type.constraints ?? [] where Self.isNotValid(entry) {
                let (name, definition) = Self.domainConstraint(entry)
                emit(.createTypes, "ALTER DOMAIN \(type.path) ADD CONSTRAINT \(quoteIdentifier(name)) \(definition)")
            }
            grantAll(onNewObject: type.grantableID!)
            ownerAndComment(of: "\(Self.keyword(type)) \(type.path)", owner: type.owner, comment: type.comment)
        }
        for key in keys(changes.extra[.type]) {
            guard let type = target.find(\.types, key) else { continue }
            emit(.dropTypes, "DROP \(Self.keyword(type)) \(type.path)", drops: [Self.node(type)])
        }
        for (key, attributes) in changes.changed[.type] ?? [] {
            guard let type = source.find(\.types, key), let old = target.find(\.types, key) else { continue }
            alter(type, from: old, attributes)
        }
    }

    static func keyword(_ type: TypeDefinition) -> String { type.typeKind == "domain" ? "DOMAIN" : "TYPE" }

    private static func createType(_ type: TypeDefinition) -> String? {
        switch type.typeKind {
        case "enum":
            return "CREATE TYPE \(type.path) AS ENUM (\((type.labels ?? []).map(SQLText.literal).joined(separator: ", ")))"
        case "domain":
            guard let base = type.baseType else { return nil }
            var sql = "CREATE DOMAIN \(type.path) AS \(base)"
            if let value = type.defaultValue { sql += " DEFAULT \(value)" }
            if type.notNull == true { sql += " NOT NULL" }
            for constraint in type.constraints ?? [] where !isNotValid(constraint) {
                let (name, definition) = domainConstraint(constraint)
                sql += " CONSTRAINT \(quoteIdentifier(name)) \(definition)"
            }
            return sql
        case "composite":
            return "CREATE TYPE \(type.path) AS (\((type.attributes ?? []).joined(separator: ", ")))"
        case "range":
            return type.subtype.map { "CREATE TYPE \(type.path) AS RANGE (SUBTYPE = \($0))" }
        default:
            return nil
        }
    }

    /// Whether a domain constraint was added `NOT VALID` and not validated since.
    private static func isNotValid(_ entry: String) -> Bool { entry.hasSuffix(" NOT VALID") }

    /// A domain constraint stored as `name: definition`.
    private static func domainConstraint(_ entry: String) -> (String, String) {
        guard let separator = entry.range(of: ": ") else { return (entry, "") }
        return (String(entry[..<separator.lowerBound]), String(entry[separator.upperBound...]))
    }

    private mutating func alter(_ type: TypeDefinition, from old: TypeDefinition, _ attributes: Set<String>) {
        let path = type.path
        if attributes.contains("labels") { alterLabels(type, from: old) }
        if attributes.contains("default_value") {
            emit(.alterTypes, "ALTER DOMAIN \(path) " + (type.defaultValue.map { "SET DEFAULT \($0)" } ?? "DROP DEFAULT"))
        }
        if attributes.contains("not_null") {
            emit(.alterTypes, "ALTER DOMAIN \(path) \(type.notNull == true ? "SET" : "DROP") NOT NULL")
        }
        if attributes.contains("constraints") {
            let new = Set(type.constraints ?? [])
            // One the source has validated is validated in place.
            let validated = Set(
                (old.constraints ?? []).filter { Self.isNotValid($0) && new.contains(String($0.dropLast(" NOT VALID".count))) })
            for entry in validated.sorted() {
                emit(.alterTypes, "ALTER DOMAIN \(path) VALIDATE CONSTRAINT \(quoteIdentifier(Self.domainConstraint(entry).0))")
            }
            let gone = Set(old.constraints ?? []).union(validated.map { String($0.dropLast(" NOT VALID".count)) })
            for entry in (old.constraints ?? []) where !new.contains(entry) && !validated.contains(entry) {
                emit(.alterTypes, "ALTER DOMAIN \(path) DROP CONSTRAINT \(quoteIdentifier(Self.domainConstraint(entry).0))")
            }
            for entry in (type.constraints ?? []) where !gone.contains(entry) {
                let (name, definition) = Self.domainConstraint(entry)
                emit(.alterTypes, "ALTER DOMAIN \(path) ADD CONSTRAINT \(quoteIdentifier(name)) \(definition)")
            }
        }
        for attribute in ["type_kind", "base_type", "attributes", "subtype"] where attributes.contains(attribute) {
            note("\(attribute.replacingOccurrences(of: "_", with: " ")) of type \(path) differs: recreate the type by hand")
        }
        if attributes.contains("owner") { owner("\(Self.keyword(type)) \(path)", type.owner) }
        if attributes.contains("comment") { comment("\(Self.keyword(type)) \(path)", type.comment) }
    }

    /// New labels go in with `ADD VALUE … BEFORE/AFTER`. PostgreSQL cannot drop or reorder
    /// labels: then the type is rebuilt (rename, create, convert the columns, drop), which
    /// fails on rows holding a removed label, so it is held back.
    private mutating func alterLabels(_ type: TypeDefinition, from old: TypeDefinition) {
        let labels = type.labels ?? []
        let oldLabels = old.labels ?? []
        let kept = labels.filter(oldLabels.contains)
        if oldLabels.allSatisfy(labels.contains) && kept == oldLabels.filter(labels.contains) {
            var present = oldLabels
            for (i, label) in labels.enumerated() where !present.contains(label) {
                let position: String
                if let previous = labels[..<i].last(where: present.contains) {
                    position = "AFTER \(SQLText.literal(previous))"
                } else if let next = labels[(i + 1)...].first(where: present.contains) {
                    position = "BEFORE \(SQLText.literal(next))"
                } else {
                    position = ""
                }
                emit(
                    .alterTypes,
                    "ALTER TYPE \(type.path) ADD VALUE \(SQLText.literal(label)) \(position)".trimmingCharacters(in: .whitespaces)
                )
                addedEnumLabels.append(SQLText.literal(label))
                present.append(label)
            }
            return
        }
        let removed = oldLabels.filter { !labels.contains($0) }
        let retired = quoteIdentifier(type.name + "_retired")
        var lines = [
            "ALTER TYPE \(type.path) RENAME TO \(retired);",
            "CREATE TYPE \(type.path) AS ENUM (\(labels.map(SQLText.literal).joined(separator: ", ")));",
        ]
        for column in target.catalog.columns where column.type == type.path || column.type == type.path + "[]" {
            let alter = "ALTER TABLE \(qualifiedName(column.schema, column.table)) ALTER COLUMN \(quoteIdentifier(column.name))"
            // The source's default, where the source has the column (it may have none).
            let value = source.find(\.columns, column.naturalKey).map(\.defaultValue) ?? column.defaultValue
            if column.defaultValue != nil { lines.append("\(alter) DROP DEFAULT;") }
            lines.append("\(alter) TYPE \(column.type) USING \(quoteIdentifier(column.name))::text::\(column.type);")
            if let value { lines.append("\(alter) SET DEFAULT \(value);") }
        }
        lines.append("DROP TYPE \(quoteIdentifier(type.schema)).\(retired);")
        emit(
            .alterTypes, lines.joined(separator: "\n"),
            hold: Hold(
                code: "enum_label_removed",
                reason:
                    "PostgreSQL cannot drop enum labels (\(removed.map(SQLText.literal).joined(separator: ", "))) or reorder them: the type is rebuilt, which fails if a row still holds one"
            ))
    }

    // MARK: Sequences

    mutating func sequences() {
        for key in keys(changes.missing[.sequence]) {
            guard let sequence = source.find(\.sequences, key) else { continue }
            emit(
                .createSequences, "CREATE SEQUENCE \(sequence.path) \(Self.options(sequence))",
                creates: [Self.node(sequence), Self.nameNode(sequence.schema, sequence.name)])
            if let column = sequence.ownedBy { emit(.sequenceOwnership, "ALTER SEQUENCE \(sequence.path) OWNED BY \(column)") }
            grantAll(onNewObject: sequence.grantableID!)
            ownerAndComment(of: "SEQUENCE \(sequence.path)", owner: sequence.owner, comment: nil)
        }
        for key in keys(changes.extra[.sequence]) {
            guard let sequence = target.find(\.sequences, key) else { continue }
            // A sequence owned by a column that goes away goes away with it.
            if let column = sequence.ownedBy,
                droppedColumns.contains(column)
                    || droppedRelations.contains(where: { column.hasPrefix(qualifiedName($0.schema, $0.name) + ".") })
            {
                continue
            }
            emit(
                .dropSequences, "DROP SEQUENCE \(sequence.path)",
                drops: [Self.node(sequence), Self.nameNode(sequence.schema, sequence.name)])
        }
        for (key, attributes) in changes.changed[.sequence] ?? [] {
            guard let sequence = source.find(\.sequences, key) else { continue }
            if !attributes.isDisjoint(with: ["data_type", "start", "increment", "min_value", "max_value", "cache", "cycle"]) {
                emit(.alterSequences, "ALTER SEQUENCE \(sequence.path) \(Self.options(sequence))")
            }
            if attributes.contains("owned_by") {
                emit(.sequenceOwnership, "ALTER SEQUENCE \(sequence.path) OWNED BY \(sequence.ownedBy ?? "NONE")")
            }
            if attributes.contains("owner") { owner("SEQUENCE \(sequence.path)", sequence.owner) }
        }
    }

    private static func options(_ s: Sequence) -> String {
        "AS \(s.dataType) INCREMENT BY \(s.increment) MINVALUE \(s.minValue) MAXVALUE \(s.maxValue) START WITH \(s.start) CACHE \(s.cache) \(s.cycle ? "CYCLE" : "NO CYCLE")"
    }
}
