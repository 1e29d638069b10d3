/// A row-level security policy (`CREATE POLICY`).
public struct Policy: CatalogObject {
    public static let kind = ObjectKind.policy
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<Policy>] = [
        .init("schema", \.schema),
        .init("table", \.table),
        .init("name", \.name),
        .init("command", \.command),
        .init("permissive", \.permissive),
        .init("roles", \.roles),
        .init("using", \.using),
        .init("with_check", \.withCheck),
        .init("comment", \.comment, since: 3),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?

    public var schema: String = ""
    public var table: String = ""
    public var name: String = ""
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    public var command: String = ""
    /// False for a `RESTRICTIVE` policy.
    public var permissive: Bool = false
    /// The roles it applies to, sorted; `public` for all.
    public var roles: [String] = []
    public var using: String?
    public var withCheck: String?

    public init(
        schema: String, table: String, name: String, command: String, permissive: Bool,
        roles: [String], using: String?, withCheck: String?
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.command = command
        self.permissive = permissive
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
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
