import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// `apply` and `rollback` on real databases: guards, transactions, the advisory lock.
final class ApplyTests: XCTestCase {
    /// A project with the demo migrations, a dev and a protected production environment.
    private func project() throws -> String {
        let dir = try temporaryDirectory(self)
        try """
        [environments.dev]
        [environments.production]
        protected = true
        backup_dir = "backups/production"
        """.write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/supabase", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Fixtures.repositoryRoot.appendingPathComponent("supabase/migrations").path,
            toPath: dir + "/supabase/migrations")
        try FileManager.default.createDirectory(atPath: dir + "/backups/production", withIntermediateDirectories: true)
        return dir
    }

    private func fingerprint(_ db: String) throws -> String { try TestPostgres.schemaFingerprint(db) }

    private func applyAll(_ db: String, in dir: String, through count: Int) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/supabase/migrations").sorted().prefix(count)
        for file in files {
            let result = try CLI.run(
                ["apply", "--env", "dev", "--migration", String(file.prefix(14))], in: dir,
                environment: ["SCHEMASNAP_DB_URL_DEV": db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
    }

    func testApplyThenStatusShowsItAppliedAndASecondApplyIsRefused() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        let env = ["SCHEMASNAP_DB_URL_DEV": db]
        let first = try CLI.run(["apply", "--env", "dev", "--migration", "core_schema", "--capture"], in: dir, environment: env)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("applied 20251101000000_create_core_schema to dev"), first.stdout)
        let status = try CLI.run(["status", "--env", "dev", "--format", "json"], in: dir)
        XCTAssertTrue(status.stdout.contains("\"applied\" : 1"), status.stdout)
        let again = try CLI.run(["apply", "--env", "dev", "--migration", "core_schema"], in: dir, environment: env)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("error: 20251101000000 is already applied in `dev`; use --force"), again.stderr)
        let ambiguous = try CLI.run(["apply", "--env", "dev", "--migration", "create"], in: dir, environment: env)
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.stderr.contains("matches several migrations"), ambiguous.stderr)
    }

    func testTwoConcurrentAppliesNeverBothRun() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        // A migration that holds its transaction open for a moment.
        try "CREATE TABLE public.slow (id int);\nSELECT pg_sleep(1);\nALTER TABLE public.slow ENABLE ROW LEVEL SECURITY;\n"
            .write(toFile: dir + "/supabase/migrations/20260101000000_slow.sql", atomically: true, encoding: .utf8)
        let results = Slot()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = try? CLI.run(
                ["apply", "--env", "dev", "--migration", "slow"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
            results.add(result?.status ?? -1, result?.stderr ?? "")
        }
        XCTAssertEqual(results.statuses.sorted(), [0, 2])
        XCTAssertTrue(results.errors.contains { $0.contains("already applied") }, "\(results.errors)")
        let rows = try PostgresConnection(conninfo: db).query("SELECT count(*) FROM supabase_migrations.schema_migrations")
        XCTAssertEqual(rows.first?.string(0), "1")
        ReliabilityLog.record(
            "two applies of one migration at the same moment", test: "ApplyTests.testTwoConcurrentAppliesNeverBothRun", tries: 1,
            outcome: "one applies; the other waits on the advisory lock and refuses it as already applied")
    }

    func testAFailureInTheThirdStatementLeavesNothing() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        try "CREATE TABLE public.first (id int);\nCREATE TABLE public.second (id int);\nCREATE TABLE public.first (id int);\n"
            .write(toFile: dir + "/supabase/migrations/20260101000000_broken.sql", atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["apply", "--env", "dev", "--migration", "broken"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains("20260101000000_broken.sql:3: `CREATE TABLE public.first (id int)` failed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was applied (rolled back)"), result.stderr)
        let connection = try PostgresConnection(conninfo: db)
        XCTAssertEqual(try connection.scalar("SELECT to_regclass('public.first') IS NULL"), "t")
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM supabase_migrations.schema_migrations"), "0")
        ReliabilityLog.record(
            "a migration failing in its third statement", test: "ApplyTests.testAFailureInTheThirdStatementLeavesNothing",
            tries: 1, outcome: "nothing of the first two statements remains, no `schema_migrations` row")
    }

    func testProductionGuardsRefuseAndLeaveTheDatabaseUntouched() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        let env = ["SCHEMASNAP_DB_URL_PRODUCTION": db]
        let before = try fingerprint(db)
        func refused(_ extra: [String], _ message: String, line: UInt = #line) throws {
            let result = try CLI.run(
                ["apply", "--env", "production", "--migration", "core_schema"] + extra, in: dir, environment: env)
            XCTAssertEqual(result.status, 2, line: line)
            XCTAssertTrue(result.stderr.contains(message), result.stderr, line: line)
        }
        try refused([], "`production` is protected: add --force")
        try refused(["--force"], "no backup was found; take one first: mkdir -p")
        let stale = dir + "/backups/production/old.dump"
        try "PGDMP stale".write(toFile: stale, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-31 * 60)], ofItemAtPath: stale)
        try refused(["--force"], "is 31 minutes old (30 at most)")
        let empty = dir + "/backups/production/empty.dump"
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        try refused(["--force"], "empty.dump is empty")
        try "hello".write(toFile: dir + "/notadump.txt", atomically: true, encoding: .utf8)
        try refused(["--force", "--backup", dir + "/notadump.txt"], "does not look like pg_dump output")
        XCTAssertEqual(try fingerprint(db), before, "nothing changed")

        try "PGDMP fresh".write(toFile: dir + "/backups/production/fresh.dump", atomically: true, encoding: .utf8)
        let ok = try CLI.run(
            ["apply", "--env", "production", "--migration", "core_schema", "--force"], in: dir, environment: env)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("fresh.dump is fresh"), ok.stdout)
    }

    func testDryRunChangesNothing() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        let before = try fingerprint(db)
        let result = try CLI.run(
            ["apply", "--env", "dev", "--migration", "core_schema", "--dry-run"], in: dir,
            environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("dry run: nothing was changed"))
        XCTAssertTrue(result.stdout.contains("CREATE TABLE public.profiles ("))
        XCTAssertEqual(try fingerprint(db), before)
    }

    func testConcurrentIndexNeedsNoTransaction() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.t (id int)"])
        try "CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);\n"
            .write(toFile: dir + "/supabase/migrations/20260101000000_index.sql", atomically: true, encoding: .utf8)
        let env = ["SCHEMASNAP_DB_URL_DEV": db]
        let refused = try CLI.run(["apply", "--env", "dev", "--migration", "index"], in: dir, environment: env)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("cannot run inside a transaction; apply with --no-transaction"), refused.stderr)
        let ok = try CLI.run(["apply", "--env", "dev", "--migration", "index", "--no-transaction"], in: dir, environment: env)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try PostgresConnection(conninfo: db).scalar("SELECT to_regclass('public.t_id_idx') IS NOT NULL"), "t")
    }

    func testRollbackRestoresTheEarlierFingerprint() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        try applyAll(db, in: dir, through: 5)
        let afterFive = try fingerprint(db)
        for migration in ["handle_new_user", "add_notifications"] {
            XCTAssertEqual(
                try CLI.run(
                    ["apply", "--env", "dev", "--migration", migration], in: dir,
                    environment: ["SCHEMASNAP_DB_URL_DEV": db]
                ).status, 0)
        }
        XCTAssertNotEqual(try fingerprint(db), afterFive)
        let rollback = try CLI.run(
            ["rollback", "--env", "dev", "--steps", "2"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(rollback.status, 0, rollback.stderr)
        XCTAssertEqual(try fingerprint(db), afterFive)
    }

    func testRollbackStopsBeforeAnythingWhenADownSectionIsMissing() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self)
        try "CREATE TABLE public.nodown (id int);\n"
            .write(toFile: dir + "/supabase/migrations/20260101000000_nodown.sql", atomically: true, encoding: .utf8)
        try applyAll(db, in: dir, through: 1)
        XCTAssertEqual(
            try CLI.run(
                ["apply", "--env", "dev", "--migration", "nodown"], in: dir,
                environment: ["SCHEMASNAP_DB_URL_DEV": db]
            ).status, 0)
        let before = try fingerprint(db)
        let result = try CLI.run(
            ["rollback", "--env", "dev", "--steps", "2"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("20260101000000_nodown has no DOWN section"), result.stderr)
        XCTAssertEqual(try fingerprint(db), before)
    }
}

/// Exit statuses and errors collected from several threads.
private final class Slot: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var statuses: [Int32] = []
    private(set) var errors: [String] = []

    func add(_ status: Int32, _ error: String) {
        lock.lock()
        statuses.append(status)
        errors.append(error)
        lock.unlock()
    }
}
