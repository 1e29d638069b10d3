import Applier
import CatalogModel
import Differ
import Foundation
import Migrations
import PostgresInspector
import Reports
import SnapshotStore

/// `verify`: on a scratch database, every migration applies in order, its DOWN section
/// returns the schema to exactly where it was, and UP again reproduces it.
public struct VerifyWorkflow: Sendable {
    public var config: Config
    public var variables: [String: String]

    public init(config: Config, variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.variables = variables
    }

    /// Applies every migration to the empty shadow database in `shadowVariable`, checking each
    /// UP, DOWN, UP round-trips, and writes what they build to `out` as the intended snapshot.
    /// Returns the problems found; throws when the shadow is not empty (without `reset`), a
    /// migration fails or the snapshot cannot be written.
    public func verify(
        shadowVariable: String, reset: Bool, setup: String?, out: String, output: (WriterProgress) -> Void
    ) throws -> VerifySummary {
        let conninfo = try Capturer(config: config, variables: variables).conninfo(variable: shadowVariable, name: "shadow")
        let pipeline = Pipeline(config: config)
        let connection = try Connections.naming(environment: "shadow", variable: shadowVariable) {
            try PostgresConnection(conninfo: conninfo)
        }
        let existing = userObjects(try pipeline.inspect(over: connection).0)
        if !existing.isEmpty {
            guard reset else { throw ApplyError.shadowNotEmpty(objects: existing.count) }
            for schema in Set(existing.map(\.schema)).sorted() {
                try connection.query("DROP SCHEMA \(quoteIdentifier(schema)) CASCADE")
            }
            try connection.query("CREATE SCHEMA IF NOT EXISTS public")
            output(.shadowReset(objects: existing.count))
        }
        if let setup {
            guard let sql = FileManager.default.contents(atPath: setup).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw MigrationError.unreadable(setup, reason: "no such file or not UTF-8")
            }
            try connection.query(sql)
            output(.setupRan(path: setup))
        }
        let runner = MigrationRunner(connection: connection)
        let folder = try MigrationFolder.read(config.migrationsPath)
        var result = VerifySummary()
        func capture() throws -> Catalog { try pipeline.inspect(over: connection).0 }
        for file in folder.migrations {
            let transactional = MigrationRunner.nonTransactional(file) == nil
            let before = try capture()
            do {
                try runner.apply(file, environment: "shadow", force: false, transactional: transactional)
            } catch {
                result.problems.append(
                    VerifySummary.Problem(
                        migration: file.id,
                        message: "does not apply: \(error.localizedDescription)" + platformHint(error, setup: setup),
                        differences: []))
                output(.verified(migration: file.id, outcome: .doesNotApply))
                return result
            }
            result.checked += 1
            let afterUp = try capture()
            guard file.down != nil else {
                result.withoutDown.append(file.id)
                output(.verified(migration: file.id, outcome: .notReversible))
                continue
            }
            try runner.rollback([file], environment: "shadow")
            let afterDown = try capture()
            let undo = differences(before, afterDown)
            if !undo.isEmpty {
                result.problems.append(
                    VerifySummary.Problem(
                        migration: file.id, message: "DOWN does not restore the earlier schema", differences: undo))
            }
            // Back to the state after UP for the next migration: re-apply (or, if DOWN left
            // things behind, UP may fail; that is reported too).
            do {
                try runner.apply(file, environment: "shadow", force: true, transactional: transactional)
            } catch {
                result.problems.append(
                    VerifySummary.Problem(
                        migration: file.id, message: "UP fails after DOWN: \(error.localizedDescription)", differences: []))
                output(.verified(migration: file.id, outcome: .upFailsAfterDown))
                return result
            }
            let again = differences(afterUp, try capture())
            if !again.isEmpty {
                result.problems.append(
                    VerifySummary.Problem(migration: file.id, message: "UP after DOWN gives another schema", differences: again))
            }
            output(.verified(migration: file.id, outcome: undo.isEmpty && again.isEmpty ? .roundTrips : .differs))
        }
        let (catalog, server) = try pipeline.inspect(over: connection)
        let meta = SnapshotMeta(
            environment: "intended", capturedAt: Date(), serverVersion: server.serverVersion, database: server.database,
            host: server.host, port: server.port, toolVersion: SchemasnapVersion.tool, fingerprint: "", objectCounts: [:],
            notCompared: [:])
        let path = config.resolveFromWorkingDirectory(out)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try pipeline.store(catalog, meta: meta, at: path)
        result.intendedPath = path
        return result
    }

    /// Relations, functions and types outside system and managed schemas.
    private func userObjects(_ catalog: Catalog) -> [(schema: String, name: String)] {
        let ignored = Set(config.managedSchemas + ["supabase_migrations"])
        return
            (catalog.relations.map { ($0.schema, $0.name) } + catalog.functions.map { ($0.schema, $0.name) }
            + catalog.types.map { ($0.schema, $0.name) }).filter { !ignored.contains($0.0) }
    }

    private func differences(_ a: Catalog, _ b: Catalog) -> [String] {
        Pipeline(config: config).compare(
            source: a, target: b, options: DiffOptions(criticalSchemas: Set(config.criticalSchemas), includeManaged: true)
        )
        .map { change in
            switch change.kind {
            case .missingInTarget: "\(change.noun) \(change.path) is gone"
            case .onlyInTarget: "\(change.noun) \(change.path) is left behind"
            case .changed:
                "\(change.noun) \(change.path): \(change.attribute ?? "") \(change.sourceValue ?? "(none)") → \(change.targetValue ?? "(none)")"
            }
        }
    }
}

/// `; the shadow database has no schema auth, which the platform provides: run verify with
/// --setup supabase/platform.sql`, when a migration failed on a missing platform schema and no
/// setup script was run; empty otherwise.
func platformHint(_ error: any Error, setup: String?) -> String {
    guard setup == nil else { return "" }
    let message = error.localizedDescription
    for schema in ["auth", "storage", "extensions", "realtime", "vault", "graphql", "supabase_functions", "cron", "net"]
    where message.contains("schema \"\(schema)\" does not exist") {
        return "; the shadow database has no schema \(schema), which the platform provides: "
            + "run verify with --setup supabase/platform.sql (or your platform's setup script)"
    }
    return ""
}
