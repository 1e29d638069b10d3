/// A column of a relation.
public struct Column: CatalogObject {
    public static let kind = ObjectKind.column
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Column>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("position", \.position),
        .init("type", \.type),
        .init("not_null", \.notNull),
        .init("default_value", \.defaultValue),
        .init("identity", \.identity),
        .init("identity_options", \.identityOptions, since: 3),
        .init("generated", \.generated),
        .init("collation", \.collation),
        .init("comment", \.comment),
        .init("storage", \.storage, since: 4),
        .init("foreign_options", \.foreignOptions, since: 4),
    ]

    public init() {}

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// 1-based position among the live columns (dropped columns leave no gap).
    public var position: Int = 0
    /// The type as `format_type` prints it, e.g. `character varying(80)`.
    public var type: String = ""
    public var notNull: Bool = false
    public var defaultValue: String?
    /// `always` or `by default` for identity columns.
    public var identity: String?
    /// An identity column's sequence options *(format 3)*: `start=`, `increment=`, `min=`,
    /// `max=`, `cache=`, `cycle=` in that order.
    public var identityOptions: [String]?
    /// The expression of a `GENERATED ALWAYS AS (…) STORED` column.
    public var generated: String?
    /// A collation differing from the type's default.
    public var collation: String?
    public var comment: String?
    /// `plain`, `external`, `extended` or `main` where `SET STORAGE` made it differ from the
    /// type's default *(format 4)*.
    public var storage: String?
    /// A foreign table column's options (`attfdwoptions`) as `key=value`, sorted *(format 4)*.
    public var foreignOptions: [String]?

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
