import CatalogModel

/// `rls_disabled_in_public`: A table in an exposed schema with row level security off.
struct RLSDisabledInPublic: AdvisorLint {
    static let name = "rls_disabled_in_public"
    static let level = AdvisorFinding.Level.error
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create table public.feature_flags (key text primary key);`"
    static let documentedFix = "`alter table public.feature_flags enable row level security;` and policies"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.feature_flags (key text PRIMARY KEY);"
        ],
        nonTriggering: [
            "CREATE TABLE public.feature_flags (key text PRIMARY KEY); ALTER TABLE public.feature_flags ENABLE ROW LEVEL SECURITY;",
            "CREATE SCHEMA private; CREATE TABLE private.jobs (id int PRIMARY KEY);",
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.isTable && relation.relationKind != "foreign table" {
            guard facts.isExposed(relation), !relation.rlsEnabled else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path,
                    detail:
                        "table \(path) is in an exposed schema and row level security is off: the API roles can read and write every row they are granted",
                    remediation: "alter table \(path) enable row level security; then add policies for anon and authenticated"))
        }
    }
}
