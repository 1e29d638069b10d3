import CatalogModel
import Foundation
import ParallelWork
import PostgresInspector
import Reports
import SnapshotStore

/// What one capture produced.
public struct CaptureOutcome: Sendable {
    public var environment: String
    /// The metadata of the snapshot written, or of the newest existing one when nothing changed.
    public var meta: SnapshotMeta
    /// The path of that snapshot.
    public var path: String
    /// False when the schema equalled the newest snapshot and nothing was written.
    public var written: Bool
    public var seconds: Double
    /// What the capture could not read (e.g. the migrations table without privilege).
    public var warnings: [String]
}

/// Captures environments into snapshot files: connection string from the environment
/// variable only, catalog through the inspector, file through the store.
public struct Capturer: Sendable {
    public var config: Config
    public var pipeline: Pipeline
    /// Read the process environment; injectable for tests.
    public var variables: [String: String]
    /// Refuse (and write nothing) when the database has objects of kinds not compared.
    public var strictCoverage = false

    public init(config: Config, variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.pipeline = Pipeline(config: config)
        self.variables = variables
    }

    /// The connection string of `environment`, from its variable.
    public func conninfo(for environment: EnvironmentConfig) throws -> String {
        try conninfo(variable: environment.urlEnv, name: environment.name)
    }

    /// The connection string in `variable` for environment `name`. Throws
    /// `SchemasnapError.variableUnset` when it is unset or empty.
    public func conninfo(variable: String, name: String) throws -> String {
        guard let value = variables[variable], !value.isEmpty else {
            throw SchemasnapError.variableUnset(variable: variable, environment: name)
        }
        return value
    }

    /// Captures `name` through the connection string in `variable` into `out` (default: the
    /// library's path for now). Unless `always`, writes nothing when the fingerprint equals
    /// the environment's newest snapshot.
    public func capture(
        name: String, variable: String, out: String? = nil, always: Bool = false,
        progress: @escaping (String) -> Void = { _ in }
    ) throws -> CaptureOutcome {
        let start = Date()
        let conninfo = try conninfo(variable: variable, name: name)
        let (catalog, server) = try Connections.naming(environment: name, variable: variable) {
            try pipeline.inspect(conninfo, progress: progress)
        }
        if strictCoverage && !catalog.uncovered.isEmpty {
            throw SchemasnapError.notCompared(environment: name, summary: describeNotCompared(catalog.uncovered))
        }
        let library = SnapshotLibrary(folder: config.snapshotsPath)
        // Only the unchanged check needs the fingerprint before writing; otherwise the store
        // computes it while it inserts the rows.
        let previousSnapshot = always || out != nil ? nil : try? library.newest(of: name)
        let fingerprint = previousSnapshot.map { _ in Fingerprint.of(catalog) }
        if let newest = previousSnapshot, let fingerprint, let previous = unchangedSnapshot(newest, catalog, fingerprint) {
            return CaptureOutcome(
                environment: name, meta: previous, path: newest, written: false,
                seconds: Date().timeIntervalSince(start), warnings: server.warnings)
        }
        let path = out ?? library.path(for: name, at: start)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let meta = SnapshotMeta(
            environment: name, capturedAt: start, serverVersion: server.serverVersion, database: server.database,
            host: server.host, port: server.port, toolVersion: SchemasnapVersion.tool, fingerprint: "",
            objectCounts: [:], notCompared: [:], leftOut: server.leftOut)
        // A snapshot in the library is never replaced: a second capture within the same second
        // gets the next number (`--out` names a file the user chose, replaced if a snapshot).
        let nameIfTaken: ((Int) -> String)? = out == nil ? { library.path(for: name, at: start, number: $0) } : nil
        let snapshot = try pipeline.store(catalog, meta: meta, at: path, fingerprint: fingerprint, nameIfTaken: nameIfTaken)
        return CaptureOutcome(
            environment: name, meta: snapshot.meta, path: snapshot.path, written: true,
            seconds: Date().timeIntervalSince(start), warnings: server.warnings)
    }

    /// The metadata of the snapshot at `path` when it holds the same schema as `catalog`
    /// (whose fingerprint is `fingerprint`), else nil. A snapshot of an older format is
    /// compared on what it recorded only, so an upgrade alone never writes a new snapshot,
    /// unless the database has objects of a kind that format had no table for.
    private func unchangedSnapshot(_ path: String, _ catalog: Catalog, _ fingerprint: String) -> SnapshotMeta? {
        guard let meta = try? SnapshotFile.readMeta(path) else { return nil }
        guard meta.formatVersion < SnapshotFile.formatVersion else { return meta.fingerprint == fingerprint ? meta : nil }
        guard let older = try? pipeline.read(path) else { return nil }
        // Objects of a kind the older file had no table for (say Storage buckets) are facts it
        // could not hold: the audit trail records them in a new snapshot.
        let counts = catalog.counts
        if older.catalog.unrecorded.kinds.contains(where: { !$0.restatesOthers && counts[$0, default: 0] > 0 }) {
            return nil
        }
        var comparable = catalog
        comparable.unrecorded = catalog.unrecorded.union(older.catalog.unrecorded)
        return Fingerprint.of(comparable) == Fingerprint.of(older.catalog) ? meta : nil
    }

    /// Captures every configured environment concurrently, one thread each (capture blocks
    /// on the network), so the whole run takes as long as the slowest server. Each
    /// environment's failure is returned in its slot, never stopping the others. Results
    /// come in configuration order.
    public func captureAll(always: Bool = false) -> [(String, Result<CaptureOutcome, any Error>)] {
        let environments = config.environments
        let results = Slots<Result<CaptureOutcome, any Error>>(count: environments.count)
        let group = DispatchGroup()
        for (i, env) in environments.enumerated() {
            group.enter()
            Thread {
                results.set(i, Result { try capture(name: env.name, variable: env.urlEnv, always: always) })
                group.leave()
            }.start()
        }
        group.wait()
        return zip(environments.map(\.name), results.values).map { ($0, $1) }
    }
}
