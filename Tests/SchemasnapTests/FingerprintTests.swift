import CatalogModel
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Same schema ⇒ same fingerprint, whatever the server, OIDs or time; any change ⇒ another.
final class FingerprintTests: XCTestCase {
    private let schema = """
        CREATE TABLE public.items (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'x', qty integer);
        CREATE INDEX items_name_idx ON public.items (name);
        ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;
        CREATE POLICY items_read ON public.items FOR SELECT TO anon USING (qty > 0);
        """

    private func fingerprint(_ db: String) throws -> String { try TestPostgres.schemaFingerprint(db) }

    func testCapturingTheSameDatabaseTwiceGivesTheSameFingerprint() throws {
        let db = try TestPostgres.createDatabase(self, sql: [schema])
        XCTAssertEqual(try fingerprint(db), try fingerprint(db))
    }

    func testTwoDatabasesBuiltFromTheSameSQLHaveTheSameFingerprint() throws {
        let a = try TestPostgres.createDatabase(self, sql: [schema])
        // Different OIDs in the second database: objects created and dropped first.
        let b = try TestPostgres.createDatabase(
            self,
            sql: [
                "CREATE TABLE public.junk (a int); CREATE TYPE public.junk_t AS ENUM ('a'); DROP TABLE public.junk; DROP TYPE public.junk_t;",
                schema,
            ])
        XCTAssertEqual(try fingerprint(a), try fingerprint(b))
    }

    func testDataAndStatisticsDoNotChangeTheFingerprint() throws {
        let db = try TestPostgres.createDatabase(self, sql: [schema])
        let before = try fingerprint(db)
        try TestPostgres.execute(
            db, "INSERT INTO public.items (name, qty) SELECT 'n' || g, g FROM generate_series(1, 500) g; ANALYZE public.items;")
        XCTAssertEqual(try fingerprint(db), before)
    }

    func testOneChangedDefaultChangesTheFingerprint() throws {
        let db = try TestPostgres.createDatabase(self, sql: [schema])
        let before = try fingerprint(db)
        try TestPostgres.execute(db, "ALTER TABLE public.items ALTER COLUMN name SET DEFAULT 'y'")
        XCTAssertNotEqual(try fingerprint(db), before)
    }

    func testARoleWithoutTablePrivilegesCanCapture() throws {
        let db = try TestPostgres.createDatabase(self, sql: [schema])
        // A login role with no grants; created once by scripts/test (roles are cluster-wide).
        let role = "catalog_reader"
        try TestPostgres.execute(db, try Fixtures.text("cluster_roles.sql"))
        let asReader = db.replacingOccurrences(of: "user=postgres", with: "user=\(role)")
            .replacingOccurrences(of: #"password=\S+"#, with: "password=catalog-only", options: .regularExpression)
        let (catalog, info) = try Inspector().capture(conninfo: asReader)
        XCTAssertTrue(catalog.relations.contains { $0.name == "items" })
        XCTAssertEqual(catalog.policies.first { $0.name == "items_read" }?.using, "(qty > 0)")
        XCTAssertEqual(
            info.warnings,
            [
                "cannot read supabase_migrations.schema_migrations (no SELECT privilege): applied migrations not captured",
                "cannot read storage.buckets (no SELECT privilege): storage buckets not captured",
                "cannot read vault.secrets (no SELECT privilege): vault secrets not captured",
            ], "each unreadable table says so")
    }
}

/// Kinds schemasnap does not model are counted, reported, and an error with --strict-coverage.
final class CoverageTests: XCTestCase {
    func testUncoveredKindsAreCountedAndStrictCoverageRefuses() throws {
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                "CREATE FUNCTION public.eq3(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE SET search_path = '' AS $$ SELECT $1 = $2 $$;"
                    + "CREATE OPERATOR public.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = public.eq3);"
            ])
        XCTAssertEqual(try Inspector().capture(conninfo: db).0.uncovered, ["operators": 1])
        let dir = try temporaryDirectory(self)
        let strict = try CLI.run(
            ["capture", "--url-env", "DB", "--name", "dev", "--out", "s.sqlite", "--strict-coverage"],
            in: dir, environment: ["DB": db])
        XCTAssertEqual(strict.status, 2)
        XCTAssertTrue(
            strict.stderr.contains("`dev` has objects of kinds schemasnap does not compare (1 operator)"), strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/s.sqlite"))
        XCTAssertEqual(
            try CLI.run(
                ["capture", "--url-env", "DB", "--name", "dev", "--out", "s.sqlite"], in: dir,
                environment: ["DB": db]
            ).status, 0)
        let diff = try CLI.run(["diff", "s.sqlite", "s.sqlite"], in: dir)
        // One file on both sides: each side is named by it.
        XCTAssertTrue(diff.stdout.contains("Not compared: s.sqlite: 1 operator; s.sqlite: 1 operator"), diff.stdout)
        XCTAssertEqual(try CLI.run(["diff", "s.sqlite", "s.sqlite", "--strict-coverage"], in: dir).status, 2)
    }
}
