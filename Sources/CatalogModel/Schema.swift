/// A namespace (`CREATE SCHEMA`).
public struct Schema: CatalogObject {
    public static let kind = ObjectKind.schema
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<Schema>] = [
        .init("name", \.name),
        .init("owner", \.owner),
        .init("comment", \.comment),
    ]

    public init() {}

    public var name: String = ""
    public var owner: String = ""
    public var comment: String?

    public init(name: String, owner: String, comment: String? = nil) {
        self.name = name
        self.owner = owner
        self.comment = comment
    }

    public var path: String { quoteIdentifier(name) }
    public var grantableID: String? { grantableObjectID("schema", name, "") }
    public var naturalKey: [String] { [name] }
}
