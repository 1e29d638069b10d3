/// A logical-replication publication (Supabase Realtime is one: `supabase_realtime`).
public struct Publication: CatalogObject {
    public static let kind = ObjectKind.publication
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("all_tables", .bool),
        FieldSpec("operations", .list),
        FieldSpec("via_root", .bool),
        FieldSpec("owner", .text),
    ]

    public var fieldValues: [FieldValue?] { [.text(name), .bool(allTables), .list(operations), .bool(viaRoot), .text(owner)] }

    public init(fieldValues v: some FieldReader) {
        self.init(name: v.text(0), allTables: v.bool(1), operations: v.list(2), viaRoot: v.bool(3), owner: v.text(4))
    }
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
