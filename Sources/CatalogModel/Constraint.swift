/// A table constraint: primary key, foreign key, unique, check or exclusion.
public struct Constraint: CatalogObject {
    public static let kind = ObjectKind.constraint
    public static let keyFields = ["schema", "table", "name"]
    public var schema: String
    public var table: String
    public var name: String
    /// `primary key`, `foreign key`, `unique`, `check` or `exclusion`.
    public var constraintType: String
    /// As `pg_get_constraintdef` prints it.
    public var definition: String
    /// Foreign key: the referenced table, `schema.table`.
    public var referencedTable: String?

    public init(
        schema: String, table: String, name: String, constraintType: String, definition: String,
        referencedTable: String? = nil
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.constraintType = constraintType
        self.definition = definition
        self.referencedTable = referencedTable
    }

    public var path: String { qualifiedName(schema, table) + ":" + quoteIdentifier(name) }
    public var parentRelation: RelationKey? { RelationKey(schema: schema, name: table) }
    public var naturalKey: [String] { [schema, table, name] }
}
