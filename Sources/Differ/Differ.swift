import CatalogModel

/// Compares two catalogs: `source` is the reference (say staging), `target` the one under
/// review (say production).
///
/// Objects are matched by natural key through hash maps, so the work is linear in the number
/// of objects. The result is ordered by object kind, then natural key, then attribute order.
/// Objects inside a relation that is missing on one side are folded into that relation's
/// finding (`Change.contents`) rather than reported one by one.
public enum Differ {
    public static func diff(source: Catalog, target: Catalog, options: DiffOptions = DiffOptions()) -> [Change] {
        let sourceRecords = recordsByKind(source)
        let targetRecords = recordsByKind(target)
        let scope = Scope(options: options, source: sourceRecords, target: targetRecords)
        let sourceRelations = Set(sourceRecords[.relation, default: []].filter(scope.includes).map(relationKey))
        let targetRelations = Set(targetRecords[.relation, default: []].filter(scope.includes).map(relationKey))
        let missingRelations = sourceRelations.subtracting(targetRelations)
        let extraRelations = targetRelations.subtracting(sourceRelations)
        let missingGrantables = grantables(sourceRecords, scope).subtracting(grantables(targetRecords, scope))
        let extraGrantables = grantables(targetRecords, scope).subtracting(grantables(sourceRecords, scope))
        let rules = SeverityRules(criticalSchemas: options.criticalSchemas)

        var changes: [Change] = []
        // Findings of missing (extra) containers, by relation or grantable identity, and what
        // was folded into each.
        var missingIndex: [String: Int] = [:]
        var extraIndex: [String: Int] = [:]
        var missingContents: [String: [ObjectKind: Int]] = [:]
        var extraContents: [String: [ObjectKind: Int]] = [:]

        for kind in ObjectKind.allCases where kind != .role || options.compareRoles {
            let sourceList = sourceRecords[kind, default: []].filter(scope.includes)
            let targetList = targetRecords[kind, default: []].filter(scope.includes)
            let targetByKey = Dictionary(targetList.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let sourceKeys = Set(sourceList.map(\.key))

            for record in sourceList {
                if let container = container(of: record, among: missingRelations, missingGrantables) {
                    missingContents[container, default: [:]][kind, default: 0] += 1
                    continue
                }
                guard let other = targetByKey[record.key] else {
                    for id in containerIDs(record) { missingIndex[id] = changes.count }
                    changes.append(change(record, .missingInTarget, severity: rules.missing(record)))
                    continue
                }
                changes += compare(record, other, scope: scope, rules: rules)
            }
            for record in targetList where !sourceKeys.contains(record.key) {
                if let container = container(of: record, among: extraRelations, extraGrantables) {
                    extraContents[container, default: [:]][kind, default: 0] += 1
                    continue
                }
                for id in containerIDs(record) { extraIndex[id] = changes.count }
                changes.append(change(record, .onlyInTarget, severity: rules.onlyInTarget(record)))
            }
        }
        for (id, contents) in missingContents {
            if let i = missingIndex[id] { changes[i].contents.merge(contents, uniquingKeysWith: +) }
        }
        for (id, contents) in extraContents {
            if let i = extraIndex[id] { changes[i].contents.merge(contents, uniquingKeysWith: +) }
        }
        return changes
    }

    private static func grantables(_ records: [ObjectKind: [ObjectRecord]], _ scope: Scope) -> Set<String> {
        var ids = Set<String>()
        for kind in [ObjectKind.schema, .type, .sequence, .relation, .function] {
            for record in records[kind, default: []] where scope.includes(record) {
                if let id = record.grantableID { ids.insert(id) }
            }
        }
        return ids
    }

    /// The container a record is folded into, when that container is itself missing (or
    /// extra): the relation of a column, index, policy…, or the object a privilege is on.
    private static func container(of record: ObjectRecord, among relations: Set<RelationKey>, _ grantables: Set<String>)
        -> String?
    {
        if record.kind == .privilege, let id = record.grantedObjectID, grantables.contains(id) { return id }
        if record.kind != .relation, let parent = record.parentRelation, relations.contains(parent) {
            return relationID(parent)
        }
        return nil
    }

    /// The identities under which a missing (or extra) record collects folded objects.
    private static func containerIDs(_ record: ObjectRecord) -> [String] {
        var ids: [String] = []
        if record.kind == .relation { ids.append(relationID(relationKey(record))) }
        if let id = record.grantableID { ids.append(id) }
        return ids
    }

    private static func relationID(_ key: RelationKey) -> String { "rel\u{1F}" + key.schema + "\u{1F}" + key.name }

    private static func recordsByKind(_ catalog: Catalog) -> [ObjectKind: [ObjectRecord]] {
        var byKind: [ObjectKind: [ObjectRecord]] = [:]
        catalog.forEachKind { kind, records in
            byKind[kind] = records.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        }
        return byKind
    }

    private static func relationKey(_ record: ObjectRecord) -> RelationKey {
        RelationKey(schema: record.key[0], name: record.key[1])
    }

    private static func change(_ record: ObjectRecord, _ kind: Change.Kind, severity: Severity) -> Change {
        var change = Change(
            objectKind: record.kind, key: record.key, path: record.path,
            relation: record.kind == .relation ? relationKey(record) : record.parentRelation, kind: kind,
            severity: severity)
        change.nounOverride = noun(record)
        return change
    }

    private static func noun(_ record: ObjectRecord) -> String? {
        switch record.kind {
        case .relation: record.value(of: "relation_kind")?.display
        case .type: (record.value(of: "type_kind")?.display).map { $0 == "enum" ? "enum" : $0 + " type" }
        case .function: record.value(of: "function_kind")?.display
        default: nil
        }
    }

    /// One change per attribute that differs, in the source's attribute order, then any the
    /// target alone has.
    private static func compare(_ source: ObjectRecord, _ target: ObjectRecord, scope: Scope, rules: SeverityRules) -> [Change] {
        var targetValues: [String: FieldValue] = [:]
        for field in target.attributes { targetValues[field.name] = field.value }
        var names = source.attributes.map(\.name)
        let known = Set(names)
        names += target.attributes.map(\.name).filter { !known.contains($0) }
        var sourceValues: [String: FieldValue] = [:]
        for field in source.attributes { sourceValues[field.name] = field.value }

        var changes: [Change] = []
        for name in names where scope.comparesAttribute(name, of: source) {
            let a = sourceValues[name]
            let b = targetValues[name]
            guard a != b else { continue }
            var c = change(source, .changed, severity: rules.changed(source, attribute: name, from: a, to: b))
            c.attribute = name
            c.sourceValue = a?.display
            c.targetValue = b?.display
            changes.append(c)
        }
        return changes
    }
}
