import CatalogModel

/// What the script drops and creates again because something it reads changes under it,
/// found from the target's dependency edges, transitively: views, policies and triggers over
/// a column that changes type or goes away, over a view that is rebuilt or dropped, or calling
/// a routine that is dropped and created again. PostgreSQL refuses the change while they
/// exist; they are created again from the source once it is done.
struct RebuildPlan {
    var views: Set<RelationKey> = []
    var policies: Set<[String]> = []
    var triggers: Set<[String]> = []

    /// The plan for the changes between `source` and `target`: the `roots` are what changes
    /// under its dependents, `rebuiltViews` the views rebuilt for their own changes.
    init(
        roots: [DependencyGraph.Node], rebuiltViews: Set<RelationKey>, target: CatalogIndex, source: CatalogIndex,
        droppedRelations: Set<RelationKey>
    ) {
        views = rebuiltViews
        guard !roots.isEmpty else { return }
        let graph = DependencyGraph(Self.withEdges(target.catalog))
        var viewsByPath: [String: RelationKey] = [:]
        for relation in target.catalog.relations where !relation.isTable { viewsByPath[relation.path] = relation.key }
        var policiesByPath: [String: [String]] = [:]
        for policy in target.catalog.policies { policiesByPath[policy.path] = policy.naturalKey }
        var triggersByPath: [String: [String]] = [:]
        for trigger in target.catalog.triggers { triggersByPath[trigger.path] = trigger.naturalKey }
        for root in roots {
            for dependent in graph.dependents(of: root) {
                let path = dependent.node.path
                switch ObjectKind(rawValue: dependent.node.kind) {
                case .relation:
                    if let view = viewsByPath[path], !droppedRelations.contains(view) { views.insert(view) }
                case .policy:
                    if let key = policiesByPath[path], source.find(\.policies, key) != nil { policies.insert(key) }
                case .trigger:
                    if let key = triggersByPath[path], source.find(\.triggers, key) != nil { triggers.insert(key) }
                default: break
                }
            }
        }
    }

    /// `catalog`, or for a snapshot that did not record its edges (format 1) the edges its
    /// text shows: a view reads every column of each relation its definition names, a policy
    /// the columns of its table its expressions name.
    static func withEdges(_ catalog: Catalog) -> Catalog {
        guard catalog.unrecorded.kinds.contains(.dependency) else { return catalog }
        var derived = catalog
        var columnsOf: [String: [Column]] = [:]
        for column in catalog.columns { columnsOf[qualifiedName(column.schema, column.table), default: []].append(column) }
        func edge(_ kind: ObjectKind, _ path: String, to column: Column) -> Dependency {
            Dependency(
                dependentKind: kind.rawValue, dependent: path, referencedKind: ObjectKind.column.rawValue,
                referenced: column.path, dependencyType: "normal")
        }
        for view in catalog.relations where !view.isTable {
            for name in SQLText.qualifiedNames(in: view.viewDefinition ?? "") {
                derived.dependencies += (columnsOf[name] ?? []).map { edge(.relation, view.path, to: $0) }
            }
        }
        for policy in catalog.policies {
            let expressions = (policy.using ?? "") + " " + (policy.withCheck ?? "")
            derived.dependencies += (columnsOf[qualifiedName(policy.schema, policy.table)] ?? [])
                .filter { SQLText.mentionsWord(expressions, quoteIdentifier($0.name)) }.map { edge(.policy, policy.path, to: $0) }
        }
        return derived
    }
}
