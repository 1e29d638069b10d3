/// A rewrite rule (`CREATE RULE`); a view's own `_RETURN` rule is its definition instead.
public struct Rule: CatalogObject {
    public static let kind = ObjectKind.rule
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Rule>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("definition", \.definition),
        .init("comment", \.comment, since: 3),
        .init("enabled", \.enabled, since: 4),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?
    /// When it fires *(format 4)*: `origin` (the default), `replica`, `always` or `disabled`,
    /// as `ALTER TABLE … ENABLE REPLICA | ALWAYS RULE` / `DISABLE RULE` set it.
    public var enabled: String = ""

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// As `pg_get_ruledef` prints it.
    public var definition: String = ""

    public init(schema: String, table: String, name: String, definition: String) {
        self.schema = schema
        self.table = table
        self.name = name
        self.definition = definition
        self.enabled = "origin"
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
