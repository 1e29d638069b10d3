import CatalogModel
import Differ
import PostgresInspector
import XCTest

/// Pairs of real databases that differ in exactly one thing: one test per kind of
/// difference, each asserting the one finding and its severity.
final class DiffIntegrationTests: XCTestCase {
    static let base = """
        CREATE TYPE public.status AS ENUM ('new', 'done');
        CREATE SEQUENCE public.ticket_seq;
        CREATE TABLE public.items (
          id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'x', qty integer,
          status public.status, note text, CONSTRAINT qty_positive CHECK (qty >= 0));
        CREATE TABLE public.spare (id int);
        CREATE INDEX items_name_idx ON public.items (name);
        ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;
        CREATE POLICY items_read ON public.items FOR SELECT TO anon USING (qty > 0);
        CREATE POLICY "read own files" ON storage.objects FOR SELECT TO authenticated USING (owner = auth.uid());
        CREATE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
        CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER items_trg BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.trg();
        CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
        CREATE SCHEMA extra;
        CREATE TABLE extra.logs (id int);
        COMMENT ON TABLE public.items IS 'things';
        """

    /// Captures `base + source` and `base + target` in two fresh databases and diffs them.
    private func diff(
        source: String = "", target: String = "",
        options: DiffOptions = DiffOptions(
            criticalSchemas: ["public"], managedSchemas: ["auth", "storage"])
    ) throws -> [Change] {
        let a = try TestPostgres.createDatabase(self, sql: [Self.base, source].filter { !$0.isEmpty })
        let b = try TestPostgres.createDatabase(self, sql: [Self.base, target].filter { !$0.isEmpty })
        let inspector = Inspector()
        return Differ.diff(
            source: try inspector.capture(conninfo: a).0, target: try inspector.capture(conninfo: b).0,
            options: options)
    }

    private func assertOne(
        _ changes: [Change], _ kind: Change.Kind, _ noun: String, _ object: String, attribute: String? = nil,
        from: String? = nil, to: String? = nil, _ severity: Severity, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            changes.count, 1, "exactly one finding, got: \(changes.map { "\($0.kind) \($0.path) \($0.attribute ?? "")" })",
            file: file, line: line)
        guard let c = changes.first else { return }
        XCTAssertEqual(c.kind, kind, file: file, line: line)
        XCTAssertEqual(c.noun, noun, file: file, line: line)
        XCTAssertEqual(c.path, object, file: file, line: line)
        XCTAssertEqual(c.attribute, attribute, file: file, line: line)
        XCTAssertEqual(c.sourceValue, from, file: file, line: line)
        XCTAssertEqual(c.targetValue, to, file: file, line: line)
        XCTAssertEqual(c.severity, severity, file: file, line: line)
    }

    func testMissingTableInCriticalSchemaIsCriticalWithItsContentsFolded() throws {
        let changes = try diff(target: "DROP TABLE public.spare")
        assertOne(changes, .missingInTarget, "table", "public.spare", .critical)
        XCTAssertEqual(changes.first?.contents[.column], 1)
    }

    func testMissingTableOutsideCriticalSchemasIsWarning() throws {
        assertOne(try diff(target: "DROP TABLE extra.logs"), .missingInTarget, "table", "extra.logs", .warning)
    }

    func testTableOnlyInTargetIsWarning() throws {
        assertOne(try diff(target: "CREATE TABLE public.hotfix (id int)"), .onlyInTarget, "table", "public.hotfix", .warning)
    }

    func testMissingColumnIsCritical() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items DROP COLUMN note"), .missingInTarget, "column", "public.items.note",
            .critical)
    }

    func testChangedColumnTypeIsCritical() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items ALTER COLUMN note TYPE varchar(80)"), .changed, "column",
            "public.items.note", attribute: "type", from: "text", to: "character varying(80)", .critical)
    }

    func testChangedNullabilityIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items ALTER COLUMN qty SET NOT NULL"), .changed, "column",
            "public.items.qty", attribute: "not_null", from: "false", to: "true", .warning)
    }

    func testChangedDefaultIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items ALTER COLUMN name SET DEFAULT 'y'"), .changed, "column",
            "public.items.name", attribute: "default_value", from: "'x'::text", to: "'y'::text", .warning)
    }

    func testRLSDisabledInTargetIsCritical() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items DISABLE ROW LEVEL SECURITY"), .changed, "table",
            "public.items", attribute: "rls_enabled", from: "true", to: "false", .critical)
    }

    func testRLSForcedDiffersIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items FORCE ROW LEVEL SECURITY"), .changed, "table",
            "public.items", attribute: "rls_forced", from: "false", to: "true", .warning)
    }

    func testMissingPolicyInTargetIsCritical() throws {
        assertOne(
            try diff(target: "DROP POLICY items_read ON public.items"), .missingInTarget, "policy",
            "public.items:items_read", .critical)
    }

    func testPolicyRolesDifferIsWarning() throws {
        assertOne(
            try diff(target: "ALTER POLICY items_read ON public.items TO anon, authenticated"), .changed, "policy",
            "public.items:items_read", attribute: "roles", from: "[anon]", to: "[anon, authenticated]", .warning)
    }

    func testPolicyUsingExpressionDiffersIsWarning() throws {
        assertOne(
            try diff(target: "ALTER POLICY items_read ON public.items USING (qty > 1)"), .changed, "policy",
            "public.items:items_read", attribute: "using", from: "(qty > 0)", to: "(qty > 1)", .warning)
    }

    func testDroppedStoragePolicyIsReportedThoughStorageIsManaged() throws {
        assertOne(
            try diff(target: "DROP POLICY \"read own files\" ON storage.objects"), .missingInTarget, "policy",
            "storage.objects:\"read own files\"", .warning)
    }

    func testPlatformTablesInManagedSchemasAreLeftOut() throws {
        XCTAssertEqual(try diff(target: "ALTER TABLE auth.users ADD COLUMN phone text").count, 0)
    }

    func testIndexOnlyInTargetIsWarning() throws {
        assertOne(
            try diff(target: "CREATE INDEX items_qty_idx ON public.items (qty)"), .onlyInTarget, "index",
            "public.items:items_qty_idx", .warning)
    }

    func testChangedIndexDefinitionIsWarning() throws {
        assertOne(
            try diff(target: "DROP INDEX public.items_name_idx; CREATE INDEX items_name_idx ON public.items (name DESC)"),
            .changed, "index", "public.items:items_name_idx", attribute: "definition",
            from: "CREATE INDEX items_name_idx ON public.items USING btree (name)",
            to: "CREATE INDEX items_name_idx ON public.items USING btree (name DESC)", .warning)
    }

    func testMissingConstraintIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items DROP CONSTRAINT qty_positive"), .missingInTarget,
            "constraint", "public.items:qty_positive", .warning)
    }

    func testMissingFunctionIsCritical() throws {
        let changes = try diff(target: "DROP FUNCTION public.f(integer)")
        assertOne(changes, .missingInTarget, "function", "public.f(x integer)", .critical)
        XCTAssertEqual(changes.first?.contents, [.privilege: 4], "its EXECUTE grants are folded into it")
    }

    func testChangedFunctionBodyIsWarning() throws {
        assertOne(
            try diff(target: "CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$"),
            .changed, "function", "public.f(x integer)", attribute: "body", from: " SELECT x ", to: " SELECT x + 1 ", .warning)
    }

    func testSecurityDefinerDiffersIsWarning() throws {
        assertOne(
            try diff(target: "ALTER FUNCTION public.f(integer) SECURITY DEFINER"), .changed, "function",
            "public.f(x integer)", attribute: "security_definer", from: "false", to: "true", .warning)
    }

    func testEnumLabelMissingInTargetIsCritical() throws {
        assertOne(
            try diff(source: "ALTER TYPE public.status ADD VALUE 'archived'"), .changed, "enum", "public.status",
            attribute: "labels", from: "[new, done, archived]", to: "[new, done]", .critical)
    }

    func testEnumLabelOnlyInTargetIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TYPE public.status ADD VALUE 'archived' BEFORE 'done'"), .changed, "enum",
            "public.status", attribute: "labels", from: "[new, done]", to: "[new, archived, done]", .warning)
    }

    func testMissingPrivilegeIsWarning() throws {
        assertOne(
            try diff(target: "REVOKE SELECT, TRUNCATE ON public.items FROM authenticated"), .changed, "privilege",
            "authenticated on table public.items", attribute: "privileges",
            from: "[DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE]",
            to: "[DELETE, INSERT, REFERENCES, TRIGGER, UPDATE]", .warning)
    }

    func testEqualGrantsWrittenDifferentlyAreNotDrift() throws {
        let changes = try diff(
            source: "REVOKE ALL ON public.spare FROM anon; GRANT SELECT, INSERT ON public.spare TO anon",
            target: "REVOKE ALL ON public.spare FROM anon; GRANT ALL ON public.spare TO anon; "
                + "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.spare FROM anon")
        XCTAssertEqual(changes, [])
    }

    func testMissingTriggerIsWarning() throws {
        assertOne(
            try diff(target: "DROP TRIGGER items_trg ON public.items"), .missingInTarget, "trigger",
            "public.items:items_trg", .warning)
    }

    func testDisabledTriggerIsWarning() throws {
        assertOne(
            try diff(target: "ALTER TABLE public.items DISABLE TRIGGER items_trg"), .changed, "trigger",
            "public.items:items_trg", attribute: "enabled", from: "origin", to: "disabled", .warning)
    }

    func testChangedViewDefinitionIsWarning() throws {
        let changes = try diff(
            target: "CREATE OR REPLACE VIEW public.item_names AS SELECT id, name FROM public.items WHERE qty > 0")
        assertOne(
            changes, .changed, "view", "public.item_names", attribute: "view_definition",
            from: " SELECT items.id,\n    items.name\n   FROM public.items;",
            to: " SELECT items.id,\n    items.name\n   FROM public.items\n  WHERE (items.qty > 0);", .warning)
    }

    func testMissingViewIsCritical() throws {
        assertOne(try diff(target: "DROP VIEW public.item_names"), .missingInTarget, "view", "public.item_names", .critical)
    }

    func testChangedCommentIsInfo() throws {
        assertOne(
            try diff(target: "COMMENT ON TABLE public.items IS 'other things'"), .changed, "table", "public.items",
            attribute: "comment", from: "things", to: "other things", .info)
    }

    func testChangedOwnerIsInfo() throws {
        assertOne(
            try diff(target: "ALTER TABLE extra.logs OWNER TO supabase_auth_admin"), .changed, "table", "extra.logs",
            attribute: "owner", from: "postgres", to: "supabase_auth_admin", .info)
    }

    func testChangedSequenceIsWarning() throws {
        assertOne(
            try diff(target: "ALTER SEQUENCE public.ticket_seq INCREMENT 10"), .changed, "sequence",
            "public.ticket_seq", attribute: "increment", from: "1", to: "10", .warning)
    }

    func testExtensionVersionDiffersIsWarning() throws {
        assertOne(
            try diff(source: "CREATE EXTENSION citext VERSION '1.6'", target: "CREATE EXTENSION citext VERSION '1.5'"),
            .changed, "extension", "citext", attribute: "version", from: "1.6", to: "1.5", .warning)
    }

    func testAppliedMigrationMissingInTargetIsWarning() throws {
        let insert =
            "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20251107093000', 'add_notifications')"
        assertOne(try diff(source: insert), .missingInTarget, "applied migration", "20251107093000_add_notifications", .warning)
    }

    func testIdenticalSchemasBuiltInADifferentOrderHaveNoFindings() throws {
        let a = try TestPostgres.createDatabase(self, sql: [Self.base])
        let reordered = """
            CREATE SCHEMA extra;
            CREATE TABLE extra.logs (id int);
            CREATE TABLE public.unrelated (a int); DROP TABLE public.unrelated;
            CREATE TABLE public.spare (id int);
            CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
            CREATE TYPE public.status AS ENUM ('new', 'done');
            CREATE TABLE public.items (id bigint, name text NOT NULL DEFAULT 'x', qty integer, status public.status, note text);
            ALTER TABLE public.items ADD PRIMARY KEY (id);
            ALTER TABLE public.items ADD CONSTRAINT qty_positive CHECK (qty >= 0);
            CREATE SEQUENCE public.ticket_seq;
            CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
            CREATE TRIGGER items_trg BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.trg();
            CREATE POLICY items_read ON public.items FOR SELECT TO anon USING (qty > 0);
            CREATE POLICY "read own files" ON storage.objects FOR SELECT TO authenticated USING (owner = auth.uid());
            ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;
            CREATE INDEX items_name_idx ON public.items (name);
            COMMENT ON TABLE public.items IS 'things';
            """
        let b = try TestPostgres.createDatabase(self, sql: [reordered])
        let changes = Differ.diff(
            source: try Inspector().capture(conninfo: a).0, target: try Inspector().capture(conninfo: b).0,
            options: DiffOptions(criticalSchemas: ["public"]))
        XCTAssertEqual(changes.map { "\($0.kind) \($0.path) \($0.attribute ?? "")" }, [])
    }
}
