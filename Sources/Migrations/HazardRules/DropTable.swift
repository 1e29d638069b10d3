import CatalogModel

/// `drop_table`: `DROP TABLE` loses the table and its rows.
struct DropTable: HazardRule {
    static let code = "drop_table"
    static let severity = Severity.critical
    static let summary = "`DROP TABLE` loses the table and its rows"
    static let examples = HazardExamples(
        triggering: [
            "DROP TABLE public.orders;",
            "drop table if exists public.a, public.b;",
        ],
        nonTriggering: [
            "-- DROP TABLE public.orders;",
            "DROP VIEW public.orders_view;",
            "SELECT 'DROP TABLE public.orders';",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        guard statement.reader.startsWith("drop", "table") else { return nil }
        return "drops \(statement.reader.names(after: "table")) and every row in it"
    }
}
