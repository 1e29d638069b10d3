import Foundation
import Migrations
import XCTest

/// Every hazard rule's own examples: each triggering script raises it, each near miss does
/// not. A rule is one file in `Sources/Migrations/HazardRules/`; these tests also keep the
/// registry and the docs in step with those files.
final class HazardRuleTests: XCTestCase {
    func testEveryRuleRaisesOnItsExamplesAndNotOnItsNearMisses() {
        for rule in HazardRules.all {
            XCTAssertFalse(rule.examples.triggering.isEmpty, "\(rule.code) has no triggering example")
            XCTAssertFalse(rule.examples.nonTriggering.isEmpty, "\(rule.code) has no near miss")
            for example in rule.examples.triggering {
                var analyzer = HazardAnalyzer()
                let hazards = analyzer.analyze(example).filter { $0.code == rule.code }
                XCTAssertFalse(hazards.isEmpty, "\(rule.code) does not raise on:\n\(example)")
                XCTAssertEqual(Set(hazards.map(\.severity)), [rule.severity], rule.code)
            }
            for example in rule.examples.nonTriggering {
                var analyzer = HazardAnalyzer()
                XCTAssertFalse(
                    analyzer.analyze(example).contains { $0.code == rule.code },
                    "\(rule.code) raises on its near miss:\n\(example)")
            }
        }
    }

    func testEveryRuleFileIsInTheRegistryOnceWithACodeOfItsOwn() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/Migrations/HazardRules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let registered = HazardRules.all.map { String(describing: $0) }
        XCTAssertEqual(Set(files.map { String($0.dropLast(".swift".count)) }), Set(registered))
        XCTAssertEqual(registered.count, Set(registered).count)
        let codes = HazardRules.all.map { $0.code }
        XCTAssertEqual(codes.count, Set(codes).count, "\(codes)")
    }

    func testTheMigrationGuidesHazardTableIsTheRules() throws {
        var table = "| code | level | what it catches |\n|---|---|---|\n"
        for rule in HazardRules.all {
            table += "| <a id=\"\(rule.code)\"></a>`\(rule.code)` | \(rule.severity.rawValue.lowercased()) | \(rule.summary) |\n"
        }
        try assertDocumentedTable(table, in: "docs/MIGRATION_GUIDE.md", section: "hazard rules")
    }
}
