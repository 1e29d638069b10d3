/// Checks that a captured catalog hangs together: every object that belongs to a relation
/// finds it in the same catalog, and no type name is the `???` that `format_type` prints for a
/// type dropped while the capture ran. DDL committed during a capture can break either,
/// because PostgreSQL's `pg_get_*def` and `format_type` read the latest catalog rather than
/// the capture's snapshot.
extension Catalog {
    /// What does not hang together, one line each (at most `limit`); empty when consistent.
    public func consistencyProblems(limit: Int = 5) -> [String] {
        let relationKeys = Set(relations.map(\.key))
        var problems: [String] = []
        func check<T: CatalogObject>(_ objects: [T]) {
            for object in objects where problems.count < limit {
                if let parent = object.parentRelation, !relationKeys.contains(parent) {
                    problems.append("\(T.kind.rawValue) \(object.path) belongs to \(parent), which the capture did not see")
                }
            }
        }
        check(columns)
        check(constraints)
        check(indexes)
        check(policies)
        check(triggers)
        check(rules)
        // Catalog functions return NULL (read as "") or `???` for objects dropped mid-read.
        func require(_ ok: Bool, _ problem: @autoclosure () -> String) {
            if !ok && problems.count < limit { problems.append(problem()) }
        }
        for column in columns {
            require(!column.type.contains("???"), "column \(column.path) has a type dropped during the capture")
        }
        for index in indexes { require(!index.definition.isEmpty, "index \(index.path) was dropped during the capture") }
        for constraint in constraints {
            require(!constraint.definition.isEmpty, "constraint \(constraint.path) was dropped during the capture")
        }
        for trigger in triggers { require(!trigger.definition.isEmpty, "trigger \(trigger.path) was dropped during the capture") }
        for rule in rules { require(!rule.definition.isEmpty, "rule \(rule.path) was dropped during the capture") }
        for relation in relations {
            require(relation.isTable || relation.viewDefinition != nil, "view \(relation.path) was dropped during the capture")
            require(!relation.owner.hasPrefix("unknown (OID="), "the owner of \(relation.path) was dropped during the capture")
        }
        for function in functions {
            require(
                !(function.result ?? "").contains("???") && !function.arguments.contains("???"),
                "a type of \(function.path) was dropped during the capture")
        }
        return problems
    }
}

extension Catalog {
    /// The catalog without `relations` (tables, views, sequences…) and everything attached to
    /// them: their columns, constraints, indexes, policies, triggers, rules, publication
    /// entries, grants, and the dependency edges touching any of those. What a capture
    /// returns for relations DDL dropped while it read.
    public func leavingOut(_ relations: Set<RelationKey>) -> Catalog {
        guard !relations.isEmpty else { return self }
        var c = self
        var removedPaths = Set<String>()
        func attached<T: CatalogObject>(_ objects: [T]) -> [T] {
            objects.filter { object in
                guard let parent = object.parentRelation, relations.contains(parent) else { return true }
                removedPaths.insert(object.path)
                return false
            }
        }
        c.relations = c.relations.filter { relation in
            guard relations.contains(relation.key) else { return true }
            removedPaths.insert(relation.path)
            return false
        }
        c.sequences = c.sequences.filter { sequence in
            guard relations.contains(RelationKey(schema: sequence.schema, name: sequence.name)) else { return true }
            removedPaths.insert(sequence.path)
            return false
        }
        c.columns = attached(c.columns)
        c.constraints = attached(c.constraints)
        c.indexes = attached(c.indexes)
        c.policies = attached(c.policies)
        c.triggers = attached(c.triggers)
        c.rules = attached(c.rules)
        c.publicationTables = attached(c.publicationTables)
        c.privileges = c.privileges.filter { privilege in
            ["function", "procedure", "schema", "type"].contains(privilege.objectType)
                || !relations.contains(RelationKey(schema: privilege.schema, name: privilege.name))
        }
        c.dependencies = c.dependencies.filter { !removedPaths.contains($0.dependent) && !removedPaths.contains($0.referenced) }
        return c
    }
}

extension Catalog {
    /// Only `relation` and what is attached to it: its columns, constraints, indexes,
    /// policies, triggers, rules, publication entries, grants, and the dependency edges of any
    /// of those. What `show --object` prints.
    public func restricted(to relation: RelationKey) -> Catalog {
        var c = Catalog()
        c.relations = relations.filter { $0.key == relation }
        func attached<T: CatalogObject>(_ objects: [T]) -> [T] { objects.filter { $0.parentRelation == relation } }
        c.columns = attached(columns)
        c.constraints = attached(constraints)
        c.indexes = attached(indexes)
        c.policies = attached(policies)
        c.triggers = attached(triggers)
        c.rules = attached(rules)
        c.publicationTables = attached(publicationTables)
        c.privileges = privileges.filter { privilege in
            !["function", "procedure", "schema", "type"].contains(privilege.objectType)
                && RelationKey(schema: privilege.schema, name: privilege.name) == relation
        }
        var paths = Set(c.relations.map(\.path))
        func note<T: CatalogObject>(_ objects: [T]) { paths.formUnion(objects.map(\.path)) }
        note(c.columns)
        note(c.constraints)
        note(c.indexes)
        note(c.policies)
        note(c.triggers)
        note(c.rules)
        c.dependencies = dependencies.filter { paths.contains($0.dependent) || paths.contains($0.referenced) }
        c.unrecorded = unrecorded
        return c
    }
}
