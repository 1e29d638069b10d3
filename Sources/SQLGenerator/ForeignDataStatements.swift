import CatalogModel

/// Foreign-data wrappers, servers and user mappings. They are created after functions (a
/// wrapper names its handler and validator) and before tables (a foreign table names its
/// server), and dropped once the foreign tables are gone. A user mapping's secret options are
/// in no snapshot: the script writes a placeholder for each and its header says so.
extension ScriptBuilder {
    mutating func foreignData() {
        let rewrapped = recreatedServers
        let goneServers = Set(keys(changes.extra[.foreignServer]).map { $0[0] }).union(rewrapped)
        createAndAlterWrappers()
        createAndAlterServers(rewrapped: rewrapped)
        createAndAlterUserMappings(skipping: rewrapped)
        // Drops in the opposite order: mappings, then their servers, then wrappers.
        for key in keys(changes.extra[.userMapping]) where !goneServers.contains(key[0]) {
            guard let mapping = target.find(\.userMappings, key) else { continue }
            emit(.dropForeignData, "DROP USER MAPPING \(Self.mappingClause(mapping))", drops: [Self.node(mapping)])
        }
        for name in goneServers.sorted() {
            guard let server = target.find(\.foreignServers, [name]) else { continue }
            // A recreated server goes once its foreign tables have (they are recreated too).
            let phase: Phase = rewrapped.contains(name) ? .dropRecreatedServers : .dropForeignData
            for mapping in target.all(\.userMappings, prefix: [name]) {
                emit(phase, "DROP USER MAPPING \(Self.mappingClause(mapping))", drops: [Self.node(mapping)])
            }
            emit(phase, "DROP SERVER \(server.path)", drops: [Self.node(server)])
        }
        for key in keys(changes.extra[.foreignDataWrapper]) {
            guard let wrapper = target.find(\.foreignDataWrappers, key) else { continue }
            emit(.dropForeignData, "DROP FOREIGN DATA WRAPPER \(wrapper.path)", drops: [Self.node(wrapper)])
        }
    }

    private mutating func createAndAlterWrappers() {
        for key in keys(changes.missing[.foreignDataWrapper]) {
            guard let wrapper = source.find(\.foreignDataWrappers, key) else { continue }
            var sql = "CREATE FOREIGN DATA WRAPPER \(wrapper.path)"
            if let handler = wrapper.handler { sql += " HANDLER \(handler)" }
            if let validator = wrapper.validator { sql += " VALIDATOR \(validator)" }
            let options = SQLText.options(wrapper.options ?? [])
            if !options.isEmpty { sql += " " + options }
            emit(.createForeignData, sql, creates: [Self.node(wrapper)])
            ownerAndComment(of: "FOREIGN DATA WRAPPER \(wrapper.path)", owner: wrapper.owner, comment: wrapper.comment)
        }
        for (key, attributes) in changes.changed[.foreignDataWrapper] ?? [] {
            guard let wrapper = source.find(\.foreignDataWrappers, key), let old = target.find(\.foreignDataWrappers, key)
            else { continue }
            var clauses: [String] = []
            if attributes.contains("handler") { clauses.append(wrapper.handler.map { "HANDLER \($0)" } ?? "NO HANDLER") }
            if attributes.contains("validator") { clauses.append(wrapper.validator.map { "VALIDATOR \($0)" } ?? "NO VALIDATOR") }
            if let options = SQLText.alterOptions(from: old.options ?? [], to: wrapper.options ?? []) { clauses.append(options) }
            if !clauses.isEmpty {
                emit(.createForeignData, "ALTER FOREIGN DATA WRAPPER \(wrapper.path) " + clauses.joined(separator: " "))
            }
            if attributes.contains("owner") { owner("FOREIGN DATA WRAPPER \(wrapper.path)", wrapper.owner) }
            if attributes.contains("comment") { comment("FOREIGN DATA WRAPPER \(wrapper.path)", wrapper.comment) }
        }
    }

    private mutating func createAndAlterServers(rewrapped: Set<String>) {
        for key in keys(changes.missing[.foreignServer]) + rewrapped.sorted().map({ [$0] }) {
            guard let server = source.find(\.foreignServers, key) else { continue }
            var sql = "CREATE SERVER \(server.path)"
            if let type = server.serverType { sql += " TYPE " + SQLText.literal(type) }
            if let version = server.serverVersion { sql += " VERSION " + SQLText.literal(version) }
            sql += " FOREIGN DATA WRAPPER \(quoteIdentifier(server.wrapper))"
            let options = SQLText.options(server.options ?? [])
            if !options.isEmpty { sql += " " + options }
            emit(.createForeignData, sql, creates: [Self.node(server)])
            ownerAndComment(of: "SERVER \(server.path)", owner: server.owner, comment: server.comment)
            if rewrapped.contains(server.name) {
                for mapping in source.all(\.userMappings, prefix: [server.name]) { createUserMapping(mapping) }
            }
        }
        for (key, attributes) in changes.changed[.foreignServer] ?? [] where !rewrapped.contains(key[0]) {
            guard let server = source.find(\.foreignServers, key), let old = target.find(\.foreignServers, key) else { continue }
            var clauses: [String] = []
            if attributes.contains("server_version") {
                clauses.append("VERSION " + SQLText.literalOrNull(server.serverVersion))
            }
            if let options = SQLText.alterOptions(from: old.options ?? [], to: server.options ?? []) { clauses.append(options) }
            if !clauses.isEmpty { emit(.createForeignData, "ALTER SERVER \(server.path) " + clauses.joined(separator: " ")) }
            if attributes.contains("owner") { owner("SERVER \(server.path)", server.owner) }
            if attributes.contains("comment") { comment("SERVER \(server.path)", server.comment) }
        }
    }

    private mutating func createAndAlterUserMappings(skipping rewrapped: Set<String>) {
        for key in keys(changes.missing[.userMapping]) where !rewrapped.contains(key[0]) {
            guard let mapping = source.find(\.userMappings, key) else { continue }
            createUserMapping(mapping)
        }
        for (key, _) in changes.changed[.userMapping] ?? [] where !rewrapped.contains(key[0]) {
            guard let mapping = source.find(\.userMappings, key), let old = target.find(\.userMappings, key),
                let options = SQLText.alterOptions(from: old.options ?? [], to: mapping.options ?? [])
            else { continue }
            emit(.createForeignData, "ALTER USER MAPPING \(Self.mappingClause(mapping)) \(options)")
            secretNote(mapping, only: (mapping.options ?? []).filter { !(old.options ?? []).contains($0) })
        }
    }

    private mutating func createUserMapping(_ mapping: UserMapping) {
        var sql = "CREATE USER MAPPING \(Self.mappingClause(mapping))"
        let options = SQLText.options(mapping.options ?? [])
        if !options.isEmpty { sql += " " + options }
        emit(.createForeignData, sql, creates: [Self.node(mapping)])
        secretNote(mapping, only: mapping.options ?? [])
    }

    /// A header note for the secret options among `options` the script writes for `mapping`.
    private mutating func secretNote(_ mapping: UserMapping, only options: [String]) {
        let secrets = options.filter { !$0.contains("=") }
        guard !secrets.isEmpty else { return }
        placeholder(
            "user mapping \(mapping.path): \(secrets.joined(separator: ", ")) written as '\(SQLText.secretPlaceholder)' "
                + "(no snapshot holds secrets); replace it before running, or set it afterwards with "
                + "ALTER USER MAPPING \(Self.mappingClause(mapping)) OPTIONS (SET \(secrets[0]) '…')")
    }

    /// `FOR role SERVER server`.
    private static func mappingClause(_ mapping: UserMapping) -> String {
        "FOR \(SQLText.role(mapping.userName)) SERVER \(quoteIdentifier(mapping.server))"
    }
}
