/// One edge of PostgreSQL's dependency graph between two captured objects (`pg_depend`), by
/// natural names, never OIDs: `view public.v` reads `column public.t.x`, `trigger
/// public.t:audit` calls `function public.audit()`, a foreign key references a unique index.
///
/// Each end is an object kind (`ObjectKind.rawValue`) and that object's `path`, so an edge
/// names exactly the objects `show` prints. Edges that only restate structure (an object
/// attached to its own table, anything in its own schema) are not recorded.
public struct Dependency: CatalogObject {
    public static let kind = ObjectKind.dependency
    public static let keyCount = 4
    public static let fields: [FieldDeclaration<Dependency>] = [
        .init("dependent_kind", \.dependentKind, since: 2),
        .init("dependent", \.dependent, since: 2),
        .init("referenced_kind", \.referencedKind, since: 2),
        .init("referenced", \.referenced, since: 2),
        .init("dependency_type", \.dependencyType, since: 2),
    ]

    public init() {}

    /// The kind of the object that depends, e.g. `relation` for a view.
    public var dependentKind: String = ""
    /// Its path, e.g. `public.active_users`.
    public var dependent: String = ""
    public var referencedKind: String = ""
    public var referenced: String = ""
    /// `normal` (dropping the referenced object needs CASCADE), `automatic` (it goes with
    /// the referenced object) or `partition` (a partition's index goes with its parent's).
    public var dependencyType: String = ""

    public init(
        dependentKind: String, dependent: String, referencedKind: String, referenced: String, dependencyType: String
    ) {
        self.dependentKind = dependentKind
        self.dependent = dependent
        self.referencedKind = referencedKind
        self.referenced = referenced
        self.dependencyType = dependencyType
    }

    /// The path of an edge's end as the object of that kind prints it: `schema.name` for a
    /// relation, sequence, type or collation; `schema.table.column`; `schema.table:name` for an
    /// object attached to a table (`member` is the table); `schema.name(arguments)` for a
    /// function (`member` holds the arguments); the bare name for a schema or extension.
    public static func endPath(kind: String, schema: String, member: String, name: String) -> String {
        switch kind {
        case "column": qualifiedName(schema, member) + "." + quoteIdentifier(name)
        case "constraint", "index", "policy", "trigger", "rule": qualifiedName(schema, member) + ":" + quoteIdentifier(name)
        case "function": qualifiedName(schema, name) + "(" + member + ")"
        case "schema", "extension": quoteIdentifier(name)
        default: qualifiedName(schema, name)
        }
    }

    /// `edges` in canonical order with each edge once: where two catalog entries make the same
    /// edge, the strongest type stays (`normal`, then `automatic`, then `partition`).
    public static func merged(_ edges: [Dependency]) -> [Dependency] {
        func strength(_ type: String) -> Int { type == "normal" ? 2 : type == "automatic" ? 1 : 0 }
        var out: [Dependency] = []
        out.reserveCapacity(edges.count)
        for edge in edges {
            if let last = out.last, last.keyOrder(edge) == 0 {
                if strength(edge.dependencyType) > strength(last.dependencyType) { out[out.count - 1] = edge }
            } else {
                out.append(edge)
            }
        }
        return out
    }

    public var path: String { dependentKind + " " + dependent + " → " + referencedKind + " " + referenced }
    public var naturalKey: [String] { [dependentKind, dependent, referencedKind, referenced] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(dependentKind, other.dependentKind).nonZero
            ?? NaturalKeyOrder.compare(dependent, other.dependent).nonZero
            ?? NaturalKeyOrder.compare(referencedKind, other.referencedKind).nonZero
            ?? NaturalKeyOrder.compare(referenced, other.referenced)
    }
    public var schemaName: String? { nil }
}
