import CatalogModel

/// `policy_exists_rls_disabled`: A table with policies and row level security off: the policies are ignored.
struct PolicyExistsRLSDisabled: AdvisorLint {
    static let name = "policy_exists_rls_disabled"
    static let level = AdvisorFinding.Level.error
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create policy p on public.t using (true);` on a table without RLS"
    static let documentedFix = "`alter table public.t enable row level security;`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY); CREATE POLICY everyone ON public.notes USING (true);"
        ],
        nonTriggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; CREATE POLICY everyone ON public.notes USING (true);"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.isTable && relation.relationKind != "foreign table" {
            let policyCount = facts.policyCounts[relation.key, default: 0]
            guard policyCount > 0, !relation.rlsEnabled else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path,
                    detail:
                        "table \(path) has \(policyCount) polic\(policyCount == 1 ? "y" : "ies") but row level security is off, so they are ignored",
                    remediation: "alter table \(path) enable row level security;"))
        }
    }
}
