import Differ
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Every snapshot an earlier release wrote stays readable, and an upgrade alone never shows as
/// drift. The files under `Tests/Fixtures/format1/` were written by the 0.1.0 build (format 1)
/// and are kept for good; never delete this test. Each later format adds its own folder and
/// its own cases here.
final class FormatCompatibilityTests: XCTestCase {
    private let formatOne = ["every_kind", "dev", "staging", "production"]

    private func formatOnePath(_ name: String) -> String { Fixtures.path("format1/\(name).sqlite") }

    func testEveryFormatOneFileReadsAndShows() throws {
        for name in formatOne {
            let snapshot = try SnapshotFile.read(formatOnePath(name))
            XCTAssertEqual(snapshot.meta.formatVersion, 1, name)
            XCTAssertFalse(snapshot.catalog.relations.isEmpty, name)
            let show = try CLI.run(["show", formatOnePath(name)])
            XCTAssertEqual(show.status, 0, "\(name): \(show.stderr)")
        }
    }

    func testShowPrintsAFormatOneFileAsZeroPointOneDid() throws {
        let show = try CLI.run(["show", formatOnePath("every_kind")])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual(show.stdout, try Fixtures.text("format1/every_kind.0.1.0.txt"))
    }

    func testFormatOneFileRecordsNeitherTheNewKindsNorTheNewFields() throws {
        let unrecorded = try SnapshotFile.read(formatOnePath("every_kind")).catalog.unrecorded
        XCTAssertTrue(unrecorded.kinds.contains(.dependency), "\(unrecorded.names)")
        XCTAssertEqual(unrecorded.fields[.index], ["comment"])
        XCTAssertFalse(unrecorded.records("comment", of: .index))
        XCTAssertTrue(unrecorded.records("definition", of: .index))
    }

    func testDiffBetweenFormatOneFilesFindsWhatZeroPointOneFound() throws {
        let folder = Fixtures.path("format1")
        let result = try CLI.run(["diff", "staging.sqlite", "production.sqlite", "--format", "json"], in: folder)
        XCTAssertEqual(result.status, 1, result.stderr)
        let now = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let then = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try Fixtures.text("format1/diff-staging-production.0.1.0.json").utf8))
                as? [String: Any])
        for key in ["findings", "advisor_findings", "counts", "max_level"] {
            XCTAssertEqual(
                try canonicalJSON(now[key] as Any), try canonicalJSON(then[key] as Any), "\(key) differs from 0.1.0's")
        }
        let source = try XCTUnwrap(now["source"] as? [String: Any])
        XCTAssertEqual(source["format_version"] as? Int, 1)
        XCTAssertEqual((source["not_recorded"] as? [String])?.contains("dependencies"), true)
    }

    func testFreshCaptureOfTheSameSchemaShowsNoDriftAgainstTheFormatOneFile() throws {
        let db = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("every_kind.sql")])
        let dir = try temporaryDirectory(self)
        let fresh = dir + "/fresh.sqlite"
        let capture = try CLI.run(
            ["capture", "--url-env", "EVERY_KIND_URL", "--name", "every_kind", "--out", fresh], in: dir,
            environment: ["EVERY_KIND_URL": db])
        XCTAssertEqual(capture.status, 0, capture.stderr)
        for (source, target) in [(formatOnePath("every_kind"), fresh), (fresh, formatOnePath("every_kind"))] {
            let diff = try CLI.run(["diff", source, target, "--format", "json", "--fail-on", "info"], in: dir)
            XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
            XCTAssertEqual((json["findings"] as? [Any])?.count, 0, diff.stdout)
        }
        let text = try CLI.run(["diff", formatOnePath("every_kind"), fresh], in: dir)
        XCTAssertTrue(
            text.stdout.contains("'s format-1 snapshot did not record dependencies,"), text.stdout)
        XCTAssertTrue(text.stdout.contains("indexes.comment"), text.stdout)
    }

    func testWhatFormatOneDidNotCaptureIsNotComparedWithIt() throws {
        // Format 2 also captures a user's change to an extension member's grants; format 1 did
        // not, so a format-1 file is not compared on them.
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                try Fixtures.text("every_kind.sql"),
                "REVOKE ALL ON FUNCTION public.citext_eq(public.citext, public.citext) FROM PUBLIC",
            ])
        let fresh = try Inspector().capture(conninfo: db).0
        XCTAssertTrue(
            fresh.privileges.contains { $0.extensionMember == true && $0.name.hasPrefix("citext_eq(") },
            "the member's changed grants are captured")
        let old = try SnapshotFile.read(formatOnePath("every_kind")).catalog
        XCTAssertEqual(Differ.diff(source: old, target: fresh).map(\.path), [])
        XCTAssertEqual(Differ.diff(source: fresh, target: old).map(\.path), [])
    }

    func testUpgradeAloneWritesNoNewSnapshot() throws {
        let db = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("every_kind.sql")])
        let dir = try temporaryDirectory(self)
        try "[environments.every_kind]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/every_kind", withIntermediateDirectories: true)
        let committed = dir + "/snapshots/every_kind/20261201T000000Z.sqlite"
        try FileManager.default.copyItem(atPath: formatOnePath("every_kind"), toPath: committed)
        let env = ["SCHEMASNAP_DB_URL_EVERY_KIND": db]
        let capture = try CLI.run(["capture", "--env", "every_kind"], in: dir, environment: env)
        XCTAssertEqual(capture.status, 0, capture.stderr)
        XCTAssertTrue(capture.stdout.contains("every_kind unchanged since"), capture.stdout)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir + "/snapshots/every_kind"), ["20261201T000000Z.sqlite"])
        // A real change is still a change, and the new snapshot is written in the current format.
        try TestPostgres.execute(db, "CREATE TABLE app.added (id int)")
        let changed = try CLI.run(["capture", "--env", "every_kind"], in: dir, environment: env)
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/snapshots/every_kind").sorted()
        XCTAssertEqual(files.count, 2)
        let newest = try SnapshotFile.readMeta(dir + "/snapshots/every_kind/" + files[1])
        XCTAssertEqual(newest.formatVersion, SnapshotFile.formatVersion)
    }

    private func canonicalJSON(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys]), as: UTF8.self)
    }
}
