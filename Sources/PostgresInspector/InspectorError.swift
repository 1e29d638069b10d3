import Foundation

/// Errors from reading a database catalog.
public enum InspectorError: LocalizedError, Equatable {
    /// libpq could not connect or log in; the message is libpq's (it never holds a password).
    case connectionFailed(String)
    /// A catalog query failed.
    case queryFailed(String, sqlState: String? = nil)
    /// The server is older than schemasnap supports.
    case unsupportedServer(version: Int)
    /// DDL kept changing the catalog while it was read, on every attempt.
    case catalogKeptChanging(attempts: Int, lastProblem: String)
    /// A catalog query reached the statement timeout waiting for a lock other sessions hold
    /// (`ACCESS EXCLUSIVE` on these relations, with who holds them).
    case lockedOut(holders: [String], timeoutMilliseconds: Int)

    /// What went wrong and what to do, as the CLI prints it.
    public var errorDescription: String? {
        switch self {
        case .connectionFailed(let m): "cannot connect: \(m)"
        case .queryFailed(let m, _): "catalog query failed: \(m)"
        case .unsupportedServer(let v): "PostgreSQL \(v / 10000) is not supported: schemasnap needs PostgreSQL 14 or newer"
        case .catalogKeptChanging(let attempts, let problem):
            "the schema kept changing while it was read (\(attempts) attempts; last: \(problem)); nothing was written: run capture again once the migration or DDL in progress has finished"
        case .lockedOut(let holders, let timeout):
            "capture waited the statement timeout (\(Double(timeout) / 1000) s) for a lock held by another session: "
                + holders.joined(separator: "; ")
                + "; nothing was written: run capture again once that transaction has ended"
        }
    }
}

extension InspectorError {
    /// Whether the error is the statement timeout (not a cancel sent on Ctrl-C).
    var isStatementTimeout: Bool {
        guard case .queryFailed(let message, let state) = self else { return false }
        return state == "57014" && message.contains("statement timeout")
    }

    /// Whether the error can come from DDL committed while the catalog was read, so that
    /// reading again can succeed: a catalog function that no longer finds an object it was
    /// handed (`cache lookup failed`, `could not open relation`), or an object gone.
    var isCatalogChurn: Bool {
        guard case .queryFailed(let message, let state) = self else { return false }
        switch state {
        case "XX000": return message.contains("cache lookup failed") || message.contains("could not open relation")
        // Undefined table/object/function; serialization failure; chosen as a deadlock victim by DDL.
        case "42P01", "42704", "42883", "40001", "40P01": return true
        default: return false
        }
    }
}
