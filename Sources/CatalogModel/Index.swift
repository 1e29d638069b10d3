/// An index, including those that back primary key and unique constraints.
public struct Index: CatalogObject {
    public static let kind = ObjectKind.index
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("table", .text),
        FieldSpec("name", .text),
        FieldSpec("definition", .text),
        FieldSpec("unique", .bool),
        FieldSpec("primary", .bool),
        FieldSpec("predicate", .text),
        FieldSpec("valid", .bool),
        FieldSpec("constraint_name", .text),
        FieldSpec("comment", .text, since: 2),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(table), .text(name), .text(definition), .bool(unique), .bool(primary),
            predicate.map(FieldValue.text), .bool(valid), constraintName.map(FieldValue.text), comment.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), table: v.text(1), name: v.text(2), definition: v.text(3), unique: v.bool(4), primary: v.bool(5),
            predicate: v.optionalText(6), valid: v.bool(7), constraintName: v.optionalText(8), comment: v.optionalText(9))
    }
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
