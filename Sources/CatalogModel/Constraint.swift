/// A table constraint: primary key, foreign key, unique, check or exclusion.
public struct Constraint: CatalogObject {
    public static let kind = ObjectKind.constraint
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("table", .text),
        FieldSpec("name", .text),
        FieldSpec("constraint_type", .text),
        FieldSpec("definition", .text),
        FieldSpec("referenced_table", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(table), .text(name), .text(constraintType), .text(definition),
            referencedTable.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), table: v.text(1), name: v.text(2), constraintType: v.text(3), definition: v.text(4),
            referencedTable: v.optionalText(5))
    }
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
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(table, other.table).nonZero
            ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
