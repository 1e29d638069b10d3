import Foundation
import XCTest

/// `verify` on scratch databases: the demo migrations round-trip; a wrong DOWN is caught.
final class VerifyTests: XCTestCase {
    private func project(extra: [String: String] = [:]) throws -> String {
        let dir = try temporaryDirectory(self)
        try "[environments.staging]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/supabase", withIntermediateDirectories: true)
        let root = Fixtures.repositoryRoot
        try FileManager.default.copyItem(
            atPath: root.appendingPathComponent("supabase/migrations").path, toPath: dir + "/supabase/migrations")
        try FileManager.default.copyItem(
            atPath: root.appendingPathComponent("supabase/platform.sql").path, toPath: dir + "/supabase/platform.sql")
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("snapshots").path, toPath: dir + "/snapshots")
        for (name, sql) in extra {
            try sql.write(toFile: dir + "/supabase/migrations/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func testDemoMigrationsRoundTripAndTheIntendedSnapshotMatchesStaging() throws {
        let dir = try project()
        let shadow = try TestPostgres.createDatabase(self, platform: false)
        let result = try CLI.run(
            ["verify", "--shadow-url-env", "SHADOW", "--setup", "supabase/platform.sql"], in: dir,
            environment: ["SHADOW": shadow])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(
            result.stdout.contains("✓ 20251107093000_add_notifications: UP, DOWN, UP round-trips exactly"), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("✓ 20251106150000_avatars_bucket: UP, DOWN, UP round-trips exactly"),
            "a migration's Storage bucket is compared too: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("8 migrations applied, 0 problems"), result.stdout)
        let diff = try CLI.run(["diff", "snapshots/intended.sqlite", "staging", "--fail-on", "warning"], in: dir)
        XCTAssertEqual(diff.status, 0, "staging matches what the migrations build: \(diff.stdout)")
    }

    func testAWrongDownSectionIsCaught() throws {
        let wrong = """
            CREATE TABLE public.a (id int);
            CREATE TABLE public.b (id int);
            -- schemasnap:down
            -- DROP TABLE public.a;
            -- schemasnap:end
            """
        let dir = try project(extra: ["20260101000000_wrong_down.sql": wrong])
        let shadow = try TestPostgres.createDatabase(self, platform: false)
        let result = try CLI.run(
            ["verify", "--shadow-url-env", "SHADOW", "--setup", "supabase/platform.sql"], in: dir,
            environment: ["SHADOW": shadow])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(
            result.stdout.contains("problem: 20260101000000_wrong_down: DOWN does not restore the earlier schema"), result.stdout)
        XCTAssertTrue(result.stdout.contains("table public.b is left behind"), result.stdout)
    }

    func testANonEmptyShadowIsRefusedUnlessReset() throws {
        let dir = try project()
        let shadow = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.leftover (id int)"])
        let refused = try CLI.run(["verify", "--shadow-url-env", "SHADOW"], in: dir, environment: ["SHADOW": shadow])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("the shadow database is not empty (1 user objects)"), refused.stderr)
        let reset = try CLI.run(
            ["verify", "--shadow-url-env", "SHADOW", "--reset", "--setup", "supabase/platform.sql"], in: dir,
            environment: ["SHADOW": shadow])
        XCTAssertEqual(reset.status, 0, reset.stdout + reset.stderr)
        XCTAssertTrue(reset.stdout.contains("reset: dropped 1 objects"), reset.stdout)
    }
}
