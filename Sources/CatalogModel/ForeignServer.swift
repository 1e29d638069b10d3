/// A foreign server (`CREATE SERVER`). User mappings, which hold credentials, are never read.
public struct ForeignServer: CatalogObject {
    public static let kind = ObjectKind.foreignServer
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("wrapper", .text),
        FieldSpec("server_type", .text),
        FieldSpec("server_version", .text),
        FieldSpec("options", .list),
        FieldSpec("owner", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(name), .text(wrapper), serverType.map(FieldValue.text), serverVersion.map(FieldValue.text),
            options.map(FieldValue.list), .text(owner),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            name: v.text(0), wrapper: v.text(1), serverType: v.optionalText(2), serverVersion: v.optionalText(3),
            options: v.optionalList(4), owner: v.text(5))
    }
    public var name: String
    public var wrapper: String
    public var serverType: String?
    public var serverVersion: String?
    /// Its options as `key=value`, sorted.
    public var options: [String]?
    public var owner: String

    public init(
        name: String, wrapper: String, serverType: String?, serverVersion: String?,
        options: [String]?, owner: String
    ) {
        self.name = name
        self.wrapper = wrapper
        self.serverType = serverType
        self.serverVersion = serverVersion
        self.options = options
        self.owner = owner
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
