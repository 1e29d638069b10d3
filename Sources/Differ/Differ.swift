import CatalogModel
import ParallelWork

/// Compares two catalogs: `source` is the reference (say staging), `target` the one under
/// review (say production).
///
/// Both sides are walked once in canonical key order (a merge join), and equal objects are
/// recognised by comparing their field values, so the work is linear in the number of objects. The result
/// is ordered by object kind, then natural key, then attribute order. Objects inside a
/// relation that is missing on one side, and grants on a missing object, are folded into that
/// object's finding (`Change.contents`) rather than reported one by one.
public enum Differ {
    /// What differs between `source` (the reference) and `target` (under review), in canonical
    /// order, each with its severity. Never reports what either side did not record.
    public static func diff(source: Catalog, target: Catalog, options: DiffOptions = DiffOptions()) -> [Change] {
        let scope = Scope(options: options, source: source, target: target)
        // What one side's snapshot did not record (an older format) is never a difference.
        let unrecorded = source.unrecorded.union(target.unrecorded)
        let sourceContainers = Containers(source, scope)
        let targetContainers = Containers(target, scope)
        let template = KindDiffer(
            source: source, target: target, scope: scope, rules: SeverityRules(criticalSchemas: options.criticalSchemas),
            unrecorded: unrecorded, missingContainers: sourceContainers.subtracting(targetContainers),
            extraContainers: targetContainers.subtracting(sourceContainers))
        // Kinds are independent: diff them side by side, then join the results in kind order.
        var tasks = KindTasks()
        Catalog.visitKinds(&tasks)
        let run = tasks.run
        let parts = concurrentMap(run.count) { i in
            var differ = template
            run[i](&differ)
            return differ
        }
        var combined = template
        for part in parts { combined.append(part) }
        return namingDependents(combined.finish(), in: target)
    }

    /// `changes` with `Change.dependents` filled in from `target`'s dependency graph, for
    /// CRITICAL and WARNING findings on relations and columns the target has.
    private static func namingDependents(_ changes: [Change], in target: Catalog) -> [Change] {
        func qualifies(_ change: Change) -> Bool {
            change.severity >= .warning && change.kind != .missingInTarget
                && (change.objectKind == .relation || change.objectKind == .column)
        }
        guard !target.dependencies.isEmpty, changes.contains(where: qualifies) else { return changes }
        let graph = DependencyGraph(target)
        let relationKinds = Dictionary(target.relations.map { ($0.path, $0.relationKind) }) { a, _ in a }
        var changes = changes
        var memo: [String: [String]] = [:]
        for i in changes.indices where qualifies(changes[i]) {
            let node = DependencyGraph.Node(kind: changes[i].objectKind.rawValue, path: changes[i].path)
            if memo[node.path] == nil {
                memo[node.path] = graph.dependents(of: node).map { dependent in
                    let noun =
                        dependent.node.kind == ObjectKind.relation.rawValue
                        ? relationKinds[dependent.node.path] ?? dependent.node.kind : dependent.node.kind
                    return noun + " " + dependent.node.path
                }
            }
            changes[i].dependents = memo[node.path] ?? []
        }
        return changes
    }
}

/// One closure per object kind, each diffing that kind.
private struct KindTasks: CatalogKindVisitor {
    var run: [@Sendable (inout KindDiffer) -> Void] = []

    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
        nonisolated(unsafe) let path = path
        run.append { differ in differ.visit(path) }
    }
}

/// Relations and grantable objects of one side that take part in the diff.
struct Containers {
    var relations: Set<RelationKey> = []
    var grantables: Set<String> = []

    init(_ catalog: Catalog, _ scope: Scope) {
        for relation in catalog.relations where scope.includes(relation) {
            relations.insert(relation.key)
            grantables.insert(relation.grantableID!)
        }
        add(catalog.schemas, scope)
        add(catalog.types, scope)
        add(catalog.sequences, scope)
        add(catalog.functions, scope)
    }

    private init() {}

    private mutating func add<T: CatalogObject>(_ objects: [T], _ scope: Scope) {
        for object in objects where scope.includes(object) {
            if let id = object.grantableID { grantables.insert(id) }
        }
    }

    func subtracting(_ other: Containers) -> Containers {
        var result = Containers()
        result.relations = relations.subtracting(other.relations)
        result.grantables = grantables.subtracting(other.grantables)
        return result
    }

    /// The container `object` folds into when that container is missing (or extra) itself.
    func container<T: CatalogObject>(of object: T) -> String? {
        if let privilege = object as? Privilege, grantables.contains(privilege.grantedObjectID) {
            return privilege.grantedObjectID
        }
        if T.kind != .relation, let parent = object.parentRelation, relations.contains(parent) {
            return Containers.id(parent)
        }
        return nil
    }

    /// The identities under which a missing (or extra) object collects folded objects.
    static func ids<T: CatalogObject>(of object: T) -> [String] {
        var ids: [String] = []
        if let relation = object as? Relation { ids.append(id(relation.key)) }
        if let id = object.grantableID { ids.append(id) }
        return ids
    }

    static func id(_ key: RelationKey) -> String { "rel\u{1F}" + key.schema + "\u{1F}" + key.name }
}

/// Diffs one kind at a time (see `Catalog.visitKinds`), collecting changes in order.
struct KindDiffer: CatalogKindVisitor {
    let source: Catalog
    let target: Catalog
    let scope: Scope
    let rules: SeverityRules
    let unrecorded: Unrecorded
    let missingContainers: Containers
    let extraContainers: Containers
    private var changes: [Change] = []
    private var missingIndex: [String: Int] = [:]
    private var extraIndex: [String: Int] = [:]
    private var missingContents: [String: [ObjectKind: Int]] = [:]
    private var extraContents: [String: [ObjectKind: Int]] = [:]

    init(
        source: Catalog, target: Catalog, scope: Scope, rules: SeverityRules, unrecorded: Unrecorded,
        missingContainers: Containers, extraContainers: Containers
    ) {
        self.source = source
        self.target = target
        self.scope = scope
        self.rules = rules
        self.unrecorded = unrecorded
        self.missingContainers = missingContainers
        self.extraContainers = extraContainers
    }

    mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
        // Edges restate what the objects' own definitions say: they name dependents in reports
        // and order generated SQL, and are not findings themselves.
        guard T.kind != .role || scope.options.compareRoles, !T.kind.restatesOthers, !unrecorded.kinds.contains(T.kind)
        else { return }
        // Both sides in canonical key order, then one merge pass: no hashing, no lookups.
        // Objects out of scope are stepped over where they are, not copied out.
        let sourceArray = Catalog.canonical(source[keyPath: path])
        let targetArray = Catalog.canonical(target[keyPath: path])
        // Buffer pointers borrow elements in place instead of copying them.
        sourceArray.withUnsafeBufferPointer { sourceObjects in
            targetArray.withUnsafeBufferPointer { targetObjects in
                merge(sourceObjects, targetObjects)
            }
        }
    }

    private mutating func merge<T: CatalogObject>(
        _ sourceObjects: UnsafeBufferPointer<T>, _ targetObjects: UnsafeBufferPointer<T>
    ) {
        var memo = ManagedSchemaMemo()
        var i = 0
        var j = 0
        while true {
            while i < sourceObjects.count
                && !(scope.includes(sourceObjects[i], &memo) && unrecorded.records(sourceObjects[i]))
            {
                i += 1
            }
            while j < targetObjects.count
                && !(scope.includes(targetObjects[j], &memo) && unrecorded.records(targetObjects[j]))
            {
                j += 1
            }
            if i == sourceObjects.count && j == targetObjects.count { break }
            let order =
                i == sourceObjects.count
                ? 1 : j == targetObjects.count ? -1 : sourceObjects[i].keyOrder(targetObjects[j])
            if order < 0 {
                missing(sourceObjects[i])
                i += 1
            } else if order > 0 {
                extra(targetObjects[j])
                j += 1
            } else {
                // Equal structs have equal fields: compare them directly and build field
                // lists only for the few objects that differ.
                if sourceObjects[i] != targetObjects[j] {
                    compare(sourceObjects[i], sourceObjects[i].fieldValues, targetObjects[j].fieldValues)
                }
                i += 1
                j += 1
            }
        }
    }

    private mutating func missing<T: CatalogObject>(_ object: T) {
        if let container = missingContainers.container(of: object) {
            missingContents[container, default: [:]][T.kind, default: 0] += 1
            return
        }
        for id in Containers.ids(of: object) { missingIndex[id] = changes.count }
        let record = ObjectRecord(object)
        changes.append(Change(record, .missingInTarget, severity: rules.missing(record)))
    }

    private mutating func extra<T: CatalogObject>(_ object: T) {
        if let container = extraContainers.container(of: object) {
            extraContents[container, default: [:]][T.kind, default: 0] += 1
            return
        }
        for id in Containers.ids(of: object) { extraIndex[id] = changes.count }
        let record = ObjectRecord(object)
        changes.append(Change(record, .onlyInTarget, severity: rules.onlyInTarget(record)))
    }

    /// One change per attribute that differs, in field order.
    private mutating func compare<T: CatalogObject>(_ object: T, _ a: [FieldValue?], _ b: [FieldValue?]) {
        let record = ObjectRecord(object)
        let specs = T.fieldSpecs
        for i in T.keyCount..<specs.count where a[i] != b[i] {
            let name = specs[i].name
            guard scope.comparesAttribute(name, of: record), unrecorded.records(name, of: T.kind) else { continue }
            var change = Change(record, .changed, severity: rules.changed(record, attribute: name, from: a[i], to: b[i]))
            change.attribute = name
            change.sourceValue = a[i]?.display
            change.targetValue = b[i]?.display
            changes.append(change)
        }
    }

    /// Adds what `other` (the same template, run on other kinds) found.
    mutating func append(_ other: KindDiffer) {
        let offset = changes.count
        changes += other.changes
        missingIndex.merge(other.missingIndex.mapValues { $0 + offset }) { $1 }
        extraIndex.merge(other.extraIndex.mapValues { $0 + offset }) { $1 }
        for (id, contents) in other.missingContents { missingContents[id, default: [:]].merge(contents, uniquingKeysWith: +) }
        for (id, contents) in other.extraContents { extraContents[id, default: [:]].merge(contents, uniquingKeysWith: +) }
    }

    /// The changes, with folded objects counted into their containers' findings.
    mutating func finish() -> [Change] {
        for (id, contents) in missingContents {
            if let i = missingIndex[id] { changes[i].contents.merge(contents, uniquingKeysWith: +) }
        }
        for (id, contents) in extraContents {
            if let i = extraIndex[id] { changes[i].contents.merge(contents, uniquingKeysWith: +) }
        }
        return changes
    }
}

extension Change {
    init(_ record: ObjectRecord, _ kind: Kind, severity: Severity) {
        self.init(
            objectKind: record.kind, key: record.key, path: record.path,
            relation: record.kind == .relation ? RelationKey(schema: record.key[0], name: record.key[1]) : record.parentRelation,
            kind: kind, severity: severity)
        nounOverride = Self.noun(record)
    }

    private static func noun(_ record: ObjectRecord) -> String? {
        switch record.kind {
        case .relation: record.value(of: "relation_kind")?.display
        case .type: (record.value(of: "type_kind")?.display).map { $0 == "enum" ? "enum" : $0 + " type" }
        case .function: record.value(of: "function_kind")?.display
        default: nil
        }
    }
}
