/// A row-level security policy (`CREATE POLICY`).
public struct Policy: CatalogObject {
    public static let kind = ObjectKind.policy
    public static let keyFields = ["schema", "table", "name"]
    public var schema: String
    public var table: String
    public var name: String
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    public var command: String
    /// False for a `RESTRICTIVE` policy.
    public var permissive: Bool
    /// The roles it applies to, sorted; `public` for all.
    public var roles: [String]
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
}
