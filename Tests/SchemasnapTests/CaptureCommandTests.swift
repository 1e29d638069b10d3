import Foundation
import SnapshotStore
import XCTest

/// `schemasnap capture` and `show` as a user runs them: output, exit codes, files written.
final class CaptureCommandTests: XCTestCase {
    private func project() throws -> String {
        let dir = try temporaryDirectory(self)
        try """
        [environments.dev]
        [environments.production]
        url_env = "PROD_URL"
        """.write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        return dir
    }

    private func files(under dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".sqlite") }
    }

    func testCaptureWritesASnapshotThatShowPrints() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.t (id int PRIMARY KEY)"])
        let result = try CLI.run(["capture", "--env", "dev"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("captured dev → snapshots/dev/"), result.stdout)
        let written = files(under: dir)
        XCTAssertEqual(written.count, 1)
        let show = try CLI.run(["show", "dev"], in: dir)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("relation public.t\n  relation_kind: table\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("column public.t.id\n  position: 1\n  type: integer\n  not_null: true\n"))
    }

    func testUnchangedCaptureWritesNothingUnlessAlways() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE TABLE public.t (id int)"])
        let env = ["SCHEMASNAP_DB_URL_DEV": db]
        XCTAssertEqual(try CLI.run(["capture", "--env", "dev"], in: dir, environment: env).status, 0)
        let again = try CLI.run(["capture", "--env", "dev"], in: dir, environment: env)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("dev unchanged since"), again.stdout)
        XCTAssertEqual(files(under: dir).count, 1)
        sleep(1)  // snapshot names have one-second resolution
        XCTAssertEqual(try CLI.run(["capture", "--env", "dev", "--always"], in: dir, environment: env).status, 0)
        XCTAssertEqual(files(under: dir).count, 2)
    }

    func testCaptureAllReportsEachEnvironmentAndFailsOnlyTheBrokenOne() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: [])
        let result = try CLI.run(["capture", "--all"], in: dir, environment: ["SCHEMASNAP_DB_URL_DEV": db])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("captured dev"), result.stdout)
        XCTAssertTrue(result.stderr.contains("error: production: PROD_URL is not set"), result.stderr)
        XCTAssertEqual(files(under: dir).count, 1)
    }

    func testUrlEnvNameAndOutWriteThatFile() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: [])
        let result = try CLI.run(
            ["capture", "--url-env", "MY_URL", "--name", "adhoc", "--out", "x.sqlite"], in: dir,
            environment: ["MY_URL": db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try SnapshotFile.readMeta(dir + "/x.sqlite").environment, "adhoc")
    }

    // MARK: - Errors: exit 2, an `error:` line with a next step, and no file written

    private func assertFails(
        _ arguments: [String], environment: [String: String] = [:], in dir: String? = nil, message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> CLIResult {
        let dir = try dir ?? project()
        let before = files(under: dir)
        let result = try CLI.run(arguments, in: dir, environment: environment)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line", file: file, line: line)
        XCTAssertEqual(files(under: dir), before, "nothing written", file: file, line: line)
        return result
    }

    func testUnknownEnvironment() throws {
        _ = try assertFails(["capture", "--env", "qa"], message: "unknown environment `qa`; known: dev, production")
    }

    func testUnsetVariable() throws {
        _ = try assertFails(["capture", "--env", "production"], message: "PROD_URL is not set; export it")
    }

    func testUnreachableServer() throws {
        _ = try assertFails(
            ["capture", "--env", "dev"],
            environment: ["SCHEMASNAP_DB_URL_DEV": "host=/nonexistent port=5999 dbname=x connect_timeout=2"],
            message:
                "cannot connect to `dev` with the connection string in SCHEMASNAP_DB_URL_DEV: connection to server on socket")
        let refused = try assertFails(
            ["capture", "--env", "dev"],
            environment: ["SCHEMASNAP_DB_URL_DEV": "host=127.0.0.1 port=59999 dbname=x connect_timeout=2"],
            message: "cannot connect to `dev` with the connection string in SCHEMASNAP_DB_URL_DEV:")
        XCTAssertTrue(refused.stderr.contains("Connection refused"), refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains(
                "check that the server is running and accepts connections at the host and port in SCHEMASNAP_DB_URL_DEV"),
            refused.stderr)
        XCTAssertFalse(refused.stderr.contains("Is the server running"), "libpq's question is replaced by the next step")
    }

    func testWrongPasswordNeverPrintsThePassword() throws {
        let db = try TestPostgres.createDatabase(self, sql: [])
        let secret = "Sup3r-Secret-Pw"
        let bad = db.replacingOccurrences(of: #"password=\S+"#, with: "password=\(secret)", options: .regularExpression)
        let result = try assertFails(
            ["capture", "--env", "dev"], environment: ["SCHEMASNAP_DB_URL_DEV": bad],
            message: "password authentication failed")
        XCTAssertTrue(
            result.stderr.contains("; check the user and password in SCHEMASNAP_DB_URL_DEV (or in PGPASSFILE)"), result.stderr)
        XCTAssertFalse(result.stderr.contains(secret) || result.stdout.contains(secret))
        let url = "postgresql://postgres:\(secret)@%2Fnonexistent:5999/x?connect_timeout=1&bogus_option=1"
        let second = try assertFails(
            ["capture", "--env", "dev"], environment: ["SCHEMASNAP_DB_URL_DEV": url],
            message: "cannot connect to `dev` with the connection string in SCHEMASNAP_DB_URL_DEV:")
        XCTAssertFalse(second.stderr.contains(secret))
    }

    func testAFileThatIsNotASnapshot() throws {
        let dir = try project()
        try "hello".write(toFile: dir + "/notes.sqlite", atomically: true, encoding: .utf8)
        _ = try assertFails(["show", "notes.sqlite"], in: dir, message: "notes.sqlite is not a schemasnap snapshot")
        _ = try assertFails(["show", "missing.sqlite"], in: dir, message: "no such snapshot file")
    }

    func testASnapshotWithANewerFormat() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: [])
        XCTAssertEqual(
            try CLI.run(
                ["capture", "--url-env", "U", "--name", "dev", "--out", "s.sqlite"], in: dir,
                environment: ["U": db]
            ).status, 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3; c = sqlite3.connect('\(dir)/s.sqlite'); c.execute('PRAGMA user_version = 7'); c.commit()",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        _ = try assertFails(
            ["show", "s.sqlite"], in: dir,
            message: "snapshot format 7 is newer than this schemasnap (\(SnapshotFile.formatVersion)); upgrade schemasnap")
    }

    func testAnExistingOutputPathThatIsNotASnapshotIsKept() throws {
        let dir = try project()
        let db = try TestPostgres.createDatabase(self, sql: [])
        try "precious".write(toFile: dir + "/keep.txt", atomically: true, encoding: .utf8)
        _ = try assertFails(
            ["capture", "--url-env", "U", "--name", "dev", "--out", "keep.txt"],
            environment: ["U": db], in: dir, message: "exists and is not a snapshot; refusing to overwrite")
        XCTAssertEqual(try String(contentsOfFile: dir + "/keep.txt", encoding: .utf8), "precious")
    }

    func testMalformedConfigNamesTheLine() throws {
        let dir = try temporaryDirectory(self)
        try "snapshots = \"a\"\n[environments.dev\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        _ = try assertFails(["capture", "--env", "dev"], in: dir, message: "schemasnap.toml:2:")
        ReliabilityLog.record(
            "malformed `schemasnap.toml` (syntax)", test: "CaptureCommandTests.testMalformedConfigNamesTheLine", tries: 1,
            outcome: "exit 2 naming `file:line:column`")
    }

    /// Kills capture with SIGKILL at many points: the output path never holds a partial file.
    func testKillingCaptureMidwayLeavesNoFileAtTheOutputPath() throws {
        let dir = try project()
        let tables = (1...400).map {
            "CREATE TABLE public.t\($0) (id int PRIMARY KEY, a text, b jsonb, c timestamptz DEFAULT now());"
        }
        let db = try TestPostgres.createDatabase(self, sql: [tables.joined(separator: "\n")])
        var killedBeforeWrite = 0
        for attempt in 0..<12 {
            let out = dir + "/kill-\(attempt).sqlite"
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["capture", "--url-env", "U", "--name", "dev", "--out", out]
            process.environment = ["U": db]
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(20_000 + attempt * 25_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: out) {
                XCTAssertNoThrow(try SnapshotFile.read(out), "a file at the output path is always complete")
            } else {
                killedBeforeWrite += 1
            }
        }
        XCTAssertGreaterThan(killedBeforeWrite, 0, "some kills must land mid-capture for this test to mean anything")
        ReliabilityLog.record(
            "`kill -9` of capture at 20–295 ms", test: "CaptureCommandTests.testKillingCaptureMidwayLeavesNoFileAtTheOutputPath",
            tries: 12,
            outcome: "\(killedBeforeWrite) killed before the rename: never a file at the output path; any file there is complete")
    }
}
