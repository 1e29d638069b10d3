/// A row of `supabase_migrations.schema_migrations`: a migration the database has applied.
public struct AppliedMigration: CatalogObject {
    public static let kind = ObjectKind.appliedMigration
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<AppliedMigration>] = [
        .init("version", \.version),
        .init("name", \.name),
        .init("statements_hash", \.statementsHash),
    ]

    public init() {}

    /// The version as text (14 digits by convention; 8 or 10 digits exist in the wild).
    public var version: String = ""
    public var name: String?
    /// SHA-256 (hex) of the recorded `statements` in canonical form (split into statements,
    /// comments and whitespace normalized: `StatementSplitter.canonicalStatements`), where recorded.
    public var statementsHash: String?

    public init(version: String, name: String?, statementsHash: String?) {
        self.version = version
        self.name = name
        self.statementsHash = statementsHash
    }

    public var path: String { version + (name.map { "_" + $0 } ?? "") }
    public var naturalKey: [String] { [version] }
}
