/// An installed extension (`CREATE EXTENSION`). Objects it owns are not captured.
public struct Extension: CatalogObject {
    public static let kind = ObjectKind.extension
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<Extension>] = [
        .init("name", \.name),
        .init("version", \.version),
        .init("schema", \.schema),
        .init("member_schemas", \.memberSchemas, since: 3),
    ]

    public init() {}

    public var name: String = ""
    public var version: String = ""
    /// The schema `CREATE EXTENSION` put it in; its objects may live elsewhere (pg_cron's in `cron`).
    public var schema: String = ""
    /// The schemas its functions, relations and types live in, sorted.
    public var memberSchemas: [String]?

    public init(name: String, version: String, schema: String, memberSchemas: [String]? = nil) {
        self.name = name
        self.version = version
        self.schema = schema
        self.memberSchemas = memberSchemas
    }

    /// Where its objects are: `memberSchemas`, or for a snapshot that did not record them, `schema`.
    public var schemasHoldingMembers: [String] { memberSchemas ?? [schema] }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
