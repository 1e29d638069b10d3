/// A database-wide event trigger (`CREATE EVENT TRIGGER`).
public struct EventTrigger: CatalogObject {
    public static let kind = ObjectKind.eventTrigger
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<EventTrigger>] = [
        .init("name", \.name),
        .init("event", \.event),
        .init("tags", \.tags),
        .init("function", \.function),
        .init("enabled", \.enabled),
        .init("owner", \.owner),
        .init("comment", \.comment, since: 4),
    ]

    public init() {}

    public var name: String = ""
    /// `ddl_command_start`, `ddl_command_end`, `sql_drop` or `table_rewrite`.
    public var event: String = ""
    /// The command tags it fires for, sorted; none for all.
    public var tags: [String]?
    /// The function it calls, `schema.name`.
    public var function: String = ""
    /// `origin`, `disabled`, `replica` or `always`.
    public var enabled: String = ""
    public var owner: String = ""
    /// `COMMENT ON EVENT TRIGGER` *(format 4)*.
    public var comment: String?

    public init(name: String, event: String, tags: [String]?, function: String, enabled: String, owner: String) {
        self.name = name
        self.event = event
        self.tags = tags
        self.function = function
        self.enabled = enabled
        self.owner = owner
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
