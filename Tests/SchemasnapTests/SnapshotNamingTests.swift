import CatalogModel
import Foundation
import SchemasnapKit
import SnapshotStore
import XCTest

/// A capture never replaces a snapshot: a second one within the same second gets the next
/// number (`<stamp>_2.sqlite`), and the library, `env@TIME`, `log` and `history` order them.
final class SnapshotNamingTests: XCTestCase {
    private func catalog(_ table: String) -> Catalog {
        var c = Catalog()
        c.schemas = [Schema(name: "public", owner: "postgres")]
        c.relations = [Relation(schema: "public", name: table, relationKind: "table", owner: "postgres")]
        return c
    }

    private func meta(_ time: Date) -> SnapshotMeta {
        SnapshotMeta(
            environment: "dev", capturedAt: time, serverVersion: "15", database: "d", host: "h", port: "5432",
            toolVersion: SchemasnapVersion.tool, fingerprint: "", objectCounts: [:], notCompared: [:])
    }

    func testATakenNameGetsTheNextNumberAndNothingIsReplaced() throws {
        let dir = try temporaryDirectory(self)
        let library = SnapshotLibrary(folder: dir)
        let time = Date(timeIntervalSince1970: 1_796_000_000)
        try FileManager.default.createDirectory(atPath: dir + "/dev", withIntermediateDirectories: true)
        var written: [String] = []
        for table in ["first", "second", "third"] {
            let snapshot = try SnapshotFile.write(
                catalog(table), meta: meta(time), to: library.path(for: "dev", at: time),
                nameIfTaken: { library.path(for: "dev", at: time, number: $0) })
            written.append(URL(fileURLWithPath: snapshot.path).lastPathComponent)
        }
        let stamp = SnapshotLibrary.fileStamp(time)
        XCTAssertEqual(written, ["\(stamp).sqlite", "\(stamp)_2.sqlite", "\(stamp)_3.sqlite"])
        let tables = try library.snapshots(of: "dev").map { try SnapshotFile.read($0).catalog.relations[0].name }
        XCTAssertEqual(tables, ["first", "second", "third"], "each state kept, in order")
        XCTAssertEqual(try library.newest(of: "dev", atOrBefore: time), dir + "/dev/\(stamp)_3.sqlite")
        XCTAssertThrowsError(try library.newest(of: "dev", atOrBefore: time.addingTimeInterval(-1)))
    }

    func testTheLibraryOrdersNumbersWithinASecondNumerically() throws {
        let dir = try temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: dir + "/dev", withIntermediateDirectories: true)
        let names = [
            "20261201T075405Z.sqlite", "20261201T075404Z_10.sqlite", "20261201T075404Z.sqlite", "20261201T075404Z_2.sqlite",
        ]
        for name in names { XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/dev/" + name, contents: Data())) }
        XCTAssertEqual(
            SnapshotLibrary(folder: dir).snapshots(of: "dev").map { URL(fileURLWithPath: $0).lastPathComponent },
            ["20261201T075404Z.sqlite", "20261201T075404Z_2.sqlite", "20261201T075404Z_10.sqlite", "20261201T075405Z.sqlite"])
    }

    func testACaptureInASecondThatHasASnapshotWritesBesideIt() throws {
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n[environments.staging]\n".write(
            toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.t0 (id int)"])
        let env = ["SCHEMASNAP_DB_URL_DEV": db, "SCHEMASNAP_DB_URL_STAGING": db]
        // Another capture already wrote a snapshot in each of the next few seconds: whichever
        // second this capture lands in is taken.
        let library = SnapshotLibrary(folder: dir + "/snapshots")
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/dev", withIntermediateDirectories: true)
        let now = Date()
        let taken = (0..<10).map { library.path(for: "dev", at: now.addingTimeInterval(Double($0))) }
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("format1/dev.sqlite")))
        for path in taken { try original.write(to: URL(fileURLWithPath: path)) }
        let result = try CLI.run(["capture", "--env", "dev", "--always"], in: dir, environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = library.snapshots(of: "dev")
        XCTAssertEqual(files.count, taken.count + 1)
        let written = try XCTUnwrap(files.first { !taken.contains($0) })
        XCTAssertTrue(written.hasSuffix("Z_2.sqlite"), written)
        XCTAssertTrue(result.stdout.contains(URL(fileURLWithPath: written).lastPathComponent), result.stdout)
        for path in taken { XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), original, "\(path) kept") }
        // It sorts right after the snapshot of its second, and is the newest of that second.
        let index = try XCTUnwrap(files.firstIndex(of: written))
        XCTAssertEqual(files[index - 1], written.replacingOccurrences(of: "_2.sqlite", with: ".sqlite"))
        // capture --all of two environments at the same second: one file each, nothing replaced.
        let all = try CLI.run(["capture", "--all", "--always"], in: dir, environment: env)
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(library.snapshots(of: "dev").count, taken.count + 2)
        XCTAssertEqual(library.snapshots(of: "staging").count, 1)
        ReliabilityLog.record(
            "a capture in a second that already has a snapshot (10 seconds taken ahead), then capture --all of two environments",
            test: "SnapshotNamingTests.testACaptureInASecondThatHasASnapshotWritesBesideIt", tries: 2,
            outcome:
                "written beside it as `\(URL(fileURLWithPath: written).lastPathComponent)` (sorted right after it), the 10 files already there byte-identical; --all wrote one file per environment, nothing replaced"
        )
    }
}
