import CatalogModel

/// The default severities (see docs/drift-report.md):
/// CRITICAL — in a critical schema, a table, view, column, function, policy or enum label the
/// target lacks; a column type that differs; RLS on in the source but off in the target.
/// WARNING — the same outside critical schemas, objects only in the target, and every other
/// difference. INFO — comments, owners, column positions, a cron job switched on or off.
/// Platform configuration: a Storage bucket public in the target but not in the source is
/// CRITICAL (its files become world-readable).
struct SeverityRules {
    let criticalSchemas: Set<String>

    private static let criticalWhenMissing: Set<ObjectKind> = [.relation, .column, .function, .policy]
    private static let informational: Set<String> = ["comment", "owner", "position"]

    private func isCritical(_ record: ObjectRecord) -> Bool {
        record.schema.map(criticalSchemas.contains) ?? false
    }

    func missing(_ record: ObjectRecord) -> Severity {
        isCritical(record) && Self.criticalWhenMissing.contains(record.kind) ? .critical : .warning
    }

    /// A public Storage bucket the source does not have: its files are world-readable.
    func onlyInTarget(_ record: ObjectRecord) -> Severity {
        record.kind == .storageBucket && record.value(of: "public") == .bool(true) ? .critical : .warning
    }

    func changed(_ record: ObjectRecord, attribute: String, from source: FieldValue?, to target: FieldValue?) -> Severity {
        if Self.informational.contains(attribute) { return .info }
        let critical: Severity = isCritical(record) ? .critical : .warning
        switch (record.kind, attribute) {
        case (.column, "type"):
            return critical
        case (.relation, "rls_enabled"):
            return source == .bool(true) ? critical : .warning
        case (.storageBucket, "public"):
            // Private in the source, public in the target: its files became world-readable.
            return target == .bool(true) ? .critical : .warning
        case (.cronJob, "active"):
            return .info
        case (.type, "labels"):
            guard case .list(let sourceLabels) = source else { return .warning }
            let targetLabels: [String] = if case .list(let l) = target { l } else { [] }
            return Set(sourceLabels).isSubset(of: Set(targetLabels)) ? .warning : critical
        default:
            return .warning
        }
    }
}
