/// The SQL schema of snapshot format version 2: one table per object kind, keyed by natural
/// names (never OIDs). Tables are `WITHOUT ROWID`, clustered on their natural key, which keeps
/// the file small (no separate key index). Columns are the model's fields in snake_case; booleans are 0/1,
/// lists are JSON arrays of strings. `docs/snapshot-format.md` documents every column.
enum SnapshotSchema {
    /// `PRAGMA application_id` of every snapshot file: "SNAP" in ASCII.
    static let applicationID: Int32 = 0x534E_4150
    /// The format version this build writes (`PRAGMA user_version`).
    /// Format 1 (0.1.0) had no `dependencies` table and no `indexes.comment` column;
    /// `SnapshotFile.read` reads its files through their own tables and columns.
    static let formatVersion = 2

    static let statements: [String] = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE schemas (name TEXT NOT NULL, owner TEXT NOT NULL, comment TEXT, PRIMARY KEY (name)) WITHOUT ROWID",
        "CREATE TABLE extensions (name TEXT NOT NULL, version TEXT NOT NULL, schema TEXT NOT NULL, PRIMARY KEY (name)) WITHOUT ROWID",
        """
        CREATE TABLE collations (schema TEXT NOT NULL, name TEXT NOT NULL, provider TEXT NOT NULL, lc_collate TEXT,
          lc_ctype TEXT, deterministic INTEGER NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (schema, name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE types (schema TEXT NOT NULL, name TEXT NOT NULL, type_kind TEXT NOT NULL, labels TEXT,
          base_type TEXT, default_value TEXT, not_null INTEGER, constraints TEXT, attributes TEXT, subtype TEXT,
          owner TEXT NOT NULL, comment TEXT, PRIMARY KEY (schema, name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE sequences (schema TEXT NOT NULL, name TEXT NOT NULL, data_type TEXT NOT NULL,
          start INTEGER NOT NULL, increment INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL,
          cache INTEGER NOT NULL, cycle INTEGER NOT NULL, owned_by TEXT, owner TEXT NOT NULL, PRIMARY KEY (schema, name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE relations (schema TEXT NOT NULL, name TEXT NOT NULL, relation_kind TEXT NOT NULL,
          persistence TEXT NOT NULL, rls_enabled INTEGER NOT NULL, rls_forced INTEGER NOT NULL, partition_key TEXT,
          partition_bound TEXT, partition_of TEXT, view_definition TEXT, options TEXT, foreign_server TEXT,
          replica_identity TEXT NOT NULL, owner TEXT NOT NULL, comment TEXT, PRIMARY KEY (schema, name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE columns (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          position INTEGER NOT NULL, type TEXT NOT NULL, not_null INTEGER NOT NULL, default_value TEXT, identity TEXT,
          generated TEXT, collation TEXT, comment TEXT, PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE constraints (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          constraint_type TEXT NOT NULL, definition TEXT NOT NULL, referenced_table TEXT,
          PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE indexes (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          definition TEXT NOT NULL, "unique" INTEGER NOT NULL, "primary" INTEGER NOT NULL, predicate TEXT,
          valid INTEGER NOT NULL, constraint_name TEXT, comment TEXT, PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE policies (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          command TEXT NOT NULL, permissive INTEGER NOT NULL, roles TEXT NOT NULL, "using" TEXT, with_check TEXT,
          PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE functions (schema TEXT NOT NULL, name TEXT NOT NULL, arguments TEXT NOT NULL,
          function_kind TEXT NOT NULL, result TEXT, language TEXT NOT NULL, volatility TEXT NOT NULL,
          security_definer INTEGER NOT NULL, strict INTEGER NOT NULL, leakproof INTEGER NOT NULL,
          parallel TEXT NOT NULL, config TEXT, body TEXT, owner TEXT NOT NULL, comment TEXT,
          PRIMARY KEY (schema, name, arguments)) WITHOUT ROWID
        """,
        """
        CREATE TABLE triggers (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          definition TEXT NOT NULL, enabled TEXT NOT NULL, PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE rules (schema TEXT NOT NULL, "table" TEXT NOT NULL, name TEXT NOT NULL,
          definition TEXT NOT NULL, PRIMARY KEY (schema, "table", name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE privileges (object_type TEXT NOT NULL, schema TEXT NOT NULL, name TEXT NOT NULL,
          "column" TEXT NOT NULL, grantee TEXT NOT NULL, privileges TEXT NOT NULL, grantable TEXT NOT NULL,
          PRIMARY KEY (object_type, schema, name, "column", grantee)) WITHOUT ROWID
        """,
        """
        CREATE TABLE default_privileges (role TEXT NOT NULL, schema TEXT NOT NULL, object_type TEXT NOT NULL,
          grantee TEXT NOT NULL, privilege TEXT NOT NULL, grantable INTEGER NOT NULL,
          PRIMARY KEY (role, schema, object_type, grantee, privilege)) WITHOUT ROWID
        """,
        """
        CREATE TABLE publications (name TEXT NOT NULL, all_tables INTEGER NOT NULL, operations TEXT NOT NULL,
          via_root INTEGER NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE publication_tables (publication TEXT NOT NULL, schema TEXT NOT NULL, "table" TEXT NOT NULL,
          row_filter TEXT, PRIMARY KEY (publication, schema, "table")) WITHOUT ROWID
        """,
        """
        CREATE TABLE event_triggers (name TEXT NOT NULL, event TEXT NOT NULL, tags TEXT, function TEXT NOT NULL,
          enabled TEXT NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE foreign_servers (name TEXT NOT NULL, wrapper TEXT NOT NULL, server_type TEXT,
          server_version TEXT, options TEXT, owner TEXT NOT NULL, PRIMARY KEY (name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE roles (name TEXT NOT NULL, superuser INTEGER NOT NULL, inherit INTEGER NOT NULL,
          create_role INTEGER NOT NULL, create_db INTEGER NOT NULL, login INTEGER NOT NULL,
          replication INTEGER NOT NULL, bypass_rls INTEGER NOT NULL, connection_limit INTEGER NOT NULL,
          member_of TEXT NOT NULL, PRIMARY KEY (name)) WITHOUT ROWID
        """,
        """
        CREATE TABLE applied_migrations (version TEXT NOT NULL, name TEXT, statements_hash TEXT, PRIMARY KEY (version)) WITHOUT ROWID
        """,
        """
        CREATE TABLE dependencies (dependent_kind TEXT NOT NULL, dependent TEXT NOT NULL, referenced_kind TEXT NOT NULL,
          referenced TEXT NOT NULL, dependency_type TEXT NOT NULL,
          PRIMARY KEY (dependent_kind, dependent, referenced_kind, referenced)) WITHOUT ROWID
        """,
    ]
}
