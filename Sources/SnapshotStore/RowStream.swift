import CatalogModel
import Foundation
import GRDB
import GRDBSQLite

/// The rows of one kind's table in a snapshot file, in key order, optionally only those of
/// the relations a JSON array names (`[[schema, name], …]`), stepped one at a time.
///
/// A kind the file's format did not record yet, or a field it did not, goes into
/// `unrecorded`; a table without its key columns is damaged. Values that do not fit (a NULL
/// key, text in an integer column) come back blank or coerced, and the checksum check then
/// reports the file as damaged.
final class RowStream<T: CatalogObject> {
    let reader: RowReader
    private let statement: Statement
    private let db: Database
    private let path: String

    /// Nil when the file has no table for the kind (a format that did not record it).
    /// `relations`: only the rows whose relation (the key's schema and table or name, as
    /// `RowStream.relationColumns` names them) is in that JSON array.
    init?(_ db: Database, _ path: String, version: Int, _ unrecorded: inout Unrecorded, relations: String? = nil) throws {
        let table = T.kind.tableName
        let specs = T.fieldSpecs
        let stored: [String]
        do {
            stored = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
        } catch let error as DatabaseError {
            throw StoreError.damaged(path, reason: error.message ?? "table \(table) unreadable")
        }
        // What the file's format did not record yet is not recorded; anything else missing
        // is damage.
        guard !stored.isEmpty else {
            guard specs.allSatisfy({ $0.since > version }) else {
                throw StoreError.damaged(path, reason: "table \(table) is missing")
            }
            unrecorded.kinds.insert(T.kind)
            return nil
        }
        let storedSet = Set(stored)
        let absent = specs.filter { !storedSet.contains($0.name) }
        if let missing = absent.first(where: { $0.since <= version }) {
            throw StoreError.damaged(path, reason: "table \(table) has no column \(missing.name)")
        }
        if !absent.isEmpty { unrecorded.fields[T.kind] = Set(absent.map(\.name)) }
        let keys = specs.prefix(T.keyCount).map(\.name)
        let filter = relations.map { _ in
            let (schema, name) = Self.relationColumns
            return " WHERE (\"\(schema)\", \"\(name)\") IN "
                + "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
        }
        do {
            statement = try db.makeStatement(
                sql: "SELECT " + stored.map { "\"\($0)\"" }.joined(separator: ", ") + " FROM \(table)" + (filter ?? "")
                    + " ORDER BY " + keys.map { "\"\($0)\"" }.joined(separator: ", "))
            if let relations { try statement.setArguments([relations]) }
        } catch let error as DatabaseError {
            throw StoreError.damaged(path, reason: error.message ?? "table \(table) unreadable")
        }
        let specIndex = Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.name, $0) })
        reader = RowReader(statement.sqliteStatement, specs, storedFields: stored.map { specIndex[$0] })
        self.db = db
        self.path = path
    }

    /// The columns naming the relation a row belongs to: its schema and its table (the
    /// relation's own name for relations and privileges).
    static var relationColumns: (String, String) {
        let names = T.fieldSpecs.map(\.name)
        return (names.contains("schema") ? "schema" : names[0], names.contains("table") ? "table" : "name")
    }

    /// Moves to the next row; false after the last.
    func step() throws -> Bool {
        let code = sqlite3_step(reader.handle)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else {
            throw StoreError.damaged(path, reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return true
    }

    /// The current row as an object (after `RowReader.fetchValues`).
    func object() throws -> T { try reader.object(T.self, path: path) }

    /// Every row not yet stepped past as an object, each row's stored bytes fed to `checksum`
    /// first; throws when a row cannot be read (the file is damaged).
    func objects(feeding checksum: inout ContentChecksum) throws -> [T] {
        var objects: [T] = []
        while try step() {
            reader.fetchValues(feeding: &checksum)
            objects.append(try object())
        }
        return objects
    }

    /// Every row not yet stepped past as an object, for a read that checks no checksum.
    func objects() throws -> [T] {
        var unused = ContentChecksum()
        return try objects(feeding: &unused)
    }
}

/// The current row of a snapshot query, read straight from SQLite's column buffers.
///
/// The query selects the file's own columns; each maps to the field of `fieldSpecs` of the
/// same name, and a field the file has no column for reads as absent. Long text equal to the
/// previous row's value in the same column (the schema and table names that rows of one table
/// share) comes back as that same string, without a new copy.
final class RowReader: FieldReader {
    /// The statement it reads; nil for a reader of `RowBatch`es.
    let handle: OpaquePointer?
    private let specs: [FieldSpec]
    /// For each selected column, in order, the index of its field in `specs`; nil for a column
    /// this build has no field for (checksummed, not read).
    private let storedFields: [Int?]
    /// The fields, by index in `specs`, the file has a column for.
    let storedSpecs: Set<Int>
    /// Per field: whether it holds text (`.text` or `.list`), not a number.
    private let readsText: [Bool]
    // Per-field state in raw buffers, indexed like `specs`: read for every value, so without
    // the exclusivity checks a class's array properties would cost. The checksum pass fetches
    // each value once; the fields are made from what it kept.
    private let isNull: UnsafeMutableBufferPointer<Bool>
    private let text: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
    private let number: UnsafeMutableBufferPointer<Int64>
    private let previousText: UnsafeMutableBufferPointer<String>
    /// The field whose list value could not be read, if any.
    private(set) var malformedList: Int?

    init(_ handle: OpaquePointer?, _ specs: [FieldSpec], storedFields: [Int?]) {
        self.handle = handle
        self.specs = specs
        self.storedFields = storedFields
        storedSpecs = Set(storedFields.compactMap { $0 })
        readsText = specs.map { $0.type == .text || $0.type == .list }
        isNull = .allocate(capacity: specs.count)
        isNull.initialize(repeating: true)
        text = .allocate(capacity: specs.count)
        text.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0))
        number = .allocate(capacity: specs.count)
        number.initialize(repeating: 0)
        previousText = .allocate(capacity: specs.count)
        previousText.initialize(repeating: "")
    }

    deinit {
        isNull.deallocate()
        text.deallocate()
        number.deallocate()
        previousText.deinitialize().deallocate()
    }

    /// Fetches the current row's values and adds them to `checksum`, in column order. The
    /// text stays valid until the next step.
    func fetchValues(feeding checksum: inout ContentChecksum) {
        for (c, field) in storedFields.enumerated() {
            let column = Int32(c)
            if let i = field, readsText[i] {
                // One call for most text: no pointer is NULL (or an empty BLOB, read as empty text).
                let start = sqlite3_column_text(handle, column)
                let null = start == nil && sqlite3_column_type(handle, column) == SQLITE_NULL
                isNull[i] = null
                if null {
                    checksum.addNull()
                } else {
                    text[i] = UnsafeBufferPointer(
                        start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column)))
                    checksum.add(text: text[i])
                }
                continue
            }
            let null = sqlite3_column_type(handle, column) == SQLITE_NULL
            guard let i = field else {
                if null {
                    checksum.addNull()
                } else if sqlite3_column_type(handle, column) == SQLITE_INTEGER {
                    checksum.add(integer: sqlite3_column_int64(handle, column))
                } else {
                    checksum.add(text: columnText(column))
                }
                continue
            }
            isNull[i] = null
            guard !null else {
                checksum.addNull()
                continue
            }
            number[i] = sqlite3_column_int64(handle, column)
            checksum.add(integer: number[i])
        }
    }

    /// How the current row's key sorts against `other`'s (both fetched, of one kind): as
    /// SQLite's `ORDER BY` with the BINARY collation sorts them, negative when this one is first.
    func keyOrder(_ other: RowReader, keyCount: Int) -> Int {
        for i in 0..<keyCount {
            let order: Int
            switch specs[i].type {
            case .text, .list:
                let (a, b) = (text[i], other.text[i])
                let common = min(a.count, b.count)
                let bytes = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
                order = bytes != 0 ? bytes : a.count - b.count
            case .integer, .bool:
                order = number[i] < other.number[i] ? -1 : number[i] > other.number[i] ? 1 : 0
            }
            if order != 0 { return order }
        }
        return 0
    }

    /// Whether the current row stores the same value as `other`'s in each of `fields`.
    /// Equal stored values make equal fields; unequal ones may still (the Differ decides).
    func storesSameValues(as other: RowReader, in fields: [Int]) -> Bool {
        for i in fields {
            guard isNull[i] == other.isNull[i] else { return false }
            if isNull[i] { continue }
            switch specs[i].type {
            case .text, .list:
                let (a, b) = (text[i], other.text[i])
                guard a.count == b.count, a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 else {
                    return false
                }
            case .integer, .bool:
                guard number[i] == other.number[i] else { return false }
            }
        }
        return true
    }

    /// A reader of the same fields for rows this one copies into `RowBatch`es (`load`).
    func batchReader() -> RowReader { RowReader(nil, specs, storedFields: storedFields) }

    /// The bytes of text in the fetched row.
    var textBytes: Int {
        var size = 0
        for i in 0..<specs.count where !isNull[i] { size += text[i].count }
        return size
    }

    /// Copies the fetched row into `batch`; false, copying nothing, when it does not fit.
    func copyValues(into batch: RowBatch) -> Bool {
        batch.append(isNull: isNull, number: number, text: text, textBytes: textBytes)
    }

    /// Makes row `row` of `batch` the current one (of a batch reader); its text stays valid
    /// while `batch` does.
    func load(_ batch: RowBatch, row: Int) { batch.load(row, isNull: isNull, number: number, text: text) }

    /// The current row as a `T`; throws `damaged` (naming `path`) for a list that is not one.
    func object<T: CatalogObject>(_: T.Type, path: String) throws -> T {
        let object = T(fieldValues: self)
        if let column = malformedList {
            throw StoreError.damaged(
                path, reason: "\(T.kind.tableName).\(T.fieldSpecs[column].name) holds a value that is not a JSON array of strings"
            )
        }
        return object
    }

    private func columnText(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        sqlite3_column_text(handle, column).map {
            UnsafeBufferPointer(start: $0, count: Int(sqlite3_column_bytes(handle, column)))
        } ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    /// Field `i`'s stored text as it is in SQLite's buffer (empty when NULL), valid until the
    /// next step.
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> { isNull[i] ? UnsafeBufferPointer(start: nil, count: 0) : text[i] }

    func optionalText(_ i: Int) -> String? {
        guard !isNull[i] else { return nil }
        let text = text[i]
        guard text.count > 15 else { return String(decoding: text, as: UTF8.self) }
        let reused = previousText[i].utf8.withContiguousStorageIfAvailable { previous in
            previous.count == text.count && memcmp(previous.baseAddress!, text.baseAddress!, text.count) == 0
        }
        if reused != true { previousText[i] = String(decoding: text, as: UTF8.self) }
        return previousText[i]
    }

    func optionalBool(_ i: Int) -> Bool? { isNull[i] ? nil : number[i] != 0 }

    func integer(_ i: Int) -> Int64 { isNull[i] ? 0 : number[i] }

    func optionalList(_ i: Int) -> [String]? {
        guard !isNull[i] else { return nil }
        guard let list = JSONStringArray.parse(text[i]) else {
            malformedList = i
            return nil
        }
        return list
    }
}

/// Rows of one table copied out of SQLite's buffers, so that a thread other than the one
/// stepping the statement can read them: per row, each field (indexed like `fieldSpecs`) as
/// NULL, a number or text kept in one byte buffer. Raw buffers, as in `RowReader`: every
/// value goes through them.
final class RowBatch: @unchecked Sendable {
    /// The text bytes one batch holds, unless a single row needs more.
    static let textCapacity = 1 << 18
    /// The rows one batch holds at most.
    static let rowCapacity = 2048

    private let fieldCount: Int
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let isNull: UnsafeMutableBufferPointer<Bool>
    private let number: UnsafeMutableBufferPointer<Int64>
    private let textStart: UnsafeMutableBufferPointer<Int>
    private let textCount: UnsafeMutableBufferPointer<Int>
    /// The rows it holds.
    private(set) var count = 0
    private var used = 0

    /// An empty batch for rows of `fieldCount` fields with room for at least `textBytes`.
    init(fieldCount: Int, textBytes: Int = 0) {
        self.fieldCount = fieldCount
        bytes = .allocate(capacity: max(Self.textCapacity, textBytes))
        let values = fieldCount * Self.rowCapacity
        isNull = .allocate(capacity: values)
        number = .allocate(capacity: values)
        textStart = .allocate(capacity: values)
        textCount = .allocate(capacity: values)
    }

    deinit {
        bytes.deallocate()
        isNull.deallocate()
        number.deallocate()
        textStart.deallocate()
        textCount.deallocate()
    }

    /// Adds a row (`textBytes` of text in all); false, adding nothing, when it does not fit.
    fileprivate func append(
        isNull rowNull: UnsafeMutableBufferPointer<Bool>, number rowNumber: UnsafeMutableBufferPointer<Int64>,
        text rowText: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>, textBytes: Int
    ) -> Bool {
        var end = used
        guard count < Self.rowCapacity, end + textBytes <= bytes.count else { return false }
        var at = count * fieldCount
        for i in 0..<fieldCount {
            let null = rowNull[i]
            isNull[at] = null
            number[at] = rowNumber[i]
            textStart[at] = end
            let text = null ? UnsafeBufferPointer(start: nil, count: 0) : rowText[i]
            textCount[at] = text.count
            if let source = text.baseAddress, text.count > 0 {
                (bytes.baseAddress! + end).initialize(from: source, count: text.count)
                end += text.count
            }
            at += 1
        }
        used = end
        count += 1
        return true
    }

    /// Puts row `row`'s values where a `RowReader` keeps the current row's.
    fileprivate func load(
        _ row: Int, isNull rowNull: UnsafeMutableBufferPointer<Bool>, number rowNumber: UnsafeMutableBufferPointer<Int64>,
        text rowText: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
    ) {
        var at = row * fieldCount
        for i in 0..<fieldCount {
            rowNull[i] = isNull[at]
            rowNumber[i] = number[at]
            rowText[i] = UnsafeBufferPointer(start: bytes.baseAddress! + textStart[at], count: textCount[at])
            at += 1
        }
    }
}
