import CatalogModel

/// Grants, revokes and default privileges, and the kinds no statement is generated for.
extension ScriptBuilder {
    mutating func privileges() {
        for key in keys(changes.missing[.privilege]) {
            guard let privilege = source.find(\.privileges, key), !isRebuilt(privilege.parentRelation) else { continue }
            grant(privilege, privilege.privileges, withGrantOption: Set(privilege.grantable))
        }
        for key in keys(changes.extra[.privilege]) {
            guard let privilege = target.find(\.privileges, key), !isRebuilt(privilege.parentRelation) else { continue }
            revoke(privilege, privilege.privileges, phase: .revokePrivileges)
        }
        for (key, _) in changes.changed[.privilege] ?? [] {
            guard let privilege = source.find(\.privileges, key), let old = target.find(\.privileges, key),
                !isRebuilt(privilege.parentRelation)
            else { continue }
            let have = Set(old.privileges)
            let haveOption = Set(old.grantable)
            revoke(old, old.privileges.filter { !privilege.privileges.contains($0) }, phase: .revokePrivileges)
            let lostOption = old.grantable.filter { !privilege.grantable.contains($0) && privilege.privileges.contains($0) }
            if !lostOption.isEmpty {
                emit(.privileges, "REVOKE GRANT OPTION FOR \(lostOption.joined(separator: ", ")) \(clause(privilege, "FROM"))")
            }
            grant(
                privilege,
                privilege.privileges.filter {
                    !have.contains($0) || (privilege.grantable.contains($0) && !haveOption.contains($0))
                },
                withGrantOption: Set(privilege.grantable))
        }
    }

    /// Grants and revokes that make a newly created object's privileges the source's:
    /// PostgreSQL gives a new object its built-in defaults (EXECUTE on functions and USAGE
    /// on types to PUBLIC) plus the target's default privileges.
    mutating func grantAll(onNewObject id: String) {
        let parts = id.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        let (family, schema, name) = (parts[0], parts[1], parts[2])
        let objectTypes: [String] =
            switch family {
            case "relation": ["column", "foreign table", "materialized view", "table", "view"]
            case "function": ["function", "procedure"]
            default: [family]
            }
        var wanted: [Privilege] = []
        for objectType in objectTypes {
            wanted += source.all(
                \.privileges, prefix: objectType == "schema" ? [objectType, schema] : [objectType, schema, name])
        }
        let template = wanted.first { $0.objectType != "column" }
        var expected = expectedDefaults(family: family, schema: schema)
        for privilege in wanted {
            guard privilege.objectType != "column" else {
                grant(privilege, privilege.privileges, withGrantOption: Set(privilege.grantable))
                continue
            }
            let have = expected.removeValue(forKey: privilege.grantee) ?? []
            let extra = have.filter { !privilege.privileges.contains($0) }
            if !extra.isEmpty { revoke(privilege, extra.sorted()) }
            grant(
                privilege, privilege.privileges.filter { !have.contains($0) || privilege.grantable.contains($0) },
                withGrantOption: Set(privilege.grantable))
        }
        // Defaults the source does not have.
        for (grantee, have) in expected.sorted(by: { $0.key < $1.key }) {
            var privilege =
                template ?? Privilege(objectType: objectTypes.last!, schema: schema, name: name, grantee: grantee, privileges: [])
            if template == nil, family == "relation" { privilege.objectType = "table" }
            if template == nil, family == "function" {
                let kind = source.catalog.functions.first { $0.grantableID == id }?.functionKind
                privilege.objectType = kind == "procedure" ? "procedure" : "function"
            }
            privilege.grantee = grantee
            revoke(privilege, have.sorted())
        }
    }

    /// What a new object of `family` in `schema` gets without any GRANT, by grantee.
    private func expectedDefaults(family: String, schema: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        if family == "function" { result["PUBLIC"] = ["EXECUTE"] }
        if family == "type" { result["PUBLIC"] = ["USAGE"] }
        let defaultType = family == "relation" ? "table" : family
        for entry in target.catalog.defaultPrivileges
        where entry.objectType == defaultType && (entry.schema.isEmpty || (entry.schema == schema && family != "schema")) {
            result[entry.grantee, default: []].insert(entry.privilege)
        }
        return result
    }

    private mutating func grant(_ privilege: Privilege, _ list: [String], withGrantOption options: Set<String>) {
        let plain = list.filter { !options.contains($0) }
        let optioned = list.filter { options.contains($0) }
        if !plain.isEmpty { emit(.privileges, "GRANT \(privilegeList(plain, privilege)) \(clause(privilege, "TO"))") }
        if !optioned.isEmpty {
            emit(.privileges, "GRANT \(privilegeList(optioned, privilege)) \(clause(privilege, "TO")) WITH GRANT OPTION")
        }
    }

    /// Revokes on objects both sides have go before the grants (`revokePrivileges`): revoking
    /// a table privilege revokes it on every column too.
    private mutating func revoke(_ privilege: Privilege, _ list: [String], phase: Phase = .privileges) {
        guard !list.isEmpty else { return }
        emit(phase, "REVOKE \(privilegeList(list, privilege)) \(clause(privilege, "FROM"))")
    }

    private func privilegeList(_ list: [String], _ privilege: Privilege) -> String {
        let names = list.joined(separator: ", ")
        return privilege.objectType == "column" ? "\(names) (\(quoteIdentifier(privilege.column)))" : names
    }

    /// `ON <object> TO|FROM <grantee>`.
    private func clause(_ privilege: Privilege, _ preposition: String) -> String {
        let object: String =
            switch privilege.objectType {
            case "schema": "SCHEMA \(quoteIdentifier(privilege.schema))"
            case "function": "FUNCTION \(quoteIdentifier(privilege.schema)).\(privilege.name)"
            case "procedure": "PROCEDURE \(quoteIdentifier(privilege.schema)).\(privilege.name)"
            case "sequence": "SEQUENCE \(qualifiedName(privilege.schema, privilege.name))"
            case "type": "TYPE \(qualifiedName(privilege.schema, privilege.name))"
            case "foreign data wrapper": "FOREIGN DATA WRAPPER \(quoteIdentifier(privilege.name))"
            case "foreign server": "FOREIGN SERVER \(quoteIdentifier(privilege.name))"
            default: "TABLE \(qualifiedName(privilege.schema, privilege.name))"
            }
        return "ON \(object) \(preposition) \(SQLText.role(privilege.grantee))"
    }

    // MARK: Default privileges

    mutating func defaultPrivileges() {
        for key in keys(changes.missing[.defaultPrivilege]) {
            guard let entry = source.find(\.defaultPrivileges, key) else { continue }
            emit(
                .defaultPrivileges,
                "\(prefix(entry)) GRANT \(entry.privilege) ON \(plural(entry)) TO \(SQLText.role(entry.grantee))"
                    + (entry.grantable ? " WITH GRANT OPTION" : ""))
        }
        for key in keys(changes.extra[.defaultPrivilege]) {
            guard let entry = target.find(\.defaultPrivileges, key) else { continue }
            emit(
                .defaultPrivileges,
                "\(prefix(entry)) REVOKE \(entry.privilege) ON \(plural(entry)) FROM \(SQLText.role(entry.grantee))")
        }
        for (key, _) in changes.changed[.defaultPrivilege] ?? [] {
            guard let entry = source.find(\.defaultPrivileges, key) else { continue }
            let target = SQLText.role(entry.grantee)
            emit(
                .defaultPrivileges,
                entry.grantable
                    ? "\(prefix(entry)) GRANT \(entry.privilege) ON \(plural(entry)) TO \(target) WITH GRANT OPTION"
                    : "\(prefix(entry)) REVOKE GRANT OPTION FOR \(entry.privilege) ON \(plural(entry)) FROM \(target)")
        }
    }

    private func prefix(_ entry: DefaultPrivilege) -> String {
        "ALTER DEFAULT PRIVILEGES FOR ROLE \(quoteIdentifier(entry.role))"
            + (entry.schema.isEmpty ? "" : " IN SCHEMA \(quoteIdentifier(entry.schema))")
    }

    private func plural(_ entry: DefaultPrivilege) -> String { entry.objectType.uppercased() + "S" }

    // MARK: Not generated

    /// Kinds no statement is generated for: each difference becomes a note saying what to do.
    mutating func unsupported() {
        let advice: [(ObjectKind, String)] = [
            (.role, "roles are cluster-wide: manage them outside migrations")
        ]
        for (kind, what) in advice {
            let count = keys(changes.missing[kind]).count + keys(changes.extra[kind]).count + (changes.changed[kind]?.count ?? 0)
            if count > 0 { note("\(count) \(kind.rawValue) difference\(count == 1 ? "" : "s"): \(what)") }
        }
        let migrations = keys(changes.missing[.appliedMigration]).count + keys(changes.extra[.appliedMigration]).count
        if migrations > 0 {
            note(
                "\(migrations) applied-migration difference\(migrations == 1 ? "" : "s"): migration history is not schema; "
                    + "apply the pending migrations (`schemasnap plan`) instead")
        }
    }
}
