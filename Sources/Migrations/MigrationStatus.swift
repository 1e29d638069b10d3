import CatalogModel

/// Where one migration stands in one environment.
public struct MigrationState: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Recorded in `schema_migrations` and present in the folder.
        case applied
        /// In the folder, not recorded.
        case pending
        /// Recorded, but no file in the folder.
        case unknown
    }

    public var version: String
    public var name: String
    public var status: Status
    /// Applied, but the file's statements differ from those recorded when it was applied.
    public var modified: Bool
    /// Pending, but older than the newest applied migration.
    public var outOfOrder: Bool
    /// The file, when there is one.
    public var file: MigrationFile?

    /// `yyyy-MM-dd HH:mm:ss` from the version.
    public var timestamp: String { MigrationName.timestamp(version) }
    /// `version_name`, how reports name the migration.
    public var id: String { version + "_" + name }
}

/// Compares the migrations folder with the migrations an environment has applied.
public enum MigrationStatus {
    /// One state per version in the folder or the applied list, in version order.
    public static func compare(folder: MigrationFolder, applied: [AppliedMigration]) -> [MigrationState] {
        let appliedByVersion = Dictionary(applied.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let newestApplied = applied.map(\.version).max(by: MigrationName.precedes)
        var states: [MigrationState] = []
        for file in folder.migrations {
            if let record = appliedByVersion[file.version] {
                let modified = record.statementsHash.map { $0 != file.statementsHash } ?? false
                states.append(
                    MigrationState(
                        version: file.version, name: file.name, status: .applied, modified: modified,
                        outOfOrder: false, file: file))
            } else {
                let late = newestApplied.map { MigrationName.precedes(file.version, $0) } ?? false
                states.append(
                    MigrationState(
                        version: file.version, name: file.name, status: .pending, modified: false,
                        outOfOrder: late, file: file))
            }
        }
        let local = Set(folder.migrations.map(\.version))
        for record in applied where !local.contains(record.version) {
            states.append(
                MigrationState(
                    version: record.version, name: record.name ?? "", status: .unknown, modified: false,
                    outOfOrder: false, file: nil))
        }
        return states.sorted { MigrationName.precedes($0.version, $1.version) }
    }

    /// True when anything needs attention: pending, unknown, modified or out of order.
    public static func needsAttention(_ states: [MigrationState]) -> Bool {
        states.contains { $0.status != .applied || $0.modified || $0.outOfOrder }
    }
}
