import CatalogModel

/// Tables, views and what hangs off them: columns, constraints, indexes, triggers, rules,
/// row-level security and policies.
extension ScriptBuilder {
    mutating func relations() {
        planViews()
        // Partitions after the partitioned table they belong to, whatever their names.
        var tables = (keys(changes.missing[.relation]) + recreatedTables.sorted().map { [$0.schema, $0.name] })
            .compactMap { source.find(\.relations, $0) }.filter(\.isTable)
        var created = Set<String>()
        while !tables.isEmpty {
            let waiting = Set(tables.map(\.path))
            let ready = tables.filter { table in
                table.partitionOf.map { parent in created.contains(parent) || !waiting.contains(parent) } ?? true
            }
            for table in ready.isEmpty ? tables : ready {
                createTable(table)
                created.insert(table.path)
            }
            tables.removeAll { created.contains($0.path) }
        }
        createViews()
        let droppedPaths = Set(droppedRelations.map { qualifiedName($0.schema, $0.name) })
        for key in keys(changes.extra[.relation]) + recreatedTables.sorted().map({ [$0.schema, $0.name] }) {
            guard let relation = target.find(\.relations, key), relation.isTable else { continue }
            // A foreign table holds no rows of its own: dropping it loses only its definition.
            let foreign = relation.relationKind == "foreign table"
            let hold = foreign ? nil : Hold(code: "drop_table", reason: "drops \(relation.path) and every row in it")
            // Foreign keys to other tables that go too are dropped first (a partition's own
            // included): two tables that reference each other cannot be dropped one after the
            // other otherwise.
            for constraint in target.all(\.constraints, prefix: key) where constraint.constraintType == "foreign key" {
                guard let referenced = constraint.referencedTable, referenced != relation.path, droppedPaths.contains(referenced)
                else { continue }
                emit(
                    .dropForeignKeys,
                    "ALTER TABLE \(relation.path) DROP CONSTRAINT \(quoteIdentifier(constraint.name))", hold: hold)
            }
            // Dropping a partitioned table drops its partitions.
            if let parent = relation.partitionOf, droppedPaths.contains(parent), !recreatedTables.contains(relation.key) {
                continue
            }
            // One that is created again goes before its name is taken again, keeping the
            // sequences its columns own (and their values) for the new table.
            let recreated = recreatedTables.contains(relation.key)
            if recreated {
                for sequence in target.catalog.sequences where sequence.ownedBy?.hasPrefix(relation.path + ".") == true {
                    emit(.dropRecreatedTables, "ALTER SEQUENCE \(sequence.path) OWNED BY NONE", hold: hold)
                    if let owner = source.find(\.sequences, sequence.naturalKey)?.ownedBy {
                        emit(.sequenceOwnership, "ALTER SEQUENCE \(sequence.path) OWNED BY \(owner)", hold: hold)
                    }
                }
            }
            emit(
                recreated ? .dropRecreatedTables : .dropRelations, "DROP \(Self.keyword(relation)) \(relation.path)",
                hold: recreated && !foreign
                    ? Hold(
                        code: "drop_table",
                        reason: "drops \(relation.path) and every row in it, to create it again as the source has it")
                    : hold,
                drops: nodes(of: relation, in: target)
                    + target.all(\.indexes, prefix: key).flatMap { [Self.node($0), Self.nameNode($0.schema, $0.name)] }
                    // What goes with it and depends on other objects (a rule inserting into
                    // another table): the table is dropped before those objects.
                    + target.all(\.rules, prefix: key).map(Self.node) + target.all(\.triggers, prefix: key).map(Self.node)
                    + target.all(\.policies, prefix: key).map(Self.node))
        }
        for (key, attributes) in changes.changed[.relation] ?? [] {
            guard let relation = source.find(\.relations, key), let old = target.find(\.relations, key),
                !rebuiltViews.contains(relation.key), !recreatedTables.contains(relation.key)
            else { continue }
            alter(relation, from: old, attributes)
        }
    }

    private mutating func alter(_ relation: Relation, from old: Relation, _ attributes: Set<String>) {
        let path = relation.path
        let alter = "ALTER \(Self.keyword(relation)) \(path)"
        if attributes.contains("rls_enabled") {
            emit(.rowLevelSecurity, "ALTER TABLE \(path) \(relation.rlsEnabled ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY")
        }
        if attributes.contains("rls_forced") {
            emit(.rowLevelSecurity, "ALTER TABLE \(path) \(relation.rlsForced ? "FORCE" : "NO FORCE") ROW LEVEL SECURITY")
        }
        if attributes.contains("persistence") {
            emit(.alterColumns, "ALTER TABLE \(path) SET \(relation.persistence == "unlogged" ? "UNLOGGED" : "LOGGED")")
        }
        if attributes.contains("options") {
            let new = relation.options ?? []
            let gone = (old.options ?? []).map(SQLText.optionName).filter { name in
                !new.contains { SQLText.optionName($0) == name }
            }
            if !gone.isEmpty { emit(.alterColumns, "\(alter) RESET (\(gone.joined(separator: ", ")))") }
            if !new.isEmpty { emit(.alterColumns, "\(alter) SET (\(new.joined(separator: ", ")))") }
        }
        // An index as replica identity is set once the index exists (`replicaIdentityIndexes`).
        if attributes.contains("replica_identity") && relation.replicaIdentity != "index" {
            emit(.alterColumns, "ALTER TABLE \(path) REPLICA IDENTITY \(relation.replicaIdentity.uppercased())")
        }
        if attributes.contains("foreign_options"),
            let options = SQLText.alterOptions(from: old.foreignOptions ?? [], to: relation.foreignOptions ?? [])
        {
            emit(.alterColumns, "\(alter) \(options)")
        }
        for attribute in ["relation_kind", "partition_key", "partition_bound", "partition_of"]
        where attributes.contains(attribute) {
            note(
                "\(attribute.replacingOccurrences(of: "_", with: " ")) of \(path) differs: PostgreSQL cannot alter it; recreate the table by hand"
            )
        }
        if attributes.contains("owner") { owner("\(Self.keyword(relation)) \(path)", relation.owner) }
        if attributes.contains("comment") { comment("\(Self.keyword(relation)) \(path)", relation.comment) }
    }

    // MARK: Creating tables

    private mutating func createTable(_ relation: Relation) {
        let key = relation.key
        let columns = source.all(\.columns, prefix: [key.schema, key.name]).sorted { $0.position < $1.position }
        var sql: String
        if let parent = relation.partitionOf, let bound = relation.partitionBound {
            sql = "CREATE TABLE \(relation.path) PARTITION OF \(parent) \(bound)"
        } else {
            let unlogged = relation.persistence == "unlogged" ? "UNLOGGED " : ""
            let keyword = relation.relationKind == "foreign table" ? "FOREIGN TABLE" : unlogged + "TABLE"
            let body = columns.map { "    " + Self.columnDefinition($0) }.joined(separator: ",\n")
            sql = "CREATE \(keyword) \(relation.path) (\n\(body)\n)"
        }
        if let partitionKey = relation.partitionKey { sql += " PARTITION BY \(partitionKey)" }
        if let server = relation.foreignServer { sql += " SERVER \(quoteIdentifier(server))" }
        if let options = relation.foreignOptions, !options.isEmpty { sql += " " + SQLText.options(options) }
        if let options = relation.options, !options.isEmpty, relation.relationKind != "foreign table" {
            sql += " WITH (\(options.joined(separator: ", ")))"
        }
        emit(.createTables, sql, creates: nodes(of: relation, in: source))
        if relation.partitionOf != nil {
            for column in columns where column.comment != nil { columnComment(column) }
            overrideInherited(columns, of: relation)
        }
        for column in columns where column.storage != nil { setStorage(column) }
        if !["default", "index", "nothing"].contains(relation.replicaIdentity)
            || (relation.replicaIdentity == "nothing" && relation.relationKind != "foreign table")
        {
            emit(.alterColumns, "ALTER TABLE \(relation.path) REPLICA IDENTITY \(relation.replicaIdentity.uppercased())")
        }
        if relation.partitionOf == nil { for column in columns where column.comment != nil { columnComment(column) } }
        createContents(of: relation)
    }

    /// Everything inside a relation the script creates, from the source.
    mutating func createContents(of relation: Relation) {
        let prefix = [relation.schema, relation.name]
        // A partition gets its parent's constraints and indexes when it is created.
        let inherited = Set(
            partitionParent(of: relation).map { source.all(\.constraints, prefix: [$0.schema, $0.name]) }?
                .map { $0.constraintType + " " + $0.definition } ?? [])
        for constraint in source.all(\.constraints, prefix: prefix)
        where !inherited.contains(constraint.constraintType + " " + constraint.definition) {
            addConstraint(constraint)
        }
        for index in source.all(\.indexes, prefix: prefix) where index.constraintName == nil {
            if relation.partitionOf != nil, let range = index.definition.range(of: "INDEX ") {
                emit(.indexes, index.definition.replacingCharacters(in: range, with: "INDEX IF NOT EXISTS "))
            } else {
                createIndex(index, onNewTable: true)
            }
        }
        for trigger in source.all(\.triggers, prefix: prefix) { createTrigger(trigger) }
        for rule in source.all(\.rules, prefix: prefix) { createRule(rule) }
        if relation.rlsEnabled { emit(.rowLevelSecurity, "ALTER TABLE \(relation.path) ENABLE ROW LEVEL SECURITY") }
        if relation.rlsForced { emit(.rowLevelSecurity, "ALTER TABLE \(relation.path) FORCE ROW LEVEL SECURITY") }
        for policy in source.all(\.policies, prefix: prefix) { createPolicy(policy) }
        for publicationTable in source.catalog.publicationTables
        where publicationTable.schema == relation.schema && publicationTable.table == relation.name {
            addToPublication(publicationTable)
        }
        grantAll(onNewObject: relation.grantableID!)
        ownerAndComment(of: "\(Self.keyword(relation)) \(relation.path)", owner: relation.owner, comment: relation.comment)
    }

    /// A partition takes its columns from its partitioned table; where the source's partition
    /// has another default or NOT NULL for one, it is set on the partition.
    private mutating func overrideInherited(_ columns: [Column], of partition: Relation) {
        guard let parent = partitionParent(of: partition) else { return }
        for column in columns {
            guard let inherited = source.find(\.columns, [parent.schema, parent.name, column.name]) else { continue }
            let alter = "ALTER TABLE \(partition.path) ALTER COLUMN \(quoteIdentifier(column.name))"
            if column.defaultValue != inherited.defaultValue {
                emit(.alterColumns, alter + (column.defaultValue.map { " SET DEFAULT \($0)" } ?? " DROP DEFAULT"))
            }
            if column.notNull != inherited.notNull {
                emit(.alterColumns, alter + (column.notNull ? " SET NOT NULL" : " DROP NOT NULL"))
            }
        }
    }

    /// The graph nodes of `relation` on `side`: the relation and its columns.
    private func nodes(of relation: Relation, in side: CatalogIndex) -> [String] {
        [Self.node(relation), Self.nameNode(relation.schema, relation.name)]
            + side.all(\.columns, prefix: [relation.schema, relation.name]).map(Self.node)
    }

    /// The partitioned table `relation` is a partition of, from the source.
    private mutating func partitionParent(of relation: Relation) -> Relation? {
        guard let parent = relation.partitionOf, let key = sourceRelationsByPath[parent] else { return nil }
        return source.relation(key)
    }

    static func columnDefinition(_ column: Column) -> String {
        var parts = [quoteIdentifier(column.name), column.type]
        if let options = column.foreignOptions, !options.isEmpty { parts.append(SQLText.options(options)) }
        if let collation = column.collation { parts.append("COLLATE \(collation)") }
        if let generated = column.generated { parts.append("GENERATED ALWAYS AS (\(generated)) STORED") }
        if let identity = column.identity {
            parts.append("GENERATED \(identity.uppercased()) AS IDENTITY" + identityClause(column))
        }
        if let value = column.defaultValue { parts.append("DEFAULT \(value)") }
        if column.notNull { parts.append("NOT NULL") }
        return parts.joined(separator: " ")
    }

    /// ` (START WITH 100 …)`: an identity column's sequence options that are not what
    /// PostgreSQL gives a new identity column of its type; empty when all are.
    static func identityClause(_ column: Column) -> String {
        let maximum =
            switch column.type {
            case "smallint": "32767"
            case "integer": "2147483647"
            default: "9223372036854775807"
            }
        let defaults: Set<String> = ["start=1", "increment=1", "min=1", "max=" + maximum, "cache=1", "cycle=false"]
        let options = identityOptions((column.identityOptions ?? []).filter { !defaults.contains($0) })
        return options.isEmpty ? "" : " (" + options.joined(separator: " ") + ")"
    }

    /// `identity_options` as sequence options: `START WITH 1`, `INCREMENT BY 1`, …, `NO CYCLE`.
    static func identityOptions(_ options: [String]) -> [String] {
        options.compactMap { option in
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "start": return "START WITH \(parts[1])"
            case "increment": return "INCREMENT BY \(parts[1])"
            case "min": return "MINVALUE \(parts[1])"
            case "max": return "MAXVALUE \(parts[1])"
            case "cache": return "CACHE \(parts[1])"
            case "cycle": return parts[1] == "true" ? "CYCLE" : "NO CYCLE"
            default: return nil
            }
        }
    }

    private mutating func columnComment(_ column: Column) {
        comment("COLUMN \(column.path)", column.comment)
    }

    // MARK: Views

    /// Decides which views are dropped and created again: those whose definition or kind
    /// changed, those reading a table whose columns change type or go away, and, in turn,
    /// views reading those.
    private mutating func planViews() {
        // What changes under its dependents: columns that change type or go away, views rebuilt
        // or dropped, routines dropped and created again.
        var roots: [DependencyGraph.Node] = []
        func root<T: CatalogObject>(_ object: T?) {
            if let object { roots.append(DependencyGraph.Node(kind: T.kind.rawValue, path: object.path)) }
        }
        for (key, attributes) in changes.changed[.column] ?? []
        where !attributes.isDisjoint(with: ["type", "collation", "generated"]) {
            root(target.find(\.columns, key))
        }
        for key in keys(changes.extra[.column]) { root(target.find(\.columns, key)) }
        for (key, attributes) in changes.changed[.function] ?? [] where !attributes.isDisjoint(with: ["result", "function_kind"])
        {
            root(target.find(\.functions, key))
        }
        let createdNames = Set(keys(changes.missing[.function]).map { [$0[0], $0[1]] })
        for key in keys(changes.extra[.function]) where createdNames.contains([key[0], key[1]]) {
            root(target.find(\.functions, key))
        }
        for (key, attributes) in changes.changed[.relation] ?? []
        where !attributes.isDisjoint(with: ["view_definition", "relation_kind"]) {
            if let relation = target.find(\.relations, key), !relation.isTable { rebuiltViews.insert(relation.key) }
        }
        for key in keys(changes.extra[.column]) + keys(changes.missing[.column]) {
            // A view's columns come from its definition: a column added or gone means a rebuild.
            if let relation = target.find(\.relations, Array(key.prefix(2))), !relation.isTable,
                source.relation(relation.key) != nil
            {
                rebuiltViews.insert(relation.key)
            }
        }
        for key in keys(changes.changed[.column]?.map(\.key)) {
            if let relation = target.find(\.relations, Array(key.prefix(2))), !relation.isTable {
                rebuiltViews.insert(relation.key)
            }
        }
        let targetViews = target.catalog.relations.filter { !$0.isTable }
        let droppedViews = Set(targetViews.filter { droppedRelations.contains($0.key) }.map(\.key))
        for view in targetViews where rebuiltViews.contains(view.key) || droppedViews.contains(view.key) { root(view) }
        let plan = RebuildPlan(
            roots: roots, rebuiltViews: rebuiltViews, target: target, source: source, droppedRelations: droppedRelations)
        rebuiltViews = plan.views
        rebuiltPolicies = plan.policies
        rebuiltTriggers = plan.triggers
        // Drop dependents first.
        let toDrop = order(targetViews.filter { rebuiltViews.contains($0.key) || droppedViews.contains($0.key) }).reversed()
        for view in toDrop {
            emit(.dropViews, "DROP \(Self.keyword(view)) \(view.path)", drops: nodes(of: view, in: target))
        }
    }

    /// Views created from the source: new ones and rebuilt ones, dependencies first.
    private mutating func createViews() {
        let wanted = createdRelations.union(rebuiltViews)
        let views = source.catalog.relations.filter { !$0.isTable && wanted.contains($0.key) }
        for view in order(views) {
            var definition = (view.viewDefinition ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if definition.hasSuffix(";") { definition.removeLast() }
            let options = view.options.map { $0.isEmpty ? "" : " WITH (\($0.joined(separator: ", ")))" } ?? ""
            let data = view.relationKind == "materialized view" ? " WITH DATA" : ""
            emit(
                .views, "CREATE \(Self.keyword(view)) \(view.path)\(options) AS\n\(definition)\(data)",
                creates: nodes(of: view, in: source))
            for column in source.all(\.columns, prefix: [view.schema, view.name]) where column.comment != nil {
                columnComment(column)
            }
            createContents(of: view)
        }
    }

    /// `views` ordered so that a view comes after every view of the list its definition names.
    private func order(_ views: [Relation]) -> [Relation] {
        var placed = Set<RelationKey>()
        var result: [Relation] = []
        var remaining = views
        while !remaining.isEmpty {
            let ready = remaining.filter { view in
                !remaining.contains { other in
                    other.key != view.key && SQLText.mentions(view.viewDefinition ?? "", other.schema, other.name)
                }
            }
            let next = ready.isEmpty ? [remaining[0]] : ready  // a cycle cannot be built anyway
            result += next
            placed.formUnion(next.map(\.key))
            remaining.removeAll { placed.contains($0.key) }
        }
        return result
    }
}
