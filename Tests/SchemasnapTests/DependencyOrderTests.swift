import CatalogModel
import Differ
import PostgresInspector
import SQLGenerator
import XCTest

/// `diff --sql` ordered by the dependency graph, and the kinds and attributes that needed more
/// than a statement per finding: each difference built both ways on real PostgreSQL, the
/// script applied, the database captured again with nothing left, then undone (see
/// `assertRoundTrip`).
extension SQLGenerationTests {
    func testCreatesFollowWhatTheyDependOnAndDropsPrecedeIt() throws {
        try assertRoundTrip(
            "foreign key to a unique index of a new table", base: "",
            source: """
                CREATE TABLE public.parent (a int, b int);
                CREATE UNIQUE INDEX parent_ab ON public.parent (a, b);
                CREATE TABLE public.child (a int, b int, CONSTRAINT child_parent FOREIGN KEY (a, b) REFERENCES public.parent (a, b));
                """)
        try assertRoundTrip(
            "domain whose check calls a new function", base: "",
            source: """
                CREATE FUNCTION public.is_even(v int) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN v % 2 = 0;
                CREATE DOMAIN public.even_int AS int CHECK (public.is_even(VALUE));
                CREATE TABLE public.pairs (n public.even_int);
                """)
        try assertRoundTrip(
            "function returning the rows of a new view", base: "",
            source: """
                CREATE TABLE public.accounts (id int PRIMARY KEY, email text);
                CREATE VIEW public.account_emails AS SELECT id, email FROM public.accounts;
                CREATE FUNCTION public.emails() RETURNS SETOF public.account_emails LANGUAGE sql STABLE
                  BEGIN ATOMIC SELECT id, email FROM public.account_emails; END;
                """)
        try assertRoundTrip(
            "two tables that reference each other", base: "",
            target: """
                CREATE TABLE public.authors (id int PRIMARY KEY, best_book int);
                CREATE TABLE public.books (id int PRIMARY KEY, author int REFERENCES public.authors);
                ALTER TABLE public.authors ADD CONSTRAINT authors_best_book FOREIGN KEY (best_book) REFERENCES public.books;
                """)
    }

    func testForeignKeysOnAKeyThatIsReplacedAreDroppedAndAddedAgain() throws {
        try assertRoundTrip(
            "unique key becomes the primary key", base: "CREATE TABLE public.cases (id int NOT NULL)",
            source: """
                ALTER TABLE public.cases ADD PRIMARY KEY (id);
                CREATE TABLE public.notes (case_id int REFERENCES public.cases (id));
                """,
            target: """
                ALTER TABLE public.cases ADD CONSTRAINT cases_id_key UNIQUE (id);
                CREATE TABLE public.notes (case_id int REFERENCES public.cases (id));
                """)
    }

    func testPartitionIndexesGoWithTheirPartitionedTablesIndex() throws {
        let events = """
            CREATE TABLE public.events (id int, at timestamptz NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE TABLE public.events_2027 PARTITION OF public.events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
            """
        let up = try assertRoundTrip("index on a partitioned table", base: events, source: "CREATE INDEX ON public.events (at)")
        let sql = up.render(title: [])
        let partitionIndex = try XCTUnwrap(sql.range(of: "CREATE INDEX events_2026_at_idx"), sql)
        let parentIndex = try XCTUnwrap(sql.range(of: "CREATE INDEX events_at_idx"), sql)
        XCTAssertLessThan(partitionIndex.lowerBound, parentIndex.lowerBound, "the partitions' index first, then attached")
        try assertRoundTrip(
            "a column dropped from a partitioned table with its index", base: events,
            target: "ALTER TABLE public.events ADD COLUMN kind text; CREATE INDEX ON public.events (kind)")
    }

    func testSerialColumnsRenamedParametersAndEnumLabelsInUse() throws {
        try assertRoundTrip(
            "serial column", base: "CREATE TABLE public.tickets (id int)",
            source: "ALTER TABLE public.tickets ADD COLUMN n serial")
        try assertRoundTrip(
            "renamed parameter", base: "",
            source: "CREATE FUNCTION public.greet(new_name text) RETURNS text LANGUAGE sql AS $$ SELECT new_name $$",
            target: "CREATE FUNCTION public.greet(old_name text) RETURNS text LANGUAGE sql AS $$ SELECT old_name $$")
        let up = try assertRoundTrip(
            "enum label used where it is added",
            base: "CREATE TYPE public.mood AS ENUM ('sad', 'happy'); CREATE TABLE public.days (m public.mood)",
            source: "ALTER TYPE public.mood ADD VALUE 'ok'", sourceThen: "ALTER TABLE public.days ALTER COLUMN m SET DEFAULT 'ok'"
        )
        XCTAssertTrue(up.commitsAfterEnumLabels)
        let sql = up.render(title: [])
        XCTAssertTrue(sql.contains("-- New enum labels cannot be used in the transaction that adds them"), sql)
        let added = try XCTUnwrap(sql.range(of: "ADD VALUE 'ok'"), sql)
        let commit = try XCTUnwrap(sql.range(of: "COMMIT;\nBEGIN;"), sql)
        let used = try XCTUnwrap(sql.range(of: "DEFAULT 'ok'"), sql)
        XCTAssertTrue(added.lowerBound < commit.lowerBound && commit.lowerBound < used.lowerBound, sql)
        XCTAssertTrue(sql.hasSuffix("COMMIT;\n"), sql)
    }

    func testAggregatesIdentityOptionsPartitionOverridesAndColumnGrants() throws {
        try assertRoundTrip(
            "aggregate with moving-aggregate options", base: "",
            source: """
                CREATE FUNCTION public.add(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT $1 + $2 $$;
                CREATE FUNCTION public.sub(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT $1 - $2 $$;
                CREATE AGGREGATE public.total(numeric) (SFUNC = public.add, STYPE = numeric, INITCOND = '0',
                  MSFUNC = public.add, MINVFUNC = public.sub, MSTYPE = numeric, MINITCOND = '0', PARALLEL = SAFE);
                """)
        try assertRoundTrip(
            "ordered-set aggregate", base: "",
            source: """
                CREATE FUNCTION public.keep(internal, anyelement) RETURNS internal LANGUAGE internal AS 'ordered_set_transition_multi';
                CREATE AGGREGATE public.middle(double precision ORDER BY double precision) (
                  SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_float8_final);
                """)
        let identity = "CREATE TABLE public.orders (id bigint GENERATED ALWAYS AS IDENTITY, note text)"
        try assertRoundTrip(
            "identity options", base: identity,
            source: "ALTER TABLE public.orders ALTER COLUMN id SET START WITH 1000 SET INCREMENT BY 10 SET CYCLE")
        try assertRoundTrip(
            "identity removed", base: identity, target: "ALTER TABLE public.orders ALTER COLUMN id DROP IDENTITY")
        try assertRoundTrip(
            "a partition's own default and NOT NULL",
            base: "CREATE TABLE public.sales (region text, note text, priority int DEFAULT 0) PARTITION BY LIST (region)",
            source: """
                CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu');
                ALTER TABLE public.sales_eu ALTER COLUMN priority SET DEFAULT 10, ALTER COLUMN note SET NOT NULL;
                """)
        try assertRoundTrip(
            "a column grant where a table grant goes", base: "CREATE TABLE public.sheet (a int, b int)",
            source: "GRANT UPDATE (b) ON public.sheet TO app_reader", target: "GRANT UPDATE ON public.sheet TO app_reader")
    }

    func testCommentsOnEveryObjectThatCarriesOneAreComparedAndGenerated() throws {
        let objects = """
            CREATE SEQUENCE public.counter;
            CREATE TABLE public.docs (id int CONSTRAINT docs_pk PRIMARY KEY, body text);
            CREATE INDEX docs_body_idx ON public.docs (body);
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER docs_touch BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.touch();
            ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
            CREATE POLICY docs_read ON public.docs FOR SELECT USING (true);
            CREATE RULE docs_no_delete AS ON DELETE TO public.docs DO INSTEAD NOTHING;
            CREATE VIEW public.doc_bodies AS SELECT id, body FROM public.docs;
            CREATE FUNCTION public.view_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER doc_bodies_insert INSTEAD OF INSERT ON public.doc_bodies FOR EACH ROW EXECUTE FUNCTION public.view_insert();
            """
        let comments = """
            COMMENT ON SEQUENCE public.counter IS 'invoice numbers';
            COMMENT ON CONSTRAINT docs_pk ON public.docs IS 'one row per document';
            COMMENT ON INDEX public.docs_body_idx IS 'search';
            COMMENT ON TRIGGER docs_touch ON public.docs IS 'keeps updated_at';
            COMMENT ON POLICY docs_read ON public.docs IS 'everyone reads';
            COMMENT ON RULE docs_no_delete ON public.docs IS 'documents are kept';
            COMMENT ON TRIGGER doc_bodies_insert ON public.doc_bodies IS 'writes through the view';
            """
        try assertRoundTrip("comments on existing objects", base: objects, source: comments)
        try assertRoundTrip("comments on objects of a new table", base: "", source: objects + comments)
        let captured = try Inspector().capture(conninfo: try TestPostgres.createDatabase(self, sql: [objects, comments])).0
        XCTAssertEqual(captured.sequences.first { $0.name == "counter" }?.comment, "invoice numbers")
        XCTAssertEqual(captured.constraints.first { $0.name == "docs_pk" }?.comment, "one row per document")
        XCTAssertEqual(captured.triggers.first { $0.name == "docs_touch" }?.comment, "keeps updated_at")
        XCTAssertEqual(captured.policies.first { $0.name == "docs_read" }?.comment, "everyone reads")
        XCTAssertEqual(captured.rules.first { $0.name == "docs_no_delete" }?.comment, "documents are kept")
    }

    func testAGrantOnAPartitionedTableIsCaptured() throws {
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                """
                CREATE TABLE public.metrics (at date, v int) PARTITION BY RANGE (at);
                GRANT SELECT ON public.metrics TO app_reader;
                """
            ])
        let captured = try Inspector().capture(conninfo: db).0
        XCTAssertEqual(
            captured.privileges.first { $0.name == "metrics" && $0.grantee == "app_reader" }?.privileges, ["SELECT"],
            "a partitioned table's key columns are internal dependencies, not an identity sequence")
    }
}

extension SQLGenerationTests {
    func testATableWhoseKindOrParentChangesIsCreatedAgain() throws {
        try assertRoundTrip(
            "table becomes partitioned", base: "",
            source: """
                CREATE TABLE public.readings (id serial, at date NOT NULL, v int) PARTITION BY RANGE (at);
                CREATE TABLE public.readings_2026 PARTITION OF public.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                """,
            target: "CREATE TABLE public.readings (id serial, at date NOT NULL, v int)")
        try assertRoundTrip(
            "partition moves to another parent",
            base: """
                CREATE TABLE public.old_parent (k text) PARTITION BY LIST (k);
                CREATE TABLE public.new_parent (k text) PARTITION BY LIST (k);
                """,
            source: "CREATE TABLE public.part PARTITION OF public.new_parent FOR VALUES IN ('a')",
            target: "CREATE TABLE public.part PARTITION OF public.old_parent FOR VALUES IN ('a')")
    }

    func testANameIsTakenAgainOnlyOnceItIsFree() throws {
        try assertRoundTrip(
            "index name moves from a dropped table to a new one", base: "",
            source: "CREATE TABLE public.fresh (a int); CREATE INDEX shared_name ON public.fresh (a)",
            target: "CREATE TABLE public.stale (a int); CREATE INDEX shared_name ON public.stale (a)")
    }

    /// `change` to `payments.amount`, with the policy and trigger that read it dropped before
    /// and made again after, as PostgreSQL requires.
    private static func aroundAmount(_ change: String) -> String {
        """
        DROP POLICY under_limit ON public.payments; DROP TRIGGER amount_changed ON public.payments;
        \(change);
        CREATE POLICY under_limit ON public.payments FOR SELECT USING (amount < public.limit_for(owner_id));
        COMMENT ON POLICY under_limit ON public.payments IS 'kept across the rebuild';
        CREATE TRIGGER amount_changed BEFORE UPDATE OF amount ON public.payments
          FOR EACH ROW EXECUTE FUNCTION public.touch();
        COMMENT ON TRIGGER amount_changed ON public.payments IS 'also kept';
        """
    }

    func testAnUnattachedPartitionIndexIsAttachedNotRecreated() throws {
        let tables = """
            CREATE TABLE public.readings (sensor text, at date, value int) PARTITION BY LIST (sensor);
            CREATE TABLE public.readings_a PARTITION OF public.readings FOR VALUES IN ('a');
            CREATE TABLE public.readings_b PARTITION OF public.readings FOR VALUES IN ('b');
            CREATE INDEX readings_at ON ONLY public.readings (at);
            CREATE INDEX readings_a_at ON public.readings_a (at);
            ALTER INDEX public.readings_at ATTACH PARTITION public.readings_a_at;
            CREATE INDEX readings_b_at ON public.readings_b (at);
            """
        let source = try TestPostgres.createDatabase(
            self, sql: [tables, "ALTER INDEX public.readings_at ATTACH PARTITION public.readings_b_at"])
        let target = try TestPostgres.createDatabase(self, sql: [tables])
        let sourceCatalog = try Inspector().capture(conninfo: source).0
        let unattached = try Inspector().capture(conninfo: target).0
        let script = SQLGenerator.generate(source: sourceCatalog, target: unattached, options: GeneratorOptions(unsafe: true))
        XCTAssertEqual(
            script.statements.map(\.sql), ["ALTER INDEX public.readings_at ATTACH PARTITION public.readings_b_at;"])
        try TestPostgres.execute(target, script.render(title: []))
        XCTAssertEqual(Differ.diff(source: sourceCatalog, target: try Inspector().capture(conninfo: target).0), [])
        // The other way PostgreSQL has no statement for: a note, and nothing dropped.
        let back = SQLGenerator.generate(source: unattached, target: sourceCatalog)
        XCTAssertEqual(back.statements, [])
        XCTAssertEqual(back.notes.count, 1)
        XCTAssertTrue(back.notes[0].contains("PostgreSQL cannot detach it"), back.notes[0])
    }

    func testWhatDependsOnAChangedObjectIsFoundFromTheEdgesAndRebuilt() throws {
        let base = """
            CREATE TABLE public.payments (id int PRIMARY KEY, owner_id int, amount int);
            ALTER TABLE public.payments ENABLE ROW LEVEL SECURITY;
            CREATE FUNCTION public.limit_for(uid int) RETURNS int LANGUAGE sql STABLE RETURN 100 + uid;
            CREATE POLICY under_limit ON public.payments FOR SELECT USING (amount < public.limit_for(owner_id));
            COMMENT ON POLICY under_limit ON public.payments IS 'kept across the rebuild';
            CREATE VIEW public.limits AS SELECT id, public.limit_for(owner_id) AS lim FROM public.payments;
            CREATE VIEW public.big_limits AS SELECT id FROM public.limits WHERE lim > 1000;
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER amount_changed BEFORE UPDATE OF amount ON public.payments
              FOR EACH ROW EXECUTE FUNCTION public.touch();
            COMMENT ON TRIGGER amount_changed ON public.payments IS 'also kept';
            """
        let retyped = try assertRoundTrip(
            "a routine whose result type changes takes its policy and the views over it along", base: base,
            source: """
                DROP VIEW public.big_limits; DROP VIEW public.limits;
                DROP POLICY under_limit ON public.payments;
                DROP FUNCTION public.limit_for(int);
                CREATE FUNCTION public.limit_for(uid int) RETURNS bigint LANGUAGE sql STABLE RETURN 100 + uid;
                CREATE POLICY under_limit ON public.payments FOR SELECT USING (amount < public.limit_for(owner_id));
                COMMENT ON POLICY under_limit ON public.payments IS 'kept across the rebuild';
                CREATE VIEW public.limits AS SELECT id, public.limit_for(owner_id) AS lim FROM public.payments;
                CREATE VIEW public.big_limits AS SELECT id FROM public.limits WHERE lim > 1000;
                """)
        XCTAssertTrue(retyped.statements.contains { $0.sql.hasPrefix("DROP POLICY under_limit") })
        XCTAssertTrue(retyped.statements.contains { $0.sql.hasPrefix("DROP VIEW public.big_limits") })
        try assertRoundTrip(
            "a column a trigger fires on changes type: the trigger goes and comes back", base: base,
            source: Self.aroundAmount("ALTER TABLE public.payments ALTER COLUMN amount TYPE numeric"))
        // Only what reads the column is rebuilt: a view over other columns of the table stays.
        let narrow = try assertRoundTrip(
            "a view that does not read the retyped column stays", base: base,
            source: "CREATE VIEW public.owners AS SELECT id, owner_id FROM public.payments; "
                + Self.aroundAmount("ALTER TABLE public.payments ALTER COLUMN amount TYPE bigint"),
            target: "CREATE VIEW public.owners AS SELECT id, owner_id FROM public.payments")
        XCTAssertFalse(narrow.statements.contains { $0.sql.contains("VIEW public.owners") }, narrow.render(title: []))
    }
}
