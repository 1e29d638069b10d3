/// A row-level security policy (`CREATE POLICY`).
public struct Policy: CatalogObject {
    public static let kind = ObjectKind.policy
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("table", .text),
        FieldSpec("name", .text),
        FieldSpec("command", .text),
        FieldSpec("permissive", .bool),
        FieldSpec("roles", .list),
        FieldSpec("using", .text),
        FieldSpec("with_check", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(table), .text(name), .text(command), .bool(permissive), .list(roles), using.map(FieldValue.text),
            withCheck.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), table: v.text(1), name: v.text(2), command: v.text(3), permissive: v.bool(4), roles: v.list(5),
            using: v.optionalText(6), withCheck: v.optionalText(7))
    }
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
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(schema, other.schema).nonZero ?? NaturalKeyOrder.compare(table, other.table).nonZero
            ?? NaturalKeyOrder.compare(name, other.name)
    }
    public var schemaName: String? { schema }
}
