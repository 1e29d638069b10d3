import CatalogModel
import Differ

/// What `diff --sql` generates and how.
public struct GeneratorOptions: Sendable {
    /// Write statements that can lose data as executable statements instead of comments.
    public var unsafe: Bool
    /// Build indexes on existing tables with `CONCURRENTLY`.
    public var online: Bool
    /// Which objects and attributes take part, as for the drift report.
    public var diff: DiffOptions

    public init(unsafe: Bool = false, online: Bool = false, diff: DiffOptions = DiffOptions()) {
        self.unsafe = unsafe
        self.online = online
        self.diff = diff
    }
}

/// Generates the DDL that turns the target's schema into the source's, from the two catalogs
/// alone: the differ says what differs, the source says what it should become. Both catalogs
/// are in canonical order, as captures and snapshots are (`Catalog.sorted()` otherwise).
public enum SQLGenerator {
    /// The script that turns `target`'s schema into `source`'s, in execution order, with what
    /// is held back and what cannot be expressed. Both catalogs must be in canonical order.
    public static func generate(source: Catalog, target: Catalog, options: GeneratorOptions = GeneratorOptions())
        -> GeneratedScript
    {
        let changes = Differ.diff(source: source, target: target, options: options.diff)
        var builder = ScriptBuilder(
            source: CatalogIndex(source), target: CatalogIndex(target), changes: ChangeIndex(changes), online: options.online)
        builder.build()
        return GeneratedScript(
            statements: builder.orderedStatements(), notes: builder.notes, placeholders: builder.placeholders,
            unsafe: options.unsafe,
            commitsAfterEnumLabels: builder.commitsAfterEnumLabels)
    }
}

/// A catalog in canonical order, searched by natural key (binary search, no hashing).
struct CatalogIndex {
    let catalog: Catalog

    /// `catalog` must be in canonical order, as captures and snapshots are.
    init(_ catalog: Catalog) {
        assert(catalog == catalog.sorted(), "SQLGenerator expects catalogs in canonical order")
        self.catalog = catalog
    }

    /// The object with natural key `key`.
    func find<T: CatalogObject>(_ path: KeyPath<Catalog, [T]>, _ key: [String]) -> T? {
        let objects = catalog[keyPath: path]
        let i = lowerBound(objects, key)
        return i < objects.count && objects[i].naturalKey == key ? objects[i] : nil
    }

    /// The objects whose natural key starts with `prefix`, in key order.
    func all<T: CatalogObject>(_ path: KeyPath<Catalog, [T]>, prefix: [String]) -> ArraySlice<T> {
        let objects = catalog[keyPath: path]
        let start = lowerBound(objects, prefix)
        var end = start
        while end < objects.count && objects[end].naturalKey.starts(with: prefix) { end += 1 }
        return objects[start..<end]
    }

    func relation(_ key: RelationKey) -> Relation? { find(\.relations, [key.schema, key.name]) }

    private func lowerBound<T: CatalogObject>(_ objects: [T], _ key: [String]) -> Int {
        var low = 0
        var high = objects.count
        while low < high {
            let mid = (low + high) / 2
            if NaturalKeyOrder.compare(objects[mid].naturalKey, key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The differ's findings by object kind: what is missing in the target, what only the target
/// has, and which attributes of which objects differ.
struct ChangeIndex {
    var missing: [ObjectKind: [[String]]] = [:]
    var extra: [ObjectKind: [[String]]] = [:]
    var changed: [ObjectKind: [(key: [String], attributes: Set<String>)]] = [:]

    init(_ changes: [Change]) {
        for change in changes {
            switch change.kind {
            case .missingInTarget: missing[change.objectKind, default: []].append(change.key)
            case .onlyInTarget: extra[change.objectKind, default: []].append(change.key)
            case .changed:
                let attribute = change.attribute ?? ""
                if let last = changed[change.objectKind]?.last, last.key == change.key {
                    changed[change.objectKind]![changed[change.objectKind]!.count - 1].attributes.insert(attribute)
                } else {
                    changed[change.objectKind, default: []].append((change.key, [attribute]))
                }
            }
        }
    }
}
