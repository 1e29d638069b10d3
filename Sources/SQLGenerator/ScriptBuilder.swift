import CatalogModel

/// Turns the differ's findings into statements, kind by kind; `orderedStatements` puts them
/// in phase order (see `Phase`), keeping the order within a phase.
struct ScriptBuilder {
    let source: CatalogIndex
    let target: CatalogIndex
    let changes: ChangeIndex
    let online: Bool
    /// The role that owns most objects: the role migrations run as. Objects created with
    /// another owner get an explicit `OWNER TO`.
    let usualOwner: String
    private(set) var statements: [GeneratedStatement] = []
    private(set) var notes: [String] = []
    private(set) var placeholders: [String] = []
    /// Relations the script creates from the source, with everything in them.
    private(set) var createdRelations: Set<RelationKey> = []
    /// Relations the target has and the source lacks.
    private(set) var droppedRelations: Set<RelationKey> = []
    /// Tables dropped and created again (their kind or partitioning changes).
    private(set) var recreatedTables: Set<RelationKey> = []
    /// Foreign servers dropped and created again (their wrapper or type changes), by name,
    /// with their user mappings and foreign tables.
    private(set) var recreatedServers: Set<String> = []
    /// Columns of kept tables the script drops, by path.
    private(set) var droppedColumns: Set<String> = []
    /// Each partition's index in the target, by path, with the partitioned table's index it is
    /// attached to: it is created and dropped with that index.
    private(set) var parentIndexInTarget: [String: String] = [:]
    /// Enum labels the script adds, as SQL literals.
    var addedEnumLabels: [String] = []
    /// Views (and materialized views) dropped and created again from the source.
    var rebuiltViews: Set<RelationKey> = []
    /// Policies and triggers dropped and created again around a change under them
    /// (`RebuildPlan`), by natural key.
    var rebuiltPolicies: Set<[String]> = []
    var rebuiltTriggers: Set<[String]> = []
    /// The source's relations by quoted path (`partition_of` names a parent that way), built
    /// the first time a partition is created.
    lazy var sourceRelationsByPath: [String: RelationKey] = Dictionary(
        source.catalog.relations.map { ($0.path, $0.key) }, uniquingKeysWith: { first, _ in first })

    init(source: CatalogIndex, target: CatalogIndex, changes: ChangeIndex, online: Bool) {
        self.source = source
        self.target = target
        self.changes = changes
        self.online = online
        var owners: [String: Int] = [:]
        for relation in source.catalog.relations { owners[relation.owner, default: 0] += 1 }
        for function in source.catalog.functions { owners[function.owner, default: 0] += 1 }
        usualOwner = owners.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "postgres"
    }

    mutating func build() {
        // A table whose kind, partitioning or foreign server changes cannot be altered into the
        // source's: it is dropped and created again, with everything in it.
        recreatedServers = Set(
            (changes.changed[.foreignServer] ?? []).filter { !$0.attributes.isDisjoint(with: ["wrapper", "server_type"]) }
                .map { $0.key[0] })
        recreatedTables = Set(
            (changes.changed[.relation] ?? []).filter { key, attributes in
                !attributes.isDisjoint(with: [
                    "relation_kind", "partition_key", "partition_bound", "partition_of", "foreign_server",
                ])
                    && source.find(\.relations, key)?.isTable == true && target.find(\.relations, key)?.isTable == true
            }.map { RelationKey($0.key) })
        if !recreatedServers.isEmpty {
            recreatedTables.formUnion(
                target.catalog.relations.filter { relation in
                    relation.foreignServer.map(recreatedServers.contains) == true
                        && source.find(\.relations, relation.naturalKey) != nil
                }.map(\.key))
        }
        createdRelations = Set(keys(changes.missing[.relation]).map(RelationKey.init)).union(recreatedTables)
        droppedRelations = Set(keys(changes.extra[.relation]).map(RelationKey.init)).union(recreatedTables)
        droppedColumns = Set(keys(changes.extra[.column]).compactMap { target.find(\.columns, $0)?.path })
        for edge in target.catalog.dependencies where edge.dependencyType == "partition" && edge.dependentKind == "index" {
            parentIndexInTarget[edge.dependent] = edge.referenced
        }
        schemas()
        extensions()
        collations()
        types()
        sequences()
        functions()
        foreignData()
        relations()
        columns()
        constraints()
        indexes()
        replicaIdentityIndexes()
        policies()
        triggers()
        eventTriggers()
        rules()
        privileges()
        defaultPrivileges()
        publications()
        publicationTables()
        attachedComments()
        platformConfiguration()
        foreignKeysOnDroppedKeys()
        unsupported()
        commitAddedEnumLabels()
    }

    /// The statements in phase order, moved only where the dependency graph says so: a
    /// statement that creates an object comes after the statements creating what that object
    /// depends on in the source (a domain after the function its CHECK calls, a function after
    /// the view whose row type it returns), and a statement that drops one comes before the
    /// drops of what it depends on in the target (a table before the table its foreign key
    /// references). Statements wait, in phase order, until what they need is in place; a cycle
    /// is broken in phase order.
    func orderedStatements() -> [GeneratedStatement] {
        let byPhase = statements.indices.sorted { (statements[$0].phase, $0) < (statements[$1].phase, $1) }
        var rank = [Int](repeating: 0, count: statements.count)
        for (position, i) in byPhase.enumerated() { rank[i] = position }
        var edges = prerequisites()
        while true {
            let (order, left) = Self.order(byPhase, rank, edges)
            if left.isEmpty { return order.map { statements[$0] } }
            // A cycle: what phase order puts first goes first (the edges against it go).
            let before = edges.count
            edges.removeAll { left.contains($0.first) && left.contains($0.then) && rank[$0.first] > rank[$0.then] }
            if edges.count == before { return (order + byPhase.filter(left.contains)).map { statements[$0] } }
        }
    }

    /// Pairs of statements, by index, the first of which must run before the other: creates
    /// after what the created object depends on in the source, drops before the drops of what
    /// the dropped object depends on in the target. A sequence's dependency on the column
    /// owning it is left out: `OWNED BY` is a statement of its own, after both exist.
    private func prerequisites() -> [(first: Int, then: Int)] {
        var creator: [String: Int] = [:]
        var dropper: [String: Int] = [:]
        for i in statements.indices {
            for node in statements[i].creates where creator[node] == nil { creator[node] = i }
            for node in statements[i].drops where dropper[node] == nil { dropper[node] = i }
        }
        var edges: [(first: Int, then: Int)] = []
        let sequence = ObjectKind.sequence.rawValue
        if !creator.isEmpty {
            for edge in source.catalog.dependencies where edge.dependentKind != sequence {
                if let dependent = creator[Self.node(edge.dependentKind, edge.dependent)],
                    let referenced = creator[Self.node(edge.referencedKind, edge.referenced)], dependent != referenced
                {
                    // A partitioned table's new index attaches the matching index each partition
                    // already has (and creates the others): the partitions' come first.
                    edges.append(edge.dependencyType == "partition" ? (dependent, referenced) : (referenced, dependent))
                }
            }
        }
        for (node, created) in creator where node.hasPrefix("name\u{1F}") {
            if let dropped = dropper[node], dropped != created { edges.append((dropped, created)) }
        }
        if !dropper.isEmpty {
            for edge in target.catalog.dependencies where edge.dependentKind != sequence {
                if let dependent = dropper[Self.node(edge.dependentKind, edge.dependent)],
                    let referenced = dropper[Self.node(edge.referencedKind, edge.referenced)], dependent != referenced
                {
                    edges.append((dependent, referenced))
                }
            }
        }
        return edges
    }

    /// Statements in phase order (`byPhase`, `rank` their positions in it), each one that has
    /// to wait passed over and placed as soon as the last thing it waits for is, before
    /// anything later in phase order. Returns the order and the statements left waiting (on a
    /// cycle).
    private static func order(_ byPhase: [Int], _ rank: [Int], _ edges: [(first: Int, then: Int)]) -> ([Int], Set<Int>) {
        var followers = [[Int]](repeating: [], count: rank.count)
        var waitingFor = [Int](repeating: 0, count: rank.count)
        for edge in edges {
            followers[edge.first].append(edge.then)
            waitingFor[edge.then] += 1
        }
        var order: [Int] = []
        order.reserveCapacity(rank.count)
        var placed = [Bool](repeating: false, count: rank.count)
        var released: [Int] = []  // ranks of passed-over statements now free to go, sorted
        var position = 0  // in byPhase: the statements before it have been passed
        func place(_ i: Int) {
            placed[i] = true
            order.append(i)
            for next in followers[i] {
                waitingFor[next] -= 1
                if waitingFor[next] == 0 && rank[next] < position {
                    let r = rank[next]
                    released.insert(r, at: released.firstIndex { $0 > r } ?? released.count)
                }
            }
        }
        while position < byPhase.count || !released.isEmpty {
            if !released.isEmpty {
                place(byPhase[released.removeFirst()])
                continue
            }
            let i = byPhase[position]
            position += 1
            if !placed[i] && waitingFor[i] == 0 { place(i) }
        }
        return (order, Set(byPhase.filter { !placed[$0] }))
    }

    /// A dependency graph node as statements name it: the object's kind and path.
    static func node(_ kind: String, _ path: String) -> String { kind + "\u{1F}" + path }

    static func node<T: CatalogObject>(_ object: T) -> String { node(T.kind.rawValue, object.path) }

    /// The name a table, view, index or sequence takes in its schema (they share one
    /// namespace): a statement creating one waits for the drop of another by that name.
    static func nameNode(_ schema: String, _ name: String) -> String { node("name", qualifiedName(schema, name)) }

    /// PostgreSQL refuses a new enum label in the transaction that added it ("unsafe use of new
    /// value"): when a later statement names one, the script commits after the labels are added
    /// and goes on in a transaction of its own, committed at the end.
    private mutating func commitAddedEnumLabels() {
        guard !addedEnumLabels.isEmpty else { return }
        let uses = statements.contains { statement in
            statement.phase > .alterTypes && addedEnumLabels.contains { statement.sql.contains($0) }
        }
        guard uses else { return }
        emit(.commitEnumLabels, "COMMIT;\nBEGIN")
        emit(.endTransaction, "COMMIT")
        commitsAfterEnumLabels = true
    }

    /// Whether the script commits after adding enum labels (`commitAddedEnumLabels`).
    private(set) var commitsAfterEnumLabels = false

    // MARK: Emitting

    mutating func emit(
        _ phase: Phase, _ sql: String, hold: Hold? = nil, transactional: Bool = true, creates: [String] = [],
        drops: [String] = []
    ) {
        var statement = GeneratedStatement(phase, sql.hasSuffix(";") ? sql : sql + ";", hold: hold, transactional: transactional)
        statement.creates = creates
        statement.drops = drops
        statements.append(statement)
    }

    mutating func note(_ text: String) { notes.append(text) }

    /// Records a value written in place of one no snapshot holds, for the script's header.
    mutating func placeholder(_ text: String) { placeholders.append(text) }

    func keys(_ list: [[String]]?) -> [[String]] { list ?? [] }

    /// Whether a child object of `relation` is handled by creating or rebuilding the relation.
    func isRebuilt(_ relation: RelationKey?) -> Bool {
        guard let relation else { return false }
        return createdRelations.contains(relation) || rebuiltViews.contains(relation)
    }

    // MARK: Shared spellings

    /// `TABLE`, `VIEW`, `MATERIALIZED VIEW` or `FOREIGN TABLE`.
    static func keyword(_ relation: Relation) -> String {
        switch relation.relationKind {
        case "view": "VIEW"
        case "materialized view": "MATERIALIZED VIEW"
        case "foreign table": "FOREIGN TABLE"
        default: "TABLE"
        }
    }

    /// `COMMENT ON … IS …`.
    mutating func comment(_ object: String, _ text: String?) {
        emit(.comments, "COMMENT ON \(object) IS \(SQLText.literalOrNull(text))")
    }

    /// `ALTER … OWNER TO …`.
    mutating func owner(_ object: String, _ role: String) {
        emit(.owners, "ALTER \(object) OWNER TO \(quoteIdentifier(role))")
    }

    /// Owner and comment of an object the script creates: set when they differ from what a
    /// new object gets.
    mutating func ownerAndComment(of object: String, owner role: String, comment text: String?) {
        if role != usualOwner { owner(object, role) }
        if let text { comment(object, text) }
    }
}

extension RelationKey {
    init(_ key: [String]) { self.init(schema: key[0], name: key[1]) }
}
