/// A trigger on a table or view (internal constraint triggers are left out).
public struct Trigger: CatalogObject {
    public static let kind = ObjectKind.trigger
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Trigger>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("definition", \.definition),
        .init("enabled", \.enabled),
        .init("comment", \.comment, since: 3),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// As `pg_get_triggerdef` prints it.
    public var definition: String = ""
    /// `origin` (the default), `disabled`, `replica` or `always`.
    public var enabled: String = ""

    public init(schema: String, table: String, name: String, definition: String, enabled: String) {
        self.schema = schema
        self.table = table
        self.name = name
        self.definition = definition
        self.enabled = enabled
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
