/// A foreign-data wrapper (`CREATE FOREIGN DATA WRAPPER`) not created by an extension
/// *(format 4)*; `CREATE EXTENSION postgres_fdw` makes its wrapper an extension member.
public struct ForeignDataWrapper: CatalogObject {
    public static let kind = ObjectKind.foreignDataWrapper
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<ForeignDataWrapper>] = [
        .init("name", \.name, since: 4),
        .init("handler", \.handler, since: 4),
        .init("validator", \.validator, since: 4),
        .init("options", \.options, since: 4),
        .init("owner", \.owner, since: 4),
        .init("comment", \.comment, since: 4),
    ]

    public init() {}

    public var name: String = ""
    /// The handler function, `schema.name`.
    public var handler: String?
    /// The validator function, `schema.name`.
    public var validator: String?
    /// Its options as `key=value`, sorted.
    public var options: [String]?
    public var owner: String = ""
    public var comment: String?

    public init(name: String, handler: String?, validator: String?, options: [String]?, owner: String) {
        self.name = name
        self.handler = handler
        self.validator = validator
        self.options = options
        self.owner = owner
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
