import CatalogModel

/// Platform configuration, closed through the platform's own APIs: pg_cron's `schedule` /
/// `alter_job` / `unschedule`, pg_partman's `create_parent` and its `part_config`, an upsert of
/// `storage.buckets`, Vault's `update_secret`. What removes something is held back; a secret
/// the target lacks is a note, as its value is in no snapshot.
extension ScriptBuilder {
    mutating func platformConfiguration() {
        cronJobs()
        storageBuckets()
        vaultSecrets()
        partitionSets()
    }

    // MARK: pg_cron

    private mutating func cronJobs() {
        for key in keys(changes.missing[.cronJob]) {
            guard let job = source.find(\.cronJobs, key) else { continue }
            let (schedule, command) = (SQLText.literal(job.schedule), SQLText.literal(job.command))
            let placement =
                "database := \(SQLText.literal(job.database)), username := \(SQLText.literal(job.userName)), active := \(job.active)"
            emit(
                .platformConfiguration,
                job.named
                    ? "SELECT cron.schedule_in_database(\(SQLText.literal(job.name)), \(schedule), \(command), \(placement))"
                    : "SELECT cron.alter_job(cron.schedule(\(schedule), \(command)), \(placement))")
        }
        for key in keys(changes.extra[.cronJob]) {
            guard let job = target.find(\.cronJobs, key) else { continue }
            emit(
                .dropPlatformConfiguration, "SELECT cron.unschedule(jobid) FROM cron.job WHERE \(Self.identifying(job))",
                hold: Hold(code: "unschedule_cron_job", reason: "stops the cron job \(job.path) from running"))
        }
        for (key, attributes) in changes.changed[.cronJob] ?? [] {
            guard let job = source.find(\.cronJobs, key), let current = target.find(\.cronJobs, key) else { continue }
            var settings: [String] = []
            if attributes.contains("schedule") { settings.append("schedule := \(SQLText.literal(job.schedule))") }
            if attributes.contains("command") { settings.append("command := \(SQLText.literal(job.command))") }
            if attributes.contains("database") { settings.append("database := \(SQLText.literal(job.database))") }
            if attributes.contains("active") { settings.append("active := \(job.active)") }
            guard !settings.isEmpty else { continue }
            emit(
                .platformConfiguration,
                "SELECT cron.alter_job(jobid, \(settings.joined(separator: ", "))) FROM cron.job WHERE \(Self.identifying(current))"
            )
        }
    }

    /// The `cron.job` row of `job`: by name and user, or for a job without a name, by what it
    /// runs and when.
    private static func identifying(_ job: CronJob) -> String {
        let user = "username = \(SQLText.literal(job.userName))"
        return job.named
            ? "jobname = \(SQLText.literal(job.name)) AND \(user)"
            : "jobname IS NULL AND schedule = \(SQLText.literal(job.schedule)) AND command = \(SQLText.literal(job.command)) AND \(user)"
    }

    // MARK: Storage

    private mutating func storageBuckets() {
        for key in keys(changes.missing[.storageBucket]) {
            guard let bucket = source.find(\.storageBuckets, key) else { continue }
            let values = bucketColumns(bucket)
            let columns = values.map(\.column).joined(separator: ", ")
            let updates = values.dropFirst().map { "\($0.column) = EXCLUDED.\($0.column)" }.joined(separator: ", ")
            emit(
                .platformConfiguration,
                "INSERT INTO storage.buckets (\(columns)) VALUES (\(values.map(\.value).joined(separator: ", ")))"
                    + " ON CONFLICT (id) DO UPDATE SET \(updates)")
        }
        for key in keys(changes.extra[.storageBucket]) {
            emit(
                .dropPlatformConfiguration, "DELETE FROM storage.buckets WHERE id = \(SQLText.literal(key[0]))",
                hold: Hold(
                    code: "delete_storage_bucket",
                    reason:
                        "deletes the bucket \(key[0]); it fails while the bucket holds files: empty it through the Storage API first"
                ))
        }
        for (key, attributes) in changes.changed[.storageBucket] ?? [] {
            guard let bucket = source.find(\.storageBuckets, key) else { continue }
            let settings = bucketColumns(bucket).filter { attributes.contains($0.column) }
            guard !settings.isEmpty else { continue }
            emit(
                .platformConfiguration,
                "UPDATE storage.buckets SET \(settings.map { "\($0.column) = \($0.value)" }.joined(separator: ", "))"
                    + " WHERE id = \(SQLText.literal(bucket.id))")
        }
    }

    /// The bucket's columns and values, id first, leaving out the optional columns the
    /// target's `storage.buckets` does not have (an older Storage version).
    private func bucketColumns(_ bucket: StorageBucket) -> [(column: String, value: String)] {
        let targetColumns = Set(target.all(\.columns, prefix: ["storage", "buckets"]).map(\.name))
        func has(_ column: String) -> Bool { targetColumns.isEmpty || targetColumns.contains(column) }
        var values: [(column: String, value: String)] = [
            ("id", SQLText.literal(bucket.id)), ("name", SQLText.literal(bucket.name)),
            ("public", String(bucket.isPublic)),
        ]
        if has("file_size_limit") {
            let limit = bucket.fileSizeLimit.flatMap { Int64($0) }.map(String.init) ?? "NULL"
            values.append(("file_size_limit", limit))
        }
        if has("allowed_mime_types") {
            values.append(("allowed_mime_types", bucket.allowedMimeTypes.map(SQLText.textArray) ?? "NULL"))
        }
        return values
    }

    // MARK: Vault

    private mutating func vaultSecrets() {
        let missing = keys(changes.missing[.vaultSecret]).map { $0[0] }
        if !missing.isEmpty {
            let names = missing.joined(separator: ", ")
            note(
                "\(missing.count) vault secret\(missing.count == 1 ? "" : "s") the target lacks (\(names)): a secret's value is in no snapshot; "
                    + "create each with `SELECT vault.create_secret('<value>', '<name>', '<description>')`")
        }
        for key in keys(changes.extra[.vaultSecret]) {
            emit(
                .dropPlatformConfiguration, "DELETE FROM vault.secrets WHERE name = \(SQLText.literal(key[0]))",
                hold: Hold(
                    code: "delete_vault_secret",
                    reason: "deletes the secret \(key[0]) and its value: whatever reads it stops working"))
        }
        for (key, attributes) in changes.changed[.vaultSecret] ?? [] where attributes.contains("description") {
            guard let secret = source.find(\.vaultSecrets, key) else { continue }
            emit(
                .platformConfiguration,
                "SELECT vault.update_secret(id, new_description := \(SQLText.literal(secret.description ?? "")))"
                    + " FROM vault.secrets WHERE name = \(SQLText.literal(secret.name))")
        }
    }

    // MARK: pg_partman

    private mutating func partitionSets() {
        for key in keys(changes.missing[.partitionSet]) {
            guard let set = source.find(\.partitionSets, key) else { continue }
            let partman = partmanSchema(source)
            emit(
                .platformConfiguration,
                "SELECT \(partman).create_parent(p_parent_table := \(SQLText.literal(set.parentTable)), "
                    + "p_control := \(SQLText.literal(set.control)), p_type := \(SQLText.literal(set.partitionType)), "
                    + "p_interval := \(SQLText.literal(Self.createParentInterval(set))), p_premake := \(set.premake), "
                    + "p_automatic_maintenance := \(SQLText.literal(set.automaticMaintenance)))")
            let retention = Self.retentionSettings(set).filter { !$0.isDefault }.map(\.assignment)
            if !retention.isEmpty {
                emit(
                    .platformConfiguration,
                    "UPDATE \(partman).part_config SET \(retention.joined(separator: ", "))"
                        + " WHERE parent_table = \(SQLText.literal(set.parentTable))")
            }
        }
        for key in keys(changes.extra[.partitionSet]) {
            emit(
                .dropPlatformConfiguration,
                "DELETE FROM \(partmanSchema(target)).part_config WHERE parent_table = \(SQLText.literal(key[0]))",
                hold: Hold(
                    code: "remove_partition_set",
                    reason: "stops pg_partman maintaining \(key[0]): no new partitions are made and none expire"))
        }
        for (key, attributes) in changes.changed[.partitionSet] ?? [] {
            guard let set = source.find(\.partitionSets, key) else { continue }
            let fixed = attributes.intersection(["control", "partition_type", "datetime_string"]).sorted()
            if !fixed.isEmpty {
                note(
                    "partition set \(set.parentTable) has another \(fixed.joined(separator: " and ")): pg_partman cannot change it in place; "
                        + "undo the set (`undo_partition`) and create it again by hand")
            }
            let settings = (Self.tuningSettings(set) + Self.retentionSettings(set))
                .filter { attributes.contains($0.column) }.map(\.assignment)
            guard !settings.isEmpty else { continue }
            emit(
                .platformConfiguration,
                "UPDATE \(partmanSchema(source)).part_config SET \(settings.joined(separator: ", "))"
                    + " WHERE parent_table = \(SQLText.literal(set.parentTable))")
        }
    }

    /// The interval to hand `create_parent` so the partitions get the names they have: the
    /// stored interval, or the pg_partman 4 name whose partitions are named apart from it
    /// (`weekly` stores `7 days`, and names partitions by ISO week, not by date).
    private static func createParentInterval(_ set: PartitionSet) -> String {
        switch (set.partitionInterval, set.datetimeString) {
        case ("7 days", "IYYY\"w\"IW"): "weekly"
        case ("3 mons", "YYYY\"q\"Q"): "quarterly"
        default: set.partitionInterval
        }
    }

    /// The `part_config` columns `create_parent` does not set, with whether each has
    /// pg_partman's default.
    private static func retentionSettings(_ set: PartitionSet) -> [(column: String, assignment: String, isDefault: Bool)] {
        [
            ("retention", "retention = \(SQLText.literalOrNull(set.retention))", set.retention == nil),
            ("retention_schema", "retention_schema = \(SQLText.literalOrNull(set.retentionSchema))", set.retentionSchema == nil),
            ("retention_keep_table", "retention_keep_table = \(set.retentionKeepTable)", set.retentionKeepTable),
            ("retention_keep_index", "retention_keep_index = \(set.retentionKeepIndex)", set.retentionKeepIndex),
        ]
    }

    /// The settings of an existing set that `part_config` can change in place.
    private static func tuningSettings(_ set: PartitionSet) -> [(column: String, assignment: String, isDefault: Bool)] {
        [
            ("partition_interval", "partition_interval = \(SQLText.literal(set.partitionInterval))", false),
            ("premake", "premake = \(set.premake)", false),
            ("automatic_maintenance", "automatic_maintenance = \(SQLText.literal(set.automaticMaintenance))", false),
        ]
    }

    /// The schema pg_partman is installed in on `side` (`partman` when it is not captured).
    private func partmanSchema(_ side: CatalogIndex) -> String {
        quoteIdentifier(side.find(\.extensions, ["pg_partman"])?.schema ?? "partman")
    }
}
