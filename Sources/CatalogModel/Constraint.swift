/// A table constraint: primary key, foreign key, unique, check or exclusion.
public struct Constraint: CatalogObject {
    public static let kind = ObjectKind.constraint
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Constraint>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("constraint_type", \.constraintType),
        .init("definition", \.definition),
        .init("referenced_table", \.referencedTable),
        .init("comment", \.comment, since: 3),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// `primary key`, `foreign key`, `unique`, `check` or `exclusion`.
    public var constraintType: String = ""
    /// As `pg_get_constraintdef` prints it.
    public var definition: String = ""
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
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(table, other.table).nonZero
            ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
