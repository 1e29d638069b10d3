import Differ
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Every snapshot an earlier release wrote stays readable, and an upgrade alone never shows as
/// drift. The files under `Tests/Fixtures/format1/` were written by the 0.1.0 build (format 1)
/// and are kept for good; never delete this test. Each later format adds its own folder and
/// its own cases here (`format2/`: 0.2.0, `format3/`: 0.3.0).
final class FormatCompatibilityTests: XCTestCase {
    private let formatOne = ["every_kind", "dev", "staging", "production"]

    private func formatOnePath(_ name: String) -> String { Fixtures.path("format1/\(name).sqlite") }

    /// A database built as the kept files' was: the platform stand-in of their release, then `sql`.
    private func databaseAsCaptured(_ sql: [String]) throws -> String {
        try TestPostgres.createDatabase(self, sql: [try Fixtures.text("format1/platform.sql")] + sql, platform: false)
    }

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
        XCTAssertEqual(unrecorded.fields[.index], ["comment", "replica_identity"])
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
        let text = try assertFreshCaptureShowsNoDrift(against: formatOnePath("every_kind"))
        XCTAssertTrue(text.contains("'s format-1 snapshot did not record collations.comment, collations.icu_locale,"), text)
        XCTAssertTrue(text.contains(" dependencies, "), text)
        XCTAssertTrue(text.contains("indexes.comment"), text)
    }

    func testFreshCaptureOfTheSameSchemaShowsNoDriftAgainstTheFormatTwoFile() throws {
        let text = try assertFreshCaptureShowsNoDrift(against: Fixtures.path("format2/every_kind.sqlite"))
        XCTAssertTrue(
            text.contains(
                "'s format-2 snapshot did not record collations.comment, collations.icu_locale, columns.foreign_options, columns.identity_options, columns.storage, constraints.comment, cron_jobs, event_triggers.comment, extensions.member_schemas, foreign_data_wrappers, foreign_servers.comment, functions.aggregate_options, indexes.replica_identity, partition_sets, policies.comment, publications.schemas, relations.foreign_options, rules.comment, rules.enabled, sequences.comment, storage_buckets, triggers.comment, user_mappings, vault_secrets;"
            ), text)
    }

    /// Captures `every_kind.sql` afresh and diffs it with `file` both ways: no finding at all.
    /// Returns the text report (kept file → fresh capture).
    private func assertFreshCaptureShowsNoDrift(against file: String) throws -> String {
        let db = try databaseAsCaptured([try Fixtures.text("every_kind.sql")])
        let dir = try temporaryDirectory(self)
        let fresh = dir + "/fresh.sqlite"
        let capture = try CLI.run(
            ["capture", "--url-env", "EVERY_KIND_URL", "--name", "every_kind", "--out", fresh], in: dir,
            environment: ["EVERY_KIND_URL": db])
        XCTAssertEqual(capture.status, 0, capture.stderr)
        for (source, target) in [(file, fresh), (fresh, file)] {
            let diff = try CLI.run(["diff", source, target, "--format", "json", "--fail-on", "info"], in: dir)
            XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
            XCTAssertEqual((json["findings"] as? [Any])?.count, 0, diff.stdout)
        }
        return try CLI.run(["diff", file, fresh], in: dir).stdout
    }

    func testShowPrintsAFormatThreeFileAsZeroPointThreeDid() throws {
        let show = try CLI.run(["show", Fixtures.path("format3/every_kind.sqlite")])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual(show.stdout, try Fixtures.text("format3/every_kind.0.3.0.txt"))
    }

    func testFreshCaptureOfTheSameSchemaShowsNoDriftAgainstTheFormatThreeFile() throws {
        let text = try assertFreshCaptureShowsNoDrift(against: Fixtures.path("format3/every_kind.sqlite"))
        XCTAssertTrue(
            text.contains(
                "'s format-3 snapshot did not record collations.icu_locale, columns.foreign_options, columns.storage, event_triggers.comment, foreign_data_wrappers, foreign_servers.comment, indexes.replica_identity, publications.schemas, relations.foreign_options, rules.enabled, user_mappings;"
            ), text)
    }

    func testShowPrintsAFormatTwoFileAsZeroPointTwoDid() throws {
        let show = try CLI.run(["show", Fixtures.path("format2/every_kind.sqlite")])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual(show.stdout, try Fixtures.text("format2/every_kind.0.2.0.txt"))
    }

    func testWhatFormatOneDidNotCaptureIsNotComparedWithIt() throws {
        // Format 2 also captures a user's change to an extension member's grants; format 1 did
        // not, so a format-1 file is not compared on them.
        let db = try databaseAsCaptured([
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
        try assertUpgradeAloneWritesNothing(from: formatOnePath("every_kind"))
    }

    func testUpgradeFromFormatTwoAloneWritesNoNewSnapshot() throws {
        try assertUpgradeAloneWritesNothing(from: Fixtures.path("format2/every_kind.sqlite"))
    }

    func testUpgradeFromFormatThreeAloneWritesNoNewSnapshot() throws {
        try assertUpgradeAloneWritesNothing(from: Fixtures.path("format3/every_kind.sqlite"))
    }

    /// A capture of the same schema over the kept `file` writes nothing; a real change then
    /// writes a snapshot in the current format.
    private func assertUpgradeAloneWritesNothing(from file: String) throws {
        let db = try databaseAsCaptured([try Fixtures.text("every_kind.sql")])
        let dir = try temporaryDirectory(self)
        try "[environments.every_kind]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/every_kind", withIntermediateDirectories: true)
        let committed = dir + "/snapshots/every_kind/20261201T000000Z.sqlite"
        try FileManager.default.copyItem(atPath: file, toPath: committed)
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

    func testConfigurationAnOlderFormatCouldNotRecordIsWrittenAsANewSnapshot() throws {
        // The same schema plus a Storage bucket: format 2 had no table for buckets, so keeping the
        // older file would leave the bucket out of the audit trail.
        let db = try databaseAsCaptured([
            try Fixtures.text("every_kind.sql"),
            "INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', false)",
        ])
        let dir = try temporaryDirectory(self)
        try "[environments.every_kind]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/every_kind", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("format2/every_kind.sqlite"), toPath: dir + "/snapshots/every_kind/20261201T000000Z.sqlite")
        let capture = try CLI.run(
            ["capture", "--env", "every_kind"], in: dir, environment: ["SCHEMASNAP_DB_URL_EVERY_KIND": db])
        XCTAssertEqual(capture.status, 0, capture.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/snapshots/every_kind").sorted()
        XCTAssertEqual(files.count, 2, capture.stdout)
        let newest = try SnapshotFile.read(dir + "/snapshots/every_kind/" + files[1])
        XCTAssertEqual(newest.catalog.storageBuckets.map(\.id), ["avatars"])
        // Compared with the older file, it is still no drift: that file did not record buckets.
        let diff = try CLI.run(["diff", files[0], files[1], "--fail-on", "info"], in: dir + "/snapshots/every_kind")
        XCTAssertEqual(diff.status, 0, diff.stdout)
    }

    private func canonicalJSON(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys]), as: UTF8.self)
    }
}
