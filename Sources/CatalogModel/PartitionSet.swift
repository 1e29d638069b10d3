/// A pg_partman partition set (a row of `part_config`): how a partitioned table gets new
/// partitions and loses old ones.
public struct PartitionSet: CatalogObject {
    public static let kind = ObjectKind.partitionSet
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<PartitionSet>] = [
        .init("parent_table", \.parentTable, since: 3),
        .init("control", \.control, since: 3),
        .init("partition_type", \.partitionType, since: 3),
        .init("partition_interval", \.partitionInterval, since: 3),
        .init("datetime_string", \.datetimeString, since: 3),
        .init("premake", \.premake, since: 3),
        .init("automatic_maintenance", \.automaticMaintenance, since: 3),
        .init("retention", \.retention, since: 3),
        .init("retention_schema", \.retentionSchema, since: 3),
        .init("retention_keep_table", \.retentionKeepTable, since: 3),
        .init("retention_keep_index", \.retentionKeepIndex, since: 3),
    ]

    public init() {}

    /// The partitioned table, `schema.name` as pg_partman stores it.
    public var parentTable: String = ""
    /// The column partitions are split on.
    public var control: String = ""
    /// `native`/`partman` (pg_partman 4) or `range`/`list` (pg_partman 5).
    public var partitionType: String = ""
    /// e.g. `1 day`, or a number for an integer control column.
    public var partitionInterval: String = ""
    /// The pattern of the partitions' name suffixes for a time control column, e.g.
    /// `YYYY_MM_DD`, or pg_partman 4's `IYYY"w"IW` for a set made `weekly`.
    public var datetimeString: String?
    /// How many partitions are made ahead.
    public var premake: Int = 0
    /// `on`, `off` or `none`: whether `run_maintenance()` looks after the set.
    public var automaticMaintenance: String = ""
    /// How old a partition gets before maintenance removes it; none to keep every partition.
    public var retention: String?
    /// Where expired partitions are moved instead of dropped.
    public var retentionSchema: String?
    /// Whether an expired partition is detached and kept rather than dropped.
    public var retentionKeepTable: Bool = false
    /// Whether an expired partition keeps its indexes.
    public var retentionKeepIndex: Bool = false

    public init(
        parentTable: String, control: String, partitionType: String, partitionInterval: String,
        datetimeString: String? = nil, premake: Int = 4,
        automaticMaintenance: String = "on", retention: String? = nil, retentionSchema: String? = nil,
        retentionKeepTable: Bool = true, retentionKeepIndex: Bool = true
    ) {
        self.parentTable = parentTable
        self.control = control
        self.partitionType = partitionType
        self.partitionInterval = partitionInterval
        self.datetimeString = datetimeString
        self.premake = premake
        self.automaticMaintenance = automaticMaintenance
        self.retention = retention
        self.retentionSchema = retentionSchema
        self.retentionKeepTable = retentionKeepTable
        self.retentionKeepIndex = retentionKeepIndex
    }

    public var path: String { parentTable }
    public var naturalKey: [String] { [parentTable] }
}
