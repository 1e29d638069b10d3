/// A logical-replication publication (Supabase Realtime is one: `supabase_realtime`).
public struct Publication: CatalogObject {
    public static let kind = ObjectKind.publication
    public static let keyFields = ["name"]
    public var name: String
    public var allTables: Bool
    /// The operations it publishes: `insert`, `update`, `delete`, `truncate`.
    public var operations: [String]
    public var viaRoot: Bool
    public var owner: String

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
