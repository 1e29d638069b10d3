/// An index, including those that back primary key and unique constraints.
public struct Index: CatalogObject {
    public static let kind = ObjectKind.index
    public static let keyFields = ["schema", "table", "name"]
    public var schema: String
    public var table: String
    public var name: String
    /// As `pg_get_indexdef` prints it.
    public var definition: String
    public var unique: Bool
    public var primary: Bool
    /// The `WHERE` predicate of a partial index.
    public var predicate: String?
    /// False for an index left invalid by a failed `CREATE INDEX CONCURRENTLY`.
    public var valid: Bool
    /// The constraint this index implements, if any.
    public var constraintName: String?

    public init(
        schema: String, table: String, name: String, definition: String, unique: Bool,
        primary: Bool, predicate: String? = nil, valid: Bool = true, constraintName: String? = nil
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
    }

    public var path: String { qualifiedName(schema, table) + ":" + quoteIdentifier(name) }
    public var parentRelation: RelationKey? { RelationKey(schema: schema, name: table) }
    public var naturalKey: [String] { [schema, table, name] }
}
