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
    /// Relations the script creates from the source, with everything in them.
    private(set) var createdRelations: Set<RelationKey> = []
    /// Relations the target has and the source lacks.
    private(set) var droppedRelations: Set<RelationKey> = []
    /// Views (and materialized views) dropped and created again from the source.
    var rebuiltViews: Set<RelationKey> = []
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
        createdRelations = Set(keys(changes.missing[.relation]).map(RelationKey.init))
        droppedRelations = Set(keys(changes.extra[.relation]).map(RelationKey.init))
        schemas()
        extensions()
        types()
        sequences()
        functions()
        relations()
        columns()
        constraints()
        indexes()
        policies()
        triggers()
        rules()
        privileges()
        defaultPrivileges()
        publications()
        publicationTables()
        platformConfiguration()
        unsupported()
    }

    func orderedStatements() -> [GeneratedStatement] {
        statements.enumerated().sorted { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }.map(\.element)
    }

    // MARK: Emitting

    mutating func emit(_ phase: Phase, _ sql: String, hold: Hold? = nil, transactional: Bool = true) {
        statements.append(
            GeneratedStatement(phase, sql.hasSuffix(";") ? sql : sql + ";", hold: hold, transactional: transactional))
    }

    mutating func note(_ text: String) { notes.append(text) }

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
