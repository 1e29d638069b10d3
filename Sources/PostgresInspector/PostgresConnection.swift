import CLibPQ
import CatalogModel
import Foundation
import Interrupts

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

    /// From now on, SIGINT, SIGTERM or SIGHUP first asks the server to cancel what this connection is
    /// running, so an interrupted writer's transaction is rolled back (and its locks released)
    /// at once rather than after its current statement; then the signal ends the process.
    public func cancelOnInterrupt() { InterruptCancel.watch(handle) }

    /// The server version as `PG_VERSION_NUM` (e.g. 150018).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }
    /// The database name connected to.
    public var databaseName: String { String(cString: PQdb(handle)) }
    /// The host (or socket directory) connected to, never credentials.
    public var host: String { String(cString: PQhost(handle)) }
    /// The port the connection went to.
    public var port: String { String(cString: PQport(handle)) }

    /// Runs `sql` (one or more statements) and returns the rows of the last result.
    @discardableResult
    public func query(_ sql: String) throws -> PostgresResult {
        try checked(PQexec(handle, sql))
    }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` (text, nil for NULL) through
    /// the unnamed prepared statement, which transaction-mode poolers accept.
    @discardableResult
    public func query(_ sql: String, parameters: [String?]) throws -> PostgresResult {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for pointer in copies { free(pointer) } }
        let values = copies.map { UnsafePointer($0) }
        let result = values.withUnsafeBufferPointer { buffer in
            PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        return try checked(result)
    }

    /// ` (the server said: …)` when the server sent a message before closing the connection.
    private var serverSaid: String {
        guard let last = serverMessages.last?.trimmingCharacters(in: .whitespacesAndNewlines), !last.isEmpty else { return "" }
        return " (the server said: \(last.replacingOccurrences(of: "\n", with: " ")))"
    }

    private func checked(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else {
            throw InspectorError.queryFailed(Self.firstLines(String(cString: PQerrorMessage(handle)) + serverSaid))
        }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            defer { PQclear(result) }
            let message = String(cString: PQresultErrorMessage(result)) + (PQstatus(handle) == CONNECTION_BAD ? serverSaid : "")
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw InspectorError.queryFailed(Self.firstLines(message), sqlState: sqlState)
        }
        return PostgresResult(result)
    }

    /// Runs `sql` and hands back the first column of the first row, if any.
    public func scalar(_ sql: String) throws -> String? {
        try query(sql).first?.optional(0)
    }

    private static func firstLines(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}

/// The rows of a successful query, read in place from libpq's result (freed with it).
///
/// Owns nothing but the result, so it may be converted on another thread while the
/// connection runs the next query.
public final class PostgresResult: RandomAccessCollection, @unchecked Sendable {
    fileprivate let result: OpaquePointer
    public let startIndex = 0
    public let endIndex: Int

    init(_ result: OpaquePointer) {
        self.result = result
        endIndex = Int(PQntuples(result))
    }

    deinit { PQclear(result) }

    public subscript(row: Int) -> PostgresRow { PostgresRow(result: self, row: Int32(row)) }

    fileprivate func value(_ row: Int32, _ column: Int) -> UnsafeBufferPointer<UInt8>? {
        let column = Int32(column)
        guard column < PQnfields(result), PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column)
        else { return nil }
        return UnsafeBufferPointer(
            start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: Int(PQgetlength(result, row, column)))
    }
}

extension PostgresResult {
    /// The result column of each of `T`'s fields, in `fields` order: the query names each
    /// column after the field it fills. Throws when one is missing (a query and its kind
    /// disagree, which the capture tests catch).
    func columns<T: CatalogObject>(for _: T.Type) throws -> [Int] {
        try T.fieldSpecs.map { spec in
            let column = Int(PQfnumber(result, "\"\(spec.name)\""))
            guard column >= 0 else {
                throw InspectorError.queryFailed("the \(T.kind.plural) query returns no column \(spec.name)")
            }
            return column
        }
    }
}

/// A result row read as a kind's stored values: field `i` is the row's column `columns[i]`
/// (`PostgresResult.columns(for:)`).
/// One instance reads every row of a result in turn (`row` is moved along), so converting a
/// result allocates no reader per row.
final class FieldRow: FieldReader, @unchecked Sendable {
    var row: PostgresRow
    let columns: [Int]

    init(row: PostgresRow, columns: [Int]) {
        self.row = row
        self.columns = columns
    }

    func optionalText(_ i: Int) -> String? { row.optional(columns[i]) }
    func optionalBool(_ i: Int) -> Bool? { row.optional(columns[i]).map { $0 == "t" } }
    func integer(_ i: Int) -> Int64 { row.int64(columns[i]) }
    func optionalList(_ i: Int) -> [String]? { row.list(columns[i]) }
}

/// One result row, values in text form (`nil` for SQL NULL).
public struct PostgresRow {
    let result: PostgresResult
    let row: Int32

    /// Column `i` as text; empty for NULL.
    public func string(_ i: Int) -> String { optional(i) ?? "" }
    /// Column `i` as text; nil for NULL.
    public func optional(_ i: Int) -> String? { result.value(row, i).map { String(decoding: $0, as: UTF8.self) } }
    /// Column `i` as a boolean (`t`); false for NULL.
    public func bool(_ i: Int) -> Bool { result.value(row, i).map { $0.count == 1 && $0[0] == UInt8(ascii: "t") } ?? false }
    /// Column `i` as an integer; 0 for NULL or text that is not one.
    public func int(_ i: Int) -> Int { Int(string(i)) ?? 0 }
    /// Column `i` as a 64-bit integer; 0 for NULL or text that is not one.
    public func int64(_ i: Int) -> Int64 { Int64(string(i)) ?? 0 }
    /// A list the query joined with the unit separator (`chr(31)`); `nil` when SQL NULL.
    public func list(_ i: Int) -> [String]? {
        guard let v = result.value(row, i) else { return nil }
        return v.isEmpty
            ? [] : v.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
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

/// The cancel requests of the watched connections, sent from the interrupt handler
/// (`PQcancel` is safe there: it only opens a socket and writes a packet).
private enum InterruptCancel {
    private static let lock = NSLock()
    /// Watched connections with their cancel request and its registration.
    nonisolated(unsafe) private static var watched: [OpaquePointer: (Interrupts.Registration?, OpaquePointer)] = [:]

    static func watch(_ connection: OpaquePointer) {
        forget(connection)
        guard let request = PQgetCancel(connection) else { return }
        let registration = Interrupts.register(
            { context in
                guard let context else { return }
                // PQcancel is async-signal-safe; its error buffer lives on the stack.
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
                    _ = PQcancel(OpaquePointer(context), buffer.baseAddress, 256)
                }
            }, context: UnsafeMutableRawPointer(request))
        lock.lock()
        watched[connection] = (registration, request)
        lock.unlock()
    }

    static func forget(_ connection: OpaquePointer) {
        lock.lock()
        let entry = watched.removeValue(forKey: connection)
        lock.unlock()
        guard let (registration, request) = entry else { return }
        if let registration { Interrupts.unregister(registration) }
        PQfreeCancel(request)
    }
}
