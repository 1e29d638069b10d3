import CatalogModel
import Foundation
import GRDB
import GRDBSQLite

/// Reads and writes snapshot files (SQLite, format version 1).
///
/// Writing is atomic: rows go in canonical order, in one transaction, into a temporary file
/// beside the destination that is renamed into place only when complete, so a crash or a kill
/// never leaves a half-written snapshot at the destination. Reading refuses files that are not
/// snapshots and formats newer than this build, and reads every older format.
public enum SnapshotFile {
    /// The format version this build writes.
    public static let formatVersion = SnapshotSchema.formatVersion

    /// Writes `catalog` with `meta` to `path`. The object counts in `meta` are recomputed from
    /// the catalog, and so is the fingerprint unless the caller passes the one it computed
    /// with `Fingerprint.of(catalog)`. Without `nameIfTaken`, an existing file at `path` is
    /// replaced only if it is a snapshot. With it, nothing is ever replaced: when `path` is
    /// taken, even by a file another process wrote a moment ago, the snapshot goes to
    /// `nameIfTaken(2)`, then `nameIfTaken(3)`…; the returned snapshot's `path` says where.
    @discardableResult
    public static func write(
        _ catalog: Catalog, meta: SnapshotMeta, to path: String, fingerprint: String? = nil,
        nameIfTaken: ((Int) -> String)? = nil
    ) throws -> Snapshot {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if nameIfTaken == nil, fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw StoreError.isDirectory(path) }
            guard (try? readMeta(path)) != nil else { throw StoreError.outputNotASnapshot(path) }
        }
        let catalog = catalog.sorted()
        var meta = meta
        meta.formatVersion = formatVersion
        meta.objectCounts = Dictionary(uniqueKeysWithValues: catalog.counts.map { ($0.key.tableName, $0.value) })
        meta.notCompared = catalog.uncovered

        var writtenPath = path
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        try? fm.removeItem(atPath: temp)
        TempFiles.register(temp)
        defer { TempFiles.unregister(temp) }
        do {
            let queue = try DatabaseQueue(path: temp)
            // The temporary file is thrown away on any failure, so SQLite's rollback journal and
            // its syncs during the write buy nothing: the file is synced once, complete, below.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            try queue.inTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(SnapshotSchema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(formatVersion)")
                for statement in SnapshotSchema.statements { try db.execute(sql: statement) }
                // The fingerprint (canonical text + SHA-256) is computed on another thread while
                // the rows are inserted.
                let computed = FingerprintTask(catalog, given: fingerprint)
                var inserter = Inserter(catalog: catalog, db: db)
                Catalog.visitKinds(&inserter)
                if let error = inserter.error { throw error }
                meta.fingerprint = computed.value()
                try writeMeta(meta, db)
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES ('content_checksum', ?)",
                    arguments: [inserter.checksum.finalize()])
                return .commit
            }
            try queue.close()
            try sync(temp)
            if let nameIfTaken {
                // link(2) fails rather than replace a file that is there, however it got there.
                var number = 1
                while link(temp, writtenPath) != 0 {
                    guard errno == EEXIST, number < 10_000 else {
                        throw StoreError.writeFailed(writtenPath, reason: String(cString: strerror(errno)))
                    }
                    number += 1
                    writtenPath = nameIfTaken(number)
                }
                unlink(temp)
            } else {
                guard rename(temp, path) == 0 else {
                    throw StoreError.writeFailed(path, reason: String(cString: strerror(errno)))
                }
            }
            // The new name reaches the disk with its directory.
            try? sync(url.deletingLastPathComponent().path)
        } catch let error as StoreError {
            try? fm.removeItem(atPath: temp)
            throw error
        } catch {
            try? fm.removeItem(atPath: temp)
            throw StoreError.writeFailed(path, reason: "\(error)")
        }
        return Snapshot(meta: meta, catalog: catalog, path: writtenPath)
    }

    /// Flushes the file or directory at `path` to the disk.
    private static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw StoreError.writeFailed(path, reason: reason)
        }
        close(fd)
    }

    /// Reads only the metadata of the snapshot at `path` (fast: no objects are read).
    public static func readMeta(_ path: String) throws -> SnapshotMeta {
        try withSnapshotDatabase(path) { db in try readMeta(db, path: path) }
    }

    /// Reads the snapshot at `path`, checking that its rows are exactly those written.
    public static func read(_ path: String) throws -> Snapshot {
        try withSnapshotDatabase(path) { db in
            let meta = try readMeta(db, path: path)
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == meta.formatVersion else {
                throw StoreError.damaged(path, reason: "its format version and its meta table disagree")
            }
            var fetcher = Fetcher(db: db, path: path, version: meta.formatVersion)
            Catalog.visitKinds(&fetcher)
            if let error = fetcher.error { throw error }
            let storedChecksum = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'content_checksum'")
            var c = fetcher.catalog
            c.uncovered = meta.notCompared
            if meta.formatVersion < formatVersion { c.unrecorded.formatVersion = meta.formatVersion }
            // Rows come back in key order (ORDER BY, BINARY collation), which is canonical order.
            // The content checksum proves the rows are those written; without one, the
            // (slower) fingerprint of the canonical text does.
            let intact = storedChecksum.map { $0 == fetcher.checksum.finalize() } ?? (Fingerprint.of(c) == meta.fingerprint)
            guard intact else { throw StoreError.damaged(path, reason: "its objects do not match its checksum") }
            return Snapshot(meta: meta, catalog: c, path: path)
        }
    }

    /// The canonical text of `snapshot` (what `show` prints), checked against its fingerprint.
    public static func canonicalText(of snapshot: Snapshot) throws -> String {
        let text = CanonicalText.render(snapshot.catalog)
        guard Fingerprint.of(canonicalText: text) == snapshot.meta.fingerprint else {
            throw StoreError.damaged(snapshot.path, reason: "its objects do not match its fingerprint")
        }
        return text
    }

    // MARK: - Private

    static func withSnapshotDatabase<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw StoreError.fileNotFound(path) }
        if isDir.boolValue { throw StoreError.isDirectory(path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError.unreadable(path, reason: "permission denied")
        }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard appID == SnapshotSchema.applicationID else { throw StoreError.notASnapshot(path) }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard version <= formatVersion else { throw StoreError.newerFormat(path, version: version) }
                guard version >= 1 else { throw StoreError.damaged(path, reason: "no format version") }
                return try body(db)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StoreError.notASnapshot(path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                throw StoreError.unreadable(path, reason: error.message ?? "cannot open")
            default: throw StoreError.damaged(path, reason: error.message ?? "\(error.resultCode)")
            }
        } catch {
            throw StoreError.damaged(path, reason: "\(error)")
        }
    }

    private static func writeMeta(_ meta: SnapshotMeta, _ db: Database) throws {
        let rows: [(String, String)] =
            [
                ("format_version", String(meta.formatVersion)),
                ("environment", meta.environment),
                ("captured_at", iso8601String(meta.capturedAt)),
                ("server_version", meta.serverVersion),
                ("database", meta.database),
                ("host", meta.host),
                ("port", meta.port),
                ("tool_version", meta.toolVersion),
                ("fingerprint", meta.fingerprint),
                ("object_counts", json(meta.objectCounts)),
                ("not_compared", json(meta.notCompared)),
            ]
            + (meta.leftOut.isEmpty ? [] : [("left_out", jsonArray(meta.leftOut))])
        for (key, value) in rows {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    static func readMeta(_ db: Database, path: String) throws -> SnapshotMeta {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
            values[row[0]] = row[1]
        }
        func required(_ key: String) throws -> String {
            guard let v = values[key] else { throw StoreError.damaged(path, reason: "meta has no \(key)") }
            return v
        }
        guard let capturedAt = parseISO8601(try required("captured_at")) else {
            throw StoreError.damaged(path, reason: "captured_at is not an ISO 8601 time")
        }
        return SnapshotMeta(
            formatVersion: Int(try required("format_version")) ?? 0,
            environment: try required("environment"),
            capturedAt: capturedAt,
            serverVersion: values["server_version"] ?? "",
            database: values["database"] ?? "",
            host: values["host"] ?? "",
            port: values["port"] ?? "",
            toolVersion: values["tool_version"] ?? "",
            fingerprint: try required("fingerprint"),
            objectCounts: decodeCounts(values["object_counts"]),
            notCompared: decodeCounts(values["not_compared"]),
            leftOut: values["left_out"].flatMap { text in Array(text.utf8).withUnsafeBufferPointer(JSONStringArray.parse) }
                ?? [])
    }

    private static func json(_ counts: [String: Int]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(counts)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func decodeCounts(_ text: String?) -> [String: Int] {
        guard let text else { return [:] }
        return (try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))) ?? [:]
    }

    /// Inserts `objects` with one prepared statement, columns in `fieldSpecs` order, NULL
    /// where a field is absent. Binds through the SQLite C API: this loop runs once per
    /// captured object.
    fileprivate static func insert<T: CatalogObject>(_ objects: [T], _ db: Database, _ checksum: inout ContentChecksum) throws {
        let table = T.kind.tableName
        checksum.beginTable(table)
        guard !objects.isEmpty else { return }
        let columns = T.fieldSpecs.map { "\"\($0.name)\"" }
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        let handle = statement.sqliteStatement
        for object in objects {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            for (i, value) in object.fieldValues.enumerated() {
                guard let value else {
                    checksum.addNull()
                    continue
                }
                bind(value, at: Int32(i + 1), handle, &checksum)
            }
            guard sqlite3_step(handle) == SQLITE_DONE else {
                throw StoreError.writeFailed(table, reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        sqlite3_reset(handle)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: FieldValue, at index: Int32, _ handle: OpaquePointer, _ checksum: inout ContentChecksum) {
        switch value {
        case .text(let s):
            sqlite3_bind_text(handle, index, s, -1, transient)
            checksum.add(text: s.utf8)
        case .bool(let b):
            sqlite3_bind_int64(handle, index, b ? 1 : 0)
            checksum.add(integer: b ? 1 : 0)
        case .integer(let i):
            sqlite3_bind_int64(handle, index, i)
            checksum.add(integer: i)
        case .list(let l):
            let json = jsonArray(l)
            sqlite3_bind_text(handle, index, json, -1, transient)
            checksum.add(text: json.utf8)
        }
    }

    /// `["a","b"]`: a JSON array of strings, as GRDB decodes it back into `[String]`.
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (n, string) in strings.enumerated() {
            if n > 0 { out += "," }
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// Reads every row of `T`'s table through the columns the file itself holds (a file of
    /// format `version` lacks the fields added after it, `FieldSpec.since`), feeding the checksum with the stored
    /// bytes in the file's column order. A kind whose table is absent, or a field whose column
    /// is, goes into `unrecorded`; a table without its key columns is damaged. Values that do
    /// not fit (a NULL key, text in an integer column) come back blank or coerced, and the
    /// checksum check in `read` then reports the file as damaged.
    static func fetch<T: CatalogObject>(
        _ db: Database, _ path: String, version: Int, _ checksum: inout ContentChecksum, _ unrecorded: inout Unrecorded
    ) throws -> [T] {
        guard let rows = try RowStream<T>(db, path, version: version, &unrecorded) else { return [] }
        checksum.beginTable(T.kind.tableName)
        return try rows.objects(feeding: &checksum)
    }
}

/// Writes every kind's objects into its table.
private struct Inserter: CatalogKindVisitor {
    let catalog: Catalog
    let db: Database
    var checksum = ContentChecksum()
    var error: (any Error)?

    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
        guard error == nil else { return }
        do { try SnapshotFile.insert(catalog[keyPath: path], db, &checksum) } catch { self.error = error }
    }
}

/// Reads every kind's table into a catalog.
private struct Fetcher: CatalogKindVisitor {
    let db: Database
    let path: String
    /// The file's format version.
    let version: Int
    var catalog = Catalog()
    var checksum = ContentChecksum()
    var error: (any Error)?

    mutating func visit<T: CatalogObject>(_ keyPath: WritableKeyPath<Catalog, [T]>) {
        guard error == nil else { return }
        do {
            var unrecorded = catalog.unrecorded
            catalog[keyPath: keyPath] = try SnapshotFile.fetch(db, path, version: version, &checksum, &unrecorded)
            catalog.unrecorded = unrecorded
        } catch {
            self.error = error
        }
    }
}

/// A fingerprint computed on a background thread, or the one the caller already has.
private final class FingerprintTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: String?

    init(_ catalog: Catalog, given: String?) {
        if let given {
            result = given
            return
        }
        DispatchQueue.global().async(group: group) { self.result = Fingerprint.of(catalog) }
    }

    /// Waits for the computation; the group's wait orders the read after the write.
    func value() -> String {
        group.wait()
        return result!
    }
}
