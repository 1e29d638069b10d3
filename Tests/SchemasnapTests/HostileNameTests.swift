import CatalogModel
import Differ
import PostgresInspector
import XCTest

/// Names that need quoting stay unambiguous in paths, and one difference gives one finding.
final class HostileNameTests: XCTestCase {
    private func catalog(_ extra: String = "") throws -> Catalog {
        let db = try TestPostgres.createDatabase(
            self, sql: [try Fixtures.text("hostile_names.sql"), extra].filter { !$0.isEmpty })
        return try Inspector().capture(conninfo: db).0
    }

    func testPathsAreQuotedTheWayPostgreSQLQuotes() throws {
        let c = try catalog()
        let paths = Set(c.records.map(\.path))
        for expected in [
            "\"My Schema\".\"select\"", "\"a.b\".\"select\"", "\"My Schema\".\"select\".\"order id\"",
            "\"My Schema\".\"select\".\"Quote\"\"d\"", "\"My Schema\".\"select\".\"🎉\"", "\"My Schema\".\"select\".\"表\"",
            "\"My Schema\".\"select\":\"Index With Spaces\"", "\"My Schema\".\"select\":\"read all\"",
            "\"a.b\".\"select\":\"read all\"",
            "\"My Schema\".f(x integer)", "\"My Schema\".f(x text)",
            "public.t_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_0123456",
        ] {
            XCTAssertTrue(paths.contains(expected), "missing \(expected)")
        }
        XCTAssertEqual(c.types.first { $0.name == "Mood" }?.labels, ["very happy", "it's ok", "sad \"really\""])
        ReliabilityLog.record(
            "hostile names: spaces, dots, `\"`, upper case, reserved words, emoji, CJK, 63-byte names, one table name in two schemas, overloads, one policy name on two tables, quoted enum labels",
            test: "HostileNameTests.testPathsAreQuotedTheWayPostgreSQLQuotes", tries: 1,
            outcome: "paths quoted as PostgreSQL's quote_ident quotes them")
    }

    func testOneDifferenceAmongHostileNamesIsOneFinding() throws {
        let changes = Differ.diff(
            source: try catalog(), target: try catalog("DROP POLICY \"read all\" ON \"a.b\".\"select\""),
            options: DiffOptions(criticalSchemas: ["public", "a.b"]))
        XCTAssertEqual(changes.map(\.path), ["\"a.b\".\"select\":\"read all\""])
        XCTAssertEqual(changes.first?.severity, .critical)
        let overload = Differ.diff(
            source: try catalog(), target: try catalog("DROP FUNCTION \"My Schema\".f(text)"), options: DiffOptions())
        XCTAssertEqual(overload.map(\.path), ["\"My Schema\".f(x text)"], "the other overload is untouched")
        ReliabilityLog.record(
            "one difference among hostile names (a policy of a shared name, an overload)",
            test: "HostileNameTests.testOneDifferenceAmongHostileNamesIsOneFinding", tries: 2, outcome: "exactly one finding each"
        )
    }
}
