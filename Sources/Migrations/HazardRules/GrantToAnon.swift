import CatalogModel

/// `grant_to_anon`: reaches anyone with the public API key.
struct GrantToAnon: HazardRule {
    static let code = "grant_to_anon"
    static let severity = Severity.warning
    static let summary = "reaches anyone with the public API key"
    static let examples = HazardExamples(
        triggering: [
            "GRANT SELECT ON public.prices TO anon;"
        ],
        nonTriggering: [
            "GRANT SELECT ON public.prices TO authenticated;",
            "REVOKE SELECT ON public.prices FROM anon;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        statement.firstExposedGrantee == "anon" ? "grants to anon reach anyone with the project's public API key" : nil
    }
}
