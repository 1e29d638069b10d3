import CatalogModel
import Foundation
import Migrations
import Reports
import SnapshotStore

/// `new`, `status`, `plan` and `lint`: the migrations folder against snapshots, offline.
public struct MigrationWorkflow: Sendable {
    public var config: Config
    /// The time reports measure snapshot age against.
    public var now: Date

    public init(config: Config, now: Date = MigrationWorkflow.currentTime()) {
        self.config = config
        self.now = now
    }

    /// Now, or `SCHEMASNAP_NOW` (ISO 8601) when set, so reports can be reproduced exactly.
    public static func currentTime() -> Date {
        ProcessInfo.processInfo.environment["SCHEMASNAP_NOW"].flatMap(parseISO8601) ?? Date()
    }

    /// The migrations folder as it is now. Throws when it cannot be read.
    public func folder() throws -> MigrationFolder { try MigrationFolder.read(config.migrationsPath) }

    /// Creates a migration file from the template; returns its path.
    public func create(name: String, up: String? = nil, down: String? = nil) throws -> String {
        try MigrationTemplate.create(name: name, in: config.migrationsPath, at: now, up: up, down: down)
    }

    /// The status of each environment against its newest snapshot.
    public func status(environments: [String]) throws -> [StatusReport] {
        let folder = try folder()
        return try environments.map { name in
            let snapshot = try newestSnapshot(name)
            return StatusReport(
                environment: name, snapshot: SnapshotSummary(snapshot),
                ageSeconds: now.timeIntervalSince(snapshot.meta.capturedAt),
                states: MigrationStatus.compare(folder: folder, applied: snapshot.catalog.appliedMigrations),
                ignoredFiles: folder.ignoredFiles)
        }
    }

    /// The plan for `environment`, towards the folder or what `reference` has applied.
    public func plan(environment: String, reference: String?) throws -> PlanReport {
        if let reference, reference == environment { throw SchemasnapError.sameEnvironment(reference) }
        let snapshot = try newestSnapshot(environment)
        let referenceApplied = try reference.map { ($0, try newestSnapshot($0).catalog.appliedMigrations) }
        let plan = MigrationPlan.make(
            environment: environment, catalog: snapshot.catalog, folder: try folder(), reference: referenceApplied,
            exposedSchemas: Set(config.exposedSchemas))
        return PlanReport(plan: plan, snapshot: SnapshotSummary(snapshot))
    }

    /// Hazards of each file (all migrations in the folder when none is given), judged
    /// against the tables of `against` (a snapshot reference) when given.
    public func lint(files: [String], against: String?) throws -> [(file: String, hazards: [Hazard])] {
        let existing = try against.map {
            Set(
                try Pipeline(config: config).read(try SnapshotReference($0).resolve(config: config)).catalog.relations
                    .filter(\.isTable).map(\.key))
        }
        let migrations: [MigrationFile]
        if files.isEmpty {
            migrations = try folder().migrations
        } else {
            migrations = try files.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw MigrationError.unreadable(path, reason: "no such file or permission denied")
                }
                guard let text = String(data: data, encoding: .utf8) else { throw MigrationError.notUTF8(path) }
                let parsed = MigrationName.parse(fileName: URL(fileURLWithPath: path).lastPathComponent)
                return MigrationFile(version: parsed?.version ?? "", name: parsed?.name ?? path, path: path, content: text)
            }
        }
        return migrations.map { file in
            var analyzer = HazardAnalyzer(existingTables: existing, exposedSchemas: Set(config.exposedSchemas))
            return (Terminal.displayPath(file.path), analyzer.analyze(file.up))
        }
    }

    private func newestSnapshot(_ environment: String) throws -> Snapshot {
        _ = try config.environment(environment)
        return try Pipeline(config: config).read(try SnapshotLibrary(folder: config.snapshotsPath).newest(of: environment))
    }
}
