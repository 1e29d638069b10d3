import CatalogModel

/// Comments on the objects that carry their own (`COMMENT ON INDEX / SEQUENCE / CONSTRAINT /
/// TRIGGER / POLICY / RULE`), for objects the script creates — on their own or with their new
/// table — and comments that differ. Schemas, types, relations, columns and functions set
/// theirs where they are created.
extension ScriptBuilder {
    mutating func attachedComments() {
        comments(\.indexes, \.comment, alteredInPlace: Self.indexAttributesAlteredInPlace) {
            "INDEX " + qualifiedName($0.schema, $0.name)
        }
        comments(\.sequences, \.comment) { "SEQUENCE " + $0.path }
        comments(\.constraints, \.comment, alteredInPlace: ["comment"]) {
            "CONSTRAINT \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))"
        }
        comments(\.triggers, \.comment, alteredInPlace: ["comment", "enabled"]) {
            "TRIGGER \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))"
        }
        comments(\.policies, \.comment) { "POLICY \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))" }
        comments(\.rules, \.comment, alteredInPlace: ["comment", "enabled"]) {
            "RULE \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))"
        }
    }

    /// Sets the comments of `objects` the script creates and the ones that differ. For a kind
    /// whose changed objects are dropped and created again unless only `alteredInPlace`
    /// attributes differ, a recreated object gets its comment back too.
    private mutating func comments<T: CatalogObject>(
        _ objects: KeyPath<Catalog, [T]>, _ comment: KeyPath<T, String?>, alteredInPlace: Set<String>? = nil,
        _ spelled: (T) -> String
    ) {
        var created = keys(changes.missing[T.kind]).compactMap { source.find(objects, $0) }
        // Objects of a new table are folded into its finding, not listed one by one.
        for relation in createdRelations.sorted() {
            created += source.all(objects, prefix: [relation.schema, relation.name]).filter { $0.parentRelation == relation }
        }
        for object in created {
            if let text = object[keyPath: comment] { self.comment(spelled(object), text) }
        }
        for (key, attributes) in changes.changed[T.kind] ?? [] {
            guard let object = source.find(objects, key) else { continue }
            let recreated = alteredInPlace.map { !attributes.isSubset(of: $0) } ?? false
            if attributes.contains("comment") || (recreated && object[keyPath: comment] != nil) {
                self.comment(spelled(object), object[keyPath: comment])
            }
        }
    }
}
