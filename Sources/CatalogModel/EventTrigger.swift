/// A database-wide event trigger (`CREATE EVENT TRIGGER`).
public struct EventTrigger: CatalogObject {
    public static let kind = ObjectKind.eventTrigger
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("event", .text),
        FieldSpec("tags", .list),
        FieldSpec("function", .text),
        FieldSpec("enabled", .text),
        FieldSpec("owner", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [.text(name), .text(event), tags.map(FieldValue.list), .text(function), .text(enabled), .text(owner)]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            name: v.text(0), event: v.text(1), tags: v.optionalList(2), function: v.text(3), enabled: v.text(4), owner: v.text(5))
    }
    public var name: String
    /// `ddl_command_start`, `ddl_command_end`, `sql_drop` or `table_rewrite`.
    public var event: String
    /// The command tags it fires for, sorted; none for all.
    public var tags: [String]?
    /// The function it calls, `schema.name`.
    public var function: String
    /// `origin`, `disabled`, `replica` or `always`.
    public var enabled: String
    public var owner: String

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
