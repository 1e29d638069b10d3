import CatalogModel
import Foundation
import Migrations
import Reports
import SchemasnapKit
import SnapshotStore
import XCTest

/// What a new user tripped on in their first hour, one test each: the test count, taken
/// migration versions, one environment at two times, counts that add up, connection and
/// verify errors, help and usage, names and colours, the demo's view of a table, and the CI
/// recipes and README examples as written.
final class NewUserTests: XCTestCase {
    private var root: String { Fixtures.repositoryRoot.path }

    /// A copy of the demo project (configuration, migrations, committed snapshots).
    private func demoCopy() throws -> String {
        let dir = try temporaryDirectory(self)
        for item in ["schemasnap.toml", "supabase", "snapshots"] {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: dir + "/" + item)
        }
        return dir
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // 1. The test run ends with the real count.
    func testTheTestCountIsReadFromTheRunsReport() throws {
        let dir = try temporaryDirectory(self)
        let report = dir + "/xunit.xml"
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites><testsuite name="TestResults" errors="0" tests="3" failures="1" time="1.0">
        <testcase classname="A" name="one" time="0.1"></testcase>
        <testcase classname="A" name="two" time="0.1"><failure message="boom"></failure></testcase>
        <testcase classname="B" name="three" time="0.1"></testcase>
        </testsuite></testsuites>
        """.write(toFile: report, atomically: true, encoding: .utf8)
        let script = root + "/scripts/lib/test_count.py"
        let failing = try run("/usr/bin/env", ["python3", script, report, "1"])
        XCTAssertEqual(failing.stdout, "2 passed, 1 failed\n")
        XCTAssertEqual(failing.status, 1)
        try report.replacingOccurrences(of: "xunit", with: "x").write(toFile: dir + "/unused", atomically: true, encoding: .utf8)
        let clean = try String(contentsOfFile: report, encoding: .utf8)
            .replacingOccurrences(of: #"<failure message="boom"></failure>"#, with: "")
        try clean.write(toFile: report, atomically: true, encoding: .utf8)
        let passing = try run("/usr/bin/env", ["python3", script, report, "0"])
        XCTAssertEqual(passing.stdout, "3 passed, 0 failed\n")
        XCTAssertEqual(passing.status, 0)
        let crashed = try run("/usr/bin/env", ["python3", script, report, "139"])
        XCTAssertEqual(crashed.stdout, "3 passed, 1 failed\n", "a crash outside any test is never a clean run")
        XCTAssertEqual(crashed.status, 1)
        let missing = try run("/usr/bin/env", ["python3", script, dir + "/none.xml", "1"])
        XCTAssertEqual(missing.stdout, "0 passed, 1 failed\n")
        XCTAssertNotEqual(missing.status, 0)
    }

    // 2. `new` never writes a version that is taken.
    func testTwoNewWithinOneSecondGetTwoVersionsAndStatusAcceptsThem() throws {
        let dir = try demoCopy()
        let now = ["SCHEMASNAP_NOW": "2026-12-01T07:40:59Z"]
        let first = try CLI.run(["new", "add_a"], in: dir, environment: now)
        let second = try CLI.run(["new", "add_b"], in: dir, environment: now)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("created supabase/migrations/20261201074059_add_a.sql\n"), first.stdout)
        XCTAssertTrue(second.stdout.hasPrefix("created supabase/migrations/20261201074100_add_b.sql\n"), second.stdout)
        XCTAssertTrue(
            second.stdout.contains("(version 20261201074059 is taken by another migration, so this one is 20261201074100)"),
            second.stdout)
        let status = try CLI.run(["status", "--env", "dev"], in: dir)
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("pending   2026-12-01 07:41:00  add_b"), status.stdout)
    }

    // 3. One environment at two times is labelled by its times.
    func testOneEnvironmentAtTwoTimesIsLabelledByItsTimes() throws {
        let dir = try demoCopy()
        let committed = try SnapshotFile.read(dir + "/snapshots/dev/20261126T101504Z.sqlite")
        var later = committed.catalog
        later.relations.append(Relation(schema: "public", name: "invoices", relationKind: "table", owner: "postgres"))
        var meta = committed.meta
        meta.capturedAt = committed.meta.capturedAt.addingTimeInterval(86_400 + 7)
        try SnapshotFile.write(later, meta: meta, to: dir + "/snapshots/dev/20261127T101511Z.sqlite")
        let text = try CLI.run(["diff", "dev@2026-11-26", "dev@2026-11-27", "--fail-on", "never"], in: dir)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(
            text.stdout.contains("Schema Drift Report: dev@2026-11-26T10:15:04Z → dev@2026-11-27T10:15:11Z"), text.stdout)
        XCTAssertTrue(text.stdout.contains("in dev@2026-11-27T10:15:11Z, not in dev@2026-11-26T10:15:04Z"), text.stdout)
        XCTAssertFalse(text.stdout.contains("dev → dev"), text.stdout)
        let json = try CLI.run(["diff", "dev@2026-11-26", "dev@2026-11-27", "--format", "json", "--fail-on", "never"], in: dir)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["source"] as? [String: Any])?["environment"] as? String, "dev")
        XCTAssertEqual((report["source"] as? [String: Any])?["label"] as? String, "dev@2026-11-26T10:15:04Z")
        XCTAssertEqual((report["target"] as? [String: Any])?["label"] as? String, "dev@2026-11-27T10:15:11Z")
        let markdown = try CLI.run(
            ["diff", "dev@2026-11-26", "dev@2026-11-27", "--format", "markdown", "--fail-on", "never"], in: dir)
        XCTAssertTrue(
            markdown.stdout.contains("Schema drift: dev@2026-11-26T10:15:04Z → dev@2026-11-27T10:15:11Z"), markdown.stdout)
        // The same file on both sides: named by the file.
        let same = try CLI.run(["diff", "dev@2026-11-27T12:00", "dev@2026-11-27"], in: dir)
        XCTAssertTrue(same.stdout.contains("20261127T101511Z.sqlite → 20261127T101511Z.sqlite"), same.stdout)
    }

    func testEveryREADMEExampleRunsOnTheDemo() throws {
        let dir = try demoCopy()
        let text = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let examples = text.split(separator: "\n").filter { $0.hasPrefix("schemasnap ") }.map { line in
            let command = (line.split(separator: "#").first ?? line).split(separator: ">").first ?? line
            return command.split(separator: " ").dropFirst().map(String.init)
        }
        XCTAssertGreaterThanOrEqual(examples.count, 12)
        for arguments in examples where arguments.first != "capture" {
            let result = try CLI.run(arguments, in: dir)
            XCTAssertTrue(
                [0, 1].contains(result.status) && !result.stderr.contains("error:"),
                "schemasnap \(arguments.joined(separator: " ")): exit \(result.status), \(result.stderr)")
        }
    }

    // 4. Counts add up, the same in every format.
    func testCountsAreFindingsPlusAdvisorFindingsInEveryFormat() throws {
        let json = try CLI.run(["diff", "staging", "production", "--format", "json"], in: root)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let counts = try XCTUnwrap(report["counts"] as? [String: Int])
        let all = (report["findings"] as? [[String: Any]] ?? []) + (report["advisor_findings"] as? [[String: Any]] ?? [])
        for severity in ["critical", "warning", "info"] {
            XCTAssertEqual(counts[severity], all.filter { $0["severity"] as? String == severity }.count, severity)
        }
        let text = try CLI.run(["diff", "staging", "production"], in: root)
        XCTAssertTrue(text.stdout.contains("CRITICAL  3  (2 schema changes, 1 advisor finding)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Advisor findings staging has that production does not:"), text.stdout)
        let markdown = try CLI.run(["diff", "staging", "production", "--format", "markdown"], in: root)
        XCTAssertTrue(markdown.stdout.contains("| 🔴 Critical | 3 (2 schema changes, 1 advisor finding) |"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("🔴 2 critical schema changes</summary>"), markdown.stdout)
    }

    // 5. verify names the platform setup a shadow database lacks.
    func testVerifyOnAnEmptyShadowPointsToThePlatformSetup() throws {
        let dir = try demoCopy()
        let shadow = try TestPostgres.createDatabase(self, platform: false)
        let result = try CLI.run(["verify", "--shadow-url-env", "SHADOW"], in: dir, environment: ["SHADOW": shadow])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(
            (result.stdout + result.stderr).contains(
                "the shadow database has no schema auth, which the platform provides: run verify with --setup supabase/platform.sql"
            ),
            result.stdout + result.stderr)
    }

    // 6. Help and usage.
    func testHelpFitsEightyColumnsAndKeepsEveryExampleOnOneLine() throws {
        let commands = [
            "", "capture", "diff", "show", "new", "status", "plan", "lint", "log", "history", "prune", "advise", "apply",
            "rollback",
            "verify",
        ]
        for command in commands {
            let result = try CLI.run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(result.status, 0, command)
            for line in result.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") && !line.hasPrefix("       ") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command) --help: \(line)")
            }
            for line in result.stdout.split(separator: "\n") where line.hasPrefix("  schemasnap ") {
                XCTAssertFalse(line.hasSuffix(" or") || line.hasSuffix("\\"), "\(command): an example broken: \(line)")
            }
        }
        let top = try CLI.run(["--help"], environment: ["COLUMNS": "80"])
        XCTAssertTrue(
            top.stdout.contains("`capture` reads a database; `apply`, `rollback` and `verify` write to one"), top.stdout)
        let diff = try CLI.run(["diff", "--help"], environment: ["COLUMNS": "80"])
        XCTAssertTrue(
            diff.stdout.contains("\n  schemasnap diff production@2026-11-26 production --fail-on warning\n"), diff.stdout)
    }

    func testUsageErrorsSayWhatIsWrong() throws {
        let negative = try CLI.run(["prune", "--env", "dev", "--keep-daily", "-1"], in: root)
        XCTAssertEqual(negative.status, 2)
        XCTAssertTrue(
            negative.stderr.hasPrefix("error: --keep-daily and --keep-monthly must be 0 or more (got -1 and 12)"), negative.stderr
        )
        let both = try CLI.run(["status", "--env", "dev", "--all"], in: root)
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.hasPrefix("error: give either --env NAME or --all, not both"), both.stderr)
        let format = try CLI.run(["diff", "staging", "production", "--format", "xml"], in: root)
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("'text', 'json' or 'markdown'"), format.stderr)
        let typo = try CLI.run(["dif", "staging", "production"], in: root)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.hasPrefix("error: unknown command `dif`; did you mean `diff`?"), typo.stderr)
        XCTAssertEqual(typo.stderr.split(separator: "\n").count, 1)
    }

    // 7. Names and colours.
    func testMigrationNamesAreTransliterated() {
        XCTAssertEqual(MigrationName.sanitize("Añadir Émail"), "anadir_email")
        XCTAssertEqual(MigrationName.sanitize("Straße öffnen"), "strasse_offnen")
        XCTAssertEqual(MigrationName.sanitize("add-user's-email!"), "add_users_email")
        XCTAssertNil(MigrationName.sanitize("!!!"))
    }

    func testColourFollowsNoColorAndTerm() {
        XCTAssertTrue(Terminal.allowsColor([:]))
        XCTAssertTrue(Terminal.allowsColor(["NO_COLOR": ""]), "an empty NO_COLOR does not count (no-color.org)")
        XCTAssertFalse(Terminal.allowsColor(["NO_COLOR": "1"]))
        XCTAssertFalse(Terminal.allowsColor(["TERM": "dumb"]))
        XCTAssertTrue(Terminal.allowsColor(["TERM": "xterm-256color"]))
    }

    func testContinuationLinesLineUpUnderTheIconBadge() throws {
        let report = try DriftComparison(config: try Config.load(path: root + "/schemasnap.toml"))
            .report(
                source: root + "/snapshots/staging/20261126T101504Z.sqlite",
                target: root + "/snapshots/production/20261126T101504Z.sqlite")
        let out = report.render(.text, style: TextStyle(color: false, icons: true))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        /// Display columns: an emoji badge icon takes two.
        func column(_ line: String) -> Int {
            line.prefix { $0 == " " || $0.unicodeScalars.first!.properties.isEmojiPresentation }.reduce(0) {
                $0 + ($1.unicodeScalars.first!.properties.isEmojiPresentation ? 2 : 1)
            }
        }
        var checked = 0
        for (i, line) in lines.enumerated()
        where line.hasPrefix("  🔴 CRITICAL  ") && i + 1 < lines.count && !lines[i + 1].contains("WARNING") {
            let badgeEnd = 2 + 2 + 1 + 8 + 2
            XCTAssertEqual(column(lines[i + 1]), badgeEnd, "continuation of \(line)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
    }

    // 8. The demo shows a table with what is attached to it.
    func testShowObjectPrintsATableWithItsColumnsPoliciesAndGrants() throws {
        let result = try CLI.run(["show", "production", "--object", "public.orders"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let heads = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
        XCTAssertEqual(heads.first, "relation public.orders")
        XCTAssertTrue(heads.contains("column public.orders.status"))
        XCTAssertTrue(heads.contains { $0.hasPrefix("policy public.orders:") })
        XCTAssertTrue(heads.contains("privilege anon on table public.orders"))
        XCTAssertFalse(heads.contains { $0.contains("public.products") }, "only the table asked for")
        let demo = try String(contentsOfFile: root + "/scripts/demo", encoding: .utf8)
        XCTAssertTrue(demo.contains("show production --object public.orders"))
        let missing = try CLI.run(["show", "production", "--object", "public.nope"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("error: production has no object `public.nope`"), missing.stderr)
    }

    // 9. The CI recipes build in Swift 6.3, cache .build, keep one comment.
    func testCIRecipesBuildInTheSwiftImageCacheAndKeepOneComment() throws {
        for recipe in ["pull-request.yml", "nightly-capture.yml"] {
            let text = try String(contentsOfFile: root + "/docs/ci/" + recipe, encoding: .utf8)
            XCTAssertTrue(text.contains("container: swift:6.3-noble"), recipe)
            XCTAssertTrue(text.contains("uses: actions/cache@v4") && text.contains("path: .schemasnap/.build"), recipe)
            XCTAssertTrue(text.contains("repository: ${{ vars.SCHEMASNAP_REPOSITORY }}"), recipe)
            XCTAssertFalse(text.contains("your-org"), "\(recipe) clones no placeholder URL")
            XCTAssertFalse(text.contains("make -C"), recipe)
        }
        let pr = try String(contentsOfFile: root + "/docs/ci/pull-request.yml", encoding: .utf8)
        XCTAssertTrue(pr.contains("--edit-last --body-file comment.md"), "one sticky comment, updated on each push")
    }
}
