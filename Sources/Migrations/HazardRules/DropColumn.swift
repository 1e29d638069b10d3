import CatalogModel

/// `drop_column`: `ALTER TABLE … DROP [COLUMN]` loses data; clients selecting it fail.
struct DropColumn: HazardRule {
    static let code = "drop_column"
    static let severity = Severity.critical
    static let summary = "`ALTER TABLE … DROP [COLUMN]` loses data; clients selecting it fail"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.users DROP COLUMN nickname;",
            "ALTER TABLE public.users DROP nickname;",
        ],
        nonTriggering: [
            "ALTER TABLE public.users DROP CONSTRAINT users_nickname_key;",
            "ALTER TABLE public.users ADD COLUMN nickname text;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
            reader.containsSequence("drop", "column") || reader.dropsColumnWithoutKeyword()
        else { return nil }
        return "drops a column of \(table) and its data; clients selecting it fail"
    }
}
