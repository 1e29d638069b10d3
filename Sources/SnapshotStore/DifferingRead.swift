import CatalogModel
import Foundation
import GRDB

/// Two snapshots read for a comparison, each holding only what the comparison needs.
public struct SnapshotPair: Sendable {
    public var source: Snapshot
    public var target: Snapshot

    public init(source: Snapshot, target: Snapshot) {
        self.source = source
        self.target = target
    }
}

extension SnapshotFile {
    /// The kinds read row against row in both files, keeping only what differs and the
    /// relations it belongs to: the ones with rows per table.
    private static let perRelationKinds: Set<ObjectKind> = [
        .relation, .column, .constraint, .index, .policy, .trigger, .rule, .privilege,
    ]

    /// Reads the snapshots at `source` and `target` for a diff, in memory proportional to what
    /// differs: the tables of the per-relation kinds (relations, columns, constraints,
    /// indexes, policies, triggers, rules, privileges) are walked in key order in both files
    /// at once, their stored values compared as they stream, and only rows that differ
    /// become objects. Each catalog then holds:
    /// - every object of the other kinds (schemas, types, functions, platform configuration…);
    /// - every object of the per-relation kinds about a relation with a differing row on
    ///   either side, about a relation `target`'s dependency edges reach from those, or in
    ///   one of `wholeSchemas` — on both sides, so a table's lints and diagram see all of it;
    /// - of `target`'s dependency edges, those reached from there (none of `source`'s).
    /// A diff, its advisories and its diagram over these catalogs are those over the whole
    /// files. Both files are checked whole against their content checksums, as `read` does.
    /// Throws `StoreError` as `read` does.
    public static func readDiffering(source: String, target: String, wholeSchemas: Set<String>) throws -> SnapshotPair {
        try withSnapshotDatabase(source) { sourceDB in
            try withSnapshotDatabase(target) { targetDB in
                var reading = try DifferingRead(
                    source: try Side(sourceDB, path: source), target: try Side(targetDB, path: target))
                try reading.run()
                try reading.source.verify()
                try reading.target.verify()
                try reading.followDependents()
                reading.touched.formUnion(try reading.source.relations(in: wholeSchemas))
                reading.touched.formUnion(try reading.target.relations(in: wholeSchemas))
                var context = ContextRead(
                    source: reading.source, target: reading.target, touched: reading.touched)
                Catalog.visitKinds(&context)
                if let error = context.error { throw error }
                return SnapshotPair(source: context.source.snapshot, target: context.target.snapshot)
            }
        }
    }

    /// One file of the pair, with what has been read of it.
    final class Side {
        let db: Database
        let path: String
        let meta: SnapshotMeta
        var catalog = Catalog()
        var checksum = ContentChecksum()

        init(_ db: Database, path: String) throws {
            self.db = db
            self.path = path
            meta = try readMeta(db, path: path)
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == meta.formatVersion else {
                throw StoreError.damaged(path, reason: "its format version and its meta table disagree")
            }
            catalog.uncovered = meta.notCompared
            if meta.formatVersion < formatVersion { catalog.unrecorded.formatVersion = meta.formatVersion }
        }

        var snapshot: Snapshot { Snapshot(meta: meta, catalog: catalog, path: path) }

        /// The rows of `T`'s table (of the `relations` a JSON array names, if given).
        func rows<T: CatalogObject>(_: T.Type, relations: String? = nil) throws -> RowStream<T>? {
            var unrecorded = catalog.unrecorded
            defer { catalog.unrecorded = unrecorded }
            return try RowStream<T>(db, path, version: meta.formatVersion, &unrecorded, relations: relations)
        }

        /// Throws `damaged` unless every row read matches the file's content checksum.
        func verify() throws {
            let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'content_checksum'")
            guard let stored else {
                // Written before the checksum: the fingerprint of the whole catalog proves it.
                guard Fingerprint.of(try read(path).catalog) == meta.fingerprint else {
                    throw StoreError.damaged(path, reason: "its objects do not match its checksum")
                }
                return
            }
            guard stored == checksum.finalize() else {
                throw StoreError.damaged(path, reason: "its objects do not match its checksum")
            }
        }

        /// The relations whose path (`schema.name`) is one of `paths`.
        func relationKeys(named paths: Set<String>) throws -> [RelationKey] {
            let keys = paths.compactMap(RelationKey.init(path:))
            guard !keys.isEmpty, let rows = try rows(Relation.self, relations: SnapshotFile.relationsJSON(keys)) else {
                return []
            }
            return try rows.objects().map(\.key)
        }

        /// The relations in `schemas`.
        func relations(in schemas: Set<String>) throws -> Set<RelationKey> {
            guard !schemas.isEmpty else { return [] }
            let rows = try Row.fetchAll(
                db, sql: "SELECT schema, name FROM relations WHERE schema IN (SELECT value FROM json_each(?))",
                arguments: [SnapshotFile.jsonArray(schemas.sorted())])
            return Set(rows.map { RelationKey(schema: $0[0], name: $0[1]) })
        }
    }
}

/// The first pass: every table of both files in key order, each file walked on a thread of
/// its own (`FileWalk`), compared here as the walks hand their tables over: kept whole for the
/// kinds that are not per relation, row against row for the others.
private struct DifferingRead: CatalogKindVisitor {
    let source: SnapshotFile.Side
    let target: SnapshotFile.Side
    private let walks: (FileWalk, FileWalk)
    private let streams: ([Any?], [Any?])
    private var position = 0
    /// Relations with a differing row on either side.
    var touched: Set<RelationKey> = []
    /// `target`'s edges, filed while they were checked.
    var targetEdges = EdgeIndex()
    var error: (any Error)?

    /// Prepares both files' statements (on their databases' queues, where this runs).
    init(source: SnapshotFile.Side, target: SnapshotFile.Side) throws {
        self.source = source
        self.target = target
        var statements = (WalkStatements(source), WalkStatements(target))
        Catalog.visitKinds(&statements.0)
        Catalog.visitKinds(&statements.1)
        if let error = statements.0.error ?? statements.1.error { throw error }
        streams = (statements.0.streams, statements.1.streams)
        walks = (
            FileWalk(source, streams: streams.0, filesEdges: false), FileWalk(target, streams: streams.1, filesEdges: true)
        )
    }

    /// Walks both files and compares them; returns when both walks are done.
    mutating func run() throws {
        let done = DispatchGroup()
        for walk in [walks.0, walks.1] { DispatchQueue.global().async(group: done) { walk.run() } }
        Catalog.visitKinds(&self)
        if error != nil {
            walks.0.output.close()
            walks.1.output.close()
        }
        done.wait()
        if let error { throw error }
    }

    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
        defer { position += 1 }
        guard error == nil else { return }
        do {
            if SnapshotFile.isPerRelation(T.kind) {
                try merge(T.self, path)
            } else {
                for (side, walk, stream) in [(source, walks.0, streams.0[position]), (target, walks.1, streams.1[position])]
                where stream != nil {
                    switch walk.output.take() {
                    case .objects(let objects): side.catalog[keyPath: path] = objects as! [T]
                    // Checked here, followed later from what differs.
                    case .edges(let index): if side === target { targetEdges = index }
                    case .failed(let error): throw error
                    case .rows, .endOfRows: preconditionFailure("a walk hands over \(T.kind)'s objects, not rows")
                    }
                }
            }
        } catch {
            self.error = error
        }
    }

    /// Adds to `touched` the relations `target`'s dependency edges lead to from the touched
    /// relations (and their columns and attached objects), transitively, and keeps those edges
    /// in `target`'s catalog: the part of the graph `Differ` follows to name a changed
    /// object's dependents. The edges the hashes of `targetEdges` reach are read again and the
    /// search is made exact over them.
    mutating func followDependents() throws {
        typealias Node = DependencyGraph.Node
        var reachedRelations = Set(touched.map { qualifiedName($0.schema, $0.name) })
        let taken = targetEdges.reach(from: reachedRelations)
        guard let lastTaken = taken.lastIndex(of: true), let rows = try target.rows(Dependency.self) else { return }
        var candidates: [Dependency] = []
        var position = 0
        var unused = ContentChecksum()
        while position <= lastTaken, try rows.step() {
            if taken[position] {
                rows.reader.fetchValues(feeding: &unused)
                candidates.append(try rows.object())
            }
            position += 1
        }
        var frontierRelations = reachedRelations
        var reachedNodes = Set<Node>()
        var frontierNodes = Set<Node>()
        var edges = Set<Dependency>()
        while !frontierRelations.isEmpty || !frontierNodes.isEmpty {
            var nextNodes = Set<Node>()
            var nextRelations = Set<String>()
            for edge in candidates {
                guard
                    Self.isOnRelation(edge.referenced, frontierRelations)
                        || frontierNodes.contains(Node(kind: edge.referencedKind, path: edge.referenced))
                else { continue }
                edges.insert(edge)
                let dependent = Node(kind: edge.dependentKind, path: edge.dependent)
                if reachedNodes.insert(dependent).inserted { nextNodes.insert(dependent) }
                if edge.dependentKind == ObjectKind.relation.rawValue, reachedRelations.insert(edge.dependent).inserted {
                    nextRelations.insert(edge.dependent)
                }
            }
            frontierNodes = nextNodes
            frontierRelations = nextRelations
        }
        target.catalog.dependencies = Catalog.canonical(Array(edges))
        for relation in try target.relationKeys(named: reachedRelations) { touched.insert(relation) }
    }

    /// Whether `path` is one of `relations` or an object on one (`relation.name`).
    private static func isOnRelation(_ path: String, _ relations: Set<String>) -> Bool {
        if relations.contains(path) { return true }
        let utf8 = path.utf8
        var index = utf8.startIndex
        while let dot = utf8[index...].firstIndex(of: UInt8(ascii: ".")) {
            if relations.contains(String(path[..<dot])) { return true }
            index = utf8.index(after: dot)
        }
        return false
    }

    /// Both files' rows of `T` in key order, one merge pass: a row only one side has, or
    /// whose stored values differ from the other side's, becomes an object.
    private mutating func merge<T: CatalogObject>(_: T.Type, _ path: WritableKeyPath<Catalog, [T]>) throws {
        let a = WalkedRows(walks.0, stream: streams.0[position] as? RowStream<T>, path: source.path)
        let b = WalkedRows(walks.1, stream: streams.1[position] as? RowStream<T>, path: target.path)
        // Fields both files store: a field one of them did not record is never a difference.
        let compared = Array(
            (T.keyCount..<T.fieldSpecs.count).filter {
                (a?.storedSpecs.contains($0) ?? true) && (b?.storedSpecs.contains($0) ?? true)
            })
        var kept: ([T], [T]) = ([], [])
        var hasA = try a?.step() ?? false
        var hasB = try b?.step() ?? false
        while hasA || hasB {
            let order = !hasA ? 1 : !hasB ? -1 : a!.reader.keyOrder(b!.reader, keyCount: T.keyCount)
            if order <= 0 && (order < 0 || !a!.reader.storesSameValues(as: b!.reader, in: compared)) {
                kept.0.append(try a!.object())
            }
            if order >= 0 && (order > 0 || !a!.reader.storesSameValues(as: b!.reader, in: compared)) {
                kept.1.append(try b!.object())
            }
            if order <= 0 {
                hasA = try a!.step()
            }
            if order >= 0 {
                hasB = try b!.step()
            }
        }
        for object in kept.0 + kept.1 { if let relation = SnapshotFile.relation(of: object) { touched.insert(relation) } }
        source.catalog[keyPath: path] = kept.0
        target.catalog[keyPath: path] = kept.1
    }
}

/// The second pass: for each per-relation kind, everything about the touched relations, on
/// both sides, beside what the first pass kept about other objects (privileges on functions,
/// types, schemas).
private struct ContextRead: CatalogKindVisitor {
    let source: SnapshotFile.Side
    let target: SnapshotFile.Side
    let touched: Set<RelationKey>
    var error: (any Error)?

    init(source: SnapshotFile.Side, target: SnapshotFile.Side, touched: Set<RelationKey>) {
        self.source = source
        self.target = target
        self.touched = touched
    }

    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
        guard error == nil, SnapshotFile.isPerRelation(T.kind) else { return }
        do {
            let names = SnapshotFile.relationsJSON(touched)
            for side in [source, target] {
                let others = side.catalog[keyPath: path].filter { object in
                    SnapshotFile.relation(of: object).map { !touched.contains($0) } ?? true
                }
                let rows = touched.isEmpty ? nil : try side.rows(T.self, relations: names)
                let context = try rows?.objects() ?? []
                side.catalog[keyPath: path] = Catalog.canonical(others + context)
            }
        } catch {
            self.error = error
        }
    }

}

extension SnapshotFile {
    /// The `object_type`s of privileges granted on a relation or one of its columns.
    private static let privilegeOnRelation: Set<String> = [
        "table", "view", "materialized view", "foreign table", "sequence", "column",
    ]

    static func isPerRelation(_ kind: ObjectKind) -> Bool { perRelationKinds.contains(kind) }

    /// `relations` as the JSON array `RowStream` filters by: `[[schema, name], …]`, sorted.
    static func relationsJSON(_ relations: some Swift.Sequence<RelationKey>) -> String {
        "[" + relations.sorted().map { jsonArray([$0.schema, $0.name]) }.joined(separator: ",") + "]"
    }

    /// The relation an object of a per-relation kind is about: a relation itself, what a
    /// column, constraint, index, policy, trigger or rule hangs off, what a privilege on a
    /// relation or its column is granted on; nil for other objects.
    fileprivate static func relation<T: CatalogObject>(of object: T) -> RelationKey? {
        if let relation = object as? Relation { return relation.key }
        if let privilege = object as? Privilege {
            return privilegeOnRelation.contains(privilege.objectType)
                ? RelationKey(schema: privilege.schema, name: privilege.name) : nil
        }
        return object.parentRelation
    }
}
