/// A logical-replication publication (Supabase Realtime is one: `supabase_realtime`).
public struct Publication: CatalogObject {
    public static let kind = ObjectKind.publication
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<Publication>] = [
        .init("name", \.name),
        .init("all_tables", \.allTables),
        .init("operations", \.operations),
        .init("via_root", \.viaRoot),
        .init("owner", \.owner),
        .init("schemas", \.schemas, since: 4),
    ]

    public init() {}

    public var name: String = ""
    public var allTables: Bool = false
    /// The operations it publishes: `insert`, `update`, `delete`, `truncate`.
    public var operations: [String] = []
    public var viaRoot: Bool = false
    public var owner: String = ""
    /// The schemas it publishes every table of (`FOR TABLES IN SCHEMA`), sorted *(format 4)*.
    public var schemas: [String]?

    public init(name: String, allTables: Bool, operations: [String], viaRoot: Bool, owner: String) {
        self.name = name
        self.allTables = allTables
        self.operations = operations
        self.viaRoot = viaRoot
        self.owner = owner
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}
