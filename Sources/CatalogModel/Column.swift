/// A column of a relation.
public struct Column: CatalogObject {
    public static let kind = ObjectKind.column
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("table", .text),
        FieldSpec("name", .text),
        FieldSpec("position", .integer),
        FieldSpec("type", .text),
        FieldSpec("not_null", .bool),
        FieldSpec("default_value", .text),
        FieldSpec("identity", .text),
        FieldSpec("generated", .text),
        FieldSpec("collation", .text),
        FieldSpec("comment", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(table), .text(name), .integer(Int64(position)), .text(type), .bool(notNull),
            defaultValue.map(FieldValue.text), identity.map(FieldValue.text), generated.map(FieldValue.text),
            collation.map(FieldValue.text), comment.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), table: v.text(1), name: v.text(2), position: Int(v.integer(3)), type: v.text(4),
            notNull: v.bool(5), defaultValue: v.optionalText(6), identity: v.optionalText(7), generated: v.optionalText(8),
            collation: v.optionalText(9), comment: v.optionalText(10))
    }
    public var schema: String
    public var table: String
    public var name: String
    /// 1-based position among the live columns (dropped columns leave no gap).
    public var position: Int
    /// The type as `format_type` prints it, e.g. `character varying(80)`.
    public var type: String
    public var notNull: Bool
    public var defaultValue: String?
    /// `always` or `by default` for identity columns.
    public var identity: String?
    /// The expression of a `GENERATED ALWAYS AS (…) STORED` column.
    public var generated: String?
    /// A collation differing from the type's default.
    public var collation: String?
    public var comment: String?

    public init(
        schema: String, table: String, name: String, position: Int, type: String, notNull: Bool,
        defaultValue: String? = nil, identity: String? = nil, generated: String? = nil,
        collation: String? = nil, comment: String? = nil
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.position = position
        self.type = type
        self.notNull = notNull
        self.defaultValue = defaultValue
        self.identity = identity
        self.generated = generated
        self.collation = collation
        self.comment = comment
    }

    public var path: String { qualifiedName(schema, table) + "." + quoteIdentifier(name) }
    public var parentRelation: RelationKey? { RelationKey(schema: schema, name: table) }
    public var naturalKey: [String] { [schema, table, name] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(table, other.table).nonZero
            ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
