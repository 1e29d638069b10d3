import Foundation

/// Errors from reading a database catalog.
public enum InspectorError: LocalizedError, Equatable {
    /// libpq could not connect or log in; the message is libpq's (it never holds a password).
    case connectionFailed(String)
    /// A catalog query failed.
    case queryFailed(String, sqlState: String? = nil)
    /// The server is older than schemasnap supports.
    case unsupportedServer(version: Int)

    public var errorDescription: String? {
        switch self {
        case .connectionFailed(let m): "cannot connect: \(m)"
        case .queryFailed(let m, _): "catalog query failed: \(m)"
        case .unsupportedServer(let v): "PostgreSQL \(v / 10000) is not supported: schemasnap needs PostgreSQL 14 or newer"
        }
    }
}
