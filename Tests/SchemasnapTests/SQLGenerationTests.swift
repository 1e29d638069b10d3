import CatalogModel
import Differ
import Migrations
import PostgresInspector
import SQLGenerator
import SQLReader
import SnapshotStore
import XCTest

/// `diff --sql` against real databases: the generated UP closes each drift (capture again,
/// diff: no findings), and the DOWN generated the other way restores the target exactly.
final class SQLGenerationTests: XCTestCase {
    private let diffOptions = DiffOptions(criticalSchemas: ["public"], managedSchemas: ["auth", "storage"])

    private func capture(_ db: String) throws -> Catalog { try Inspector().capture(conninfo: db).0 }

    private func schemaFingerprint(_ catalog: Catalog) -> String {
        var catalog = catalog
        catalog.roles = []  // cluster-wide; other tests running in parallel may add some
        return Fingerprint.of(catalog)
    }

    /// Builds `base + source` and `base + target`, applies UP to the target in one
    /// transaction, checks nothing is left to report, applies DOWN and checks the target's
    /// original fingerprint is back. Returns the UP script.
    /// `sourceThen` runs after `source` in a transaction of its own (say, what uses an enum
    /// label `source` adds).
    @discardableResult
    func assertRoundTrip(
        _ name: String, base: String = DiffIntegrationTests.base, source: String = "", sourceThen: String = "",
        target: String = "", file: StaticString = #filePath, line: UInt = #line
    ) throws -> GeneratedScript {
        let a = try TestPostgres.createDatabase(self, sql: [base, source, sourceThen].filter { !$0.isEmpty })
        let b = try TestPostgres.createDatabase(self, sql: [base, target].filter { !$0.isEmpty })
        let sourceCatalog = try capture(a)
        let targetCatalog = try capture(b)
        let options = GeneratorOptions(unsafe: true, diff: diffOptions)
        let up = SQLGenerator.generate(source: sourceCatalog, target: targetCatalog, options: options)
        XCTAssertFalse(up.statements.isEmpty, "\(name): a difference gives at least one statement", file: file, line: line)
        do {
            try TestPostgres.execute(b, up.render(title: []))
        } catch {
            XCTFail("\(name): UP failed: \(error)\n\(up.render(title: []))", file: file, line: line)
            return up
        }
        let after = try capture(b)
        let left = Differ.diff(source: sourceCatalog, target: after, options: diffOptions)
            .filter { $0.objectKind != .appliedMigration }
            .map { "\($0.kind) \($0.path) \($0.attribute ?? "")" }
        XCTAssertEqual(left, [], "\(name): drift left after UP\n\(up.render(title: []))", file: file, line: line)
        let down = SQLGenerator.generate(source: targetCatalog, target: sourceCatalog, options: options)
        do {
            try TestPostgres.execute(b, down.render(title: []))
        } catch {
            XCTFail("\(name): DOWN failed: \(error)\n\(down.render(title: []))", file: file, line: line)
            return up
        }
        XCTAssertEqual(
            schemaFingerprint(try capture(b)), schemaFingerprint(targetCatalog),
            "\(name): DOWN restores the target\n\(down.render(title: []))", file: file, line: line)
        return up
    }

    func testTablesColumnsAndConstraintsRoundTrip() throws {
        try assertRoundTrip("missing table", target: "DROP TABLE public.spare")
        try assertRoundTrip("table only in target", target: "CREATE TABLE public.hotfix (id int PRIMARY KEY, note text)")
        try assertRoundTrip("missing column", target: "ALTER TABLE public.items DROP COLUMN note")
        try assertRoundTrip("not null", target: "ALTER TABLE public.items ALTER COLUMN qty SET NOT NULL")
        try assertRoundTrip("default", target: "ALTER TABLE public.items ALTER COLUMN name SET DEFAULT 'y'")
        try assertRoundTrip("missing check constraint", target: "ALTER TABLE public.items DROP CONSTRAINT qty_positive")
        try assertRoundTrip(
            "missing schema with a table",
            source: "CREATE SCHEMA reports; CREATE TABLE reports.daily (day date PRIMARY KEY, total numeric)")
    }

    func testColumnTypeChangeRebuildsTheViewThatReadsIt() throws {
        let retype = """
            DROP VIEW public.item_names; ALTER TABLE public.items ALTER COLUMN name TYPE varchar(80);
            CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
            """
        let up = try assertRoundTrip("column type", target: retype)
        let sql = up.render(title: [])
        XCTAssertTrue(sql.contains("DROP VIEW public.item_names;"), sql)
        XCTAssertTrue(sql.contains("ALTER TABLE public.items ALTER COLUMN name TYPE text USING name::text;"), sql)
        XCTAssertLessThan(
            sql.range(of: "DROP VIEW")!.lowerBound, sql.range(of: "TYPE text")!.lowerBound,
            "the view goes before the column changes")
        XCTAssertLessThan(sql.range(of: "TYPE text")!.lowerBound, sql.range(of: "CREATE VIEW")!.lowerBound)
    }

    func testColumnTypeChangeRecreatesThePolicyThatReadsIt() throws {
        let up = try assertRoundTrip(
            "policy over a retyped column",
            target: """
                DROP POLICY items_read ON public.items; ALTER TABLE public.items ALTER COLUMN qty TYPE bigint;
                CREATE POLICY items_read ON public.items FOR SELECT TO anon USING (qty > 0);
                """)
        XCTAssertTrue(up.render(title: []).contains("DROP POLICY items_read ON public.items;"))
    }

    func testSecurityRoundTrips() throws {
        try assertRoundTrip("RLS disabled", target: "ALTER TABLE public.items DISABLE ROW LEVEL SECURITY")
        try assertRoundTrip("RLS forced", target: "ALTER TABLE public.items FORCE ROW LEVEL SECURITY")
        try assertRoundTrip("missing policy", target: "DROP POLICY items_read ON public.items")
        try assertRoundTrip("policy roles", target: "ALTER POLICY items_read ON public.items TO anon, authenticated")
        try assertRoundTrip("policy using", target: "ALTER POLICY items_read ON public.items USING (qty > 10)")
        try assertRoundTrip("storage policy", target: #"DROP POLICY "read own files" ON storage.objects"#)
        try assertRoundTrip("missing privilege", target: "REVOKE SELECT ON public.items FROM anon")
        try assertRoundTrip("extra privilege", target: "GRANT SELECT ON public.spare TO PUBLIC")
    }

    func testIndexesFunctionsAndTriggersRoundTrip() throws {
        try assertRoundTrip("index only in target", target: "CREATE INDEX items_qty_idx ON public.items (qty)")
        try assertRoundTrip(
            "index definition",
            target: "DROP INDEX public.items_name_idx; CREATE INDEX items_name_idx ON public.items (name DESC)")
        try assertRoundTrip(
            "missing function",
            source: "CREATE FUNCTION public.g(a int, b text) RETURNS int LANGUAGE sql STABLE AS $$ SELECT a $$")
        try assertRoundTrip(
            "function body",
            target: "CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$")
        try assertRoundTrip("security definer", target: "ALTER FUNCTION public.f(integer) SECURITY DEFINER SET search_path = ''")
        try assertRoundTrip("missing trigger", target: "DROP TRIGGER items_trg ON public.items")
        try assertRoundTrip("disabled trigger", target: "ALTER TABLE public.items DISABLE TRIGGER items_trg")
    }

    func testTypesViewsAndOtherKindsRoundTrip() throws {
        try assertRoundTrip("enum label missing in target", source: "ALTER TYPE public.status ADD VALUE 'archived' BEFORE 'done'")
        try assertRoundTrip("enum label only in target", target: "ALTER TYPE public.status ADD VALUE 'archived'")
        try assertRoundTrip(
            "view definition",
            target: "CREATE OR REPLACE VIEW public.item_names AS SELECT id, name FROM public.items WHERE id > 0")
        try assertRoundTrip("missing view", target: "DROP VIEW public.item_names")
        try assertRoundTrip("comment", target: "COMMENT ON TABLE public.items IS 'stuff'")
        try assertRoundTrip("owner", target: "ALTER TABLE public.spare OWNER TO app_reader")
        try assertRoundTrip("sequence", target: "ALTER SEQUENCE public.ticket_seq INCREMENT 10")
        try assertRoundTrip("missing extension", source: "CREATE EXTENSION citext")
    }

    /// Generated SQL quotes every hostile name the way PostgreSQL needs: it applies, and DOWN
    /// restores the target.
    func testHostileNamesRoundTrip() throws {
        let hostile = try Fixtures.text("hostile_names.sql")
        try assertRoundTrip("hostile: a table", base: hostile, target: #"DROP TABLE "My Schema"."select" CASCADE"#)
        try assertRoundTrip("hostile: an overload", base: hostile, target: #"DROP FUNCTION "My Schema".f(text)"#)
        try assertRoundTrip("hostile: a shared policy name", base: hostile, target: #"DROP POLICY "read all" ON "a.b"."select""#)
        try assertRoundTrip(
            "hostile: an enum label", base: hostile,
            source: #"ALTER TYPE "My Schema"."Mood" ADD VALUE 'new "one"' AFTER 'it''s ok'"#)
        try assertRoundTrip(
            "hostile: a column", base: hostile, target: #"ALTER TABLE "My Schema"."select" DROP COLUMN "表""#)
    }

    /// A partitioned table with a key and an index, and partitions whose names sort before
    /// it: created parent first, without repeating what partitions inherit.
    func testPartitionedTablesRoundTrip() throws {
        let partitioned = """
            CREATE TABLE public.zz_events (id bigint, k int NOT NULL, body text, PRIMARY KEY (id, k)) PARTITION BY LIST (k);
            CREATE INDEX zz_events_body_idx ON public.zz_events (body);
            CREATE TABLE public.a_events_1 PARTITION OF public.zz_events FOR VALUES IN (1);
            CREATE TABLE public.a_events_2 PARTITION OF public.zz_events FOR VALUES IN (2);
            CREATE TABLE public.a_log (at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE public.b_log_2026 PARTITION OF public.a_log FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """
        try assertRoundTrip("partitioned table", source: partitioned)
        try assertRoundTrip(
            "one partition", base: DiffIntegrationTests.base + partitioned, target: "DROP TABLE public.a_events_2")
    }

    /// Tables, a view over a changed column, a policy calling a new function and a foreign key
    /// to a new table: one transaction, no dependency error.
    func testManyChangesApplyInOneTransaction() throws {
        let source = """
            CREATE TABLE public.categories (id bigint PRIMARY KEY, title text NOT NULL);
            ALTER TABLE public.items ADD COLUMN category_id bigint REFERENCES public.categories (id);
            DROP VIEW public.item_names; ALTER TABLE public.items ALTER COLUMN name TYPE varchar(200);
            CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
            CREATE FUNCTION public.visible(q integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT q > 0 $$;
            CREATE POLICY items_visible ON public.items FOR SELECT TO authenticated USING (public.visible(qty));
            CREATE VIEW public.item_categories AS
              SELECT i.id, i.name, c.title FROM public.items i JOIN public.categories c ON c.id = i.category_id;
            CREATE TABLE public.orders (id bigint PRIMARY KEY, item_id bigint NOT NULL REFERENCES public.items (id));
            ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
            CREATE INDEX orders_item_idx ON public.orders (item_id);
            """
        let up = try assertRoundTrip("many changes", source: source, target: "DROP TABLE public.spare")
        XCTAssertTrue(up.runsInOneTransaction)
        XCTAssertGreaterThan(up.statements.count, 10)
    }

    func testIdenticalSchemasGiveAScriptWithNoStatement() throws {
        let a = try TestPostgres.createDatabase(self, sql: [DiffIntegrationTests.base])
        let catalog = try capture(a)
        let script = SQLGenerator.generate(source: catalog, target: catalog, options: GeneratorOptions(diff: diffOptions))
        XCTAssertEqual(script.statements, [])
        let text = script.render(title: ["title"])
        XCTAssertEqual(text, "-- title\n-- The two schemas are the same: there is nothing to do.\n")
        XCTAssertEqual(StatementSplitter.split(text).count, 0)
    }

    /// Without --unsafe, nothing that can lose data is executable: the output, parsed back
    /// and linted, has no destructive statement, and the held-back ones are there as comments.
    func testWithoutUnsafeNoDestructiveStatementIsExecutable() throws {
        let a = try TestPostgres.createDatabase(self, sql: [DiffIntegrationTests.base])
        let b = try TestPostgres.createDatabase(
            self,
            sql: [
                DiffIntegrationTests.base,
                """
                CREATE TABLE public.hotfix (id int); ALTER TABLE public.items ADD COLUMN extra text;
                ALTER TABLE public.items ALTER COLUMN note TYPE integer USING 0; ALTER TYPE public.status ADD VALUE 'archived';
                CREATE SCHEMA scratch;
                """,
            ])
        let script = SQLGenerator.generate(
            source: try capture(a), target: try capture(b), options: GeneratorOptions(diff: diffOptions))
        let text = script.render(title: [])
        var analyzer = HazardAnalyzer()
        let codes = Set(analyzer.analyze(text).map(\.code))
        XCTAssertTrue(
            codes.isDisjoint(with: ["drop_table", "drop_column", "alter_column_type", "drop_schema"]), "\(codes)\n\(text)")
        XCTAssertEqual(
            script.heldBack.map { $0.hold!.code }.sorted(),
            ["alter_column_type", "drop_column", "drop_schema", "drop_table", "enum_label_removed"])
        XCTAssertTrue(text.contains("-- 5 statements held back"), text)
        XCTAssertTrue(text.contains("\n-- DROP TABLE public.hotfix;\n"), text)
        // The rest applies on its own.
        XCTAssertNoThrow(try TestPostgres.execute(b, text))
    }

    /// The demo's staging and production, built from the migrations: UP closes the drift,
    /// DOWN brings production back.
    func testDemoStagingAgainstProductionRoundTrips() throws {
        let folder = try MigrationFolder.read(Fixtures.repositoryRoot.appendingPathComponent("supabase/migrations").path)
        let all = folder.migrations.map(\.up)
        let production =
            all.dropLast() + [
                "CREATE INDEX orders_created_at_idx ON public.orders (created_at)",
                "CREATE TABLE public.feature_flags (key text PRIMARY KEY, enabled boolean NOT NULL DEFAULT false)",
            ]
        try assertRoundTrip("demo", base: "", source: all.joined(separator: ";\n"), target: production.joined(separator: ";\n"))
    }
}
