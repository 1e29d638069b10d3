/// An installed extension (`CREATE EXTENSION`). Objects it owns are not captured.
public struct Extension: CatalogObject {
    public static let kind = ObjectKind.extension
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("version", .text),
        FieldSpec("schema", .text),
    ]

    public var fieldValues: [FieldValue?] { [.text(name), .text(version), .text(schema)] }

    public init(fieldValues v: some FieldReader) {
        self.init(name: v.text(0), version: v.text(1), schema: v.text(2))
    }
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
