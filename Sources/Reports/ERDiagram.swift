import CatalogModel
import Differ

/// Mermaid `erDiagram` text for a set of tables: their columns and the foreign keys between
/// them. GitHub renders it in Markdown comments.
public enum ERDiagram {
    /// Tables whose existence, columns or foreign keys changed.
    public static func affectedTables(_ changes: [Change], source: Catalog, target: Catalog) -> [RelationKey] {
        var foreignKeys: Set<[String]>? = nil  // built only when a constraint changed
        var tables = Set<RelationKey>()
        for change in changes {
            guard let relation = change.relation else { continue }
            if change.objectKind == .constraint && foreignKeys == nil {
                foreignKeys = Set(
                    (source.constraints + target.constraints).filter { $0.constraintType == "foreign key" }
                        .map { [$0.schema, $0.table, $0.name] })
            }
            switch change.objectKind {
            case .relation where change.noun.hasSuffix("table") && change.kind != .changed:
                tables.insert(relation)
            case .column:
                tables.insert(relation)
            case .constraint where foreignKeys?.contains(change.key) == true:
                tables.insert(relation)
            default:
                break
            }
        }
        return tables.sorted()
    }

    /// The diagram of `tables`, each drawn from `preferred` when it has the table, else from
    /// `fallback`; relationships are the foreign keys among the drawn tables.
    public static func render(tables: [RelationKey], preferred: Catalog, fallback: Catalog? = nil) -> String {
        let wanted = Set(tables)
        let first = Drawing(preferred, wanted)
        let second = fallback.map { Drawing($0, wanted) }
        var lines = ["erDiagram"]
        var relationships: [String] = []
        for table in tables {
            let drawing = first.relations[table] != nil ? first : (second ?? first)
            lines.append("  \(entity(table)) {")
            for column in drawing.columns[table, default: []].sorted(by: { $0.position < $1.position }) {
                lines.append("    \(token(column.type)) \(token(column.name))\(column.notNull ? "" : " \"nullable\"")")
            }
            lines.append("  }")
            for fk in drawing.foreignKeys[table, default: []] {
                guard let referenced = fk.referencedTable, let key = drawing.keysByPath[referenced], wanted.contains(key) else {
                    continue
                }
                relationships.append("  \(entity(table)) }o--|| \(entity(key)) : \"\(fk.name)\"")
            }
        }
        return (lines + relationships.sorted()).joined(separator: "\n")
    }

    /// One catalog's columns and foreign keys of the wanted tables, grouped in one pass.
    private struct Drawing {
        var relations: [RelationKey: Relation] = [:]
        var keysByPath: [String: RelationKey] = [:]
        var columns: [RelationKey: [Column]] = [:]
        var foreignKeys: [RelationKey: [Constraint]] = [:]

        init(_ catalog: Catalog, _ wanted: Set<RelationKey>) {
            for relation in catalog.relations {
                keysByPath[relation.path] = relation.key
                if wanted.contains(relation.key) { relations[relation.key] = relation }
            }
            for column in catalog.columns {
                let key = RelationKey(schema: column.schema, name: column.table)
                if wanted.contains(key) { columns[key, default: []].append(column) }
            }
            for constraint in catalog.constraints where constraint.constraintType == "foreign key" {
                let key = RelationKey(schema: constraint.schema, name: constraint.table)
                if wanted.contains(key) { foreignKeys[key, default: []].append(constraint) }
            }
        }
    }

    /// Draws every table of `catalog` (or of one schema).
    public static func render(catalog: Catalog, schema: String? = nil) -> String {
        let tables = catalog.relations.filter { $0.isTable && (schema == nil || $0.schema == schema) }.map(\.key)
        return render(tables: tables.sorted(), preferred: catalog)
    }

    /// Mermaid entity names allow letters, digits, `_` and `-`.
    private static func entity(_ key: RelationKey) -> String { token(key.schema + "." + key.name) }

    private static func token(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}
