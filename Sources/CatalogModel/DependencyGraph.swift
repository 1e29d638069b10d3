/// The dependency edges of a catalog turned around: for an object, what reads or references
/// it, directly or through others ("what breaks if I drop or retype this?").
public struct DependencyGraph: Sendable {
    /// An object on one end of an edge: its kind (`ObjectKind.rawValue`) and path.
    public struct Node: Hashable, Sendable, Comparable {
        public var kind: String
        public var path: String

        public init(kind: String, path: String) {
            self.kind = kind
            self.path = path
        }

        public static func < (a: Node, b: Node) -> Bool {
            NaturalKeyOrder.compare([a.kind, a.path], [b.kind, b.path]) < 0
        }
    }

    /// One object that depends on the one asked about, with the objects it depends on
    /// directly on the way there (`via`) and how many edges away it is.
    public struct Dependent: Hashable, Sendable {
        public var node: Node
        public var via: [Node]
        public var distance: Int
    }

    private var referencedBy: [Node: [Node]] = [:]
    private var columnsOf: [String: [Node]] = [:]
    /// A relation's attached objects other than columns (constraints, indexes, policies…).
    private var attachedTo: [String: [Node]] = [:]
    private var relationOfAttached: [Node: String] = [:]

    /// The graph of `catalog.dependencies`, with each relation's columns and attached objects.
    public init(_ catalog: Catalog) {
        for edge in catalog.dependencies {
            referencedBy[Node(kind: edge.referencedKind, path: edge.referenced), default: []]
                .append(Node(kind: edge.dependentKind, path: edge.dependent))
        }
        for column in catalog.columns {
            let node = Node(kind: ObjectKind.column.rawValue, path: column.path)
            columnsOf[qualifiedName(column.schema, column.table), default: []].append(node)
            relationOfAttached[node] = qualifiedName(column.schema, column.table)
        }
        func attach<T: CatalogObject>(_ objects: [T]) {
            for object in objects {
                guard let parent = object.parentRelation else { continue }
                let node = Node(kind: T.kind.rawValue, path: object.path)
                relationOfAttached[node] = parent.description
                attachedTo[parent.description, default: []].append(node)
            }
        }
        attach(catalog.constraints)
        attach(catalog.indexes)
        attach(catalog.policies)
        attach(catalog.triggers)
        attach(catalog.rules)
    }

    /// Everything that depends on `node`, transitively, nearest first, then by kind and path.
    /// A relation stands for its columns and the objects attached to it too, and those
    /// attached objects (its own indexes, constraints, policies, triggers) are not listed:
    /// they go with it. Each dependent is listed once, at its shortest distance.
    public func dependents(of node: Node) -> [Dependent] {
        let isRelation = node.kind == ObjectKind.relation.rawValue
        var start = [node]
        if isRelation { start += columnsOf[node.path] ?? [] }
        if isRelation { start += attachedTo[node.path] ?? [] }
        var seen = Set(start)
        var found: [Node: Dependent] = [:]
        var frontier = start
        var distance = 0
        while !frontier.isEmpty {
            distance += 1
            var next: [Node] = []
            for referenced in frontier {
                for dependent in referencedBy[referenced] ?? [] {
                    if isRelation, relationOfAttached[dependent] == node.path { continue }
                    if found[dependent]?.distance == distance {
                        found[dependent]!.via.append(referenced)
                        continue
                    }
                    guard seen.insert(dependent).inserted else { continue }
                    found[dependent] = Dependent(node: dependent, via: [referenced], distance: distance)
                    next.append(dependent)
                    // What reads a view reads its columns; what a view's columns feed, the view feeds.
                    if dependent.kind == ObjectKind.relation.rawValue {
                        for column in columnsOf[dependent.path] ?? [] where seen.insert(column).inserted {
                            next.append(column)
                        }
                    }
                }
            }
            frontier = next
        }
        return found.values.map { dependent in
            var d = dependent
            d.via.sort()
            return d
        }.sorted { ($0.distance, $0.node) < ($1.distance, $1.node) }
    }

    /// The objects of `catalog` whose path is `path`, as graph nodes (usually one).
    public static func nodes(named path: String, in catalog: Catalog) -> [Node] {
        catalog.records.filter { $0.path == path }.map { Node(kind: $0.kind.rawValue, path: $0.path) }
    }
}
