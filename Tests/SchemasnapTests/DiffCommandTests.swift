import Foundation
import XCTest

/// `schemasnap diff` on the committed demo snapshots: golden files for every format, exit
/// codes, and every error a user can hit.
///
/// Re-record the golden files after an intended change with
/// `SCHEMASNAP_RECORD=1 scripts/test --filter DiffCommandTests`, then review `git diff`.
final class DiffCommandTests: XCTestCase {
    private var root: String { Fixtures.repositoryRoot.path }

    func testDemoDriftAsTextMatchesGoldenFile() throws {
        let result = try CLI.run(["diff", "staging", "production"], in: root)
        XCTAssertEqual(result.status, 1, "critical drift exits 1")
        try assertGolden(result.stdout, "diff-staging-production.txt")
    }

    func testDemoDriftAsJSONMatchesGoldenFile() throws {
        let result = try CLI.run(["diff", "staging", "production", "--format", "json"], in: root)
        XCTAssertEqual(result.status, 1)
        try assertGolden(result.stdout, "diff-staging-production.json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["max_level"] as? String, "critical")
        XCTAssertEqual((json["source"] as? [String: Any])?["environment"] as? String, "staging")
        XCTAssertNotNil((json["target"] as? [String: Any])?["fingerprint"] as? String)
    }

    func testDemoDriftAsMarkdownMatchesGoldenFile() throws {
        let result = try CLI.run(["diff", "staging", "production", "--format", "markdown"], in: root)
        XCTAssertEqual(result.status, 1)
        try assertGolden(result.stdout, "diff-staging-production.md")
        XCTAssertTrue(result.stdout.contains("```mermaid\nerDiagram"))
    }

    func testDemoShowsMissingMigrationObjectsAsCriticalAndHotfixIndexAsWarning() throws {
        let result = try CLI.run(["diff", "staging", "production", "--format", "json"], in: root)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let table = findings.first { $0["object"] as? String == "public.notifications" }
        XCTAssertEqual(table?["severity"] as? String, "critical")
        XCTAssertEqual(table?["change"] as? String, "missing_in_target")
        let index = findings.first { $0["object"] as? String == "public.orders:orders_created_at_idx" }
        XCTAssertEqual(index?["severity"] as? String, "warning")
        XCTAssertEqual(index?["change"] as? String, "only_in_target")
    }

    func testOnlyFindingsCarryASeverityKey() throws {
        let result = try CLI.run(["diff", "staging", "production", "--format", "json"], in: root)
        var severityKeys = 0
        func walk(_ value: Any) {
            if let dict = value as? [String: Any] {
                if dict["severity"] != nil {
                    severityKeys += 1
                    XCTAssertNotNil(dict["object"], "a severity belongs to a finding")
                }
                dict.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        walk(json)
        let document = json as? [String: Any]
        XCTAssertEqual(
            severityKeys,
            ((document?["findings"] as? [Any])?.count ?? 0) + ((document?["advisor_findings"] as? [Any])?.count ?? 0))
    }

    func testFailOnControlsTheExitCode() throws {
        XCTAssertEqual(try CLI.run(["diff", "staging", "production", "--fail-on", "never"], in: root).status, 0)
        XCTAssertEqual(try CLI.run(["diff", "dev", "staging"], in: root).status, 0, "dev and staging match")
        XCTAssertEqual(try CLI.run(["diff", "dev", "staging", "--fail-on", "info"], in: root).status, 0)
        XCTAssertEqual(try CLI.run(["diff", "production", "staging", "--fail-on", "warning"], in: root).status, 1)
    }

    func testIdenticalSnapshotsReportNoDrift() throws {
        let result = try CLI.run(["diff", "dev", "staging"], in: root)
        XCTAssertTrue(result.stdout.contains("No drift: staging matches dev."), result.stdout)
    }

    func testTwoFilesOfOneEnvironmentAreFine() throws {
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: root + "/snapshots/dev").first)
        let result = try CLI.run(["diff", "snapshots/dev/\(file)", "dev"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testEnvironmentAtTimeResolvesToTheSnapshotThen() throws {
        XCTAssertEqual(
            try CLI.run(["diff", "staging@2099-01-01", "staging@2099-01-01", "--fail-on", "info"], in: root).status, 2,
            "the same reference twice is refused")
        XCTAssertEqual(try CLI.run(["diff", "staging@2099-01-01", "dev"], in: root).status, 0)
        let before = try CLI.run(["diff", "staging@2001-01-01", "dev"], in: root)
        XCTAssertEqual(before.status, 2)
        XCTAssertTrue(before.stderr.contains("no snapshot of `staging` at or before 2001-01-01T23:59:59Z"), before.stderr)
        let bad = try CLI.run(["diff", "staging@yesterdayish", "dev"], in: root)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("cannot read the time `yesterdayish`"), bad.stderr)
    }

    // MARK: - Errors: exit 2 and one `error:` line with the next step

    private func assertError(
        _ arguments: [String], in dir: String? = nil, _ message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try CLI.run(arguments, in: dir ?? root)
        XCTAssertEqual(result.status, 2, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }

    func testSameEnvironmentOnBothSides() throws {
        try assertError(["diff", "staging", "staging"], "both sides are `staging`")
    }

    func testUnknownEnvironment() throws {
        try assertError(["diff", "staging", "qa"], "unknown environment `qa`; known: dev, production, staging")
    }

    func testNoSnapshotYet() throws {
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n[environments.prod]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try assertError(
            ["diff", "dev", "prod"], in: dir, "no snapshot of `dev` in \(dir)/snapshots; run `schemasnap capture --env dev` first"
        )
    }

    func testUnreadableOrForeignFiles() throws {
        let dir = try temporaryDirectory(self)
        try "not sqlite".write(toFile: dir + "/junk.sqlite", atomically: true, encoding: .utf8)
        try assertError(["diff", dir + "/junk.sqlite", "dev"], "junk.sqlite is not a schemasnap snapshot")
        try assertError(["diff", dir, "dev"], "is a directory, not a snapshot file")
        try assertError(["diff", dir + "/nope.sqlite", "dev"], "no such snapshot file")
    }

    func testBadFormatIsAUsageError() throws {
        let result = try CLI.run(["diff", "staging", "production", "--format", "yaml"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
    }
}
