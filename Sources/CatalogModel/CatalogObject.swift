/// A catalog object that schemasnap captures, stores, prints and diffs.
///
/// Every object is identified by its natural key (schema, table, name…), never by an OID, so
/// two databases built from the same SQL produce equal objects. `fields` declares its fields
/// once: the snapshot file stores one column per field, `show` prints one line per field,
/// `diff` compares them field by field, and the capture maps query columns to them by name.
public protocol CatalogObject: Hashable, Sendable {
    /// The kind of object, which also names its snapshot table.
    static var kind: ObjectKind { get }
    /// Every field, key fields first: the one declaration the rest derives from.
    static var fields: [FieldDeclaration<Self>] { get }
    /// How many of `fields`, from the first, form the natural key.
    static var keyCount: Int { get }
    /// An object with every field empty, for `init(fieldValues:)` to fill in.
    init()
    /// The values of the key fields, in order: the object's identity and sort key.
    var naturalKey: [String] { get }
    /// Negative, zero or positive as this object's natural key sorts before, equal to or after
    /// `other`'s (`NaturalKeyOrder`). Kinds with many objects compare their key fields
    /// directly instead of building `naturalKey` arrays.
    func keyOrder(_ other: Self) -> Int
    /// The schema the object lives in, for kinds that live in one (a schema: itself).
    var schemaName: String? { get }
    /// How a person names the object, with identifiers quoted as PostgreSQL quotes them,
    /// e.g. `public.orders.status` or `public.orders:owner_can_read`.
    var path: String { get }
    /// The key of the relation this object belongs to, for objects that hang off a table.
    var parentRelation: RelationKey? { get }
    /// The snapshot format that first recorded objects like this one (1 for most; a kind
    /// whose capture grew to cover more objects says which): older files do not have them,
    /// so they are not compared with those files.
    var recordedSince: Int { get }
    /// For objects privileges can be granted on: the identity their privileges name
    /// (`Privilege.grantedObjectID`), so a missing object's grants fold into its finding.
    var grantableID: String? { get }
}

extension CatalogObject {
    public var parentRelation: RelationKey? { nil }
    public var recordedSince: Int { 1 }
    public var grantableID: String? { nil }
    public func keyOrder(_ other: Self) -> Int { NaturalKeyOrder.compare(naturalKey, other.naturalKey) }
    public var schemaName: String? { Self.schemaKeyIndex.map { naturalKey[$0] } }
}

/// The identity of a grantable object as both the object and its privileges spell it.
func grantableObjectID(_ family: String, _ schema: String, _ name: String) -> String {
    family + "\u{1F}" + schema + "\u{1F}" + name
}

/// Identifies a relation (table, view…) by schema and name.
public struct RelationKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    public var description: String { qualifiedName(schema, name) }

    /// The relation whose `description` (its path, `schema.name` as `qualifiedName` writes
    /// it) is `path`; nil for text no relation key is written as.
    public init?(path: String) {
        var parts: [String] = []
        var rest = Substring(path)
        while parts.count < 2, !rest.isEmpty {
            var part = ""
            if rest.first == "\"" {
                // Quoted: up to the lone closing quote, doubled quotes standing for one.
                rest = rest.dropFirst()
                while let quote = rest.firstIndex(of: "\"") {
                    part += rest[..<quote]
                    rest = rest[rest.index(after: quote)...]
                    guard rest.first == "\"" else { break }
                    part += "\""
                    rest = rest.dropFirst()
                }
            } else {
                let end = rest.firstIndex(of: ".") ?? rest.endIndex
                part = String(rest[..<end])
                rest = rest[end...]
            }
            parts.append(part)
            if parts.count == 1 {
                guard rest.first == "." else { return nil }
                rest = rest.dropFirst()
            }
        }
        guard parts.count == 2, rest.isEmpty, qualifiedName(parts[0], parts[1]) == path else { return nil }
        self.init(schema: parts[0], name: parts[1])
    }

    public static func < (lhs: RelationKey, rhs: RelationKey) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }
}
