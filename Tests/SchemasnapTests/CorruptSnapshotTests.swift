import Foundation
import SnapshotStore
import XCTest

/// Mutated snapshot files: every read either fails with a StoreError naming the file or gives
/// exactly the original snapshot (a flip in unused space); nothing crashes or hangs, and the
/// CLI answers exit 2 with one `error:` line naming the file. Deterministic (fixed seed);
/// SCHEMASNAP_FUZZ_COUNT raises the number of mutations (default 1,000).
final class CorruptSnapshotTests: XCTestCase {
    /// A small deterministic generator (SplitMix64).
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private var original: String {
        let dir = Fixtures.repositoryRoot.appendingPathComponent("snapshots/production").path
        let name =
            (try? FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".sqlite") }.sorted().last) ?? ""
        return dir + "/" + name
    }

    func testMutatedSnapshotsFailCleanlyOrReadExactlyTheOriginal() throws {
        let count = Int(ProcessInfo.processInfo.environment["SCHEMASNAP_FUZZ_COUNT"] ?? "") ?? 1_000
        let source = try Data(contentsOf: URL(fileURLWithPath: original))
        let expected = try SnapshotFile.read(original).catalog
        let dir = try temporaryDirectory(self)
        var random = Random(state: 20_261_126)
        var rejected = 0
        var intact = 0
        var cliChecked = 0
        for n in 0..<count {
            var bytes = [UInt8](source)
            switch n % 3 {
            case 0:  // flip 1–8 bytes
                for _ in 0..<(1 + random.below(8)) { bytes[random.below(bytes.count)] ^= UInt8(1 + random.below(255)) }
            case 1:  // truncate
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            default:  // overwrite a run of bytes
                let start = random.below(bytes.count)
                for i in start..<min(bytes.count, start + 1 + random.below(64)) { bytes[i] = UInt8(random.below(256)) }
            }
            let path = dir + "/mutant-\(n).sqlite"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let snapshot = try SnapshotFile.read(path)
                XCTAssertEqual(snapshot.catalog, expected, "mutant \(n) read without error must be the original")
                intact += 1
            } catch let error as StoreError {
                XCTAssertTrue(error.localizedDescription.contains(path), "mutant \(n): \(error.localizedDescription)")
                rejected += 1
                if cliChecked < 25 {
                    cliChecked += 1
                    let result = try CLI.run(["show", path])
                    XCTAssertEqual(result.status, 2, "mutant \(n)")
                    XCTAssertTrue(result.stderr.hasPrefix("error: \(path)"), result.stderr)
                    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
                }
            }
            try FileManager.default.removeItem(atPath: path)
        }
        XCTAssertEqual(rejected + intact, count)
        XCTAssertGreaterThan(rejected, count / 2, "most mutations must be caught")
        ReliabilityLog.record(
            "mutated snapshot files: byte flips, truncation at random offsets, overwritten runs (seed 20261126)",
            test: "CorruptSnapshotTests.testMutatedSnapshotsFailCleanlyOrReadExactlyTheOriginal", tries: count,
            outcome:
                "\(rejected) rejected with an error naming the file (\(cliChecked) of them through the CLI: exit 2, one `error:` line); \(intact) read back exactly the original (changes in unused space of the SQLite file); no crash, no hang"
        )
    }

    func testStructuralDamageIsReported() throws {
        let dir = try temporaryDirectory(self)
        func damaged(_ sql: String, _ message: String, line: UInt = #line) throws {
            let path = dir + "/\(UUID().uuidString).sqlite"
            try FileManager.default.copyItem(atPath: original, toPath: path)
            try editSnapshotFile(path, sql)
            let result = try CLI.run(["diff", path, original])
            XCTAssertEqual(result.status, 2, line: line)
            XCTAssertTrue(result.stderr.hasPrefix("error: \(path)"), result.stderr, line: line)
            XCTAssertTrue(result.stderr.contains(message), result.stderr, line: line)
        }
        try damaged("DROP TABLE policies", "table policies is missing")
        try damaged("ALTER TABLE columns RENAME COLUMN type TO kind", "table columns has no column type")
        try damaged("PRAGMA application_id = 42", "is not a schemasnap snapshot")
        try damaged(
            "PRAGMA user_version = \(SnapshotFile.formatVersion + 1)",
            "snapshot format \(SnapshotFile.formatVersion + 1) is newer than this schemasnap (\(SnapshotFile.formatVersion))")
        try damaged("UPDATE columns SET not_null = 1 - not_null WHERE name = 'note'", "do not match its checksum")
        try damaged("DELETE FROM meta WHERE key = 'fingerprint'", "meta has no fingerprint")
        let empty = dir + "/empty.sqlite"
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        let result = try CLI.run(["show", empty])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: \(empty) is not a schemasnap snapshot"), result.stderr)
        let directory = try CLI.run(["show", dir])
        XCTAssertEqual(directory.status, 2)
        XCTAssertTrue(directory.stderr.hasPrefix("error: \(dir)"), directory.stderr)
        ReliabilityLog.record(
            "a table missing, a column renamed, wrong `application_id`, future `user_version`, a value edited behind the checksum, `meta` without fingerprint, a zero-byte file, a directory",
            test: "CorruptSnapshotTests.testStructuralDamageIsReported", tries: 8,
            outcome: "exit 2, `error: <file> …` with the cause")
    }

    /// A snapshot the user may not read. Root reads anything, so as root the command runs as
    /// `nobody`.
    func testUnreadableSnapshotIsAClearError() throws {
        let dir = try temporaryDirectory(self)
        let path = dir + "/locked.sqlite"
        try FileManager.default.copyItem(atPath: original, toPath: path)
        chmod(dir, 0o755)
        chmod(path, 0o000)
        let result: CLIResult
        if geteuid() == 0 {
            // A copy of the binary in the readable temp directory, wherever the build lives.
            let binary = dir + "/schemasnap"
            try FileManager.default.copyItem(atPath: CLI.executable.path, toPath: binary)
            result = try CLI.run(["/usr/sbin/runuser", "-u", "nobody", "--", binary, "show", path], via: "/usr/bin/env")
        } else {
            result = try CLI.run(["show", path])
        }
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(
            result.stderr, "error: \(path): cannot read the snapshot (permission denied); check the file's permissions\n")
        ReliabilityLog.record(
            "a snapshot file without read permission", test: "CorruptSnapshotTests.testUnreadableSnapshotIsAClearError",
            tries: 1, outcome: "exit 2, `error: <file>: cannot read the snapshot (permission denied)`")
    }
}
