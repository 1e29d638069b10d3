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

/// The offline commands of docs/MIGRATION_GUIDE.md, run as written in a copy of the repository.
final class MigrationGuideTests: XCTestCase {
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
