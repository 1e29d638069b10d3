import CatalogModel

/// Comments on the objects that carry their own (`COMMENT ON INDEX / SEQUENCE / CONSTRAINT /
/// TRIGGER / POLICY / RULE`), for objects the script creates — on their own or with their new
/// table — and comments that differ. Schemas, types, relations, columns and functions set
/// theirs where they are created.
extension ScriptBuilder {
    mutating func attachedComments() {
        comments(\.indexes, \.comment) { "INDEX " + qualifiedName($0.schema, $0.name) }
        comments(\.sequences, \.comment) { "SEQUENCE " + $0.path }
        comments(\.constraints, \.comment) { "CONSTRAINT \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))" }
        comments(\.triggers, \.comment) { "TRIGGER \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))" }
        comments(\.policies, \.comment) { "POLICY \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))" }
        comments(\.rules, \.comment) { "RULE \(quoteIdentifier($0.name)) ON \(qualifiedName($0.schema, $0.table))" }
    }

    private mutating func comments<T: CatalogObject>(
        _ objects: KeyPath<Catalog, [T]>, _ comment: KeyPath<T, String?>, _ spelled: (T) -> String
    ) {
        var created = keys(changes.missing[T.kind]).compactMap { source.find(objects, $0) }
        // Objects of a new table are folded into its finding, not listed one by one.
        for relation in createdRelations.sorted() {
            created += source.all(objects, prefix: [relation.schema, relation.name]).filter { $0.parentRelation == relation }
        }
        for object in created {
            if let text = object[keyPath: comment] { self.comment(spelled(object), text) }
        }
        for (key, attributes) in changes.changed[T.kind] ?? [] where attributes.contains("comment") {
            guard let object = source.find(objects, key) else { continue }
            self.comment(spelled(object), object[keyPath: comment])
        }
    }
}
