import Foundation
import Migrations
import XCTest

/// `diff --sql` and `new --from-diff` on the committed demo snapshots: the SQL as a golden
/// file, the migration file they write, and the errors a user can hit.
///
/// Re-record with `SCHEMASNAP_RECORD=1 scripts/test --filter SQLCommandTests`.
final class SQLCommandTests: XCTestCase {
    private var root: String { Fixtures.repositoryRoot.path }
    private let now = ["SCHEMASNAP_NOW": "2026-11-27T00:00:00Z"]

    /// A copy of the repository's project files, so `new` writes into a scratch folder.
    private func project() throws -> String {
        let dir = try temporaryDirectory(self)
        for item in ["schemasnap.toml", "snapshots", "supabase"] {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: dir + "/" + item)
        }
        return dir
    }

    func testDemoDriftAsSQLMatchesGoldenFile() throws {
        let result = try CLI.run(["diff", "staging", "production", "--sql"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertGolden(result.stdout, "diff-staging-production.sql")
        XCTAssertTrue(result.stdout.contains("\n-- DROP TABLE public.feature_flags;\n"), "held back by default")
    }

    func testUnsafeWritesTheDestructiveStatementAndOnlineBuildsConcurrently() throws {
        let unsafe = try CLI.run(["diff", "staging", "production", "--sql", "--unsafe"], in: root)
        XCTAssertEqual(unsafe.status, 0, unsafe.stderr)
        XCTAssertTrue(unsafe.stdout.contains("\nDROP TABLE public.feature_flags;\n"), unsafe.stdout)
        XCTAssertFalse(unsafe.stdout.contains("held back"), unsafe.stdout)
        // production → staging drops an index; staging → production builds it on an existing table.
        let online = try CLI.run(["diff", "production", "staging", "--sql", "--online"], in: root)
        XCTAssertEqual(online.status, 0, online.stderr)
        XCTAssertTrue(
            online.stdout.contains("CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders USING btree (created_at);"),
            online.stdout)
        XCTAssertTrue(online.stdout.contains("cannot run in a transaction: apply with `schemasnap apply --no-transaction`"))
        XCTAssertTrue(
            online.stdout.contains(
                "--   table_without_rls (critical): public.feature_flags is in an exposed schema and has no ENABLE ROW LEVEL SECURITY"
            ),
            "the header lists the hazards lint finds: \(online.stdout)")
    }

    func testManyHazardsOfOneKindAreOneHeaderLine() throws {
        let tables = (1...12).map { "create table public.t\($0) (id int primary key);" }
        let dbs = [try TestPostgres.createDatabase(self, sql: tables), try TestPostgres.createDatabase(self)]
        let dir = try temporaryDirectory(self)
        for (name, db) in zip(["source", "target"], dbs) {
            let captured = try CLI.run(
                ["capture", "--url-env", "U", "--name", name, "--out", "\(dir)/\(name).sqlite"], environment: ["U": db])
            XCTAssertEqual(captured.status, 0, captured.stderr)
        }
        let result = try CLI.run(["diff", "\(dir)/source.sqlite", "\(dir)/target.sqlite", "--sql"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let hazardLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("--   table_without_rls") }
        XCTAssertEqual(
            hazardLines,
            [
                "--   table_without_rls (critical): 12 statements, the first: public.t1 is in an exposed schema and has no ENABLE ROW LEVEL SECURITY: the API can read and write every row — CREATE TABLE public.t1 ("
            ], result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "\nCREATE TABLE public.t").count - 1, 12, "every table is created")
    }

    func testIdenticalSchemasSayThereIsNothingToDo() throws {
        let result = try CLI.run(["diff", "staging", "dev", "--sql"], in: root)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasSuffix("-- The two schemas are the same: there is nothing to do.\n"), result.stdout)
    }

    func testUnsafeWithoutSQLIsAUsageError() throws {
        let result = try CLI.run(["diff", "staging", "production", "--unsafe"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("error: --unsafe and --online go with --sql"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testNewFromDiffWritesUpAndDownThatTheMigrationReaderUnderstands() throws {
        let dir = try project()
        let result = try CLI.run(
            ["new", "close drift", "--from-diff", "staging", "production", "--unsafe"], in: dir, environment: now)
        XCTAssertEqual(result.status, 0, result.stderr)
        let path = dir + "/supabase/migrations/20261127000000_close_drift.sql"
        XCTAssertTrue(result.stdout.contains("created supabase/migrations/20261127000000_close_drift.sql"), result.stdout)
        let file = try XCTUnwrap(MigrationFolder.read(dir + "/supabase/migrations").migrations.last)
        XCTAssertEqual(file.path, path)
        XCTAssertTrue(file.up.contains("CREATE TABLE public.notifications ("), file.up)
        XCTAssertTrue(file.up.contains("\nDROP TABLE public.feature_flags;\n"), file.up)
        let down = try XCTUnwrap(file.down)
        XCTAssertTrue(down.hasSuffix("\nDROP TABLE public.notifications;"), down)
        XCTAssertTrue(down.contains("CREATE TABLE public.feature_flags ("), down)
        XCTAssertTrue(down.contains("Turns staging"), "DOWN's header names its direction: \(down)")
    }

    func testNewFromDiffHoldsBackInDownToo() throws {
        let dir = try project()
        let result = try CLI.run(["new", "close_drift", "--from-diff", "staging", "production"], in: dir, environment: now)
        XCTAssertEqual(result.status, 0, result.stderr)
        let file = try XCTUnwrap(MigrationFolder.read(dir + "/supabase/migrations").migrations.last)
        let down = try XCTUnwrap(file.down)
        XCTAssertTrue(down.hasSuffix("\n-- DROP TABLE public.notifications;"), "still a comment once uncommented: \(down)")
    }

    func testNewFromDiffOfIdenticalSchemasWritesNothing() throws {
        let dir = try project()
        let before = try FileManager.default.contentsOfDirectory(atPath: dir + "/supabase/migrations")
        let result = try CLI.run(["new", "close_drift", "--from-diff", "staging", "dev"], in: dir, environment: now)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains(
                "error: `staging` and `dev` have the same schema: there is no migration to write; nothing was created"),
            result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/supabase/migrations"), before)
    }

    func testNewFromDiffNeedsTwoSnapshots() throws {
        let dir = try project()
        let result = try CLI.run(["new", "close_drift", "--from-diff", "staging"], in: dir, environment: now)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--from-diff takes two snapshots: SOURCE TARGET"), result.stderr)
        let unknown = try CLI.run(["new", "close_drift", "--from-diff", "staging", "qa"], in: dir, environment: now)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("qa"), unknown.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/supabase/migrations").count, 8)
    }
}
