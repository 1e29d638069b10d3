import CatalogModel
import Differ
import SchemasnapKit
import XCTest

/// Pure tests: no database.
final class ModelTests: XCTestCase {
    func testIdentifiersAreQuotedExactlyWhenPostgreSQLNeedsIt() {
        XCTAssertEqual(quoteIdentifier("orders"), "orders")
        XCTAssertEqual(quoteIdentifier("order_items2"), "order_items2")
        XCTAssertEqual(quoteIdentifier("Orders"), "\"Orders\"")
        XCTAssertEqual(quoteIdentifier("user"), "\"user\"", "reserved keyword")
        XCTAssertEqual(quoteIdentifier("my table"), "\"my table\"")
        XCTAssertEqual(quoteIdentifier("a\"b"), "\"a\"\"b\"")
        XCTAssertEqual(quoteIdentifier("1abc"), "\"1abc\"")
        XCTAssertEqual(quoteIdentifier("café"), "\"café\"")
        XCTAssertEqual(qualifiedName("public", "select"), "public.\"select\"")
    }

    func testCanonicalTextListsAttributesAndIndentsMultilineValues() {
        var c = Catalog()
        c.relations = [
            Relation(schema: "public", name: "v", relationKind: "view", viewDefinition: " SELECT 1\n  FROM x;", owner: "me")
        ]
        c.uncovered = ["operators": 2]
        XCTAssertEqual(
            CanonicalText.render(c),
            """
            relation public.v
              relation_kind: view
              persistence: permanent
              rls_enabled: false
              rls_forced: false
              view_definition: |
                 SELECT 1
                  FROM x;
              replica_identity: default
              owner: me
            not compared: 2 operators

            """)
    }

    func testCanonicalOrderDoesNotDependOnInsertionOrder() {
        var a = Catalog()
        a.columns = [
            Column(schema: "public", table: "t", name: "b", position: 2, type: "text", notNull: false),
            Column(schema: "public", table: "t", name: "a", position: 1, type: "int", notNull: true),
        ]
        var b = a
        b.columns.reverse()
        XCTAssertEqual(CanonicalText.render(a.sorted()), CanonicalText.render(b.sorted()))
        XCTAssertEqual(a.sorted(), b.sorted())
    }

    func testAMissingColumnOfAMissingTableIsFoldedIntoTheTable() {
        var source = Catalog()
        source.relations = [Relation(schema: "public", name: "t", relationKind: "table", owner: "o")]
        source.columns = [Column(schema: "public", table: "t", name: "a", position: 1, type: "int", notNull: false)]
        let changes = Differ.diff(source: source, target: Catalog(), options: DiffOptions(criticalSchemas: ["public"]))
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes.first?.contents, [.column: 1])
        XCTAssertEqual(changes.first?.severity, .critical)
    }

    func testRolesAreComparedOnlyWhenAsked() {
        var source = Catalog()
        source.roles = [
            Role(
                name: "r", superuser: false, inherit: true, createRole: false, createDb: false, login: true,
                replication: false, bypassRls: false, connectionLimit: -1, memberOf: [])
        ]
        XCTAssertEqual(Differ.diff(source: source, target: Catalog()).count, 0)
        XCTAssertEqual(Differ.diff(source: source, target: Catalog(), options: DiffOptions(compareRoles: true)).count, 1)
    }

    func testConfigDefaultsAndOverrides() throws {
        let config = try Config.parse(
            """
            snapshots = "snaps"
            critical_schemas = ["public", "billing"]
            [environments.prod]
            protected = true
            """, path: "schemasnap.toml", baseDirectory: "/repo")
        XCTAssertEqual(config.snapshotsPath, "/repo/snaps")
        XCTAssertEqual(config.migrations, "supabase/migrations")
        XCTAssertEqual(config.criticalSchemas, ["public", "billing"])
        let prod = try config.environment("prod")
        XCTAssertEqual(prod.urlEnv, "SCHEMASNAP_DB_URL_PROD")
        XCTAssertTrue(prod.protected)
    }

    func testConfigErrorsNameTheKey() {
        XCTAssertThrowsError(try Config.parse("critical_schemas = \"public\"", path: "s.toml", baseDirectory: "/")) {
            XCTAssertEqual(
                $0 as? SchemasnapError, .configValue(path: "s.toml", key: "critical_schemas", expected: "an array of strings"))
        }
        XCTAssertThrowsError(try Config.parse("[environments.dev]\nurl = \"x\"", path: "s.toml", baseDirectory: "/")) {
            XCTAssertEqual($0 as? SchemasnapError, .configUnknownKey(path: "s.toml", key: "environments.dev.url"))
        }
        ReliabilityLog.record(
            "`schemasnap.toml` with an unknown key or a value of the wrong type", test: "ModelTests.testConfigErrorsNameTheKey",
            tries: 2, outcome: "error naming the file and the key")
    }

    func testTimesUsersTypeAreParsedAsUTC() throws {
        let stamp = try SnapshotLibrary.parseTime("20261120T020000Z")
        XCTAssertEqual(SnapshotLibrary.fileStamp(stamp), "20261120T020000Z")
        XCTAssertEqual(SnapshotLibrary.fileStamp(try SnapshotLibrary.parseTime("2026-11-20")), "20261120T235959Z")
        XCTAssertEqual(SnapshotLibrary.fileStamp(try SnapshotLibrary.parseTime("2026-11-20T02:00Z")), "20261120T020059Z")
        XCTAssertThrowsError(try SnapshotLibrary.parseTime("last tuesday"))
    }
}
