/// A table, partitioned table, view, materialized view or foreign table.
public struct Relation: CatalogObject {
    public static let kind = ObjectKind.relation
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<Relation>] = [
        .init("schema", \.schema),
        .init("name", \.name),
        .init("relation_kind", \.relationKind),
        .init("persistence", \.persistence),
        .init("rls_enabled", \.rlsEnabled),
        .init("rls_forced", \.rlsForced),
        .init("partition_key", \.partitionKey),
        .init("partition_bound", \.partitionBound),
        .init("partition_of", \.partitionOf),
        .init("view_definition", \.viewDefinition),
        .init("options", \.options),
        .init("foreign_server", \.foreignServer),
        .init("replica_identity", \.replicaIdentity),
        .init("owner", \.owner),
        .init("comment", \.comment),
        .init("foreign_options", \.foreignOptions, since: 4),
    ]

    public init() {}

    public var schema: String = ""
    public var name: String = ""
    /// `table`, `partitioned table`, `view`, `materialized view` or `foreign table`.
    public var relationKind: String = ""
    /// `permanent` or `unlogged`.
    public var persistence: String = ""
    public var rlsEnabled: Bool = false
    public var rlsForced: Bool = false
    /// Partitioned table: `pg_get_partkeydef`, e.g. `RANGE (created_at)`.
    public var partitionKey: String?
    /// Partition: its bound, e.g. `FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`.
    public var partitionBound: String?
    /// Partition: the partitioned table it belongs to, `schema.table`.
    public var partitionOf: String?
    /// View or materialized view: `pg_get_viewdef`.
    public var viewDefinition: String?
    /// Storage and view options (`reloptions`), e.g. `security_invoker=true`, sorted.
    public var options: [String]?
    /// Foreign table: its server.
    public var foreignServer: String?
    /// Foreign table: its options (`ftoptions`) as `key=value`, sorted *(format 4)*.
    public var foreignOptions: [String]?
    /// `default`, `nothing`, `full` or `index`.
    public var replicaIdentity: String = ""
    public var owner: String = ""
    public var comment: String?

    public init(
        schema: String, name: String, relationKind: String, persistence: String = "permanent",
        rlsEnabled: Bool = false, rlsForced: Bool = false, partitionKey: String? = nil,
        partitionBound: String? = nil, partitionOf: String? = nil, viewDefinition: String? = nil,
        options: [String]? = nil, foreignServer: String? = nil, replicaIdentity: String = "default",
        owner: String, comment: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.relationKind = relationKind
        self.persistence = persistence
        self.rlsEnabled = rlsEnabled
        self.rlsForced = rlsForced
        self.partitionKey = partitionKey
        self.partitionBound = partitionBound
        self.partitionOf = partitionOf
        self.viewDefinition = viewDefinition
        self.options = options
        self.foreignServer = foreignServer
        self.replicaIdentity = replicaIdentity
        self.owner = owner
        self.comment = comment
    }

    /// The relation as other objects refer to it.
    public var key: RelationKey { RelationKey(schema: schema, name: name) }
    public var path: String { qualifiedName(schema, name) }
    /// Tables, partitioned tables and foreign tables hold rows; views do not.
    public var isTable: Bool { relationKind.hasSuffix("table") }
    public var grantableID: String? { grantableObjectID("relation", schema, name) }
    public var naturalKey: [String] { [schema, name] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
