/// An installed extension (`CREATE EXTENSION`). Objects it owns are not captured.
public struct Extension: CatalogObject {
    public static let kind = ObjectKind.extension
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<Extension>] = [
        .init("name", \.name),
        .init("version", \.version),
        .init("schema", \.schema),
    ]

    public init() {}

    public var name: String = ""
    public var version: String = ""
    public var schema: String = ""

    public init(name: String, version: String, schema: String) {
        self.name = name
        self.version = version
        self.schema = schema
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
