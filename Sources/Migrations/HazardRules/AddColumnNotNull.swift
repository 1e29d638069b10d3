import CatalogModel

/// `add_column_not_null`: `ADD COLUMN … NOT NULL` without DEFAULT fails once the table has rows.
struct AddColumnNotNull: HazardRule {
    static let code = "add_column_not_null"
    static let severity = Severity.critical
    static let summary = "`ADD COLUMN … NOT NULL` without DEFAULT fails once the table has rows"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.orders ADD COLUMN region text NOT NULL;"
        ],
        nonTriggering: [
            "ALTER TABLE public.orders ADD COLUMN region text NOT NULL DEFAULT 'eu';",
            "CREATE TABLE public.drafts (id int);\nALTER TABLE public.drafts ADD COLUMN body text NOT NULL;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
            reader.addsNotNullColumnWithoutDefault(), statement.isExisting(table)
        else { return nil }
        return "adding a NOT NULL column without DEFAULT fails as soon as \(table) has a row"
    }
}
