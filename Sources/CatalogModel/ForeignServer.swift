/// A foreign server (`CREATE SERVER`).
public struct ForeignServer: CatalogObject {
    public static let kind = ObjectKind.foreignServer
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<ForeignServer>] = [
        .init("name", \.name),
        .init("wrapper", \.wrapper),
        .init("server_type", \.serverType),
        .init("server_version", \.serverVersion),
        .init("options", \.options),
        .init("owner", \.owner),
        .init("comment", \.comment, since: 4),
    ]

    public init() {}

    public var name: String = ""
    public var wrapper: String = ""
    public var serverType: String?
    public var serverVersion: String?
    /// Its options as `key=value`, sorted.
    public var options: [String]?
    public var owner: String = ""
    /// `COMMENT ON SERVER` *(format 4)*.
    public var comment: String?

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
