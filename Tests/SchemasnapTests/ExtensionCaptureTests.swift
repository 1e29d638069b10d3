import CatalogModel
import Differ
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Real extensions, from Debian's PostgreSQL 15 packages (`scripts/test` installs them and
/// preloads pg_cron and pgaudit): what an extension owns — its members and what is attached to
/// them, such as PostGIS's rules and pg_cron's policies — is the extension's, never the app's
/// object and never a consistency failure.
final class ExtensionCaptureTests: XCTestCase {

    /// Each extension with the SQL that installs it.
    private let extensions: [(String, String)] = [
        ("postgis", "CREATE EXTENSION postgis"),
        ("pg_partman", "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman"),
        ("pgtap", "CREATE EXTENSION pgtap"),
        ("hypopg", "CREATE EXTENSION hypopg"),
        ("plpgsql_check", "CREATE EXTENSION plpgsql_check"),
        ("rum", "CREATE EXTENSION rum"),
        ("hll", "CREATE EXTENSION hll"),
        ("pgaudit", "CREATE EXTENSION pgaudit"),
        ("pg_repack", "CREATE EXTENSION pg_repack"),
        ("pg_trgm", "CREATE EXTENSION pg_trgm"),
        ("citext", "CREATE EXTENSION citext"),
        ("ltree", "CREATE EXTENSION ltree"),
        ("hstore", "CREATE EXTENSION hstore"),
        ("moddatetime", "CREATE EXTENSION moddatetime"),
        ("unaccent", "CREATE EXTENSION unaccent"),
        ("uuid-ossp", "CREATE EXTENSION \"uuid-ossp\""),
        ("pgcrypto", "CREATE EXTENSION pgcrypto"),
        ("postgres_fdw", "CREATE EXTENSION postgres_fdw"),
        ("btree_gist", "CREATE EXTENSION btree_gist"),
        ("pg_stat_statements", "CREATE EXTENSION pg_stat_statements"),
        ("fuzzystrmatch", "CREATE EXTENSION fuzzystrmatch"),
        ("intarray", "CREATE EXTENSION intarray"),
    ]

    private func captureTwice(_ conninfo: String, _ label: String) throws -> Catalog {
        let first = try Inspector().capture(conninfo: conninfo).0
        let second = try Inspector().capture(conninfo: conninfo).0
        var a = first
        var b = second
        a.roles = []
        b.roles = []
        XCTAssertEqual(Fingerprint.of(a), Fingerprint.of(b), "\(label): two captures differ")
        return first
    }

    /// A capture of `catalog` holds nothing of the app's: only what platform.sql made.
    private func assertNoAppObjects(_ catalog: Catalog, _ platform: Catalog, _ label: String) {
        let appRelations = Set(catalog.relations.map(\.path)).subtracting(platform.relations.map(\.path))
        XCTAssertEqual(appRelations, [], "\(label): extension tables captured as the app's")
        XCTAssertEqual(catalog.rules.map(\.path), platform.rules.map(\.path), "\(label): rules")
        XCTAssertEqual(catalog.policies.map(\.path), platform.policies.map(\.path), "\(label): policies")
        XCTAssertEqual(catalog.triggers.map(\.path), platform.triggers.map(\.path), "\(label): triggers")
        let appFunctions = Set(catalog.functions.map(\.path)).subtracting(platform.functions.map(\.path))
        XCTAssertEqual(appFunctions, [], "\(label): extension functions captured as the app's")
    }

    func testEachExtensionCapturesTwiceWithTheSameFingerprintAndNothingOfItsOwn() throws {
        let platform = try Inspector().capture(conninfo: try TestPostgres.createDatabase(self)).0
        for (name, sql) in extensions {
            let db = try TestPostgres.createDatabase(self, sql: [sql])
            let catalog = try captureTwice(db, name)
            XCTAssertTrue(catalog.extensions.contains { $0.name == name }, "\(name) is listed as an extension")
            assertNoAppObjects(catalog, platform, name)
            XCTAssertEqual(catalog.consistencyProblems(), [], name)
        }
    }

    func testPostGISAloneCaptures() throws {
        let db = try TestPostgres.createDatabase(self, sql: ["CREATE EXTENSION postgis"])
        let catalog = try Inspector().capture(conninfo: db).0
        XCTAssertEqual(catalog.extensions.first { $0.name == "postgis" }?.schema, "public")
        XCTAssertFalse(catalog.relations.contains { $0.name == "geometry_columns" || $0.name == "spatial_ref_sys" })
        XCTAssertFalse(catalog.rules.contains { $0.table == "geometry_columns" })
    }

    func testPgCronCapturesWithoutItsJobTableOrPolicy() throws {
        try TestPostgres.withCronDatabase { db in
            try TestPostgres.execute(db, "CREATE EXTENSION pg_cron")
            try TestPostgres.execute(db, "SELECT cron.schedule('nightly-vacuum', '0 3 * * *', 'VACUUM')")
            let catalog = try captureTwice(db, "pg_cron")
            XCTAssertTrue(catalog.extensions.contains { $0.name == "pg_cron" })
            XCTAssertEqual(catalog.extensions.first { $0.name == "pg_cron" }?.memberSchemas, ["cron"])
            XCTAssertFalse(catalog.relations.contains { $0.schema == "cron" }, "cron.job is the extension's")
            XCTAssertFalse(catalog.policies.contains { $0.schema == "cron" }, "cron_job_policy is the extension's")
            XCTAssertEqual(catalog.cronJobs.map(\.name), ["nightly-vacuum"], "its job is configuration, captured as such")
            XCTAssertEqual(catalog.consistencyProblems(), [])
        }
    }

    func testAUsersChangeToAnExtensionsGrantsIsCapturedAndNothingElseOfTheExtensions() throws {
        // Without platform.sql: its default privileges give every new function and table grants
        // of their own, which pg_init_privs does not record, and which (like pg_dump) are captured.
        let db = try TestPostgres.createDatabase(
            self, sql: ["CREATE EXTENSION hstore; CREATE EXTENSION postgis"], platform: false)
        let untouched = try Inspector().capture(conninfo: db).0
        XCTAssertFalse(untouched.privileges.contains { $0.name.hasPrefix("hstore(") || $0.name == "spatial_ref_sys" })
        try TestPostgres.execute(db, "REVOKE ALL ON FUNCTION public.hstore(text, text) FROM PUBLIC")
        try TestPostgres.execute(db, "GRANT SELECT ON public.spatial_ref_sys TO app_reader")
        let changed = try Inspector().capture(conninfo: db).0
        let hstore = changed.privileges.filter { $0.name.hasPrefix("hstore(") }
        XCTAssertEqual(hstore.map(\.path), ["PUBLIC on function public.hstore(text, text)"])
        XCTAssertEqual(hstore.first?.privileges, [], "PUBLIC now holds nothing on it")
        let srs = changed.privileges.filter { $0.name == "spatial_ref_sys" }
        XCTAssertEqual(srs.first { $0.grantee == "app_reader" }?.privileges, ["SELECT"])
        XCTAssertEqual(srs.first { $0.grantee == "PUBLIC" }?.privileges, ["SELECT"], "PostGIS's own grant, still held")
        let findings = Differ.diff(source: untouched, target: changed)
        XCTAssertEqual(
            Set(findings.map(\.path)),
            [
                "PUBLIC on function public.hstore(text, text)", "PUBLIC on table public.spatial_ref_sys",
                "app_reader on table public.spatial_ref_sys",
            ])
    }

    func testAnAppOverExtensionsDiffsToExactlyTheAppsObjects() throws {
        let setup = try Fixtures.text("extensions_only.sql")
        let bare = try TestPostgres.createDatabase(self, sql: [setup])
        let app = try TestPostgres.createDatabase(self, sql: [setup, try Fixtures.text("extensions_app.sql")])
        let dir = try temporaryDirectory(self)
        for (name, db) in [("bare", bare), ("app", app)] {
            let capture = try CLI.run(
                ["capture", "--url-env", "DB_URL", "--name", name, "--out", "\(dir)/\(name).sqlite"], in: dir,
                environment: ["DB_URL": db])
            XCTAssertEqual(capture.status, 0, capture.stderr)
        }
        let diff = try CLI.run(["diff", "app.sqlite", "bare.sqlite", "--format", "json", "--fail-on", "never"], in: dir)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let objects = Set(findings.compactMap { $0["object"] as? String })
        // The app's objects, each once (their columns, indexes, triggers and grants fold into them).
        let expected: Set<String> = [
            "app", "app.places", "app.events", "app.remote_orders", "warehouse",
            "partman.template_app_events",
        ]
        let partitions = objects.filter { $0.hasPrefix("app.events_") }
        XCTAssertFalse(partitions.isEmpty, "pg_partman made partitions of app.events: \(objects.sorted())")
        XCTAssertEqual(objects.subtracting(partitions), expected, diff.stdout)
        XCTAssertTrue(findings.allSatisfy { $0["change"] as? String == "missing_in_target" }, diff.stdout)
    }
}
