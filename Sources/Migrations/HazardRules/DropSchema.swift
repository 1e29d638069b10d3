import CatalogModel

/// `drop_schema`: `DROP SCHEMA` (with CASCADE, everything in it).
struct DropSchema: HazardRule {
    static let code = "drop_schema"
    static let severity = Severity.critical
    static let summary = "`DROP SCHEMA` (with CASCADE, everything in it)"
    static let examples = HazardExamples(
        triggering: [
            "DROP SCHEMA archive CASCADE;"
        ],
        nonTriggering: [
            "CREATE SCHEMA archive;",
            "COMMENT ON SCHEMA archive IS 'DROP SCHEMA later';",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        statement.reader.startsWith("drop", "schema") ? "drops the schema and, with CASCADE, everything in it" : nil
    }
}
