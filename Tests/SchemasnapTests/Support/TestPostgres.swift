import CatalogModel
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// The throwaway PostgreSQL that `scripts/test` starts. Each test gets its own database, so
/// tests run in parallel; a run without a server fails, never skips.
enum TestPostgres {
    struct NoServer: LocalizedError {
        var errorDescription: String? {
            "SCHEMASNAP_TEST_PG is not set: run the tests with scripts/test, which starts PostgreSQL"
        }
    }

    /// Keyword conninfo of the test server, without a dbname.
    static func baseConninfo() throws -> String {
        guard let value = ProcessInfo.processInfo.environment["SCHEMASNAP_TEST_PG"], !value.isEmpty else {
            throw NoServer()
        }
        return value
    }

    /// Creates a fresh database, runs `sql` scripts in it in order, and drops it when the test
    /// ends. Returns its conninfo.
    static func createDatabase(_ test: XCTestCase, sql: [String] = [], platform: Bool = true) throws -> String {
        let base = try baseConninfo()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin = try PostgresConnection(conninfo: base + " dbname=postgres")
        try admin.query("CREATE DATABASE \(name)")
        test.addTeardownBlock {
            let admin = try? PostgresConnection(conninfo: base + " dbname=postgres")
            _ = try? admin?.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        let conninfo = base + " dbname=\(name)"
        let db = try PostgresConnection(conninfo: conninfo)
        if platform { try db.query(try Fixtures.text("../../supabase/platform.sql")) }
        for script in sql { try db.query(script) }
        return conninfo
    }

    /// Fingerprint of the database's schema without the cluster-wide roles: tests running in
    /// parallel create roles in the same cluster, so comparing two captures over time must not
    /// see them (the product's fingerprint does cover roles).
    static func schemaFingerprint(_ conninfo: String) throws -> String {
        var catalog = try Inspector().capture(conninfo: conninfo).0
        catalog.roles = []
        return Fingerprint.of(catalog)
    }

    /// Runs `sql` in the database at `conninfo`.
    /// The one database pg_cron may be created in (`cron.database_name` in scripts/test).
    static let cronDatabase = "schemasnap_cron"

    /// Runs `body` with the conninfo of `cronDatabase`, made afresh and dropped after. Tests
    /// that need it take turns, holding a session advisory lock for the whole body, since
    /// `swift test --parallel` runs them in separate processes.
    static func withCronDatabase(_ body: (String) throws -> Void) throws {
        let base = try baseConninfo()
        let admin = try PostgresConnection(conninfo: base + " dbname=postgres")
        try admin.query("SELECT pg_catalog.pg_advisory_lock(\(cronLock))")
        defer {
            _ = try? admin.query("DROP DATABASE IF EXISTS \(cronDatabase) WITH (FORCE)")
            _ = try? admin.query("SELECT pg_catalog.pg_advisory_unlock(\(cronLock))")
        }
        try admin.query("DROP DATABASE IF EXISTS \(cronDatabase) WITH (FORCE)")
        try admin.query("CREATE DATABASE \(cronDatabase)")
        try body(base + " dbname=\(cronDatabase)")
    }

    /// The advisory lock key of `withCronDatabase`.
    private static let cronLock = 0x5343_524F

    static func execute(_ conninfo: String, _ sql: String) throws {
        try PostgresConnection(conninfo: conninfo).query(sql)
    }
}

/// Files under Tests/Fixtures, and the repository root.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var repositoryRoot: URL { directory.deletingLastPathComponent().deletingLastPathComponent() }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func path(_ relativePath: String) -> String {
        directory.appendingPathComponent(relativePath).standardizedFileURL.path
    }
}

/// A temporary directory removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "schemasnap-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Runs `sql` against the SQLite file at `path` behind schemasnap's back (with Python's
/// sqlite3 module), as a hand edit or a damaged disk would change it.
func editSnapshotFile(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
        path, sql,
    ]
    try process.run()
    process.waitUntilExit()
}
