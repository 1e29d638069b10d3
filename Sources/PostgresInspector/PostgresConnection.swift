import CLibPQ
import Foundation

/// A libpq connection that runs simple-protocol queries (no named prepared statements, so it
/// works through transaction-mode poolers such as PgBouncer and Supavisor).
///
/// Not thread-safe: use one connection from one thread at a time.
public final class PostgresConnection {
    private let handle: OpaquePointer

    /// Connects with `conninfo` (a URL or `key=value` string) handed to libpq unchanged, so
    /// `PGPASSFILE`, `service=…`, `sslmode` and the `PG*` variables all work. The conninfo
    /// can override the defaults given here (`connect_timeout`); `application_name` is always
    /// `schemasnap`.
    public init(conninfo: String, applicationName: String = "schemasnap") throws {
        let keys = ["connect_timeout", "dbname", "application_name"]
        let values = ["10", conninfo, applicationName]
        let conn = withCStringArray(keys) { k in
            withCStringArray(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let conn else { throw InspectorError.connectionFailed("out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = redactPassword(String(cString: PQerrorMessage(conn)), conninfo: conninfo)
            PQfinish(conn)
            throw InspectorError.connectionFailed(Self.firstLines(message))
        }
        handle = conn
        // Server messages outside a query's result (a FATAL before the server closes the
        // connection, NOTICEs) would go straight to stderr; keep the last one for the error.
        PQsetNoticeProcessor(
            conn,
            { context, message in
                guard let context, let message else { return }
                Unmanaged<ServerMessages>.fromOpaque(context).takeUnretainedValue().last = String(cString: message)
            }, Unmanaged.passUnretained(serverMessages).toOpaque())
    }

    /// The last message the server sent outside a query result.
    private final class ServerMessages {
        var last: String?
    }
    private let serverMessages = ServerMessages()

    deinit {
        InterruptCancel.forget(handle)
        PQfinish(handle)
    }

    /// From now on, SIGINT or SIGTERM first asks the server to cancel what this connection is
    /// running, so an interrupted writer's transaction is rolled back (and its locks released)
    /// at once rather than after its current statement; then the signal ends the process.
    public func cancelOnInterrupt() { InterruptCancel.watch(handle) }

    /// The server version as `PG_VERSION_NUM` (e.g. 150018).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }
    /// The database name connected to.
    public var databaseName: String { String(cString: PQdb(handle)) }
    /// The host (or socket directory) connected to, never credentials.
    public var host: String { String(cString: PQhost(handle)) }
    public var port: String { String(cString: PQport(handle)) }

    /// Runs `sql` (one or more statements) and returns the rows of the last result.
    @discardableResult
    public func query(_ sql: String) throws -> [PostgresRow] {
        try rows(of: PQexec(handle, sql))
    }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` (text, nil for NULL) through
    /// the unnamed prepared statement, which transaction-mode poolers accept.
    @discardableResult
    public func query(_ sql: String, parameters: [String?]) throws -> [PostgresRow] {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for pointer in copies { free(pointer) } }
        let values = copies.map { UnsafePointer($0) }
        let result = values.withUnsafeBufferPointer { buffer in
            PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        return try rows(of: result)
    }

    /// ` (the server said: …)` when the server sent a message before closing the connection.
    private var serverSaid: String {
        guard let last = serverMessages.last?.trimmingCharacters(in: .whitespacesAndNewlines), !last.isEmpty else { return "" }
        return " (the server said: \(last.replacingOccurrences(of: "\n", with: " ")))"
    }

    private func rows(of result: OpaquePointer?) throws -> [PostgresRow] {
        guard let result else {
            throw InspectorError.queryFailed(Self.firstLines(String(cString: PQerrorMessage(handle)) + serverSaid))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = String(cString: PQresultErrorMessage(result)) + (PQstatus(handle) == CONNECTION_BAD ? serverSaid : "")
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw InspectorError.queryFailed(Self.firstLines(message), sqlState: sqlState)
        }
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                if PQgetisnull(result, r, c) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, r, c)))
                }
            }
            rows.append(PostgresRow(values: values))
        }
        return rows
    }

    /// Runs `sql` and hands back the first column of the first row, if any.
    public func scalar(_ sql: String) throws -> String? {
        try query(sql).first?.values.first ?? nil
    }

    private static func firstLines(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}

/// One result row, values in text form (`nil` for SQL NULL).
public struct PostgresRow: Sendable {
    public var values: [String?]

    public func string(_ i: Int) -> String { values[i] ?? "" }
    public func optional(_ i: Int) -> String? { values[i] }
    public func bool(_ i: Int) -> Bool { values[i] == "t" }
    public func int(_ i: Int) -> Int { Int(values[i] ?? "") ?? 0 }
    public func int64(_ i: Int) -> Int64 { Int64(values[i] ?? "") ?? 0 }
    /// A list the query joined with the unit separator (`chr(31)`); `nil` when SQL NULL.
    public func list(_ i: Int) -> [String]? {
        guard let v = values[i] else { return nil }
        return v.isEmpty ? [] : v.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}

private func withCStringArray<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { UnsafePointer($0) } + [nil])
}

/// Removes the conninfo's password from `message`, should libpq ever echo a part of it.
private func redactPassword(_ message: String, conninfo: String) -> String {
    var redacted = message
    var candidates: [String] = []
    if let options = PQconninfoParse(conninfo, nil) {
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                candidates.append(String(cString: value))
            }
            option += 1
        }
    }
    // A URL that libpq cannot parse still has its password between ':' and '@'.
    if let at = conninfo.lastIndex(of: "@"), let scheme = conninfo.range(of: "://") {
        let userInfo = conninfo[scheme.upperBound..<at]
        if let colon = userInfo.firstIndex(of: ":") {
            candidates.append(String(userInfo[userInfo.index(after: colon)...]))
        }
    }
    for secret in candidates where !secret.isEmpty {
        redacted = redacted.replacingOccurrences(of: secret, with: "***")
    }
    return redacted
}

/// The cancel request of the connection being watched, sent from a signal handler
/// (`PQcancel` is safe there: it only opens a socket and writes a packet).
private enum InterruptCancel {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cancel: OpaquePointer?
    nonisolated(unsafe) private static var owner: OpaquePointer?
    nonisolated(unsafe) private static var installed = false

    static func watch(_ connection: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        if let cancel { PQfreeCancel(cancel) }
        cancel = PQgetCancel(connection)
        owner = connection
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in
                if let request = InterruptCancel.cancel {
                    var buffer = [CChar](repeating: 0, count: 256)
                    _ = PQcancel(request, &buffer, 256)
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func forget(_ connection: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        guard owner == connection, let request = cancel else { return }
        cancel = nil
        owner = nil
        PQfreeCancel(request)
    }
}
