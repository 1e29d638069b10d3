import Advisors
import CatalogModel
import Foundation
import PostgresInspector
import XCTest

/// Every advisor lint's own examples, each built on real PostgreSQL and captured: each
/// triggering schema raises the lint, each near miss does not. A lint is one file in
/// `Sources/Advisors/Lints/`; these tests also keep the registry and docs/advisors.md in step.
final class AdvisorLintTests: XCTestCase {
    private let options = AdvisorOptions(exposedSchemas: ["public"], managedSchemas: ["auth", "storage"])

    /// Whether `lint` is among the findings on a database built from `sql`.
    private func raises(_ lint: any AdvisorLint.Type, on sql: String) throws -> Bool {
        var catalog: Catalog?
        switch lint.examples.database {
        case .platform:
            let db = try TestPostgres.createDatabase(self, sql: [sql])
            catalog = try Inspector().capture(conninfo: db).0
        case .cron:
            try TestPostgres.withCronDatabase { db in
                try TestPostgres.execute(db, sql)
                catalog = try Inspector().capture(conninfo: db).0
            }
        }
        return Advisor.advise(try XCTUnwrap(catalog), options: options).contains { $0.lint == lint.name }
    }

    func testEveryLintRaisesOnItsExamplesAndNotOnItsNearMisses() throws {
        for lint in Advisor.lints {
            XCTAssertFalse(lint.examples.triggering.isEmpty, "\(lint.name) has no triggering example")
            XCTAssertFalse(lint.examples.nonTriggering.isEmpty, "\(lint.name) has no near miss")
            for example in lint.examples.triggering {
                XCTAssertTrue(try raises(lint, on: example), "\(lint.name) does not raise on:\n\(example)")
            }
            for example in lint.examples.nonTriggering {
                XCTAssertFalse(try raises(lint, on: example), "\(lint.name) raises on its near miss:\n\(example)")
            }
        }
    }

    func testEveryLintFileIsInTheRegistryOnceWithANameOfItsOwn() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/Advisors/Lints")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let registered = Advisor.lints.map { String(describing: $0) }
        XCTAssertEqual(Set(files.map { String($0.dropLast(".swift".count)) }), Set(registered))
        XCTAssertEqual(registered.count, Set(registered).count)
        XCTAssertEqual(Advisor.lintNames.count, Set(Advisor.lintNames).count, "\(Advisor.lintNames)")
    }

    func testTheAdvisorsLintTableIsTheLints() throws {
        var table = "| lint | level | category | example that triggers it | fix |\n|---|---|---|---|---|\n"
        for lint in Advisor.lints {
            table +=
                "| <a id=\"\(lint.name)\"></a>`\(lint.name)` | \(lint.level.rawValue) | \(lint.category.rawValue) | "
                + "\(lint.documentedExample) | \(lint.documentedFix) |\n"
        }
        try assertDocumentedTable(table, in: "docs/advisors.md", section: "lints")
    }
}
