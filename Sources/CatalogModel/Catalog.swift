import Foundation

/// Everything captured from one database: one array per object kind, plus the counts of
/// objects of kinds schemasnap does not model (reported as "not compared").
///
/// `sorted()` puts every array in canonical order (by natural key), the order in which the
/// snapshot stores rows and `show` prints them.
public struct Catalog: Hashable, Sendable {
    public var schemas: [Schema] = []
    public var extensions: [Extension] = []
    public var collations: [Collation] = []
    public var types: [TypeDefinition] = []
    public var sequences: [Sequence] = []
    public var relations: [Relation] = []
    public var columns: [Column] = []
    public var constraints: [Constraint] = []
    public var indexes: [Index] = []
    public var policies: [Policy] = []
    public var functions: [Function] = []
    public var triggers: [Trigger] = []
    public var rules: [Rule] = []
    public var privileges: [Privilege] = []
    public var defaultPrivileges: [DefaultPrivilege] = []
    public var publications: [Publication] = []
    public var publicationTables: [PublicationTable] = []
    public var eventTriggers: [EventTrigger] = []
    public var foreignDataWrappers: [ForeignDataWrapper] = []
    public var foreignServers: [ForeignServer] = []
    public var userMappings: [UserMapping] = []
    public var roles: [Role] = []
    public var appliedMigrations: [AppliedMigration] = []
    // Platform configuration: rows of the tables pg_cron, Storage, Vault and pg_partman own.
    public var cronJobs: [CronJob] = []
    public var storageBuckets: [StorageBucket] = []
    public var vaultSecrets: [VaultSecret] = []
    public var partitionSets: [PartitionSet] = []
    /// Edges of the dependency graph among the objects above.
    public var dependencies: [Dependency] = []
    /// Objects in user schemas of kinds not modelled, e.g. `["operator": 3, "cast": 1]`.
    public var uncovered: [String: Int] = [:]
    /// What the snapshot this catalog was read from did not record (an older format's file);
    /// empty for a fresh capture.
    public var unrecorded = Unrecorded()

    public init() {}

    /// Calls `visitor.visit` once per object kind, in `ObjectKind` order, with the key path of
    /// that kind's array: the one place that lists every kind, for code that treats all kinds
    /// alike (sorting, canonical text, storage, diff).
    /// Inlinable, so each visitor's `visit` is specialized for every concrete kind.
    @inlinable
    public static func visitKinds<V: CatalogKindVisitor>(_ visitor: inout V) {
        visitor.visit(\Catalog.schemas)
        visitor.visit(\Catalog.extensions)
        visitor.visit(\Catalog.collations)
        visitor.visit(\Catalog.types)
        visitor.visit(\Catalog.sequences)
        visitor.visit(\Catalog.relations)
        visitor.visit(\Catalog.columns)
        visitor.visit(\Catalog.constraints)
        visitor.visit(\Catalog.indexes)
        visitor.visit(\Catalog.policies)
        visitor.visit(\Catalog.functions)
        visitor.visit(\Catalog.triggers)
        visitor.visit(\Catalog.rules)
        visitor.visit(\Catalog.privileges)
        visitor.visit(\Catalog.defaultPrivileges)
        visitor.visit(\Catalog.publications)
        visitor.visit(\Catalog.publicationTables)
        visitor.visit(\Catalog.eventTriggers)
        visitor.visit(\Catalog.foreignDataWrappers)
        visitor.visit(\Catalog.foreignServers)
        visitor.visit(\Catalog.userMappings)
        visitor.visit(\Catalog.roles)
        visitor.visit(\Catalog.appliedMigrations)
        visitor.visit(\Catalog.cronJobs)
        visitor.visit(\Catalog.storageBuckets)
        visitor.visit(\Catalog.vaultSecrets)
        visitor.visit(\Catalog.partitionSets)
        visitor.visit(\Catalog.dependencies)
    }

    /// All objects as records, in canonical order (kind, then natural key).
    public var records: [ObjectRecord] {
        struct Collect: CatalogKindVisitor {
            let catalog: Catalog
            var records: [ObjectRecord] = []
            mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
                records += Catalog.canonical(catalog[keyPath: path]).map(ObjectRecord.init)
            }
        }
        var collect = Collect(catalog: self)
        Catalog.visitKinds(&collect)
        return collect.records
    }

    /// How many objects of each kind the catalog holds.
    public var counts: [ObjectKind: Int] {
        struct Count: CatalogKindVisitor {
            let catalog: Catalog
            var counts: [ObjectKind: Int] = [:]
            mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
                counts[T.kind] = catalog[keyPath: path].count
            }
        }
        var count = Count(catalog: self)
        Catalog.visitKinds(&count)
        return count.counts
    }

    /// The same catalog with every array in canonical order.
    public func sorted() -> Catalog {
        var catalog = self
        catalog.sort()
        return catalog
    }

    /// Puts every array in canonical order in place: an array this catalog alone holds is
    /// sorted where it is, not copied (capture's biggest kinds are read in slices).
    public mutating func sort() {
        struct Sort: CatalogKindVisitor {
            var catalog = Catalog()
            mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
                Catalog.sortCanonically(&catalog[keyPath: path])
            }
        }
        var sort = Sort()
        swap(&sort.catalog, &self)
        Catalog.visitKinds(&sort)
        swap(&sort.catalog, &self)
    }

    /// `objects` sorted by natural key (`NaturalKeyOrder`); returned as is when already sorted
    /// (the usual case).
    @inlinable
    public static func canonical<T: CatalogObject>(_ objects: [T]) -> [T] {
        var objects = objects
        sortCanonically(&objects)
        return objects
    }

    /// Sorts `objects` by natural key in place, unless they are in that order already.
    @inlinable
    public static func sortCanonically<T: CatalogObject>(_ objects: inout [T]) {
        // Through a buffer pointer, elements are borrowed in place, not copied.
        let inOrder = objects.withUnsafeBufferPointer { buffer in
            var i = 1
            while i < buffer.count && buffer[i - 1].keyOrder(buffer[i]) <= 0 { i += 1 }
            return i >= buffer.count
        }
        if !inOrder { objects.sort { $0.keyOrder($1) < 0 } }
    }
}

extension Int {
    /// The value unless it is zero: chains key-field comparisons with `??`.
    public var nonZero: Int? { self == 0 ? nil : self }
}

/// Code that handles every object kind the same way; see `Catalog.visitKinds`.
public protocol CatalogKindVisitor {
    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>)
}

/// The canonical order of natural keys: field by field, each compared by its UTF-8 bytes, which
/// is SQLite's BINARY collation on the snapshot's primary keys, so rows come back from a
/// snapshot in the order they were written, and names that differ only in Unicode
/// normalization stay distinct, as they are to PostgreSQL.
public enum NaturalKeyOrder {
    /// Whether natural key `a` sorts before `b` (component by component, bytes of UTF-8).
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        compare(a, b) < 0
    }

    /// Negative, zero or positive as `a` sorts before, equal to, or after `b`.
    public static func compare(_ a: [String], _ b: [String]) -> Int {
        for (x, y) in zip(a, b) {
            let c = compare(x, y)
            if c != 0 { return c }
        }
        return a.count - b.count
    }

    /// Negative, zero or positive as `x` sorts before, with or after `y` in byte order of
    /// their UTF-8, the order snapshots store rows in.
    public static func compare(_ x: String, _ y: String) -> Int {
        // Native strings lend their bytes in place (no copy, no retain); others are made
        // contiguous first.
        if let order = x.utf8.withContiguousStorageIfAvailable({ p in
            y.utf8.withContiguousStorageIfAvailable { q in compare(p, q) }
        }), let order {
            return order
        }
        var a = x
        var b = y
        return a.withUTF8 { p in b.withUTF8 { q in compare(p, q) } }
    }

    private static func compare(_ p: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(p.count, q.count)
        if n > 0, let pa = p.baseAddress, let qa = q.baseAddress {
            let c = memcmp(pa, qa, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return p.count == q.count ? 0 : (p.count < q.count ? -1 : 1)
    }
}
