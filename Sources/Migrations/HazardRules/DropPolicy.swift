import CatalogModel

/// `drop_policy`: changes who can read or write; check the replacement.
struct DropPolicy: HazardRule {
    static let code = "drop_policy"
    static let severity = Severity.warning
    static let summary = "changes who can read or write; check the replacement"
    static let examples = HazardExamples(
        triggering: [
            "DROP POLICY \"owners read\" ON public.notes;"
        ],
        nonTriggering: [
            "ALTER POLICY \"owners read\" ON public.notes TO authenticated;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        statement.reader.startsWith("drop", "policy")
            ? "dropping a policy changes who can read or write the table; check the replacement" : nil
    }
}
