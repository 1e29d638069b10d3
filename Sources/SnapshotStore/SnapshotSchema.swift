import CatalogModel

/// The SQL schema of snapshot format version 4, derived from each kind's fields: one table per
/// object kind, keyed by natural names (never OIDs). Tables are `WITHOUT ROWID`, clustered on
/// their natural key, which keeps the file small (no separate key index). Columns are the
/// model's fields in snake_case; booleans are 0/1, lists are JSON arrays of strings.
/// `docs/snapshot-format.md` documents every column.
enum SnapshotSchema {
    /// `PRAGMA application_id` of every snapshot file: "SNAP" in ASCII.
    static let applicationID: Int32 = 0x534E_4150
    /// The format version this build writes (`PRAGMA user_version`).
    /// Format 1 (0.1.0) had no `dependencies` table and no `indexes.comment` column;
    /// Format 2 (0.2.0) had no platform configuration tables (`cron_jobs`, `storage_buckets`,
    /// `vault_secrets`, `partition_sets`);
    /// Format 3 (0.3.0) had no `foreign_data_wrappers` or `user_mappings` tables, no column
    /// storage, foreign table options, rule enabled state, publication schemas, replica
    /// identity index, ICU locale, or comments on event triggers and servers.
    /// `SnapshotFile.read` reads older files through their own tables and columns.
    static let formatVersion = 4

    /// The `meta` table, then one table per kind in `Catalog.visitKinds` order.
    static var statements: [String] {
        var tables = TableDefinitions()
        Catalog.visitKinds(&tables)
        return ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"] + tables.statements
    }

    /// The table of kind `T`, derived from its fields: one column per field (TEXT for text and
    /// lists, INTEGER for integers and booleans), NOT NULL unless the field is optional, the key
    /// fields as primary key.
    static func createTable<T: CatalogObject>(_: T.Type) -> String {
        let columns = T.fieldSpecs.map { spec in
            let type = spec.type == .text || spec.type == .list ? "TEXT" : "INTEGER"
            return "\"\(spec.name)\" \(type)" + (spec.optional ? "" : " NOT NULL")
        }
        let key = T.keyFields.map { "\"\($0)\"" }.joined(separator: ", ")
        return "CREATE TABLE \(T.kind.tableName) (\(columns.joined(separator: ", ")), PRIMARY KEY (\(key))) WITHOUT ROWID"
    }

    private struct TableDefinitions: CatalogKindVisitor {
        var statements: [String] = []
        mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
            statements.append(SnapshotSchema.createTable(T.self))
        }
    }
}
