import CatalogModel

/// `auth_rls_initplan`: A policy that calls `auth.uid()`, `auth.jwt()`, `auth.role()` or `current_setting()` for every row.
struct AuthRLSInitplan: AdvisorLint {
    static let name = "auth_rls_initplan"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.performance
    static let documentedExample = "`using (auth.uid() = user_id)` (evaluated per row)"
    static let documentedFix = "`using ((select auth.uid()) = user_id)`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY, user_id uuid); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; CREATE POLICY own ON public.notes USING (auth.uid() = user_id);"
        ],
        nonTriggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY, user_id uuid); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; CREATE POLICY own ON public.notes USING ((SELECT auth.uid()) = user_id);"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for policy in facts.catalog.policies
        where policy.using.map(Advisor.callsPerRow) == true || policy.withCheck.map(Advisor.callsPerRow) == true {
            findings.append(
                finding(
                    policy.path, detail: "policy \(policy.path) calls auth.<function>() or current_setting() for every row",
                    remediation: "wrap the call: (select auth.uid()) instead of auth.uid(), so it runs once per query"))
        }
    }
}
