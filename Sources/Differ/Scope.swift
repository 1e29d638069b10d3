import CatalogModel

/// Decides which objects and attributes a diff looks at: roles only on request, and in
/// managed (platform) schemas only what users attach to the platform's objects.
struct Scope {
    let options: DiffOptions
    /// Owner of every relation on either side, to judge a child object by its relation.
    private let relationOwners: [RelationKey: String]

    init(options: DiffOptions, source: [ObjectKind: [ObjectRecord]], target: [ObjectKind: [ObjectRecord]]) {
        self.options = options
        var owners: [RelationKey: String] = [:]
        for record in source[.relation, default: []] + target[.relation, default: []] {
            owners[RelationKey(schema: record.key[0], name: record.key[1])] = record.value(of: "owner")?.display
        }
        relationOwners = owners
    }

    /// Kinds users attach to platform objects; always compared.
    private static let attachedKinds: Set<ObjectKind> = [.policy, .trigger, .privilege, .publicationTable, .defaultPrivilege]

    /// Whether `record` takes part in the diff at all.
    func includes(_ record: ObjectRecord) -> Bool {
        guard !options.includeManaged, let schema = record.schema, options.managedSchemas.contains(schema) else { return true }
        if Self.attachedKinds.contains(record.kind) { return true }
        switch record.kind {
        case .relation:
            return true  // its RLS flags are compared; see comparesAttribute
        case .column, .constraint, .index, .rule:
            return !isPlatformRelation(record.parentRelation)
        default:
            return !DiffOptions.isPlatformRole(record.value(of: "owner")?.display ?? "")
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
