import CatalogModel

/// Objects attached to a relation by name: policies, triggers, rules, and publication
/// membership.
extension ScriptBuilder {
    mutating func policies() {
        let rebuilt = rebuiltPolicies.filter { !isRebuilt(RelationKey(schema: $0[0], name: $0[1])) }
        for key in keys(changes.missing[.policy]) {
            guard let policy = source.find(\.policies, key), !isRebuilt(policy.parentRelation) else { continue }
            createPolicy(policy)
        }
        for key in keys(changes.extra[.policy]) {
            guard let policy = target.find(\.policies, key), !isRebuilt(policy.parentRelation) else { continue }
            dropPolicy(policy)
        }
        for key in rebuilt.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let policy = source.find(\.policies, key), let old = target.find(\.policies, key) else { continue }
            dropPolicy(old)
            createPolicy(policy)
            let changedComment =
                changes.changed[.policy]?.contains { $0.key == key && $0.attributes.contains("comment") } ?? false
            if let text = policy.comment, !changedComment {
                comment("POLICY \(quoteIdentifier(policy.name)) ON \(qualifiedName(policy.schema, policy.table))", text)
            }
        }
        for (key, attributes) in changes.changed[.policy] ?? [] where !rebuilt.contains(key) {
            guard let policy = source.find(\.policies, key), let old = target.find(\.policies, key),
                !isRebuilt(policy.parentRelation)
            else { continue }
            // ALTER POLICY changes roles and expressions but cannot remove an expression or
            // change the command or kind.
            let recreate =
                !attributes.isDisjoint(with: ["command", "permissive"]) || (old.using != nil && policy.using == nil)
                || (old.withCheck != nil && policy.withCheck == nil)
            if recreate {
                dropPolicy(old)
                createPolicy(policy)
                continue
            }
            var clauses: [String] = []
            if attributes.contains("roles") { clauses.append("TO " + roles(policy.roles)) }
            if attributes.contains("using"), let using = policy.using { clauses.append("USING (\(using))") }
            if attributes.contains("with_check"), let check = policy.withCheck { clauses.append("WITH CHECK (\(check))") }
            emit(
                .policies,
                "ALTER POLICY \(quoteIdentifier(policy.name)) ON \(qualifiedName(policy.schema, policy.table)) "
                    + clauses.joined(separator: " "))
        }
    }

    mutating func createPolicy(_ policy: Policy) {
        var sql =
            "CREATE POLICY \(quoteIdentifier(policy.name)) ON \(qualifiedName(policy.schema, policy.table))"
            + " AS \(policy.permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(policy.command) TO \(roles(policy.roles))"
        if let using = policy.using { sql += " USING (\(using))" }
        if let check = policy.withCheck { sql += " WITH CHECK (\(check))" }
        emit(.policies, sql, creates: [Self.node(policy)])
    }

    private mutating func dropPolicy(_ policy: Policy) {
        emit(.dropPolicies, "DROP POLICY \(quoteIdentifier(policy.name)) ON \(qualifiedName(policy.schema, policy.table))")
    }

    private func roles(_ roles: [String]) -> String {
        roles.isEmpty ? "PUBLIC" : roles.map(SQLText.role).joined(separator: ", ")
    }

    // MARK: Triggers and rules

    mutating func triggers() {
        for key in keys(changes.missing[.trigger]) {
            guard let trigger = source.find(\.triggers, key), !isRebuilt(trigger.parentRelation) else { continue }
            createTrigger(trigger)
        }
        for key in keys(changes.extra[.trigger]) {
            guard let trigger = target.find(\.triggers, key), !isRebuilt(trigger.parentRelation) else { continue }
            dropTrigger(trigger)
        }
        let changedTriggers = changes.changed[.trigger] ?? []
        for key in rebuiltTriggers.sorted(by: { $0.lexicographicallyPrecedes($1) })
        where !changedTriggers.contains(where: { $0.key == key && $0.attributes.contains("definition") }) {
            guard let trigger = source.find(\.triggers, key), let old = target.find(\.triggers, key),
                !isRebuilt(trigger.parentRelation)
            else { continue }
            dropTrigger(old)
            createTrigger(trigger)
            if let text = trigger.comment {
                comment("TRIGGER \(quoteIdentifier(trigger.name)) ON \(qualifiedName(trigger.schema, trigger.table))", text)
            }
        }
        for (key, attributes) in changedTriggers {
            guard let trigger = source.find(\.triggers, key), let old = target.find(\.triggers, key),
                !isRebuilt(trigger.parentRelation)
            else { continue }
            if attributes.contains("definition") {
                dropTrigger(old)
                createTrigger(trigger)
            } else if attributes.contains("enabled") && !rebuiltTriggers.contains(key) {
                enable(trigger)
            }
        }
    }

    mutating func createTrigger(_ trigger: Trigger) {
        emit(.triggers, trigger.definition, creates: [Self.node(trigger)])
        if trigger.enabled != "origin" { enable(trigger) }
    }

    private mutating func dropTrigger(_ trigger: Trigger) {
        emit(.dropTriggers, "DROP TRIGGER \(quoteIdentifier(trigger.name)) ON \(qualifiedName(trigger.schema, trigger.table))")
    }

    /// `ALTER TABLE … ENABLE/DISABLE TRIGGER` for the trigger's firing mode.
    private mutating func enable(_ trigger: Trigger) {
        emit(
            .triggers,
            "ALTER TABLE \(qualifiedName(trigger.schema, trigger.table)) \(Self.firing(trigger.enabled)) TRIGGER \(quoteIdentifier(trigger.name))"
        )
    }

    mutating func rules() {
        for key in keys(changes.missing[.rule]) {
            guard let rule = source.find(\.rules, key), !isRebuilt(rule.parentRelation) else { continue }
            createRule(rule)
        }
        for key in keys(changes.extra[.rule]) {
            guard let rule = target.find(\.rules, key), !isRebuilt(rule.parentRelation) else { continue }
            emit(.dropRules, "DROP RULE \(quoteIdentifier(rule.name)) ON \(qualifiedName(rule.schema, rule.table))")
        }
        for (key, attributes) in changes.changed[.rule] ?? [] {
            guard let rule = source.find(\.rules, key), !isRebuilt(rule.parentRelation) else { continue }
            if attributes.contains("definition") {
                emit(.dropRules, "DROP RULE \(quoteIdentifier(rule.name)) ON \(qualifiedName(rule.schema, rule.table))")
                createRule(rule)
            } else if attributes.contains("enabled") {
                enable(rule)
            }
        }
    }

    /// The rule as `pg_get_ruledef` printed it, then its firing state where not the default.
    mutating func createRule(_ rule: Rule) {
        emit(.rules, rule.definition)
        // A format-3 snapshot did not record the state (empty): the default.
        if !["origin", ""].contains(rule.enabled) { enable(rule) }
    }

    /// `ALTER TABLE … ENABLE ALWAYS RULE …` and the like, for the rule's firing state.
    private mutating func enable(_ rule: Rule) {
        emit(
            .rules,
            "ALTER TABLE \(qualifiedName(rule.schema, rule.table)) \(Self.firing(rule.enabled)) RULE \(quoteIdentifier(rule.name))"
        )
    }

    // MARK: Publications

    mutating func publications() {
        for key in keys(changes.missing[.publication]) {
            guard let publication = source.find(\.publications, key) else { continue }
            let schemas = (publication.schemas ?? []).map(quoteIdentifier).joined(separator: ", ")
            let scope = publication.allTables ? " FOR ALL TABLES" : schemas.isEmpty ? "" : " FOR TABLES IN SCHEMA " + schemas
            emit(.publications, "CREATE PUBLICATION \(quoteIdentifier(publication.name))\(scope) WITH (\(options(publication)))")
            if publication.owner != usualOwner { owner("PUBLICATION \(quoteIdentifier(publication.name))", publication.owner) }
        }
        for key in keys(changes.extra[.publication]) {
            emit(.dropPublications, "DROP PUBLICATION \(quoteIdentifier(key[0]))")
        }
        for (key, attributes) in changes.changed[.publication] ?? [] {
            guard let publication = source.find(\.publications, key) else { continue }
            let name = quoteIdentifier(publication.name)
            if !attributes.isDisjoint(with: ["operations", "via_root"]) {
                emit(.publications, "ALTER PUBLICATION \(name) SET (\(options(publication)))")
            }
            if attributes.contains("schemas"), let old = target.find(\.publications, key) {
                let (wanted, had) = (publication.schemas ?? [], old.schemas ?? [])
                let added = wanted.filter { !had.contains($0) }.map(quoteIdentifier)
                let removed = had.filter { !wanted.contains($0) }.map(quoteIdentifier)
                if !removed.isEmpty {
                    emit(.publications, "ALTER PUBLICATION \(name) DROP TABLES IN SCHEMA \(removed.joined(separator: ", "))")
                }
                if !added.isEmpty {
                    emit(.publications, "ALTER PUBLICATION \(name) ADD TABLES IN SCHEMA \(added.joined(separator: ", "))")
                }
            }
            if attributes.contains("all_tables") {
                note("publication \(name) differs in FOR ALL TABLES: drop and create it again by hand")
            }
            if attributes.contains("owner") { owner("PUBLICATION \(name)", publication.owner) }
        }
    }

    private func options(_ publication: Publication) -> String {
        "publish = \(SQLText.literal(publication.operations.joined(separator: ", "))), "
            + "publish_via_partition_root = \(publication.viaRoot)"
    }

    mutating func publicationTables() {
        for key in keys(changes.missing[.publicationTable]) {
            guard let entry = source.find(\.publicationTables, key), !isRebuilt(entry.parentRelation) else { continue }
            addToPublication(entry)
        }
        for key in keys(changes.extra[.publicationTable]) {
            guard let entry = target.find(\.publicationTables, key), !isRebuilt(entry.parentRelation) else { continue }
            removeFromPublication(entry)
        }
        for (key, _) in changes.changed[.publicationTable] ?? [] {
            guard let entry = source.find(\.publicationTables, key), let old = target.find(\.publicationTables, key),
                !isRebuilt(entry.parentRelation)
            else { continue }
            removeFromPublication(old)
            addToPublication(entry)
        }
    }

    mutating func addToPublication(_ entry: PublicationTable) {
        let filter = entry.rowFilter.map { " WHERE (\($0))" } ?? ""
        emit(
            .publicationTables,
            "ALTER PUBLICATION \(quoteIdentifier(entry.publication)) ADD TABLE \(qualifiedName(entry.schema, entry.table))\(filter)"
        )
    }

    private mutating func removeFromPublication(_ entry: PublicationTable) {
        emit(
            .dropPublicationTables,
            "ALTER PUBLICATION \(quoteIdentifier(entry.publication)) DROP TABLE \(qualifiedName(entry.schema, entry.table))")
    }
}
