import Foundation
import XCTest

/// Runs every `schemasnap` command of the CI recipes in docs/ci, so they cannot rot: the
/// offline ones on the committed demo snapshots, `capture` against a test database.
final class CIRecipeTests: XCTestCase {
    /// `schemasnap …` lines of a recipe, without shell redirections.
    private func commands(in recipe: String) throws -> [[String]] {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/ci/\(recipe)"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("schemasnap ") }
            .map { line in
                let command = line.split(separator: ">").first.map(String.init) ?? line
                return command.split(separator: " ").dropFirst().map(String.init)
            }
    }

    func testPullRequestRecipeRunsOnTheCommittedSnapshots() throws {
        let all = try commands(in: "pull-request.yml")
        XCTAssertEqual(all.count, 5)
        for arguments in all {
            let result = try CLI.run(arguments, in: Fixtures.repositoryRoot.path)
            XCTAssertEqual(result.status, 0, "schemasnap \(arguments.joined(separator: " ")): \(result.stderr)")
        }
    }

    func testNightlyRecipeCapturesAndPrunes() throws {
        let all = try commands(in: "nightly-capture.yml")
        XCTAssertEqual(all.map { $0.first }, ["capture", "prune"])
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n[environments.staging]\n[environments.production]\n"
            .write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        var environment: [String: String] = [:]
        for name in ["DEV", "STAGING", "PRODUCTION"] {
            environment["SCHEMASNAP_DB_URL_\(name)"] = try TestPostgres.createDatabase(
                self, sql: ["CREATE TABLE public.t (id int)"])
        }
        for arguments in all {
            let result = try CLI.run(arguments, in: dir, environment: environment)
            XCTAssertEqual(result.status, 0, "schemasnap \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        for name in ["dev", "staging", "production"] {
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/snapshots/\(name)").count, 1)
        }
    }
}

/// The offline commands of docs/MIGRATION_GUIDE.md, run as written in a copy of the repository,
/// and the example output it shows (its `console` blocks), compared with what the tool prints
/// on the demo snapshots today. Re-record the examples after an intended change with
/// `SCHEMASNAP_RECORD=1 scripts/test --filter MigrationGuideTests`, then review `git diff`.
final class MigrationGuideTests: XCTestCase {
    /// The time the examples are printed at (the newest demo snapshots are from 2026-12-01 12:13).
    static let now = "2026-12-02T12:00:00Z"

    func testTheGuidesExampleOutputIsWhatTheToolPrints() throws {
        let root = Fixtures.repositoryRoot
        let guide = root.appendingPathComponent("docs/MIGRATION_GUIDE.md").path
        let text = try String(contentsOfFile: guide, encoding: .utf8)
        let dir = try temporaryDirectory(self)
        for item in ["schemasnap.toml", "supabase", "snapshots"] {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent(item).path, toPath: dir + "/" + item)
        }
        var lines = text.components(separatedBy: "\n")
        var rewritten: [String] = []
        var examples = 0
        var i = 0
        while i < lines.count {
            rewritten.append(lines[i])
            guard lines[i] == "```console" else {
                i += 1
                continue
            }
            i += 1
            while i < lines.count, lines[i] != "```" {
                let line = lines[i]
                guard line.hasPrefix("$ schemasnap ") else {
                    i += 1
                    continue
                }
                let arguments = line.dropFirst("$ schemasnap ".count).split(separator: " ").map(String.init)
                var shown: [String] = []
                i += 1
                while i < lines.count, lines[i] != "```", !lines[i].hasPrefix("$ ") {
                    shown.append(lines[i])
                    i += 1
                }
                let result = try CLI.run(arguments, in: dir, environment: ["SCHEMASNAP_NOW": Self.now])
                XCTAssertTrue([0, 1].contains(result.status), "\(line): \(result.stderr)")
                let printed = result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
                XCTAssertEqual(shown.joined(separator: "\n"), printed, "the guide's output of `\(line)` is stale")
                rewritten.append(line)
                rewritten += printed.components(separatedBy: "\n")
                examples += 1
            }
            if i < lines.count { rewritten.append(lines[i]) }
            i += 1
        }
        XCTAssertGreaterThanOrEqual(examples, 4)
        if ProcessInfo.processInfo.environment["SCHEMASNAP_RECORD"] == "1" {
            lines = rewritten
            try lines.joined(separator: "\n").write(toFile: guide, atomically: true, encoding: .utf8)
        }
    }

    func testEveryOfflineCommandOfTheGuideRuns() throws {
        let root = Fixtures.repositoryRoot
        let text = try String(contentsOf: root.appendingPathComponent("docs/MIGRATION_GUIDE.md"), encoding: .utf8)
        var commands: [[String]] = []
        var inCode = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inCode.toggle() }
            guard inCode, line.hasPrefix("schemasnap ") else { continue }
            let withoutComment = line.split(separator: "#").first ?? line
            let command = withoutComment.split(separator: ">").first ?? withoutComment
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let needsDatabase: Set<String> = ["capture", "apply", "rollback", "verify"]
            if let verb = arguments.first, !needsDatabase.contains(verb) { commands.append(arguments) }
        }
        XCTAssertGreaterThanOrEqual(commands.count, 8)
        let dir = try temporaryDirectory(self)
        for item in ["schemasnap.toml", "supabase", "snapshots"] {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent(item).path, toPath: dir + "/" + item)
        }
        for arguments in commands {
            let result = try CLI.run(arguments, in: dir)
            let allowed: Set<Int32> = arguments.contains("--check") || arguments.first == "diff" ? [0, 1] : [0]
            XCTAssertTrue(allowed.contains(result.status), "schemasnap \(arguments.joined(separator: " ")): \(result.stderr)")
        }
    }
}
