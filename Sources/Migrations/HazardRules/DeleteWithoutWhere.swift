import CatalogModel

/// `delete_without_where`: `DELETE` without `WHERE` deletes every row.
struct DeleteWithoutWhere: HazardRule {
    static let code = "delete_without_where"
    static let severity = Severity.critical
    static let summary = "`DELETE` without `WHERE` deletes every row"
    static let examples = HazardExamples(
        triggering: [
            "DELETE FROM public.sessions;"
        ],
        nonTriggering: [
            "DELETE FROM public.sessions WHERE expires_at < now();"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        return reader.startsWith("delete", "from") && !reader.contains("where") ? "DELETE without WHERE deletes every row" : nil
    }
}
