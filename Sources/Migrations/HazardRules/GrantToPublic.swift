import CatalogModel

/// `grant_to_public`: reaches every role, anon included.
struct GrantToPublic: HazardRule {
    static let code = "grant_to_public"
    static let severity = Severity.warning
    static let summary = "reaches every role, anon included"
    static let examples = HazardExamples(
        triggering: [
            "GRANT EXECUTE ON FUNCTION public.total() TO PUBLIC;"
        ],
        nonTriggering: [
            "GRANT EXECUTE ON FUNCTION public.total() TO service_role;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        statement.firstExposedGrantee == "public" ? "grants to PUBLIC reach every role, anon included" : nil
    }
}
