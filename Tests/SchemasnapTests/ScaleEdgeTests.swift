import CatalogModel
import Differ
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// The edges of what PostgreSQL allows: 2,000 partitions, a 1 MB function body, 1,600
/// columns, 100,000 privilege rows. Capture, store, read back and diff each; one change
/// gives exactly one finding.
final class ScaleEdgeTests: XCTestCase {
    private func roundTrip(_ catalog: Catalog) throws -> (Catalog, Int) {
        let path = try temporaryDirectory(self) + "/edge.sqlite"
        let meta = SnapshotMeta(
            environment: "edge", capturedAt: Date(), serverVersion: "15", database: "d", host: "h", port: "5432",
            toolVersion: "test", fingerprint: "", objectCounts: [:], notCompared: [:])
        try SnapshotFile.write(catalog, meta: meta, to: path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (try SnapshotFile.read(path).catalog, size)
    }

    /// Captures `db`, checks the snapshot reads back equal, applies `change`, and checks the
    /// diff has exactly one finding. Returns the first capture and the timings.
    private func assertEdge(_ db: String, change: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> (catalog: Catalog, capture: Double, diff: Double, bytes: Int)
    {
        var started = Date()
        let before = try Inspector().capture(conninfo: db).0
        let captureTime = Date().timeIntervalSince(started)
        let (read, bytes) = try roundTrip(before)
        XCTAssertEqual(read, before, "the snapshot reads back exactly", file: file, line: line)
        try TestPostgres.execute(db, change)
        let after = try Inspector().capture(conninfo: db).0
        started = Date()
        let changes = Differ.diff(source: before, target: after)
        let diffTime = Date().timeIntervalSince(started)
        XCTAssertEqual(changes.count, 1, "one change, one finding: \(changes.map(\.path))", file: file, line: line)
        return (before, captureTime, diffTime, bytes)
    }

    private func describe(_ r: (catalog: Catalog, capture: Double, diff: Double, bytes: Int)) -> String {
        String(format: "capture %.2f s, diff %.3f s, snapshot %.1f MiB", r.capture, r.diff, Double(r.bytes) / 1_048_576)
    }

    func testTwoThousandPartitions() throws {
        let chunks = stride(from: 1, through: 2000, by: 250).map { start in
            """
            DO $$ BEGIN
              FOR i IN \(start)..\(start + 249) LOOP
                EXECUTE format('CREATE TABLE public.events_%s PARTITION OF public.events FOR VALUES IN (%s)', i, i);
              END LOOP;
            END $$;
            """
        }
        let db = try TestPostgres.createDatabase(
            self, sql: ["CREATE TABLE public.events (id bigint, k int NOT NULL, body text) PARTITION BY LIST (k);"] + chunks)
        let result = try assertEdge(db, change: "DROP TABLE public.events_1234")
        let partitions = result.catalog.relations.filter { $0.partitionOf == "public.events" }
        XCTAssertEqual(partitions.count, 2000)
        XCTAssertEqual(partitions.first { $0.name == "events_7" }?.partitionBound, "FOR VALUES IN (7)")
        XCTAssertEqual(result.catalog.relations.first { $0.name == "events" }?.partitionKey, "LIST (k)")
        ReliabilityLog.record(
            "a table with 2,000 partitions", test: "ScaleEdgeTests.testTwoThousandPartitions", tries: 1,
            outcome:
                "2,000 partitions captured with key and bounds, snapshot reads back equal, one dropped partition = 1 finding; "
                + describe(result))
    }

    func testOneMegabyteFunctionBody() throws {
        let filler = String(repeating: "-- padding line to make the body large enough\n", count: 22_000)
        let body = "\nBEGIN\n\(filler)RETURN 1;\nEND\n"
        let db = try TestPostgres.createDatabase(
            self, sql: ["CREATE FUNCTION public.big() RETURNS int LANGUAGE plpgsql AS $body$\(body)$body$;"])
        let result = try assertEdge(
            db,
            change: "CREATE OR REPLACE FUNCTION public.big() RETURNS int LANGUAGE plpgsql AS $body$\(body)-- one more\n$body$;")
        let captured = try XCTUnwrap(result.catalog.functions.first { $0.name == "big" }?.body)
        XCTAssertGreaterThan(captured.utf8.count, 1_000_000)
        XCTAssertEqual(captured, body)
        ReliabilityLog.record(
            "a 1 MB function body", test: "ScaleEdgeTests.testOneMegabyteFunctionBody", tries: 1,
            outcome: "\(captured.utf8.count) bytes captured byte for byte; one changed line = 1 finding; " + describe(result))
    }

    /// Eight tables of 1,600 columns (PostgreSQL's limit), each column granted to eight
    /// grantees: 12,800 columns and 102,400 privilege rows.
    func testSixteenHundredColumnsAndHundredThousandPrivileges() throws {
        let columns = (1...1600).map { "c\($0) int" }.joined(separator: ", ")
        let names = (1...1600).map { "c\($0)" }.joined(separator: ", ")
        let grantees =
            "anon, authenticated, service_role, app_reader, catalog_reader, supabase_auth_admin, supabase_storage_admin, PUBLIC"
        let tables = (1...8).map {
            "CREATE TABLE public.wide\($0) (\(columns)); GRANT SELECT (\(names)) ON public.wide\($0) TO \(grantees);"
        }
        let db = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("cluster_roles.sql")] + tables)
        let result = try assertEdge(db, change: "REVOKE SELECT (c777) ON public.wide3 FROM anon")
        XCTAssertEqual(result.catalog.columns.filter { $0.table == "wide1" }.count, 1600)
        XCTAssertEqual(result.catalog.columns.first { $0.table == "wide1" && $0.name == "c1600" }?.position, 1600)
        let columnPrivileges = result.catalog.privileges.filter { $0.objectType == "column" }
        XCTAssertEqual(columnPrivileges.count, 102_400)
        ReliabilityLog.record(
            "1,600 columns in one table (×8) and 102,400 column privilege rows",
            test: "ScaleEdgeTests.testSixteenHundredColumnsAndHundredThousandPrivileges", tries: 1,
            outcome: "every column and grant captured, snapshot reads back equal, one revoked column grant = 1 finding; "
                + describe(result))
    }
}
