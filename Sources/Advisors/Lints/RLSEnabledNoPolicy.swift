import CatalogModel

/// `rls_enabled_no_policy`: A table in an exposed schema with row level security on and no policy: the API sees nothing.
struct RLSEnabledNoPolicy: AdvisorLint {
    static let name = "rls_enabled_no_policy"
    static let level = AdvisorFinding.Level.info
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "RLS on, no policy: the API sees no rows"
    static let documentedFix = "add policies, or revoke the API roles' grants"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;"
        ],
        nonTriggering: [
            "CREATE TABLE public.notes (id int PRIMARY KEY); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY; CREATE POLICY everyone ON public.notes FOR SELECT USING (true);",
            "CREATE SCHEMA private; CREATE TABLE private.notes (id int PRIMARY KEY); ALTER TABLE private.notes ENABLE ROW LEVEL SECURITY;",
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.isTable && relation.relationKind != "foreign table" {
            guard relation.rlsEnabled, facts.policyCounts[relation.key, default: 0] == 0, facts.isExposed(relation) else {
                continue
            }
            let path = relation.path
            findings.append(
                finding(
                    path, detail: "table \(path) has row level security on and no policy: the API roles see no rows",
                    remediation: "add policies, or revoke the API roles' grants if the table is not meant for the API"))
        }
    }
}
