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

    func testEveryRelationPathReadsBackAsItsKey() throws {
        let relations = try catalog().relations
        XCTAssertTrue(relations.contains { $0.schema == "a.b" }, "the fixture has a schema with a dot")
        for relation in relations {
            XCTAssertEqual(RelationKey(path: relation.path), relation.key, relation.path)
        }
        for notAPath in [
            "public", "public.", ".t", "public.t.c", "\"a.b\"", "\"a.b\".", "\"unclosed.t", "Public.t", "\"public\".t",
            "\"a\"\".t", "a.\"b\"x",
        ] {
            XCTAssertNil(RelationKey(path: notAPath), notAPath)
        }
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

    /// `show` prints the quoted paths, and `history` finds one of two same-named policies by
    /// its quoted path, through two captures.
    func testShowAndHistoryUseTheQuotedPaths() throws {
        let dir = try temporaryDirectory(self)
        try "[environments.dev]\n".write(toFile: dir + "/schemasnap.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/snapshots/dev", withIntermediateDirectories: true)
        let db = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("hostile_names.sql")])
        for (n, change) in [(1, ""), (2, #"DROP POLICY "read all" ON "a.b"."select""#)] {
            if !change.isEmpty { try TestPostgres.execute(db, change) }
            let result = try CLI.run(
                ["capture", "--url-env", "DB", "--name", "dev", "--out", "snapshots/dev/2026010\(n)T000000Z.sqlite"], in: dir,
                environment: ["DB": db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let show = try CLI.run(["show", "snapshots/dev/20260101T000000Z.sqlite"], in: dir)
        XCTAssertEqual(show.status, 0, show.stderr)
        for path in [#""My Schema"."select"."Quote""d""#, #""a.b"."select":"read all""#, #""My Schema".f(x text)"#] {
            XCTAssertTrue(show.stdout.contains(path), "show prints \(path)")
        }
        let history = try CLI.run(["history", #""a.b"."select":"read all""#, "--env", "dev", "--format", "json"], in: dir)
        XCTAssertEqual(history.status, 0, history.stderr)
        let events = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(events.map { $0["event"] as? String }, ["appeared", "disappeared"])
        let other = try CLI.run(["history", #""My Schema"."select":"read all""#, "--env", "dev", "--format", "json"], in: dir)
        let otherEvents = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(other.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(otherEvents.map { $0["event"] as? String }, ["appeared"], "the same-named policy on the other table stays")
        ReliabilityLog.record(
            "`show` and `history` on hostile names", test: "HostileNameTests.testShowAndHistoryUseTheQuotedPaths", tries: 2,
            outcome: "quoted paths printed; history tells apart two policies named `read all` on two `select` tables")
    }
}
