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
