import CatalogModel
import Foundation
import PostgresInspector
import SQLReader
import SnapshotStore
import XCTest

/// Capture against a real PostgreSQL: every object kind, field by field.
final class CaptureTests: XCTestCase {
    private func captureEveryKind() throws -> Catalog {
        let conninfo = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("every_kind.sql")])
        return try Inspector().capture(conninfo: conninfo).0
    }

    func testEveryObjectKindIsCapturedFieldByField() throws {
        let c = try captureEveryKind()

        XCTAssertEqual(
            c.schemas.first { $0.name == "app" }, Schema(name: "app", owner: "postgres", comment: "application objects"))
        XCTAssertEqual(c.extensions.first { $0.name == "citext" }?.schema, "public")
        XCTAssertNil(c.functions.first { $0.name == "citextin" }, "objects owned by an extension are left out")
        XCTAssertNil(c.types.first { $0.name == "citext" }, "types owned by an extension are left out")

        let mood = try XCTUnwrap(c.types.first { $0.name == "mood" })
        XCTAssertEqual(mood.typeKind, "enum")
        XCTAssertEqual(mood.labels, ["sad", "ok", "happy"], "enum labels keep their order")
        let domain = try XCTUnwrap(c.types.first { $0.name == "positive_int" })
        XCTAssertEqual(domain.baseType, "integer")
        XCTAssertEqual(domain.defaultValue, "1")
        XCTAssertEqual(domain.notNull, true)
        XCTAssertEqual(domain.constraints, ["positive: CHECK (VALUE > 0)"])
        XCTAssertEqual(c.types.first { $0.name == "money_pair" }?.attributes, ["amount numeric(12,2)", "currency character(3)"])
        XCTAssertEqual(c.types.first { $0.name == "float_range" }?.subtype, "double precision")
        XCTAssertNil(c.functions.first { $0.name == "float_range" }, "a range type's constructors are part of the type")

        XCTAssertEqual(c.collations.first { $0.name == "posix_c" }?.lcCollate, "C")

        let ticket = try XCTUnwrap(c.sequences.first { $0.name == "ticket_seq" })
        XCTAssertEqual(
            [ticket.start, ticket.increment, ticket.minValue, ticket.maxValue, ticket.cache], [100, 5, 100, 100_000, 1])
        XCTAssertTrue(ticket.cycle)
        XCTAssertEqual(ticket.ownedBy, "app.accounts.ticket")
        XCTAssertEqual(c.sequences.first { $0.name == "notes_id_seq" }?.ownedBy, "app.notes.id")
        XCTAssertNil(c.sequences.first { $0.name.hasPrefix("accounts_id") }, "identity sequences belong to the column")

        let accounts = try XCTUnwrap(c.relations.first { $0.name == "accounts" })
        XCTAssertEqual(accounts.relationKind, "table")
        XCTAssertTrue(accounts.rlsEnabled)
        XCTAssertTrue(accounts.rlsForced)
        XCTAssertEqual(accounts.replicaIdentity, "full")
        XCTAssertEqual(c.relations.first { $0.name == "scratch" }?.persistence, "unlogged")
        XCTAssertEqual(c.relations.first { $0.name == "events" }?.partitionKey, "RANGE (at)")
        let partition = try XCTUnwrap(c.relations.first { $0.name == "events_2025" })
        XCTAssertEqual(partition.partitionOf, "app.events")
        XCTAssertEqual(partition.partitionBound, "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")
        let view = try XCTUnwrap(c.relations.first { $0.name == "account_emails" })
        XCTAssertEqual(view.relationKind, "view")
        XCTAssertEqual(view.options, ["security_invoker=true"])
        XCTAssertEqual(
            view.viewDefinition?.trimmingCharacters(in: .whitespacesAndNewlines),
            "SELECT accounts.id,\n    accounts.email\n   FROM app.accounts;")
        XCTAssertEqual(c.relations.first { $0.name == "mood_counts" }?.relationKind, "materialized view")
        XCTAssertEqual(c.relations.first { $0.name == "imported" }?.foreignServer, "files")

        func column(_ table: String, _ name: String) throws -> CatalogModel.Column {
            try XCTUnwrap(c.columns.first { $0.schema == "app" && $0.table == table && $0.name == name })
        }
        XCTAssertEqual(try column("accounts", "id").identity, "always")
        XCTAssertEqual(try column("accounts", "id").position, 1)
        XCTAssertEqual(try column("accounts", "email").type, "public.citext")
        XCTAssertEqual(try column("accounts", "email").comment, "login email")
        XCTAssertEqual(try column("accounts", "handle").collation, "app.posix_c")
        XCTAssertEqual(try column("accounts", "mood").defaultValue, "'ok'::app.mood")
        XCTAssertTrue(try column("accounts", "mood").notNull)
        XCTAssertEqual(try column("accounts", "balance_dollars").generated, "((balance_cents)::numeric / 100.0)")
        XCTAssertNil(try column("accounts", "balance_dollars").defaultValue)
        XCTAssertEqual(try column("accounts", "ticket").defaultValue, "nextval('app.ticket_seq'::regclass)")

        func constraint(_ name: String) throws -> Constraint { try XCTUnwrap(c.constraints.first { $0.name == name }) }
        XCTAssertEqual(try constraint("accounts_pkey").constraintType, "primary key")
        XCTAssertEqual(
            try constraint("notes_account_id_fkey").definition,
            "FOREIGN KEY (account_id) REFERENCES app.accounts(id) ON DELETE CASCADE")
        XCTAssertEqual(try constraint("notes_account_id_fkey").referencedTable, "app.accounts")
        XCTAssertEqual(try constraint("accounts_email_key").constraintType, "unique")
        XCTAssertEqual(try constraint("accounts_balance_cents_check").definition, "CHECK (balance_cents >= 0)")
        XCTAssertEqual(try constraint("no_overlap").definition, "EXCLUDE USING gist (during WITH &&)")

        let partial = try XCTUnwrap(c.indexes.first { $0.name == "notes_live_idx" })
        XCTAssertEqual(partial.predicate, "(deleted_at IS NULL)")
        XCTAssertEqual(
            partial.definition,
            "CREATE INDEX notes_live_idx ON app.notes USING btree (account_id) WHERE (deleted_at IS NULL)")
        XCTAssertFalse(partial.unique)
        XCTAssertTrue(partial.valid)
        XCTAssertEqual(c.indexes.first { $0.name == "accounts_pkey" }?.constraintName, "accounts_pkey")

        let reads = try XCTUnwrap(c.policies.first { $0.name == "owner_reads" })
        XCTAssertEqual(reads.command, "SELECT")
        XCTAssertFalse(reads.permissive)
        XCTAssertEqual(reads.roles, ["anon", "authenticated"])
        XCTAssertEqual(reads.using, "(email OPERATOR(public.=) (current_setting('app.email'::text, true))::public.citext)")
        let writes = try XCTUnwrap(c.policies.first { $0.name == "owner_writes" })
        XCTAssertEqual(writes.withCheck, "(balance_cents = 0)")
        XCTAssertNil(writes.using)

        let credit = try XCTUnwrap(c.functions.first { $0.name == "credit" })
        XCTAssertEqual(credit.arguments, "account bigint, cents integer")
        XCTAssertTrue(credit.securityDefiner)
        XCTAssertEqual(credit.config, ["search_path=\"\""])
        XCTAssertEqual(credit.language, "plpgsql")
        XCTAssertTrue(credit.body?.contains("UPDATE app.accounts SET balance_cents") ?? false)
        let double = try XCTUnwrap(c.functions.first { $0.name == "double" })
        XCTAssertEqual([double.volatility, double.parallel], ["immutable", "safe"])
        XCTAssertTrue(double.strict)
        XCTAssertEqual(double.body, "RETURN (x * 2)")
        XCTAssertEqual(c.functions.first { $0.name == "reset_scratch" }?.functionKind, "procedure")
        XCTAssertEqual(c.functions.first { $0.name == "total" }?.body, "sfunc=int4pl stype=integer initcond=0")

        let trigger = try XCTUnwrap(c.triggers.first { $0.name == "notes_touch" })
        XCTAssertEqual(
            trigger.definition,
            "CREATE TRIGGER notes_touch BEFORE UPDATE ON app.notes FOR EACH ROW EXECUTE FUNCTION app.touch()")
        XCTAssertEqual(trigger.enabled, "disabled")
        XCTAssertEqual(c.rules.first?.name, "scratch_no_delete")
        XCTAssertTrue(c.rules.first?.definition.contains("DO INSTEAD NOTHING") ?? false)

        func privileges(_ type: String, _ name: String, column: String = "", _ grantee: String) -> Privilege? {
            c.privileges.first { $0.objectType == type && $0.name == name && $0.column == column && $0.grantee == grantee }
        }
        XCTAssertEqual(privileges("table", "accounts", "anon")?.privileges, ["SELECT"])
        XCTAssertEqual(privileges("table", "accounts", "anon")?.grantable, ["SELECT"], "WITH GRANT OPTION")
        XCTAssertEqual(privileges("table", "accounts", "authenticated")?.privileges, ["INSERT", "SELECT"])
        XCTAssertEqual(privileges("table", "accounts", "authenticated")?.grantable, [])
        XCTAssertEqual(privileges("column", "notes", column: "body", "authenticated")?.privileges, ["UPDATE"])
        XCTAssertEqual(privileges("sequence", "ticket_seq", "authenticated")?.privileges, ["USAGE"])
        XCTAssertEqual(privileges("schema", "", "authenticated")?.privileges, ["USAGE"])
        let creditGrantees = c.privileges.filter { $0.name == "credit(account bigint, cents integer)" }.map(\.grantee)
        XCTAssertEqual(creditGrantees, ["authenticated"], "PUBLIC's default EXECUTE was revoked")
        XCTAssertEqual(privileges("function", "touch()", "PUBLIC")?.privileges, ["EXECUTE"], "the built-in default ACL counts")
        XCTAssertFalse(c.privileges.contains { $0.name == "mood" && $0.grantee == "PUBLIC" })
        XCTAssertFalse(c.privileges.contains { $0.grantee == "postgres" }, "the owner's implicit rights are left out")

        XCTAssertTrue(
            c.defaultPrivileges.contains(
                DefaultPrivilege(
                    role: "postgres", schema: "app", objectType: "table", grantee: "app_reader", privilege: "SELECT",
                    grantable: false)))
        let publication = try XCTUnwrap(c.publications.first { $0.name == "app_changes" })
        XCTAssertEqual(publication.operations, ["insert", "update"])
        XCTAssertTrue(c.publicationTables.contains(PublicationTable(publication: "app_changes", schema: "app", table: "notes")))
        let eventTrigger = try XCTUnwrap(c.eventTriggers.first)
        XCTAssertEqual(eventTrigger.name, "log_table_ddl")
        XCTAssertEqual(eventTrigger.tags, ["ALTER TABLE", "CREATE TABLE"])
        XCTAssertEqual(eventTrigger.function, "app.log_ddl")
        XCTAssertEqual(c.foreignServers.first?.wrapper, "file_fdw")

        let reader = try XCTUnwrap(c.roles.first { $0.name == "app_reader" })
        XCTAssertTrue(reader.bypassRls)
        XCTAssertFalse(reader.login)
        XCTAssertEqual(reader.connectionLimit, 5)
        XCTAssertTrue(c.roles.contains { $0.name == "service_role" && $0.bypassRls })

        XCTAssertEqual(c.appliedMigrations.map(\.version), ["2024010101", "20250101000000"])
        XCTAssertEqual(c.appliedMigrations.last?.name, "init")
        XCTAssertEqual(
            c.appliedMigrations.last?.statementsHash,
            StatementSplitter.statementsHash(["CREATE SCHEMA app", "CREATE TABLE app.accounts ()"]))
        XCTAssertNil(c.appliedMigrations.first?.statementsHash)
    }

    func testSystemSchemasAreLeftOut() throws {
        let c = try captureEveryKind()
        let schemas = Set(c.relations.map(\.schema) + c.functions.map(\.schema) + c.schemas.map(\.name))
        XCTAssertTrue(schemas.isDisjoint(with: ["pg_catalog", "information_schema", "pg_toast"]))
    }

    func testHelperConnectionsReadTheSameCatalogAndAnUnusableOneIsLeftAside() throws {
        let conninfo = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("every_kind.sql")])
        let alone = try Inspector().capture(from: PostgresConnection(conninfo: conninfo)).0
        // One helper reads the first share and the first connection the other; two read both.
        for count in [1, 2] {
            let helped = try Inspector().capture(
                from: PostgresConnection(conninfo: conninfo),
                helpers: (0..<count).map { _ in try PostgresConnection(conninfo: conninfo) }
            ).0
            XCTAssertEqual(helped, alone, "\(count + 1) connections on one snapshot read what one reads")
        }
        XCTAssertFalse(alone.indexes.isEmpty || alone.privileges.isEmpty || alone.policies.isEmpty || alone.dependencies.isEmpty)
        // A snapshot cannot be imported into another database: the first connection reads
        // that share itself.
        let other = try TestPostgres.createDatabase(self)
        let misdirected = try Inspector().capture(
            from: PostgresConnection(conninfo: conninfo),
            helpers: [try PostgresConnection(conninfo: conninfo), try PostgresConnection(conninfo: other)]
        ).0
        XCTAssertEqual(misdirected, alone)
    }

    func testPerTableQueriesReadInSlicesReadWhatOneStatementReads() throws {
        let conninfo = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("every_kind.sql")])
        let whole = try Inspector().capture(from: PostgresConnection(conninfo: conninfo)).0
        // Two relations per statement: columns, constraints, indexes and policies come in
        // many slices, on the first connection and on two helpers, and are put in order.
        let sliced = try Inspector(relationsPerStatement: 2).capture(
            from: PostgresConnection(conninfo: conninfo),
            helpers: [try PostgresConnection(conninfo: conninfo), try PostgresConnection(conninfo: conninfo)]
        ).0
        XCTAssertEqual(sliced, whole)
        XCTAssertGreaterThan(whole.relations.count, 6)
        XCTAssertFalse(whole.columns.isEmpty || whole.constraints.isEmpty || whole.indexes.isEmpty || whole.policies.isEmpty)
    }

    func testSnapshotRoundTripsEveryObject() throws {
        let catalog = try captureEveryKind()
        let path = try temporaryDirectory(self) + "/every.sqlite"
        let meta = SnapshotMeta(
            environment: "dev", capturedAt: Date(), serverVersion: "15", database: "d", host: "h",
            port: "5432", toolVersion: "test", fingerprint: "", objectCounts: [:], notCompared: [:])
        let written = try SnapshotFile.write(catalog, meta: meta, to: path)
        let read = try SnapshotFile.read(path)
        XCTAssertEqual(read.catalog, catalog.sorted())
        XCTAssertEqual(read.meta.fingerprint, written.meta.fingerprint)
        XCTAssertEqual(read.meta.fingerprint, Fingerprint.of(catalog))
        XCTAssertEqual(read.meta.objectCounts["policies"], 2)
    }
}
