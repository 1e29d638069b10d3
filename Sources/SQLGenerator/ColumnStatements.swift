import CatalogModel

/// Columns, constraints and indexes of tables both sides have.
extension ScriptBuilder {
    mutating func columns() {
        var reshapedTables = Set<RelationKey>()
        for key in keys(changes.missing[.column]) + keys(changes.extra[.column]) {
            reshapedTables.insert(RelationKey(key))
        }
        var reordered = Set<RelationKey>()
        let addedColumns = Set(keys(changes.missing[.column]).compactMap { source.find(\.columns, $0)?.path })
        for key in keys(changes.missing[.column]) {
            guard let column = source.find(\.columns, key), !isRebuilt(column.parentRelation), isTable(column) else { continue }
            // A partition gets the column its partitioned table gets.
            if let parent = source.relation(RelationKey(key))?.partitionOf,
                addedColumns.contains(parent + "." + quoteIdentifier(column.name))
            {
                continue
            }
            emit(
                .alterColumns,
                "ALTER TABLE \(qualifiedName(column.schema, column.table)) ADD COLUMN \(Self.columnDefinition(column))",
                creates: [Self.node(column)])
            if column.storage != nil { setStorage(column) }
            if column.comment != nil { comment("COLUMN \(column.path)", column.comment) }
            // PostgreSQL appends a new column: if the source has it before columns the target
            // keeps, the column order ends up different.
            let table = RelationKey(key)
            let kept = target.all(\.columns, prefix: [key[0], key[1]]).compactMap { source.find(\.columns, $0.naturalKey) }
            if !reordered.contains(table) && kept.contains(where: { $0.position > column.position }) {
                reordered.insert(table)
                note(
                    "the column order of \(qualifiedName(column.schema, column.table)) will differ: PostgreSQL adds \(quoteIdentifier(column.name)) after the existing columns"
                )
            }
        }
        for key in keys(changes.extra[.column]) {
            guard let column = target.find(\.columns, key), !isRebuilt(column.parentRelation), isTable(column) else { continue }
            // A partition's column goes with its partitioned table's.
            if let parent = target.relation(RelationKey(schema: column.schema, name: column.table))?.partitionOf,
                droppedColumns.contains(parent + "." + quoteIdentifier(column.name))
            {
                continue
            }
            emit(
                .dropColumns,
                "ALTER TABLE \(qualifiedName(column.schema, column.table)) DROP COLUMN \(quoteIdentifier(column.name))",
                hold: Hold(code: "drop_column", reason: "drops \(column.path) and the data in it"), drops: [Self.node(column)])
        }
        for (key, attributes) in changes.changed[.column] ?? [] {
            guard let column = source.find(\.columns, key), let old = target.find(\.columns, key),
                !isRebuilt(column.parentRelation), isTable(column)
            else { continue }
            alter(column, from: old, attributes, positionsShift: reshapedTables.contains(RelationKey(key)))
        }
    }

    private func isTable(_ column: Column) -> Bool {
        source.relation(RelationKey(schema: column.schema, name: column.table))?.isTable ?? true
    }

    private mutating func alter(_ column: Column, from old: Column, _ attributes: Set<String>, positionsShift: Bool) {
        let alter = "ALTER TABLE \(qualifiedName(column.schema, column.table)) ALTER COLUMN \(quoteIdentifier(column.name))"
        let typeChanges = !attributes.isDisjoint(with: ["type", "collation"])
        let defaultChanges = attributes.contains("default_value") || (typeChanges && old.defaultValue != nil)
        if defaultChanges && old.defaultValue != nil { emit(.dropDefaults, "\(alter) DROP DEFAULT") }
        if typeChanges {
            let collate = column.collation.map { " COLLATE \($0)" } ?? ""
            let safe = TypeWidening.isSafe(from: old.type, to: column.type) && !attributes.contains("collation")
            emit(
                .alterColumns,
                "\(alter) TYPE \(column.type)\(collate) USING \(quoteIdentifier(column.name))::\(column.type)",
                hold: safe
                    ? nil
                    : Hold(
                        code: "alter_column_type",
                        reason: "\(old.type) → \(column.type) fails on values that do not convert, or cuts them short"))
        }
        // An identity column is NOT NULL: its identity goes before NOT NULL can, and comes after.
        let identityGoes = attributes.contains("identity") && column.identity == nil
        if identityGoes { emit(.alterColumns, "\(alter) DROP IDENTITY") }
        if attributes.contains("not_null") { emit(.alterColumns, "\(alter) \(column.notNull ? "SET" : "DROP") NOT NULL") }
        switch (old.identity, column.identity) {
        case (nil, let new?):
            emit(.alterColumns, "\(alter) ADD GENERATED \(new.uppercased()) AS IDENTITY\(Self.identityClause(column))")
        case (let was?, let new?):
            if was != new { emit(.alterColumns, "\(alter) SET GENERATED \(new.uppercased())") }
            if attributes.contains("identity_options"), let wanted = column.identityOptions {
                let current = Set(old.identityOptions ?? [])
                let settings = Self.identityOptions(wanted.filter { !current.contains($0) }).map { "SET " + $0 }
                if !settings.isEmpty { emit(.alterColumns, "\(alter) " + settings.joined(separator: " ")) }
            }
        default: break
        }
        if defaultChanges, let value = column.defaultValue { emit(.alterColumns, "\(alter) SET DEFAULT \(value)") }
        if attributes.contains("generated") { regenerate(column, from: old) }
        if attributes.contains("storage") { setStorage(column) }
        if attributes.contains("foreign_options"),
            let options = SQLText.alterOptions(from: old.foreignOptions ?? [], to: column.foreignOptions ?? [])
        {
            emit(.alterColumns, "\(alter) \(options)")
        }
        if attributes.contains("position") && !positionsShift {
            note("the column order of \(qualifiedName(column.schema, column.table)) differs: PostgreSQL cannot reorder columns")
        }
        if attributes.contains("comment") { comment("COLUMN \(column.path)", column.comment) }
    }

    /// `SET STORAGE` to the source's storage, or back to the type's default.
    mutating func setStorage(_ column: Column) {
        emit(
            .alterColumns,
            "ALTER TABLE \(qualifiedName(column.schema, column.table)) ALTER COLUMN \(quoteIdentifier(column.name)) "
                + "SET STORAGE \((column.storage ?? Self.defaultStorage(of: column.type)).uppercased())")
    }

    /// The storage PostgreSQL gives a column of `type`: `main` for numeric and the network
    /// types, `plain` for the text-search query types, `extended` for every other type whose
    /// storage can be set (fixed-length types are always `plain` and never recorded).
    static func defaultStorage(of type: String) -> String {
        let base = String(type.prefix { $0 != "(" })
        if ["numeric", "inet", "cidr"].contains(base) { return "main" }
        if ["tsquery", "gtsvector"].contains(base) { return "plain" }
        return "extended"
    }

    /// A column that stops being generated keeps its values (`DROP EXPRESSION`). One whose
    /// expression changes, or that becomes generated, PostgreSQL 15 cannot alter: it is dropped
    /// and added again (losing nothing a generated column holds; a plain column's values are
    /// held back), and the indexes and constraints that go with it are made again.
    private mutating func regenerate(_ column: Column, from old: Column) {
        let table = qualifiedName(column.schema, column.table)
        guard column.generated != nil else {
            emit(.alterColumns, "ALTER TABLE \(table) ALTER COLUMN \(quoteIdentifier(column.name)) DROP EXPRESSION")
            return
        }
        let hold =
            old.generated == nil ? Hold(code: "drop_column", reason: "drops \(column.path) and the data in it") : nil
        emit(
            .dropRecreatedTables, "ALTER TABLE \(table) DROP COLUMN \(quoteIdentifier(column.name))", hold: hold,
            drops: [Self.node(old)])
        emit(
            .alterColumns, "ALTER TABLE \(table) ADD COLUMN \(Self.columnDefinition(column))", hold: hold,
            creates: [Self.node(column)])
        if column.storage != nil { setStorage(column) }
        if column.comment != nil { comment("COLUMN \(column.path)", column.comment) }
        note("the column order of \(table) will differ: \(quoteIdentifier(column.name)) is added again after the other columns")
        let dependents = Set(
            target.catalog.dependencies.filter { $0.referenced == old.path && $0.referencedKind == "column" }
                .map { Self.node($0.dependentKind, $0.dependent) })
        for index in source.all(\.indexes, prefix: [column.schema, column.table])
        where dependents.contains(Self.node(index)) && target.find(\.indexes, index.naturalKey) != nil
            && index.constraintName == nil && changes.changed[.index]?.contains(where: { $0.key == index.naturalKey }) != true
        {
            createIndex(index, onNewTable: false)
            if let text = index.comment { comment("INDEX " + qualifiedName(index.schema, index.name), text) }
        }
        for constraint in source.all(\.constraints, prefix: [column.schema, column.table])
        where dependents.contains(Self.node(constraint)) && target.find(\.constraints, constraint.naturalKey) != nil
            && changes.changed[.constraint]?.contains(where: { $0.key == constraint.naturalKey }) != true
        {
            addConstraint(constraint)
            if let text = constraint.comment {
                comment(
                    "CONSTRAINT \(quoteIdentifier(constraint.name)) ON \(qualifiedName(constraint.schema, constraint.table))",
                    text)
            }
        }
    }

    // MARK: Constraints

    mutating func constraints() {
        for key in keys(changes.missing[.constraint]) {
            guard let constraint = source.find(\.constraints, key), !isRebuilt(constraint.parentRelation) else { continue }
            addConstraint(constraint)
        }
        for key in keys(changes.extra[.constraint]) {
            guard let constraint = target.find(\.constraints, key), !isRebuilt(constraint.parentRelation) else { continue }
            dropConstraint(constraint)
        }
        for (key, _) in changes.changed[.constraint] ?? [] {
            guard let constraint = source.find(\.constraints, key), let old = target.find(\.constraints, key),
                !isRebuilt(constraint.parentRelation)
            else { continue }
            dropConstraint(old)
            addConstraint(constraint)
        }
    }

    /// Foreign keys that reference a unique index or key the script drops (one that becomes a
    /// primary key, say) would keep PostgreSQL from dropping it: found from the target's edges,
    /// they are dropped first and, where the source has them, added again at the end.
    mutating func foreignKeysOnDroppedKeys() {
        let dropped = Set(statements.flatMap(\.drops))
        let index = ObjectKind.index.rawValue
        var rebuilt: [Constraint] = []
        for edge in target.catalog.dependencies
        where edge.dependentKind == ObjectKind.constraint.rawValue && edge.referencedKind == index
            && dropped.contains(Self.node(index, edge.referenced))
            && !dropped.contains(Self.node(edge.dependentKind, edge.dependent))
        {
            guard let constraint = target.catalog.constraints.first(where: { $0.path == edge.dependent }),
                constraint.constraintType == "foreign key", !rebuilt.contains(constraint),
                let table = constraint.parentRelation, !droppedRelations.contains(table), !isRebuilt(table)
            else { continue }
            rebuilt.append(constraint)
        }
        for constraint in rebuilt {
            dropConstraint(constraint)
            if let wanted = source.find(\.constraints, constraint.naturalKey) { addConstraint(wanted) }
        }
    }

    mutating func addConstraint(_ constraint: Constraint) {
        let phase: Phase =
            switch constraint.constraintType {
            case "foreign key": .foreignKeys
            case "check": .constraints
            default: .keyConstraints
            }
        emit(
            phase,
            "ALTER TABLE \(qualifiedName(constraint.schema, constraint.table)) ADD CONSTRAINT \(quoteIdentifier(constraint.name)) \(constraint.definition)",
            creates: [Self.node(constraint)]
                + (source.find(\.indexes, constraint.naturalKey).map { [Self.node($0), Self.nameNode($0.schema, $0.name)] } ?? [])
        )
    }

    private mutating func dropConstraint(_ constraint: Constraint) {
        emit(
            constraint.constraintType == "foreign key" ? .dropForeignKeys : .dropConstraints,
            "ALTER TABLE \(qualifiedName(constraint.schema, constraint.table)) DROP CONSTRAINT \(quoteIdentifier(constraint.name))",
            drops: [Self.node(constraint)]
                + (target.find(\.indexes, constraint.naturalKey).map { [Self.node($0), Self.nameNode($0.schema, $0.name)] } ?? [])
        )
    }

    // MARK: Indexes

    mutating func indexes() {
        for key in keys(changes.missing[.index]) {
            guard let index = source.find(\.indexes, key), index.constraintName == nil, !isRebuilt(index.parentRelation) else {
                continue
            }
            createIndex(index, onNewTable: false)
        }
        for key in keys(changes.extra[.index]) {
            guard let index = target.find(\.indexes, key), index.constraintName == nil, !isRebuilt(index.parentRelation),
                !goesWithItsParent(index)
            else {
                continue
            }
            emit(
                .dropIndexes, "DROP INDEX \(qualifiedName(index.schema, index.name))",
                drops: [Self.node(index), Self.nameNode(index.schema, index.name)])
        }
        let attaching = attachPartitionIndexes()
        for (key, attributes) in changes.changed[.index] ?? [] where !attributes.isSubset(of: Self.indexAttributesAlteredInPlace)
        {
            guard let index = source.find(\.indexes, key), let old = target.find(\.indexes, key), !isRebuilt(index.parentRelation)
            else { continue }
            // A partitioned table's index that is invalid only for want of attached partition
            // indexes becomes valid as they are attached; PostgreSQL cannot detach one.
            if attributes == ["valid"] && index.valid && attaching.contains(index.path) { continue }
            if attributes == ["valid"] && !index.valid
                && target.relation(RelationKey(schema: key[0], name: key[1]))?.relationKind == "partitioned table"
            {
                note(
                    "index \(index.path) has a partition index attached in the target that the source leaves unattached: "
                        + "PostgreSQL cannot detach it; drop that partition index and create it again if it matters")
                continue
            }
            if old.constraintName == nil && !goesWithItsParent(old) {
                emit(
                    .dropIndexes, "DROP INDEX \(qualifiedName(old.schema, old.name))",
                    drops: [Self.node(old), Self.nameNode(old.schema, old.name)])
            }
            if index.constraintName == nil { createIndex(index, onNewTable: false) }
        }
    }

    /// `ALTER INDEX … ATTACH PARTITION` for each partition index the source has attached to a
    /// partitioned table's index and the target keeps unattached, both kept as they are.
    /// Returns the paths of the partitioned tables' indexes that get a partition attached.
    private mutating func attachPartitionIndexes() -> Set<String> {
        let wanted = source.catalog.dependencies.filter { $0.dependencyType == "partition" && $0.dependentKind == "index" }
            .filter { parentIndexInTarget[$0.dependent] != $0.referenced }
        guard !wanted.isEmpty else { return [] }
        var kept: [String: Index] = [:]
        let remade = Set((changes.changed[.index] ?? []).filter { !$0.attributes.isSubset(of: ["valid", "comment"]) }.map(\.key))
        for index in target.catalog.indexes where !remade.contains(index.naturalKey) && !isGoingAway(index) {
            kept[index.path] = index
        }
        var attached = Set<String>()
        for edge in wanted {
            guard let child = kept[edge.dependent], let parent = kept[edge.referenced],
                source.find(\.indexes, child.naturalKey) != nil
            else { continue }
            emit(
                .indexes,
                "ALTER INDEX \(qualifiedName(parent.schema, parent.name)) ATTACH PARTITION \(qualifiedName(child.schema, child.name))"
            )
            attached.insert(parent.path)
        }
        return attached
    }

    /// What differs in an index without it being dropped and created again: its comment
    /// (`COMMENT ON INDEX`) and whether it is the replica identity (`replicaIdentityIndexes`).
    static let indexAttributesAlteredInPlace: Set<String> = ["comment", "replica_identity"]

    /// `REPLICA IDENTITY USING INDEX` for each source index that is its table's replica
    /// identity where the target's is not, or where the script makes the index again; once the
    /// index exists.
    mutating func replicaIdentityIndexes() {
        for index in source.catalog.indexes where index.replicaIdentity == true {
            let key = index.naturalKey
            let kept = target.find(\.indexes, key)
            let remade =
                kept == nil || isRebuilt(index.parentRelation)
                || changes.changed[.index]?.contains {
                    $0.key == key && !$0.attributes.isSubset(of: Self.indexAttributesAlteredInPlace)
                }
                    == true
            guard remade || kept?.replicaIdentity != true else { continue }
            emit(
                .rowLevelSecurity,
                "ALTER TABLE \(qualifiedName(index.schema, index.table)) REPLICA IDENTITY USING INDEX \(quoteIdentifier(index.name))"
            )
        }
    }

    /// Whether `index`, a partition's index in the target, is dropped with the partitioned
    /// table's index it is attached to (PostgreSQL refuses to drop it on its own).
    private func goesWithItsParent(_ index: Index) -> Bool {
        guard let parent = parentIndexInTarget[index.path] else { return false }
        let dropped = Set(keys(changes.extra[.index]) + (changes.changed[.index]?.map(\.key) ?? []))
        return target.catalog.indexes.contains { $0.path == parent && (dropped.contains($0.naturalKey) || isGoingAway($0)) }
    }

    /// Whether the relation `index` is on goes away or is rebuilt, taking the index with it.
    private func isGoingAway(_ index: Index) -> Bool {
        droppedRelations.contains(RelationKey(schema: index.schema, name: index.table)) || isRebuilt(index.parentRelation)
    }

    mutating func createIndex(_ index: Index, onNewTable: Bool) {
        // `ON ONLY` (how PostgreSQL prints a partitioned table's index) would leave it invalid
        // until every partition's index is attached: build it on the partitions too.
        let definition = index.definition.replacingOccurrences(of: " ON ONLY ", with: " ON ")
        guard online && !onNewTable, let range = definition.range(of: " INDEX ") else {
            emit(.indexes, definition, creates: [Self.node(index), Self.nameNode(index.schema, index.name)])
            return
        }
        emit(
            .indexes, definition.replacingCharacters(in: range, with: " INDEX CONCURRENTLY "), transactional: false,
            creates: [Self.node(index), Self.nameNode(index.schema, index.name)])
    }
}

/// Column type changes that keep every value as it is.
enum TypeWidening {
    static func isSafe(from old: String, to new: String) -> Bool {
        if old == new { return true }
        let integers = ["smallint", "integer", "bigint"]
        if let a = integers.firstIndex(of: old), let b = integers.firstIndex(of: new) { return a <= b }
        if new == "text" && (old.hasPrefix("character varying") || old == "text") { return true }
        if let a = length(old, "character varying"), let b = length(new, "character varying") { return a <= b }
        if old.hasPrefix("character varying(") && new == "character varying" { return true }
        if old.hasPrefix("numeric(") && new == "numeric" { return true }
        return false
    }

    private static func length(_ type: String, _ base: String) -> Int? {
        guard type.hasPrefix(base + "("), type.hasSuffix(")") else { return nil }
        return Int(type.dropFirst(base.count + 1).dropLast())
    }
}
