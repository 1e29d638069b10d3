/// The kinds of catalog object a snapshot holds, in the order they are stored and printed.
///
/// The raw value names the object in reports and in `show`; `tableName` names its table in
/// the snapshot file.
public enum ObjectKind: String, CaseIterable, Codable, Sendable, Comparable {
    case schema
    case `extension`
    case collation
    case type
    case sequence
    case relation
    case column
    case constraint
    case index
    case policy
    case function
    case trigger
    case rule
    case privilege
    case defaultPrivilege = "default privilege"
    case publication
    case publicationTable = "publication table"
    case eventTrigger = "event trigger"
    case foreignDataWrapper = "foreign data wrapper"
    case foreignServer = "foreign server"
    case userMapping = "user mapping"
    case role
    case appliedMigration = "applied migration"
    case cronJob = "cron job"
    case storageBucket = "storage bucket"
    case vaultSecret = "vault secret"
    case partitionSet = "partition set"
    case dependency

    /// The snapshot table holding objects of this kind.
    public var tableName: String {
        switch self {
        case .schema: "schemas"
        case .extension: "extensions"
        case .collation: "collations"
        case .type: "types"
        case .sequence: "sequences"
        case .relation: "relations"
        case .column: "columns"
        case .constraint: "constraints"
        case .index: "indexes"
        case .policy: "policies"
        case .function: "functions"
        case .trigger: "triggers"
        case .rule: "rules"
        case .privilege: "privileges"
        case .defaultPrivilege: "default_privileges"
        case .publication: "publications"
        case .publicationTable: "publication_tables"
        case .eventTrigger: "event_triggers"
        case .foreignDataWrapper: "foreign_data_wrappers"
        case .foreignServer: "foreign_servers"
        case .userMapping: "user_mappings"
        case .role: "roles"
        case .appliedMigration: "applied_migrations"
        case .cronJob: "cron_jobs"
        case .storageBucket: "storage_buckets"
        case .vaultSecret: "vault_secrets"
        case .partitionSet: "partition_sets"
        case .dependency: "dependencies"
        }
    }

    /// Plural for summaries ("3 policies").
    public var plural: String {
        switch self {
        case .index: "indexes"
        case .policy: "policies"
        case .defaultPrivilege: "default privileges"
        case .publicationTable: "publication tables"
        case .eventTrigger: "event triggers"
        case .foreignDataWrapper: "foreign data wrappers"
        case .foreignServer: "foreign servers"
        case .userMapping: "user mappings"
        case .appliedMigration: "applied migrations"
        case .dependency: "dependencies"
        default: rawValue + "s"
        }
    }

    /// Whether objects of this kind restate what other objects say (dependency edges) rather
    /// than being facts of their own: never findings, and not news in a capture on their own.
    public var restatesOthers: Bool { self == .dependency }

    /// Whether objects of this kind are platform configuration (rows of pg_cron, Storage, Vault
    /// and pg_partman tables) rather than DDL.
    public var isPlatformConfiguration: Bool {
        [.cronJob, .storageBucket, .vaultSecret, .partitionSet].contains(self)
    }

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
