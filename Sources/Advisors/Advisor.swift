import CatalogModel

/// Runs Supabase-style security and performance lints over a catalog, offline.
///
/// Every lint reads only the snapshot, so it runs on any snapshot, past or present. Findings
/// come sorted by level (errors first), then lint name, then object.
public enum Advisor {
    /// Every lint, by name, for documentation and `disable` validation.
    public static let lintNames = [
        "rls_disabled_in_public", "policy_exists_rls_disabled", "rls_enabled_no_policy", "security_definer_view",
        "function_search_path_mutable", "unindexed_foreign_keys", "no_primary_key", "duplicate_index",
        "multiple_permissive_policies", "auth_rls_initplan", "extension_in_public", "materialized_view_in_api",
        "foreign_table_in_api", "auth_users_exposed",
    ]

    public static func advise(_ catalog: Catalog, options: AdvisorOptions = AdvisorOptions()) -> [AdvisorFinding] {
        let facts = Facts(catalog, options)
        var findings: [AdvisorFinding] = []
        for relation in facts.userRelations {
            findings += tableLints(relation, facts)
        }
        findings += policyLints(facts)
        findings += functionLints(facts)
        findings += indexLints(facts)
        for ext in catalog.extensions where ext.schema == "public" {
            findings.append(
                AdvisorFinding(
                    lint: "extension_in_public", level: .warn, category: .security, object: ext.path,
                    detail: "extension \(ext.name) is installed in public, which the API exposes",
                    remediation:
                        "move it: create schema if not exists extensions; alter extension \(ext.name) set schema extensions;"))
        }
        var result = findings.filter { !options.disabled.contains($0.lint) }
        for i in result.indices {
            if let excuse = options.excuses.first(where: { $0.lint == result[i].lint && $0.object == result[i].object }) {
                result[i].excuse = excuse.reason
            }
        }
        // Byte order of lint and object (the snapshot's order), cheaper than String's `<`;
        // indices are sorted, so the large findings move once.
        let order = result.withUnsafeBufferPointer { findings in
            findings.indices.sorted { i, j in
                if findings[i].level != findings[j].level { return findings[i].level > findings[j].level }
                let lint = NaturalKeyOrder.compare(findings[i].lint, findings[j].lint)
                return lint != 0 ? lint < 0 : NaturalKeyOrder.compare(findings[i].object, findings[j].object) < 0
            }
        }
        return order.map { result[$0] }
    }

    private static func tableLints(_ relation: Relation, _ facts: Facts) -> [AdvisorFinding] {
        var out: [AdvisorFinding] = []
        let exposed = facts.options.exposedSchemas.contains(relation.schema)
        let path = relation.path
        let policies = facts.policiesByTable[relation.key, default: []]
        switch relation.relationKind {
        case "table", "partitioned table":
            if exposed && !relation.rlsEnabled {
                out.append(
                    AdvisorFinding(
                        lint: "rls_disabled_in_public", level: .error, category: .security, object: path,
                        detail:
                            "table \(path) is in an exposed schema and row level security is off: the API roles can read and write every row they are granted",
                        remediation: "alter table \(path) enable row level security; then add policies for anon and authenticated"
                    ))
            }
            if !policies.isEmpty && !relation.rlsEnabled {
                out.append(
                    AdvisorFinding(
                        lint: "policy_exists_rls_disabled", level: .error, category: .security, object: path,
                        detail:
                            "table \(path) has \(policies.count) polic\(policies.count == 1 ? "y" : "ies") but row level security is off, so they are ignored",
                        remediation: "alter table \(path) enable row level security;"))
            }
            if relation.rlsEnabled && policies.isEmpty && exposed {
                out.append(
                    AdvisorFinding(
                        lint: "rls_enabled_no_policy", level: .info, category: .security, object: path,
                        detail: "table \(path) has row level security on and no policy: the API roles see no rows",
                        remediation: "add policies, or revoke the API roles' grants if the table is not meant for the API"))
            }
            if exposed && !facts.tablesWithPrimaryKey.contains(relation.key) {
                out.append(
                    AdvisorFinding(
                        lint: "no_primary_key", level: .info, category: .performance, object: path,
                        detail:
                            "table \(path) has no primary key: rows cannot be addressed efficiently, and Realtime cannot stream its updates",
                        remediation: "alter table \(path) add primary key (…); or add an identity column for it"))
            }
        case "view":
            guard exposed, facts.apiCanSelect(relation) else { break }
            let invoker = relation.options?.contains { $0 == "security_invoker=true" || $0 == "security_invoker=on" } ?? false
            if !invoker {
                out.append(
                    AdvisorFinding(
                        lint: "security_definer_view", level: .error, category: .security, object: path,
                        detail:
                            "view \(path) runs with its owner's rights, so the API roles read through it bypassing the row level security of its tables",
                        remediation: "alter view \(path) set (security_invoker = true);"))
            }
            if let definition = relation.viewDefinition,
                !occurrences(of: Array("auth.users".utf8), in: Array(definition.utf8)).isEmpty
            {
                out.append(
                    AdvisorFinding(
                        lint: "auth_users_exposed", level: .error, category: .security, object: path,
                        detail:
                            "view \(path) reads auth.users and the API roles can select from it: user emails and metadata leak",
                        remediation:
                            "revoke select on \(path) from anon, authenticated; or select only the columns you need from public.profiles"
                    ))
            }
        case "materialized view", "foreign table":
            // Neither has row level security: whatever the API roles may select, they see all of.
            if exposed && facts.apiCanSelect(relation) {
                let kind = relation.relationKind
                out.append(
                    AdvisorFinding(
                        lint: kind.replacingOccurrences(of: " ", with: "_") + "_in_api", level: .warn, category: .security,
                        object: path,
                        detail: "\(kind) \(path) is selectable through the API, and \(kind)s have no row level security",
                        remediation: "revoke select on \(path) from anon, authenticated; or move it out of \(relation.schema)"))
            }
        default:
            break
        }
        return out
    }

    private static func policyLints(_ facts: Facts) -> [AdvisorFinding] {
        var out: [AdvisorFinding] = []
        for (table, policies) in facts.policiesByTable.sorted(by: { $0.key < $1.key }) {
            for policy in policies {
                for expression in [policy.using, policy.withCheck].compactMap({ $0 }) where callsPerRow(expression) {
                    out.append(
                        AdvisorFinding(
                            lint: "auth_rls_initplan", level: .warn, category: .performance, object: policy.path,
                            detail: "policy \(policy.path) calls auth.<function>() or current_setting() for every row",
                            remediation: "wrap the call: (select auth.uid()) instead of auth.uid(), so it runs once per query"))
                    break
                }
            }
            // Permissive policies for one role and command are OR-ed: each runs for every row.
            var seen: [String: [String]] = [:]
            for policy in policies where policy.permissive {
                let commands = policy.command == "ALL" ? ["SELECT", "INSERT", "UPDATE", "DELETE"] : [policy.command]
                for role in policy.roles {
                    for command in commands { seen["\(role) \(command)", default: []].append(policy.name) }
                }
            }
            for (roleCommand, names) in seen.sorted(by: { $0.key < $1.key }) where names.count > 1 {
                out.append(
                    AdvisorFinding(
                        lint: "multiple_permissive_policies", level: .warn, category: .performance,
                        object: table.description + " (" + roleCommand + ")",
                        detail:
                            "table \(table) has \(names.count) permissive policies for \(roleCommand): \(names.joined(separator: ", "))",
                        remediation: "merge them into one policy with OR, or make all but one restrictive"))
            }
        }
        return out
    }

    /// `auth.uid()`, `auth.jwt()`, `auth.role()` or `current_setting(` not under `SELECT`.
    public static func callsPerRow(_ expression: String) -> Bool {
        let bytes = Array(expression.utf8)
        let select = Array("SELECT ".utf8)
        for call in ["auth.uid()", "auth.jwt()", "auth.role()", "current_setting("] {
            for start in occurrences(of: Array(call.utf8), in: bytes) {
                let before = bytes[max(0, start - select.count)..<start]
                if !before.elementsEqual(select) { return true }
            }
        }
        return false
    }

    /// Start offsets of `needle` in `bytes`.
    static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard let first = needle.first, bytes.count >= needle.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { found.append(i) }
            i += 1
        }
        return found
    }

    private static func functionLints(_ facts: Facts) -> [AdvisorFinding] {
        facts.userFunctions.filter { function in
            function.functionKind != "aggregate" && function.language != "internal" && function.language != "c"
                && !(function.config ?? []).contains { $0.hasPrefix("search_path=") }
        }.map { function in
            AdvisorFinding(
                lint: "function_search_path_mutable", level: .warn, category: .security, object: function.path,
                detail: "function \(function.path) has no fixed search_path, so a caller's objects can shadow the ones it uses",
                remediation: "alter function \(function.path) set search_path = ''; and qualify every name in its body")
        }
    }

    private static func indexLints(_ facts: Facts) -> [AdvisorFinding] {
        var out: [AdvisorFinding] = []
        // Dictionary order is fine here: `advise` sorts the findings, each object once per lint.
        for (table, foreignKeys) in facts.foreignKeysByTable {
            let leading = facts.indexLeadingColumns[table, default: []]
            for fk in foreignKeys {
                guard let columns = foreignKeyColumns(fk.definition) else { continue }
                let covered = leading.contains { Array($0.prefix(columns.count)) == columns }
                if !covered {
                    out.append(
                        AdvisorFinding(
                            lint: "unindexed_foreign_keys", level: .info, category: .performance, object: fk.path,
                            detail:
                                "foreign key \(fk.path) on (\(columns.joined(separator: ", "))) has no index starting with those columns: deletes and joins scan the table",
                            remediation: "create index concurrently on \(table) (\(columns.joined(separator: ", ")));"))
                }
            }
        }
        for (table, indexes) in facts.indexesByTable {
            var byShape: [String: [Index]] = [:]
            for index in indexes { byShape[shape(index), default: []].append(index) }
            for (_, same) in byShape.sorted(by: { $0.key < $1.key }) where same.count > 1 {
                let names = same.map(\.name).sorted()
                out.append(
                    AdvisorFinding(
                        lint: "duplicate_index", level: .warn, category: .performance,
                        object: table.description + ":" + names.joined(separator: ","),
                        detail: "indexes \(names.joined(separator: ", ")) on \(table) are identical: every write updates both",
                        remediation: "drop index concurrently \(table.schema).\(names.last!);"))
            }
        }
        return out
    }

    /// An index definition without its name, to find identical indexes.
    private static func shape(_ index: Index) -> String {
        let bytes = Array(index.definition.utf8)
        guard let on = occurrences(of: Array(" ON ".utf8), in: bytes).first else { return index.definition }
        return (index.unique ? "UNIQUE" : "") + String(decoding: bytes[on...], as: UTF8.self)
    }

    /// `FOREIGN KEY (a, b) REFERENCES …` → `["a", "b"]`.
    static func foreignKeyColumns(_ definition: String) -> [String]? {
        guard definition.hasPrefix("FOREIGN KEY ("), let close = definition.firstIndex(of: ")") else { return nil }
        let inner = definition[definition.index(definition.startIndex, offsetBy: 13)..<close]
        return inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
