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

    public init(kinds: Set<ObjectKind> = [], fields: [ObjectKind: Set<String>] = [:]) {
        self.kinds = kinds
        self.fields = fields.filter { !$0.value.isEmpty }
    }

    public var isEmpty: Bool { kinds.isEmpty && fields.isEmpty }

    /// What either side did not record: what a comparison of the two must leave out.
    public func union(_ other: Unrecorded) -> Unrecorded {
        Unrecorded(kinds: kinds.union(other.kinds), fields: fields.merging(other.fields) { $0.union($1) })
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
