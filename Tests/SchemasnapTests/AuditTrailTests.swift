import Foundation
import XCTest

/// `log`, `history`, `prune` and the git textconv driver, on real captures.
final class AuditTrailTests: XCTestCase {
    private func project() throws -> String {
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/dev", withIntermediateDirectories: true)
        return dir
    }

    /// Captures `db` into the dev folder under the stamp `2026010{n}T000000Z`.
    private func capture(_ db: String, _ n: Int, in dir: String) throws {
        let result = try CLI.run(
            ["capture", "--url-env", "DB", "--name", "dev", "--out", "snapshots/dev/2026010\(n)T000000Z.sqlite"], in: dir,
            environment: ["DB": db])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testLogAndHistoryReportExactlyTheChangesAcrossFiveCaptures() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.orders (id int PRIMARY KEY, status text)"])
        try capture(db, 1, in: dir)
        try TestPostgres.execute(db, "ALTER TABLE public.orders ALTER COLUMN status SET NOT NULL")
        try capture(db, 2, in: dir)
        try TestPostgres.execute(db, "CREATE TABLE public.items (id int); CREATE TABLE public.tags (id int)")
        try capture(db, 3, in: dir)
        try TestPostgres.execute(db, "CREATE POLICY open ON public.orders USING (true)")
        try capture(db, 4, in: dir)
        try TestPostgres.execute(
            db, "DROP POLICY open ON public.orders; ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new'")
        try capture(db, 5, in: dir)

        let log = try CLI.run(["log", "--env", "dev"], in: dir)
        XCTAssertEqual(log.status, 0, log.stderr)
        let summaries = log.stdout.split(separator: "\n").map { line in
            String(line.split(separator: "  ").last ?? "")
        }
        XCTAssertEqual(summaries, ["(first snapshot)", "~1 column", "+2 relations", "+1 policy", "~1 column, -1 policy"])

        let history = try CLI.run(["history", "public.orders.status", "--env", "dev"], in: dir)
        XCTAssertEqual(history.status, 0, history.stderr)
        let events = history.stdout.split(separator: "\n").map {
            String($0.split(separator: "  ").dropFirst(2).joined(separator: "  "))
        }
        XCTAssertEqual(
            events,
            [
                "column public.orders.status appeared",
                "not_null: false → true",
                "default_value: (none) → 'new'::text",
            ])
        let policy = try CLI.run(["history", "public.orders:open", "--format", "json"], in: dir)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(policy.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.map { $0["event"] as? String }, ["appeared", "disappeared"])

        let since = try CLI.run(["log", "--env", "dev", "--since", "2099-01-01"], in: dir)
        XCTAssertEqual(since.stdout, "")
    }

    func testGitDiffThroughTheTextconvDriverShowsTheChangedColumn() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.orders (id int PRIMARY KEY, status text)"])
        func git(_ args: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + args
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir, "GIT_CONFIG_NOSYSTEM": "1"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "git \(args)")
            return String(decoding: data, as: UTF8.self)
        }
        _ = try git(["init", "-q"])
        _ = try git(["config", "user.email", "ci@example.com"])
        _ = try git(["config", "user.name", "ci"])
        _ = try git(["config", "diff.schemasnap.textconv", CLI.executable.path + " show"])
        try "*.sqlite diff=schemasnap\n".write(toFile: dir + "/.gitattributes", atomically: true, encoding: .utf8)
        try capture(db, 1, in: dir)
        try FileManager.default.moveItem(
            atPath: dir + "/snapshots/dev/20260101T000000Z.sqlite", toPath: dir + "/production.sqlite")
        _ = try git(["add", "-A"])
        _ = try git(["commit", "-qm", "first"])
        try TestPostgres.execute(db, "ALTER TABLE public.orders ALTER COLUMN status SET NOT NULL")
        try capture(db, 2, in: dir)
        try FileManager.default.removeItem(atPath: dir + "/production.sqlite")
        try FileManager.default.moveItem(
            atPath: dir + "/snapshots/dev/20260102T000000Z.sqlite", toPath: dir + "/production.sqlite")
        _ = try git(["commit", "-qam", "second"])
        let diff = try git(["diff", "HEAD~1", "HEAD", "--", "production.sqlite"])
        XCTAssertTrue(diff.contains(" column public.orders.status\n"), diff)
        XCTAssertTrue(diff.contains("\n-  not_null: false\n+  not_null: true\n"), diff)
    }

    func testPruneKeepsWhatItSaysAndDeletesNothingWithoutApply() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: [])
        try capture(db, 1, in: dir)
        let source = dir + "/snapshots/dev/20260101T000000Z.sqlite"
        let stamps = [
            "20250915T020000Z", "20251020T020000Z", "20251021T020000Z", "20251101T020000Z", "20251101T140000Z",
            "20251102T020000Z", "20251103T020000Z",
        ]
        for stamp in stamps { try FileManager.default.copyItem(atPath: source, toPath: dir + "/snapshots/dev/\(stamp).sqlite") }
        try FileManager.default.removeItem(atPath: source)

        let dryRun = try CLI.run(["prune", "--env", "dev", "--keep-daily", "2", "--keep-monthly", "2"], in: dir)
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/snapshots/dev").count, stamps.count)
        // newest per day for the 2 newest days: 1103, 1102; newest per month for 2 months: 1103 (Nov), 1021 (Oct)
        let expectedKeep = ["20251021T020000Z", "20251102T020000Z", "20251103T020000Z"]
        let keepLines = dryRun.stdout.split(separator: "\n").filter { $0.hasPrefix("keep") }
        XCTAssertEqual(keepLines.map { String($0.suffix(23).prefix(16)) }, expectedKeep)
        XCTAssertTrue(dryRun.stdout.contains("3 kept, 4 to delete (dry run: add --apply)"), dryRun.stdout)

        let applied = try CLI.run(["prune", "--env", "dev", "--keep-daily", "2", "--keep-monthly", "2", "--apply"], in: dir)
        XCTAssertEqual(applied.status, 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/snapshots/dev").sorted()
        XCTAssertEqual(left, expectedKeep.map { $0 + ".sqlite" })
    }
}
