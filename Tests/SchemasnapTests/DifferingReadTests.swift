import CatalogModel
import PostgresInspector
import Reports
import SchemasnapKit
import SnapshotStore
import XCTest

/// `diff` reads two snapshots row against row and keeps only what differs and its context
/// (`SnapshotFile.readDiffering`): its reports must be those of reading both files whole,
/// while untouched tables are never built as objects.
final class DifferingReadTests: XCTestCase {
    /// Forty tenant tables nobody changes, a table with a view over a view over it, a
    /// function with grants, a table in another schema with a foreign key to it, a Storage
    /// bucket and a policy on storage.objects, a table whose schema and name hold dots with a
    /// view over a view over it.
    static let base = """
        CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL, note text, customer text);
        CREATE VIEW public.order_totals AS SELECT id, total FROM public.orders;
        CREATE VIEW public.big_orders AS SELECT id FROM public.order_totals WHERE total > 100;
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES public.orders (id));
        CREATE INDEX invoices_order_idx ON billing.invoices (order_id);
        CREATE FUNCTION public.order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM public.orders $$;
        GRANT EXECUTE ON FUNCTION public.order_count() TO authenticated;
        ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
        CREATE POLICY orders_read ON public.orders FOR SELECT TO authenticated USING (customer = (SELECT auth.uid())::text);
        INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', false);
        CREATE POLICY "avatars read" ON storage.objects FOR SELECT TO authenticated USING (bucket_id = 'avatars');
        CREATE SCHEMA "tenant.eu";
        CREATE TABLE "tenant.eu"."orders.v2" (id bigint PRIMARY KEY, total numeric);
        CREATE VIEW "tenant.eu"."recent.orders" AS SELECT id, total FROM "tenant.eu"."orders.v2";
        CREATE VIEW public.eu_totals AS SELECT sum(total) AS total FROM "tenant.eu"."recent.orders";
        DO $$ BEGIN FOR i IN 1..40 LOOP
          EXECUTE format('CREATE TABLE public.tenant_%s (id bigint PRIMARY KEY, name text)', i);
          EXECUTE format('ALTER TABLE public.tenant_%s ENABLE ROW LEVEL SECURITY', i);
          EXECUTE format('GRANT SELECT ON public.tenant_%s TO anon', i);
        END LOOP; END $$;
        """

    /// Each drift, applied to the target only, and what it exercises.
    static let drifts: [(String, String)] = [
        ("a retyped column with views on views over it", "ALTER TABLE public.orders ALTER COLUMN note TYPE varchar(200);"),
        ("a dropped table with its contents folded", "DROP TABLE billing.invoices;"),
        ("a dropped index: an unindexed foreign key", "DROP INDEX billing.invoices_order_idx;"),
        ("RLS off with a policy left", "ALTER TABLE public.orders DISABLE ROW LEVEL SECURITY;"),
        ("a public bucket whose policy is unchanged", "UPDATE storage.buckets SET public = true WHERE id = 'avatars';"),
        ("a function's grant revoked", "REVOKE EXECUTE ON FUNCTION public.order_count() FROM authenticated;"),
        ("a grant revoked on one tenant table of forty", "REVOKE SELECT ON public.tenant_7 FROM anon;"),
        ("a table only in the target, without RLS", "CREATE TABLE public.audit (id int);"),
        ("RLS on where names hold dots", #"ALTER TABLE "tenant.eu"."orders.v2" ENABLE ROW LEVEL SECURITY;"#),
        ("nothing", ""),
    ]

    func testEveryDriftReportsWhatReadingBothFilesWholeReports() throws {
        let dir = try temporaryDirectory(self)
        let source = try snapshot(Self.base, at: dir + "/source.sqlite")
        let comparison = DriftComparison(config: Config(baseDirectory: dir))
        for (what, drift) in Self.drifts {
            let target = try snapshot(Self.base + "\n" + drift, at: dir + "/target.sqlite")
            let streamed = try comparison.report(source: source, target: target)
            let whole = try comparison.reportReadingWhole(source: source, target: target)
            for format in DiffReport.formats {
                XCTAssertEqual(streamed.render(format, style: .plain), whole.render(format, style: .plain), "\(what), \(format)")
            }
            if what.hasPrefix("RLS off") {
                // Named from the edges the streamed read followed: two views away, and a key
                // in another schema.
                let dependents = streamed.changes.first { $0.path == "public.orders" }?.dependents ?? []
                XCTAssertTrue(
                    Set(dependents).isSuperset(of: ["view public.order_totals", "view public.big_orders"]), "\(dependents)")
                XCTAssertTrue(dependents.contains { $0.contains("invoices_order_id_fkey") }, "\(dependents)")
            }
            if what.hasSuffix("names hold dots") {
                let dependents = streamed.changes.first { $0.path == #""tenant.eu"."orders.v2""# }?.dependents ?? []
                XCTAssertEqual(
                    Set(dependents), [#"view "tenant.eu"."recent.orders""#, "view public.eu_totals"], "\(dependents)")
            }
            if drift.isEmpty {
                XCTAssertTrue(streamed.changes.isEmpty, what)
            } else {
                XCTAssertFalse(streamed.changes.isEmpty && streamed.advisories.isEmpty, "\(what) is found")
            }
        }
    }

    func testUntouchedTablesAreNotReadAsObjects() throws {
        let dir = try temporaryDirectory(self)
        let source = try snapshot(Self.base, at: dir + "/source.sqlite")
        let target = try snapshot(
            Self.base + "\nALTER TABLE public.orders ALTER COLUMN note TYPE varchar(200);", at: dir + "/target.sqlite")
        let pair = try SnapshotFile.readDiffering(source: source, target: target, wholeSchemas: ["storage"])
        // The changed table, the views its change reaches, and the managed schema's tables:
        // none of the forty tenant tables nor billing.invoices.
        let names = Set(pair.target.catalog.relations.map(\.path))
        XCTAssertTrue(names.isSuperset(of: ["public.orders", "public.order_totals", "public.big_orders"]), "\(names)")
        XCTAssertFalse(names.contains { $0.hasPrefix("public.tenant_") || $0.hasPrefix("billing.") }, "\(names)")
        XCTAssertTrue(names.contains("storage.objects"))
        XCTAssertEqual(pair.source.catalog.relations.map(\.path), pair.target.catalog.relations.map(\.path))
        // The edges kept are the ones from the changed table on: the views' and the policy's.
        XCTAssertEqual(
            Set(pair.target.catalog.dependencies.map(\.dependent)).intersection(["public.order_totals", "public.big_orders"]),
            ["public.order_totals", "public.big_orders"])
        XCTAssertTrue(pair.source.catalog.dependencies.isEmpty)
        let whole = try SnapshotFile.read(target)
        XCTAssertLessThan(pair.target.catalog.columns.count * 5, whole.catalog.columns.count)
        XCTAssertEqual(pair.target.meta, whole.meta)
    }

    func testADamagedRowIsCaughtThoughItIsNeverBuilt() throws {
        let dir = try temporaryDirectory(self)
        let source = try snapshot(Self.base, at: dir + "/source.sqlite")
        let target = dir + "/target.sqlite"
        try FileManager.default.copyItem(atPath: source, toPath: target)
        // A row of an untouched table, changed behind the checksum's back: it differs from the
        // source's, and the checksum, fed by every row streamed past, catches it.
        try editSnapshotFile(target, "UPDATE columns SET type = 'text' WHERE \"table\" = 'tenant_3' AND name = 'id'")
        XCTAssertThrowsError(try SnapshotFile.readDiffering(source: source, target: target, wholeSchemas: [])) { error in
            XCTAssertEqual(
                (error as? StoreError)?.errorDescription,
                StoreError.damaged(target, reason: "its objects do not match its checksum").errorDescription)
        }
    }

    /// Captures a fresh database built from `sql` into a snapshot file at `path`.
    private func snapshot(_ sql: String, at path: String) throws -> String {
        let conninfo = try TestPostgres.createDatabase(self, sql: [sql])
        let (catalog, server) = try Inspector().capture(conninfo: conninfo)
        let meta = SnapshotMeta(
            environment: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, capturedAt: Date(),
            serverVersion: server.serverVersion, database: "d", host: "h", port: "5432", toolVersion: "test",
            fingerprint: "", objectCounts: [:], notCompared: [:])
        _ = try SnapshotFile.write(catalog, meta: meta, to: path)
        return path
    }
}
