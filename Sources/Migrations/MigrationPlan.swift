import CatalogModel

/// The migrations to apply to an environment, in order, each with its hazards.
public struct MigrationPlan: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var version: String
        public var name: String
        public var path: String
        /// SHA-256 of the file, so `apply --plan` can tell the file changed since review.
        public var checksum: String
        public var hazards: [Hazard]
    }

    /// The environment the plan applies to.
    public var environment: String
    /// The environment whose applied migrations the plan reaches (`--to`), or nil for the folder.
    public var reference: String?
    public var steps: [Step]
    /// Pending migrations older than the newest applied one.
    public var outOfOrder: [String]
    /// Versions the environment applied that the folder lacks.
    public var unknown: [String]
    /// Versions the reference applied that the folder lacks (cannot be planned).
    public var missingFiles: [String]

    /// Plans `folder`'s pending migrations for an environment whose snapshot is `catalog`, or,
    /// with `reference`, those the reference has applied and the environment lacks. Hazards
    /// are judged against the environment's tables, and tables created by earlier steps.
    public static func make(
        environment: String, catalog: Catalog, folder: MigrationFolder, reference: (name: String, applied: [AppliedMigration])?,
        exposedSchemas: Set<String>
    ) -> MigrationPlan {
        let states = MigrationStatus.compare(folder: folder, applied: catalog.appliedMigrations)
        let applied = Set(catalog.appliedMigrations.map(\.version))
        var wanted: [MigrationFile]
        var missingFiles: [String] = []
        if let reference {
            let byVersion = Dictionary(folder.migrations.map { ($0.version, $0) }, uniquingKeysWith: { a, _ in a })
            let versions = reference.applied.map(\.version).filter { !applied.contains($0) }.sorted(by: MigrationName.precedes)
            wanted = versions.compactMap { byVersion[$0] }
            missingFiles = versions.filter { byVersion[$0] == nil }
        } else {
            wanted = states.filter { $0.status == .pending }.compactMap(\.file)
        }
        var analyzer = HazardAnalyzer(
            existingTables: Set(catalog.relations.filter(\.isTable).map(\.key)), exposedSchemas: exposedSchemas)
        let steps = wanted.map { file in
            Step(
                version: file.version, name: file.name, path: file.path, checksum: file.checksum,
                hazards: analyzer.analyze(file.up))
        }
        return MigrationPlan(
            environment: environment, reference: reference?.name, steps: steps,
            outOfOrder: states.filter(\.outOfOrder).map(\.id), unknown: states.filter { $0.status == .unknown }.map(\.id),
            missingFiles: missingFiles)
    }
}
