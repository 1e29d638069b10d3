/// An index, including those that back primary key and unique constraints.
public struct Index: CatalogObject {
    public static let kind = ObjectKind.index
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Index>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("definition", \.definition),
        .init("unique", \.unique),
        .init("primary", \.primary),
        .init("predicate", \.predicate),
        .init("valid", \.valid),
        .init("constraint_name", \.constraintName),
        .init("comment", \.comment, since: 2),
        .init("replica_identity", \.replicaIdentity, since: 4),
    ]

    public init() {}

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// As `pg_get_indexdef` prints it.
    public var definition: String = ""
    public var unique: Bool = false
    public var primary: Bool = false
    /// The `WHERE` predicate of a partial index.
    public var predicate: String?
    /// False for an index left invalid by a failed `CREATE INDEX CONCURRENTLY`.
    public var valid: Bool = false
    /// True when the table's replica identity is this index (`REPLICA IDENTITY USING INDEX`),
    /// else nil *(format 4)*.
    public var replicaIdentity: Bool?
    /// The constraint this index implements, if any.
    public var constraintName: String?
    /// `COMMENT ON INDEX` (recorded from format 2 on).
    public var comment: String?

    public init(
        schema: String, table: String, name: String, definition: String, unique: Bool,
        primary: Bool, predicate: String? = nil, valid: Bool = true, constraintName: String? = nil, comment: String? = nil
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.definition = definition
        self.unique = unique
        self.primary = primary
        self.predicate = predicate
        self.valid = valid
        self.constraintName = constraintName
        self.comment = comment
    }

    public var path: String { qualifiedName(schema, table) + ":" + quoteIdentifier(name) }
    public var parentRelation: RelationKey? { RelationKey(schema: schema, name: table) }
    public var naturalKey: [String] { [schema, table, name] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(table, other.table).nonZero
            ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
