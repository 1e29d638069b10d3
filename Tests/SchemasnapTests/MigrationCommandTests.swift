import Foundation
import XCTest

/// `new`, `status`, `plan` and `lint` as a user runs them, on the committed demo snapshots and
/// migrations. Golden files are re-recorded like the diff ones (SCHEMASNAP_RECORD=1).
final class MigrationCommandTests: XCTestCase {
    private var root: String { Fixtures.repositoryRoot.path }
    /// Reports measure snapshot age against this time, so golden files stay stable.
    private let now = ["SCHEMASNAP_NOW": "2026-12-02T01:00:00Z"]

    func testProductionHasExactlyOnePendingMigration() throws {
        let result = try CLI.run(["status", "--env", "production", "--format", "json"], in: root, environment: now)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let env = try XCTUnwrap((json["environments"] as? [[String: Any]])?.first)
        let counts = try XCTUnwrap(env["counts"] as? [String: Int])
        XCTAssertEqual(counts, ["applied": 7, "pending": 1, "unknown": 0, "modified": 0, "out_of_order": 0])
        let pending = (env["migrations"] as? [[String: Any]])?.filter { $0["status"] as? String == "pending" }
        XCTAssertEqual(pending?.map { $0["name"] as? String }, ["add_notifications"])
    }

    func testStatusReportsMatchGoldenFiles() throws {
        for (format, name) in [("text", "status-all.txt"), ("json", "status-all.json"), ("markdown", "status-all.md")] {
            let result = try CLI.run(["status", "--all", "--format", format], in: root, environment: now)
            XCTAssertEqual(result.status, 0, result.stderr)
            try assertGolden(result.stdout, name)
        }
    }

    func testStatusCheckFailsWhenSomethingIsPending() throws {
        XCTAssertEqual(try CLI.run(["status", "--env", "staging", "--check"], in: root, environment: now).status, 0)
        XCTAssertEqual(try CLI.run(["status", "--env", "production", "--check"], in: root, environment: now).status, 1)
    }

    func testPlanForProductionListsTheMissingMigrationWithItsHazards() throws {
        let dir = try temporaryDirectory(self)
        let result = try CLI.run(["plan", "--env", "production", "--out", dir + "/plan.json"], in: root, environment: now)
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertGolden(result.stdout, "plan-production.txt")
        let plan = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/plan.json")))
                as? [String: Any])
        let steps = try XCTUnwrap(plan["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.map { $0["name"] as? String }, ["add_notifications"])
        XCTAssertEqual((plan["snapshot_fingerprint"] as? String)?.count, 64)
        for (format, name) in [("json", "plan-production.json"), ("markdown", "plan-production.md")] {
            try assertGolden(
                try CLI.run(["plan", "--env", "production", "--format", format], in: root, environment: now).stdout, name)
        }
    }

    func testPlanTowardsAnotherEnvironment() throws {
        let result = try CLI.run(["plan", "--env", "production", "--to", "staging"], in: root, environment: now)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("1. 20251107093000_add_notifications"), result.stdout)
        let upToDate = try CLI.run(["plan", "--env", "staging", "--to", "dev"], in: root, environment: now)
        XCTAssertTrue(upToDate.stdout.contains("Nothing to apply"), upToDate.stdout)
        let same = try CLI.run(["plan", "--env", "staging", "--to", "staging"], in: root)
        XCTAssertEqual(same.status, 2)
    }

    func testLintFindsTheHazardsOfAFile() throws {
        let dir = try temporaryDirectory(self)
        let file = dir + "/20260101000000_risky.sql"
        try "DROP TABLE public.orders;\nCREATE TABLE public.open (id int);\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", file, "--against", "production"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("line 1 [drop_table]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("line 2 [table_without_rls]"), result.stdout)
        XCTAssertEqual(try CLI.run(["lint", file, "--fail-on", "never"], in: root).status, 0)
        let demo = try CLI.run(["lint", "--against", "production", "--fail-on", "critical"], in: root)
        XCTAssertEqual(demo.status, 0, "the demo migrations have no critical hazard: \(demo.stdout)")
    }

    func testNewCreatesASanitisedFileAndRefusesADuplicate() throws {
        let dir = try temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: dir + "/supabase/migrations", withIntermediateDirectories: true)
        let first = try CLI.run(["new", "add-user's-email!"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("_add_users_email.sql"), first.stdout)
        XCTAssertTrue(first.stdout.contains("Next steps"))
        let again = try CLI.run(["new", "add users email"], in: dir)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.hasPrefix("error: a migration named like that already exists"), again.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/supabase/migrations")
        XCTAssertEqual(files.count, 1)
    }

    func testNewWithoutTheFolderSaysHowToCreateIt() throws {
        let dir = try temporaryDirectory(self)
        let result = try CLI.run(["new", "x"], in: dir)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("mkdir -p"), result.stderr)
    }
}
