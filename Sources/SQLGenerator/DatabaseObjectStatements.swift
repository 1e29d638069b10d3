import CatalogModel

/// Collations and event triggers: objects no table hangs off, created from their captured
/// attributes and, where PostgreSQL cannot alter what differs, dropped and created again.
extension ScriptBuilder {
    mutating func collations() {
        let remade = (changes.changed[.collation] ?? []).filter { !$0.attributes.isSubset(of: ["owner", "comment"]) }
        for key in keys(changes.missing[.collation]) + remade.map(\.key) {
            guard let collation = source.find(\.collations, key) else { continue }
            emit(.createCollations, Self.createCollation(collation), creates: [Self.node(collation)])
            ownerAndComment(of: "COLLATION \(collation.path)", owner: collation.owner, comment: collation.comment)
        }
        for key in remade.map(\.key) {
            guard let collation = target.find(\.collations, key) else { continue }
            // PostgreSQL cannot alter a collation's locale; DROP refuses while columns use it.
            emit(.dropRecreatedTables, "DROP COLLATION \(collation.path)", drops: [Self.node(collation)])
        }
        for key in keys(changes.extra[.collation]) {
            guard let collation = target.find(\.collations, key) else { continue }
            emit(.dropCollations, "DROP COLLATION \(collation.path)", drops: [Self.node(collation)])
        }
        for (key, attributes) in changes.changed[.collation] ?? [] where attributes.isSubset(of: ["owner", "comment"]) {
            guard let collation = source.find(\.collations, key) else { continue }
            if attributes.contains("owner") { owner("COLLATION \(collation.path)", collation.owner) }
            if attributes.contains("comment") { comment("COLLATION \(collation.path)", collation.comment) }
        }
    }

    /// `CREATE COLLATION … (provider = …, …)` as the source has it.
    private static func createCollation(_ collation: Collation) -> String {
        var options = ["provider = \(collation.provider)"]
        if let locale = collation.icuLocale {
            options.append("locale = " + SQLText.literal(locale))
        } else {
            if let value = collation.lcCollate { options.append("lc_collate = " + SQLText.literal(value)) }
            if let value = collation.lcCtype { options.append("lc_ctype = " + SQLText.literal(value)) }
        }
        if !collation.deterministic { options.append("deterministic = false") }
        return "CREATE COLLATION \(collation.path) (\(options.joined(separator: ", ")))"
    }

    mutating func eventTriggers() {
        let remade = (changes.changed[.eventTrigger] ?? []).filter {
            !$0.attributes.isDisjoint(with: ["event", "tags", "function"])
        }
        for key in keys(changes.missing[.eventTrigger]) + remade.map(\.key) {
            guard let trigger = source.find(\.eventTriggers, key) else { continue }
            var sql = "CREATE EVENT TRIGGER \(trigger.path) ON \(trigger.event)"
            if let tags = trigger.tags, !tags.isEmpty {
                sql += " WHEN TAG IN (" + tags.map(SQLText.literal).joined(separator: ", ") + ")"
            }
            emit(.triggers, sql + " EXECUTE FUNCTION \(trigger.function)()", creates: [Self.node(trigger)])
            if trigger.enabled != "origin" { enable(trigger) }
            ownerAndComment(of: "EVENT TRIGGER \(trigger.path)", owner: trigger.owner, comment: trigger.comment)
        }
        for key in keys(changes.extra[.eventTrigger]) + remade.map(\.key) {
            guard let trigger = target.find(\.eventTriggers, key) else { continue }
            emit(.dropTriggers, "DROP EVENT TRIGGER \(trigger.path)", drops: [Self.node(trigger)])
        }
        for (key, attributes) in changes.changed[.eventTrigger] ?? []
        where attributes.isDisjoint(with: ["event", "tags", "function"]) {
            guard let trigger = source.find(\.eventTriggers, key) else { continue }
            if attributes.contains("enabled") { enable(trigger) }
            if attributes.contains("owner") { owner("EVENT TRIGGER \(trigger.path)", trigger.owner) }
            if attributes.contains("comment") { comment("EVENT TRIGGER \(trigger.path)", trigger.comment) }
        }
    }

    /// `ALTER EVENT TRIGGER … ENABLE | ENABLE REPLICA | ENABLE ALWAYS | DISABLE`.
    private mutating func enable(_ trigger: EventTrigger) {
        emit(.triggers, "ALTER EVENT TRIGGER \(trigger.path) \(Self.firing(trigger.enabled))")
    }

    /// The `ALTER … ENABLE` clause for a trigger's or rule's firing state (`origin`,
    /// `replica`, `always`, `disabled`).
    static func firing(_ state: String) -> String {
        switch state {
        case "disabled": "DISABLE"
        case "replica": "ENABLE REPLICA"
        case "always": "ENABLE ALWAYS"
        default: "ENABLE"
        }
    }
}
