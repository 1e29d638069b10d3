import CatalogModel

/// `alter_column_type`: rewrites the table under ACCESS EXCLUSIVE; fails on values that do not convert.
struct AlterColumnType: HazardRule {
    static let code = "alter_column_type"
    static let severity = Severity.warning
    static let summary = "rewrites the table under ACCESS EXCLUSIVE; fails on values that do not convert"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.orders ALTER COLUMN total TYPE numeric;",
            "ALTER TABLE public.orders ALTER total SET DATA TYPE bigint;",
        ],
        nonTriggering: [
            "ALTER TABLE public.orders ALTER COLUMN total SET DEFAULT 0;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"), reader.alterColumnType() else {
            return nil
        }
        return "changing a column type rewrites \(table) under an ACCESS EXCLUSIVE lock and fails on values that do not convert"
    }
}
