/// An installed extension (`CREATE EXTENSION`). Objects it owns are not captured.
public struct Extension: CatalogObject {
    public static let kind = ObjectKind.extension
    public static let keyFields = ["name"]
    public var name: String
    public var version: String
    public var schema: String

    public init(name: String, version: String, schema: String) {
        self.name = name
        self.version = version
        self.schema = schema
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
