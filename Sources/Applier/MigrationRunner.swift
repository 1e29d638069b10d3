import Foundation
import Migrations
import PostgresInspector
import SQLReader

/// Applies and rolls back migrations on a live database: the only code that changes one.
///
/// Every run holds a PostgreSQL advisory lock (`lockKey`), so two runs never interleave; in the
/// default mode the statements and the `schema_migrations` change share one transaction, so a
/// failure records nothing.
public struct MigrationRunner {
    /// The advisory lock key: the first 8 bytes of SHA-256("schemasnap") (0x837bb101332e25d1)
    /// with the top bit cleared, so it fits a positive bigint.
    public static let lockKey: Int64 = 0x037b_b101_332e_25d1

    let db: PostgresConnection

    public init(connection: PostgresConnection) { db = connection }

    static let createTable = """
        CREATE SCHEMA IF NOT EXISTS supabase_migrations;
        CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text);
        """

    /// The versions recorded in `supabase_migrations.schema_migrations` (none when absent).
    public func appliedVersions() throws -> Set<String> {
        let exists = try db.scalar("SELECT pg_catalog.to_regclass('supabase_migrations.schema_migrations') IS NOT NULL") == "t"
        guard exists else { return [] }
        return Set(try db.query("SELECT version FROM supabase_migrations.schema_migrations").map { $0.string(0) })
    }

    /// The first statement that cannot run inside a transaction block, if any.
    public static func nonTransactional(_ file: MigrationFile) -> Statement? {
        file.statements.first { statement in
            let words = statement.tokens.filter { $0.kind == .word }.map(\.text)
            guard let first = words.first else { return false }
            if first == "vacuum" { return true }
            if ["create", "drop", "reindex"].contains(first) && words.prefix(4).contains("concurrently") { return true }
            if first == "alter" && words.prefix(2) == ["alter", "system"] { return true }
            if first == "create" && words.prefix(2) == ["create", "database"] { return true }
            return false
        }
    }

    /// Runs `file`'s UP statements and records it. Refuses a version already recorded unless
    /// `force`. With `transactional == false`, runs statement by statement under a session lock.
    public func apply(_ file: MigrationFile, environment: String, force: Bool, transactional: Bool) throws {
        db.cancelOnInterrupt()
        let statements = file.statements
        if transactional {
            try db.query("BEGIN")
            do {
                try db.query("SELECT pg_catalog.pg_advisory_xact_lock(\(Self.lockKey))")
                try db.query(Self.createTable)
                try refuseIfApplied(file, environment: environment, force: force)
                try run(statements, of: file, rolledBack: true)
                try record(file, statements)
                try db.query("COMMIT")
            } catch {
                _ = try? db.query("ROLLBACK")
                throw error
            }
        } else {
            try db.query("SELECT pg_catalog.pg_advisory_lock(\(Self.lockKey))")
            defer { _ = try? db.query("SELECT pg_catalog.pg_advisory_unlock(\(Self.lockKey))") }
            try db.query(Self.createTable)
            try refuseIfApplied(file, environment: environment, force: force)
            try run(statements, of: file, rolledBack: false)
            try record(file, statements)
        }
    }

    /// Runs the DOWN sections of `files` (newest first, as given) and deletes their records,
    /// all in one transaction under the lock.
    public func rollback(_ files: [MigrationFile], environment: String) throws {
        db.cancelOnInterrupt()
        let downs = try files.map { file -> (MigrationFile, [Statement]) in
            guard let down = file.down else { throw ApplyError.noDownSection(migration: file.id) }
            return (file, StatementSplitter.split(down))
        }
        try db.query("BEGIN")
        do {
            try db.query("SELECT pg_catalog.pg_advisory_xact_lock(\(Self.lockKey))")
            let applied = try appliedVersions()
            for (file, statements) in downs {
                guard applied.contains(file.version) else {
                    throw ApplyError.notApplied(version: file.version, environment: environment)
                }
                try run(statements, of: file, rolledBack: true, lineOffset: downLineOffset(file))
                try db.query("DELETE FROM supabase_migrations.schema_migrations WHERE version = $1", parameters: [file.version])
            }
            try db.query("COMMIT")
        } catch {
            _ = try? db.query("ROLLBACK")
            throw error
        }
    }

    private func refuseIfApplied(_ file: MigrationFile, environment: String, force: Bool) throws {
        let rows = try db.query(
            "SELECT 1 FROM supabase_migrations.schema_migrations WHERE version = $1", parameters: [file.version])
        if !rows.isEmpty && !force { throw ApplyError.alreadyApplied(version: file.version, environment: environment) }
        if !rows.isEmpty {
            try db.query("DELETE FROM supabase_migrations.schema_migrations WHERE version = $1", parameters: [file.version])
        }
    }

    private func run(_ statements: [Statement], of file: MigrationFile, rolledBack: Bool, lineOffset: Int = 0) throws {
        for statement in statements {
            do {
                try db.query(statement.text)
            } catch let error as InspectorError {
                let message: String
                if case .queryFailed(let m, _) = error { message = m } else { message = error.localizedDescription }
                throw ApplyError.statementFailed(
                    file: URL(fileURLWithPath: file.path).lastPathComponent, line: statement.line + lineOffset,
                    statement: statement.text.split(separator: "\n").first.map(String.init) ?? statement.text,
                    message: message, rolledBack: rolledBack)
            }
        }
    }

    /// Records the migration as the Supabase CLI does: version, name, statements.
    private func record(_ file: MigrationFile, _ statements: [Statement]) throws {
        try db.query(
            "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES ($1, $2, $3::text[])",
            parameters: [file.version, file.name, arrayLiteral(statements.map(\.text))])
    }

    /// The line of the DOWN marker, so DOWN statement lines point into the file.
    private func downLineOffset(_ file: MigrationFile) -> Int {
        guard let range = file.content.range(of: MigrationFile.downMarker) else { return 0 }
        return file.content[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}

/// A PostgreSQL array literal of text: `{"a","b \"quoted\""}`.
func arrayLiteral(_ values: [String]) -> String {
    "{"
        + values.map {
            "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        .joined(separator: ",") + "}"
}
