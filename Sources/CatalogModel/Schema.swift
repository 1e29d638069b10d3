/// A namespace (`CREATE SCHEMA`).
public struct Schema: CatalogObject {
    public static let kind = ObjectKind.schema
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("owner", .text),
        FieldSpec("comment", .text),
    ]

    public var fieldValues: [FieldValue?] { [.text(name), .text(owner), comment.map(FieldValue.text)] }

    public init(fieldValues v: some FieldReader) {
        self.init(name: v.text(0), owner: v.text(1), comment: v.optionalText(2))
    }
    public var name: String
    public var owner: String
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
