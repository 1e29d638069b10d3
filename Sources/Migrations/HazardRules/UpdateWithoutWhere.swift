import CatalogModel

/// `update_without_where`: `UPDATE` without `WHERE` rewrites every row.
struct UpdateWithoutWhere: HazardRule {
    static let code = "update_without_where"
    static let severity = Severity.critical
    static let summary = "`UPDATE` without `WHERE` rewrites every row"
    static let examples = HazardExamples(
        triggering: [
            "UPDATE public.users SET plan = 'free';"
        ],
        nonTriggering: [
            "UPDATE public.users SET plan = 'free' WHERE plan IS NULL;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        return reader.startsWith("update") && reader.contains("set") && !reader.contains("where")
            ? "UPDATE without WHERE rewrites every row" : nil
    }
}
