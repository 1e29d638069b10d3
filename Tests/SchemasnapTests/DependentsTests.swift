import CatalogModel
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// The dependency graph: captured from pg_depend by natural names, answered offline by
/// `show --dependents`, and named in diff findings. The committed format-2 snapshots under
/// `Tests/Fixtures/format2/` were captured from `Tests/Fixtures/dependents.sql` (total_cents
/// integer in the source, bigint in the target); they are kept for good like the format-1 files.
///
/// Re-record the golden files after an intended change with
/// `SCHEMASNAP_RECORD=1 scripts/test --filter DependentsTests`, then review `git diff`.
final class DependentsTests: XCTestCase {
    private var folder: String { Fixtures.path("format2") }

    private func fixtureSQL(totalType: String) throws -> String {
        try Fixtures.text("dependents.sql").replacingOccurrences(of: "TOTAL_TYPE", with: totalType)
    }

    func testCaptureRecordsEveryKindOfEdgeByNaturalNames() throws {
        let db = try TestPostgres.createDatabase(self, sql: [try fixtureSQL(totalType: "integer")])
        let edges = Set(try Inspector().capture(conninfo: db).0.dependencies.map { "\($0.path) [\($0.dependencyType)]" })
        let expected = [
            "relation shop.order_totals → column shop.orders.total_cents [normal]",
            "relation shop.big_customers → column shop.order_totals.total [normal]",
            "policy shop.orders:own_orders → function shop.is_owner(customer bigint) [normal]",
            "policy shop.customers:big_only → column shop.big_customers.customer_id [normal]",
            "column shop.orders.number → sequence shop.order_number_seq [normal]",
            "sequence shop.order_number_seq → column shop.orders.number [automatic]",
            "function shop.order_count() → relation shop.orders [normal]",
            "type shop.amount → function shop.is_positive(v bigint) [normal]",
            "constraint shop.orders:orders_customer_id_fkey → index shop.customers:customers_pkey [normal]",
            "trigger shop.orders:orders_touch → function shop.touch() [normal]",
            "type shop.line → type shop.status [normal]",
            "type shop.big_amount → type shop.amount [normal]",
            "column shop.audit.history → type shop.status [normal]",
            "index shop.events_2026:events_2026_at_idx → index shop.events:events_at_idx [partition]",
            "relation shop.events_2026 → relation shop.events [automatic]",
        ]
        for edge in expected { XCTAssertTrue(edges.contains(edge), "missing edge \(edge) in \(edges.sorted())") }
        // Structure the snapshot already holds is not repeated as edges.
        XCTAssertFalse(edges.contains { $0.hasPrefix("trigger shop.orders:orders_touch → relation shop.orders") })
        XCTAssertFalse(edges.contains { $0.contains("→ schema ") })
    }

    func testTheCommittedFormatTwoSnapshotIsWhatCaptureWritesToday() throws {
        // Built as the file was: on the platform stand-in of its release.
        let db = try TestPostgres.createDatabase(
            self, sql: [try Fixtures.text("format1/platform.sql"), try fixtureSQL(totalType: "integer")], platform: false)
        let fresh = try Inspector().capture(conninfo: db).0
        let committed = try SnapshotFile.read(folder + "/shop_source.sqlite")
        XCTAssertEqual(committed.meta.formatVersion, 2)
        XCTAssertEqual(
            committed.catalog.unrecorded.kinds,
            [.cronJob, .storageBucket, .vaultSecret, .partitionSet, .foreignDataWrapper, .userMapping])
        XCTAssertEqual(committed.catalog.unrecorded.fields[.extension], ["member_schemas"])
        XCTAssertEqual(committed.catalog.unrecorded.fields[.trigger], ["comment"])
        XCTAssertEqual(fresh.dependencies, committed.catalog.dependencies)
        let diff = try CLI.run(["diff", folder + "/shop_source.sqlite", folder + "/shop_source.sqlite"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
    }

    func testShowDependentsOfATableMatchesGoldenFile() throws {
        let result = try CLI.run(["show", "shop_source.sqlite", "--dependents", "shop.orders"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertGolden(result.stdout, "show-dependents-table.txt")
        XCTAssertFalse(result.stdout.contains("policy shop.orders:own_orders"), "the table's own policy goes with it")
    }

    func testShowDependentsOfAColumnMatchesGoldenFile() throws {
        let result = try CLI.run(["show", "shop_source.sqlite", "--dependents", "shop.orders.customer_id"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertGolden(result.stdout, "show-dependents-column.txt")
        XCTAssertTrue(result.stdout.contains("policy shop.orders:own_orders\n"), result.stdout)
    }

    func testShowDependentsOfAnObjectNothingReadsSaysSo() throws {
        let result = try CLI.run(["show", "shop_source.sqlite", "--dependents", "shop.audit"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("nothing: it can be dropped or changed without breaking another object\n"))
    }

    func testShowDependentsOfAnUnknownObjectFailsNamingHowToNameIt() throws {
        let result = try CLI.run(["show", "shop_source.sqlite", "--dependents", "shop.nope"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("error: shop_source.sqlite has no object `shop.nope`; name it as"), result.stderr)
    }

    func testShowDependentsOnAFormatOneSnapshotSaysToCaptureAgain() throws {
        let result = try CLI.run(["show", Fixtures.path("format1/staging.sqlite"), "--dependents", "public.orders"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is a format-1 snapshot, which did not record dependencies; capture"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testDiffNamesTheDependentsOfARetypedColumnAsText() throws {
        let result = try CLI.run(["diff", "shop_source.sqlite", "shop_target.sqlite"], in: folder)
        XCTAssertEqual(result.status, 0, "no CRITICAL finding outside the critical schemas")
        try assertGolden(result.stdout, "diff-dependents.txt")
        XCTAssertTrue(
            result.stdout.contains(
                "depended on in shop_target by view shop.order_totals, view shop.big_customers, policy shop.customers:big_only"),
            result.stdout)
    }

    func testDiffNamesTheDependentsAsJSONAndMarkdown() throws {
        let json = try CLI.run(["diff", "shop_source.sqlite", "shop_target.sqlite", "--format", "json"], in: folder)
        try assertGolden(json.stdout, "diff-dependents.json")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        let retyped = try XCTUnwrap(findings.first { $0["object"] as? String == "shop.orders.total_cents" })
        XCTAssertEqual(
            retyped["dependents"] as? [String],
            ["view shop.order_totals", "view shop.big_customers", "policy shop.customers:big_only"])
        let markdown = try CLI.run(["diff", "shop_source.sqlite", "shop_target.sqlite", "--format", "markdown"], in: folder)
        try assertGolden(markdown.stdout, "diff-dependents.md")
        XCTAssertTrue(markdown.stdout.contains("<br>depended on in shop_target by view shop.order_totals"), markdown.stdout)
    }
}
