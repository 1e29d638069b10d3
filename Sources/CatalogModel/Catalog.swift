/// Everything captured from one database: one array per object kind, plus the counts of
/// objects of kinds schemasnap does not model (reported as "not compared").
///
/// `sorted()` puts every array in canonical order (by natural key), the order in which the
/// snapshot stores rows and `show` prints them.
public struct Catalog: Hashable, Sendable {
    public var schemas: [Schema] = []
    public var extensions: [Extension] = []
    public var collations: [Collation] = []
    public var types: [TypeDefinition] = []
    public var sequences: [Sequence] = []
    public var relations: [Relation] = []
    public var columns: [Column] = []
    public var constraints: [Constraint] = []
    public var indexes: [Index] = []
    public var policies: [Policy] = []
    public var functions: [Function] = []
    public var triggers: [Trigger] = []
    public var rules: [Rule] = []
    public var privileges: [Privilege] = []
    public var defaultPrivileges: [DefaultPrivilege] = []
    public var publications: [Publication] = []
    public var publicationTables: [PublicationTable] = []
    public var eventTriggers: [EventTrigger] = []
    public var foreignServers: [ForeignServer] = []
    public var roles: [Role] = []
    public var appliedMigrations: [AppliedMigration] = []
    /// Objects in user schemas of kinds not modelled, e.g. `["operator": 3, "cast": 1]`.
    public var uncovered: [String: Int] = [:]

    public init() {}

    /// Calls `body` with every kind's objects, in `ObjectKind` order.
    public func forEachKind(_ body: (ObjectKind, [ObjectRecord]) -> Void) {
        body(.schema, schemas.map(ObjectRecord.init))
        body(.extension, extensions.map(ObjectRecord.init))
        body(.collation, collations.map(ObjectRecord.init))
        body(.type, types.map(ObjectRecord.init))
        body(.sequence, sequences.map(ObjectRecord.init))
        body(.relation, relations.map(ObjectRecord.init))
        body(.column, columns.map(ObjectRecord.init))
        body(.constraint, constraints.map(ObjectRecord.init))
        body(.index, indexes.map(ObjectRecord.init))
        body(.policy, policies.map(ObjectRecord.init))
        body(.function, functions.map(ObjectRecord.init))
        body(.trigger, triggers.map(ObjectRecord.init))
        body(.rule, rules.map(ObjectRecord.init))
        body(.privilege, privileges.map(ObjectRecord.init))
        body(.defaultPrivilege, defaultPrivileges.map(ObjectRecord.init))
        body(.publication, publications.map(ObjectRecord.init))
        body(.publicationTable, publicationTables.map(ObjectRecord.init))
        body(.eventTrigger, eventTriggers.map(ObjectRecord.init))
        body(.foreignServer, foreignServers.map(ObjectRecord.init))
        body(.role, roles.map(ObjectRecord.init))
        body(.appliedMigration, appliedMigrations.map(ObjectRecord.init))
    }

    /// All objects as records, in canonical order (kind, then natural key).
    public var records: [ObjectRecord] {
        var all: [ObjectRecord] = []
        forEachKind { _, records in all += records.sorted { $0.key.lexicographicallyPrecedes($1.key) } }
        return all
    }

    /// How many objects of each kind the catalog holds.
    public var counts: [ObjectKind: Int] {
        [
            .schema: schemas.count, .extension: extensions.count, .collation: collations.count, .type: types.count,
            .sequence: sequences.count, .relation: relations.count, .column: columns.count,
            .constraint: constraints.count, .index: indexes.count, .policy: policies.count,
            .function: functions.count, .trigger: triggers.count, .rule: rules.count, .privilege: privileges.count,
            .defaultPrivilege: defaultPrivileges.count, .publication: publications.count,
            .publicationTable: publicationTables.count, .eventTrigger: eventTriggers.count,
            .foreignServer: foreignServers.count, .role: roles.count, .appliedMigration: appliedMigrations.count,
        ]
    }

    /// The same catalog with every array in canonical order.
    public func sorted() -> Catalog {
        var c = self
        c.schemas = Self.canonical(schemas)
        c.extensions = Self.canonical(extensions)
        c.collations = Self.canonical(collations)
        c.types = Self.canonical(types)
        c.sequences = Self.canonical(sequences)
        c.relations = Self.canonical(relations)
        c.columns = Self.canonical(columns)
        c.constraints = Self.canonical(constraints)
        c.indexes = Self.canonical(indexes)
        c.policies = Self.canonical(policies)
        c.functions = Self.canonical(functions)
        c.triggers = Self.canonical(triggers)
        c.rules = Self.canonical(rules)
        c.privileges = Self.canonical(privileges)
        c.defaultPrivileges = Self.canonical(defaultPrivileges)
        c.publications = Self.canonical(publications)
        c.publicationTables = Self.canonical(publicationTables)
        c.eventTriggers = Self.canonical(eventTriggers)
        c.foreignServers = Self.canonical(foreignServers)
        c.roles = Self.canonical(roles)
        c.appliedMigrations = Self.canonical(appliedMigrations)
        return c
    }

    private static func canonical<T: CatalogObject>(_ objects: [T]) -> [T] {
        objects.map { ($0.naturalKey, $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }
}
