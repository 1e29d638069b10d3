import CatalogModel

/// `auth_users_exposed`: A view the API roles can select from that reads `auth.users`.
struct AuthUsersExposed: AdvisorLint {
    static let name = "auth_users_exposed"
    static let level = AdvisorFinding.Level.error
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create view public.users_view as select id, email from auth.users;` selectable by the API"
    static let documentedFix = "revoke select; expose what you need through `public.profiles`"
    static let examples = LintExamples(
        triggering: [
            "CREATE VIEW public.users_view AS SELECT id, email FROM auth.users;"
        ],
        nonTriggering: [
            "CREATE VIEW public.users_view AS SELECT id, email FROM auth.users; REVOKE ALL ON public.users_view FROM anon, authenticated;",
            "CREATE TABLE public.profiles (id uuid PRIMARY KEY); CREATE VIEW public.profile_ids AS SELECT id FROM public.profiles;",
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.relationKind == "view" {
            guard facts.isExposed(relation), facts.apiCanSelect(relation), let definition = relation.viewDefinition,
                ByteScan.withBytes(definition, { ByteScan.find("auth.users", in: $0) }) != nil
            else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path,
                    detail: "view \(path) reads auth.users and the API roles can select from it: user emails and metadata leak",
                    remediation:
                        "revoke select on \(path) from anon, authenticated; or select only the columns you need from public.profiles"
                ))
        }
    }
}
