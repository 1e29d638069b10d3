import CatalogModel

/// `truncate`: `TRUNCATE` deletes every row.
struct Truncate: HazardRule {
    static let code = "truncate"
    static let severity = Severity.critical
    static let summary = "`TRUNCATE` deletes every row"
    static let examples = HazardExamples(
        triggering: [
            "TRUNCATE public.events;"
        ],
        nonTriggering: [
            "DELETE FROM public.events WHERE id = 1;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        statement.reader.startsWith("truncate") ? "deletes every row of the table" : nil
    }
}
