import CatalogModel

/// Decides which objects and attributes a diff looks at: roles only on request, and in
/// managed (platform) schemas only what users attach to the platform's objects.
struct Scope {
    let options: DiffOptions
    /// Owner of every relation on either side, to judge a child object by its relation.
    private let relationOwners: [RelationKey: String]

    init(options: DiffOptions, source: Catalog, target: Catalog) {
        self.options = options
        var owners: [RelationKey: String] = [:]
        if !options.includeManaged && !options.managedSchemas.isEmpty {
            for relation in source.relations + target.relations where options.managedSchemas.contains(relation.schema) {
                owners[relation.key] = relation.owner
            }
        }
        relationOwners = owners
    }

    /// Kinds users attach to platform objects; always compared.
    private static let attachedKinds: Set<ObjectKind> = [.policy, .trigger, .privilege, .publicationTable, .defaultPrivilege]

    /// Whether every object takes part (no managed schemas to leave out).
    var isEverything: Bool { options.includeManaged || options.managedSchemas.isEmpty }

    /// Whether `object` takes part in the diff at all.
    func includes<T: CatalogObject>(_ object: T) -> Bool {
        var memo = ManagedSchemaMemo()
        return includes(object, &memo)
    }

    /// `includes`, remembering the last schema looked up: objects come in key order, so
    /// neighbours share their schema and the set is rarely hashed.
    func includes<T: CatalogObject>(_ object: T, _ memo: inout ManagedSchemaMemo) -> Bool {
        guard !isEverything, let schema = object.schemaName, memo.isManaged(schema, options.managedSchemas) else { return true }
        if Self.attachedKinds.contains(T.kind) { return true }
        switch T.kind {
        case .relation:
            return true  // its RLS flags are compared; see comparesAttribute
        case .column, .constraint, .index, .rule:
            return !isPlatformRelation(object.parentRelation)
        default:
            return !DiffOptions.isPlatformRole(ObjectRecord(object).value(of: "owner")?.display ?? "")
        }
    }

    /// Whether `attribute` of `record` is compared: of a platform-owned relation, only RLS.
    func comparesAttribute(_ attribute: String, of record: ObjectRecord) -> Bool {
        guard record.kind == .relation, !options.includeManaged, let schema = record.schema,
            options.managedSchemas.contains(schema),
            isPlatformRelation(RelationKey(schema: record.key[0], name: record.key[1]))
        else { return true }
        return attribute == "rls_enabled" || attribute == "rls_forced"
    }

    private func isPlatformRelation(_ key: RelationKey?) -> Bool {
        guard let key, let owner = relationOwners[key] else { return false }
        return DiffOptions.isPlatformRole(owner)
    }
}

/// The last schema checked against the managed schemas, and the answer.
struct ManagedSchemaMemo {
    private var schema: String?
    private var managed = false

    mutating func isManaged(_ name: String, _ managedSchemas: Set<String>) -> Bool {
        if let schema, schema.utf8.elementsEqual(name.utf8) { return managed }
        schema = name
        managed = managedSchemas.contains(name)
        return managed
    }
}
