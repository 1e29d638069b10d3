/// What a snapshot file did not record: the kinds it has no table for and the fields its
/// tables have no column for, as in a file written by an older format.
///
/// Not recorded is not absent: a field an older build never captured is unknown, not NULL or
/// empty, so `show` leaves it out, the fingerprint does not cover it, and `diff` never reports
/// it as a difference.
public struct Unrecorded: Hashable, Sendable {
    /// Kinds with no table in the file.
    public var kinds: Set<ObjectKind> = []
    /// Fields, by snapshot column name, that a kind's table has no column for.
    public var fields: [ObjectKind: Set<String>] = [:]
    /// The format of the file, when older than this build's: objects first recorded by a
    /// later format (`CatalogObject.recordedSince`) are not in it.
    public var formatVersion: Int?

    public init(kinds: Set<ObjectKind> = [], fields: [ObjectKind: Set<String>] = [:], formatVersion: Int? = nil) {
        self.kinds = kinds
        self.fields = fields.filter { !$0.value.isEmpty }
        self.formatVersion = formatVersion
    }

    /// True when the file recorded everything this build captures.
    public var isEmpty: Bool { kinds.isEmpty && fields.isEmpty && formatVersion == nil }

    /// What either side did not record: what a comparison of the two must leave out.
    public func union(_ other: Unrecorded) -> Unrecorded {
        let versions = [formatVersion, other.formatVersion].compactMap { $0 }
        return Unrecorded(
            kinds: kinds.union(other.kinds), fields: fields.merging(other.fields) { $0.union($1) },
            formatVersion: versions.min())
    }

    /// Whether `object` is of a sort the file recorded.
    public func records<T: CatalogObject>(_ object: T) -> Bool {
        formatVersion.map { object.recordedSince <= $0 } ?? true
    }

    /// Whether `field` of `kind` is recorded (its kind's table and its column exist).
    public func records(_ field: String, of kind: ObjectKind) -> Bool {
        !kinds.contains(kind) && !(fields[kind]?.contains(field) ?? false)
    }

    /// The unrecorded kinds and fields as their snapshot tables and columns name them,
    /// e.g. `["dependencies", "indexes.comment"]`, sorted.
    public var names: [String] {
        (kinds.map(\.tableName) + fields.flatMap { kind, names in names.map { kind.tableName + "." + $0 } }).sorted()
    }
}
