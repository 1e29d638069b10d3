import CatalogModel
import Foundation

/// What a `FileWalk` hands over for one kind, in `Catalog.visitKinds` order.
enum WalkedTable {
    /// The next rows of a per-relation kind's table.
    case rows(RowBatch)
    /// The per-relation kind's table has no more rows.
    case endOfRows
    /// Every object of another kind (`[T]`).
    case objects(Any)
    /// The dependency edges were checked (and filed, if asked).
    case edges(EdgeIndex)
    /// Reading the file failed; nothing follows.
    case failed(any Error)
}

/// One snapshot file read start to end on a thread of its own, every row fed to the file's
/// checksum in storage order, what was read handed over table by table to the thread that
/// compares the two files: rows of the per-relation kinds in batches, objects of the other
/// kinds whole, the dependency edges checked and, for the target, filed in an `EdgeIndex`.
///
/// The statements (`streams`, one per kind in visit order, nil for a table the file lacks) are
/// prepared by the caller on the database's own queue; the walk only steps them.
final class FileWalk: CatalogKindVisitor, @unchecked Sendable {
    let output = Handover<WalkedTable>(capacity: 8)
    private let side: SnapshotFile.Side
    private let streams: [Any?]
    private let filesEdges: Bool
    private var position = 0
    private var stopped = false

    init(_ side: SnapshotFile.Side, streams: [Any?], filesEdges: Bool) {
        self.side = side
        self.streams = streams
        self.filesEdges = filesEdges
    }

    /// Walks the file; returns when done, when it failed, or when the reader closed `output`.
    func run() {
        var walk = self
        Catalog.visitKinds(&walk)
    }

    func visit<T: CatalogObject>(_: WritableKeyPath<Catalog, [T]>) {
        defer { position += 1 }
        guard !stopped, let rows = streams[position] as? RowStream<T> else { return }
        side.checksum.beginTable(T.kind.tableName)
        do {
            if SnapshotFile.isPerRelation(T.kind) {
                try handOverRows(rows)
            } else if T.kind == .dependency {
                var index = EdgeIndex()
                let (referenced, dependent) = (Self.referencedField, Self.dependentField)
                while try rows.step() {
                    rows.reader.fetchValues(feeding: &side.checksum)
                    if filesEdges {
                        index.add(referenced: rows.reader.bytes(referenced), dependent: rows.reader.bytes(dependent))
                    }
                }
                put(.edges(index))
            } else {
                put(.objects(try rows.objects(feeding: &side.checksum)))
            }
        } catch {
            put(.failed(error))
            stopped = true
        }
    }

    private func handOverRows<T>(_ rows: RowStream<T>) throws {
        var batch = RowBatch(fieldCount: T.fieldSpecs.count)
        while try rows.step() {
            rows.reader.fetchValues(feeding: &side.checksum)
            if !rows.reader.copyValues(into: batch) {
                guard put(.rows(batch)) else { return }
                batch = RowBatch(fieldCount: T.fieldSpecs.count, textBytes: rows.reader.textBytes)
                _ = rows.reader.copyValues(into: batch)
            }
        }
        if batch.count > 0, !put(.rows(batch)) { return }
        put(.endOfRows)
    }

    /// Hands `table` over; false (and the walk stops) once the reader has closed `output`.
    @discardableResult
    private func put(_ table: WalkedTable) -> Bool {
        if !output.put(table) { stopped = true }
        return !stopped
    }

    /// The positions of an edge's referenced and dependent paths among `Dependency.fieldSpecs`.
    private static let referencedField = Dependency.fieldSpecs.firstIndex { $0.name == "referenced" }!
    private static let dependentField = Dependency.fieldSpecs.firstIndex { $0.name == "dependent" }!
}

/// The per-relation rows a `FileWalk` hands over for one kind, stepped one at a time like a
/// `RowStream`, the current row in `reader`.
final class WalkedRows<T: CatalogObject> {
    let reader: RowReader
    private let walk: FileWalk
    private let path: String
    private var batch: RowBatch?
    private var row = 0

    /// Nil when the file has no table for the kind (`stream` is nil).
    init?(_ walk: FileWalk, stream: RowStream<T>?, path: String) {
        guard let stream else { return nil }
        reader = stream.reader.batchReader()
        self.walk = walk
        self.path = path
    }

    /// The fields, by index in `T.fieldSpecs`, the file has a column for.
    var storedSpecs: Set<Int> { reader.storedSpecs }

    /// Moves to the next row; false after the last. Throws what the walk failed with.
    func step() throws -> Bool {
        row += 1
        while batch == nil || row >= batch!.count {
            switch walk.output.take() {
            case .rows(let next):
                batch = next
                row = 0
            case .endOfRows:
                return false
            case .failed(let error):
                throw error
            case .objects, .edges:
                preconditionFailure("a walk hands over a per-relation table's rows and its end, nothing else")
            }
        }
        reader.load(batch!, row: row)
        return true
    }

    /// The current row as an object.
    func object() throws -> T { try reader.object(T.self, path: path) }
}

/// Prepares, on the database's queue, the statement of every kind's table of a file in
/// `Catalog.visitKinds` order, for a `FileWalk`.
struct WalkStatements: CatalogKindVisitor {
    let side: SnapshotFile.Side
    var streams: [Any?] = []
    var error: (any Error)?

    init(_ side: SnapshotFile.Side) { self.side = side }

    mutating func visit<T: CatalogObject>(_: WritableKeyPath<Catalog, [T]>) {
        guard error == nil else { return }
        do { streams.append(try side.rows(T.self)) } catch { self.error = error }
    }
}

/// A bounded first-in, first-out hand-over from one thread to another.
final class Handover<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room and adds `element`; false, dropping it, once the reader has closed.
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        queue.append(element)
        condition.broadcast()
        return true
    }

    /// Waits for the next element and takes it.
    func take() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// Tells the writer to stop: what it puts from now on is dropped.
    func close() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
