import CatalogModel
import Migrations
import XCTest

/// One test per hazard: the dangerous form raises it, the safe form raises nothing.
final class HazardTests: XCTestCase {
    private let existing: Set<RelationKey> = [RelationKey(schema: "public", name: "orders")]

    private func codes(_ sql: String, existing: Set<RelationKey>? = nil) -> [String] {
        var analyzer = HazardAnalyzer(existingTables: existing ?? self.existing, exposedSchemas: ["public"])
        return analyzer.analyze(sql).map(\.code)
    }

    private func assertHazard(
        _ code: String, _ dangerous: String, safe: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(codes(dangerous), [code], file: file, line: line)
        XCTAssertEqual(codes(safe), [], "the safe form raises nothing", file: file, line: line)
    }

    func testDropTable() {
        assertHazard(
            "drop_table", "DROP TABLE public.orders;",
            safe: "CREATE TABLE public.t (id int); ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;")
    }

    func testDropColumn() {
        assertHazard(
            "drop_column", "ALTER TABLE public.orders DROP COLUMN note;",
            safe: "ALTER TABLE public.orders ALTER COLUMN note DROP DEFAULT;")
        XCTAssertEqual(codes("ALTER TABLE orders DROP note;"), ["drop_column"], "COLUMN is optional")
        XCTAssertEqual(codes("ALTER TABLE orders DROP CONSTRAINT orders_note_check;"), [])
    }

    func testDropSchema() {
        assertHazard("drop_schema", "DROP SCHEMA billing CASCADE;", safe: "CREATE SCHEMA billing;")
    }

    func testDropFunction() {
        assertHazard(
            "drop_function", "DROP FUNCTION public.total(int);",
            safe: "CREATE OR REPLACE FUNCTION public.total(x int) RETURNS int LANGUAGE sql AS $$ select x $$;")
    }

    func testTruncate() {
        assertHazard("truncate", "TRUNCATE public.orders;", safe: "SELECT count(*) FROM public.orders;")
    }

    func testDeleteWithoutWhere() {
        assertHazard("delete_without_where", "DELETE FROM public.orders;", safe: "DELETE FROM public.orders WHERE id = 1;")
    }

    func testUpdateWithoutWhere() {
        assertHazard(
            "update_without_where", "UPDATE public.orders SET note = '';",
            safe: "UPDATE public.orders SET note = '' WHERE note IS NULL;")
    }

    func testAlterColumnType() {
        assertHazard(
            "alter_column_type", "ALTER TABLE public.orders ALTER COLUMN note TYPE varchar(80);",
            safe: "ALTER TABLE public.orders ALTER COLUMN note SET DEFAULT '';")
        XCTAssertEqual(codes("ALTER TABLE orders ALTER note SET DATA TYPE text;"), ["alter_column_type"])
    }

    func testSetNotNullOnAnExistingTable() {
        assertHazard(
            "set_not_null", "ALTER TABLE public.orders ALTER COLUMN note SET NOT NULL;",
            safe:
                "CREATE TABLE public.t (note text); ALTER TABLE public.t ENABLE ROW LEVEL SECURITY; ALTER TABLE public.t ALTER COLUMN note SET NOT NULL;"
        )
    }

    func testAddNotNullColumnWithoutDefault() {
        assertHazard(
            "add_column_not_null", "ALTER TABLE public.orders ADD COLUMN status text NOT NULL;",
            safe: "ALTER TABLE public.orders ADD COLUMN status text NOT NULL DEFAULT 'new';")
    }

    func testCreateIndexWithoutConcurrentlyOnAnExistingTable() {
        assertHazard(
            "create_index_blocking", "CREATE INDEX orders_note_idx ON public.orders (note);",
            safe:
                "CREATE TABLE public.t (id int); ALTER TABLE public.t ENABLE ROW LEVEL SECURITY; CREATE INDEX t_id_idx ON public.t (id);"
        )
    }

    func testAnUnknownTableCountsAsExistingWithoutASnapshot() {
        var analyzer = HazardAnalyzer(existingTables: nil)
        XCTAssertEqual(analyzer.analyze("CREATE INDEX i ON public.anything (x);").map(\.code), ["create_index_blocking"])
    }

    func testConcurrentIndexInsideATransactionBlock() {
        assertHazard(
            "concurrent_index_in_transaction", "BEGIN; CREATE INDEX CONCURRENTLY i ON public.orders (note); COMMIT;",
            safe: "CREATE TABLE public.t (id int); ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;")
        XCTAssertEqual(codes("CREATE INDEX CONCURRENTLY i ON public.orders (note);"), ["concurrent_index_needs_no_transaction"])
    }

    func testRename() {
        assertHazard(
            "rename", "ALTER TABLE public.orders RENAME COLUMN note TO comment;",
            safe: "ALTER TABLE public.orders ADD COLUMN comment text;")
        XCTAssertEqual(codes("ALTER TABLE public.orders RENAME TO purchases;"), ["rename"])
    }

    func testDisableRowLevelSecurity() {
        assertHazard(
            "disable_rls", "ALTER TABLE public.orders DISABLE ROW LEVEL SECURITY;",
            safe: "ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;")
    }

    func testDropPolicy() {
        assertHazard(
            "drop_policy", "DROP POLICY \"read own\" ON public.orders;",
            safe: "CREATE POLICY \"read own\" ON public.orders FOR SELECT TO authenticated USING (true);")
    }

    func testNewTableInExposedSchemaWithoutRLS() {
        assertHazard(
            "table_without_rls", "CREATE TABLE public.secrets (id int);",
            safe: "CREATE TABLE public.secrets (id int);\nALTER TABLE public.secrets ENABLE ROW LEVEL SECURITY;")
        XCTAssertEqual(codes("CREATE TABLE private.secrets (id int);"), [], "not an exposed schema")
    }

    func testGrantToAnonOrPublic() {
        assertHazard(
            "grant_to_anon", "GRANT SELECT ON public.orders TO anon;", safe: "GRANT SELECT ON public.orders TO authenticated;")
        XCTAssertEqual(codes("GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;"), ["grant_to_public"])
    }

    func testSecurityDefinerWithoutSearchPath() {
        assertHazard(
            "security_definer_search_path",
            "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ select 1 $$;",
            safe: "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$ select 1 $$;")
    }

    func testStatementsInsideFunctionBodiesAndCommentsRaiseNothing() {
        XCTAssertEqual(
            codes(
                """
                -- DROP TABLE public.orders;
                /* TRUNCATE public.orders; */
                CREATE FUNCTION public.purge() RETURNS void LANGUAGE sql SET search_path = '' AS $$ DELETE FROM public.orders $$;
                """), [])
    }

    func testHazardsCarryTheirLineAndStatement() {
        var analyzer = HazardAnalyzer(existingTables: existing)
        let hazards = analyzer.analyze("SELECT 1;\n\nDROP TABLE public.orders;")
        XCTAssertEqual(hazards.first?.line, 3)
        XCTAssertEqual(hazards.first?.statement, "DROP TABLE public.orders")
        XCTAssertEqual(hazards.first?.severity, .critical)
    }
}
