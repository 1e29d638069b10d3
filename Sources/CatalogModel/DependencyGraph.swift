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
    /// The catalog's columns, made into nodes only when asked for.
    private let columns: [Column]
    /// Per relation: the positions of its columns in `columns`, and its attached
    /// objects other than columns (constraints, indexes, policies…) as the kind's place in
    /// `attachedKinds` and the object's position in its array.
    private var columnsOf: [RelationKey: [Int]] = [:]
    private var attachedTo: [RelationKey: [(kind: Int, position: Int)]] = [:]
    /// Each kind attached to relations: its name and the path of its object at a position.
    private var attachedKinds: [(kind: ObjectKind, path: @Sendable (Int) -> String)] = []
    /// Each relation with columns or attached objects, by path.
    private var relationAt: [String: RelationKey] = [:]

    /// The graph of `catalog.dependencies`, with each relation's columns and attached objects.
    public init(_ catalog: Catalog) {
        columns = catalog.columns
        for edge in catalog.dependencies {
            referencedBy[Node(kind: edge.referencedKind, path: edge.referenced), default: []]
                .append(Node(kind: edge.dependentKind, path: edge.dependent))
        }
        for (i, column) in catalog.columns.enumerated() {
            columnsOf[RelationKey(schema: column.schema, name: column.table), default: []].append(i)
        }
        func attach<T: CatalogObject>(_ objects: [T]) {
            let kind = attachedKinds.count
            attachedKinds.append((T.kind, { objects[$0].path }))
            for (i, object) in objects.enumerated() {
                guard let parent = object.parentRelation else { continue }
                attachedTo[parent, default: []].append((kind, i))
            }
        }
        attach(catalog.constraints)
        attach(catalog.indexes)
        attach(catalog.policies)
        attach(catalog.triggers)
        attach(catalog.rules)
        for key in columnsOf.keys { relationAt[key.description] = key }
        for key in attachedTo.keys { relationAt[key.description] = key }
    }

    /// The column nodes of the relation at `path`.
    private func columns(ofRelationAt path: String) -> [Node] {
        guard let key = relationAt[path] else { return [] }
        return (columnsOf[key] ?? []).map { Node(kind: ObjectKind.column.rawValue, path: columns[$0].path) }
    }

    /// The nodes of the objects other than columns attached to the relation at `path`.
    private func attached(toRelationAt path: String) -> [Node] {
        guard let key = relationAt[path] else { return [] }
        return (attachedTo[key] ?? []).map { kind, position in
            let attached = attachedKinds[kind]
            return Node(kind: attached.kind.rawValue, path: attached.path(position))
        }
    }

    /// Everything that depends on `node`, transitively, nearest first, then by kind and path.
    /// A relation stands for its columns and the objects attached to it too, and those
    /// attached objects (its own indexes, constraints, policies, triggers) are not listed:
    /// they go with it. Each dependent is listed once, at its shortest distance.
    public func dependents(of node: Node) -> [Dependent] {
        let isRelation = node.kind == ObjectKind.relation.rawValue
        let own = isRelation ? columns(ofRelationAt: node.path) + attached(toRelationAt: node.path) : []
        let ownSet = Set(own)
        let start = [node] + own
        var seen = Set(start)
        var found: [Node: Dependent] = [:]
        var frontier = start
        var distance = 0
        while !frontier.isEmpty {
            distance += 1
            var next: [Node] = []
            for referenced in frontier {
                for dependent in referencedBy[referenced] ?? [] {
                    if ownSet.contains(dependent) { continue }
                    if found[dependent]?.distance == distance {
                        found[dependent]!.via.append(referenced)
                        continue
                    }
                    guard seen.insert(dependent).inserted else { continue }
                    found[dependent] = Dependent(node: dependent, via: [referenced], distance: distance)
                    next.append(dependent)
                    // What reads a view reads its columns; what a view's columns feed, the view feeds.
                    if dependent.kind == ObjectKind.relation.rawValue {
                        for column in columns(ofRelationAt: dependent.path) where seen.insert(column).inserted {
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
