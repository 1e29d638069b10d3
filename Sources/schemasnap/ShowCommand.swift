import ArgumentParser
import CatalogModel
import Reports
import SchemasnapKit
import SnapshotStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a snapshot's canonical text (also a git textconv driver).",
        discussion: """
            SNAPSHOT is a snapshot file, an environment name (its newest snapshot) or ENV@TIME. \
            The text after the header lines is exactly what the fingerprint hashes.

            --dependents OBJECT answers "what breaks if I drop or retype this?" from the \
            snapshot alone: every view, policy, function, foreign key, trigger and default that \
            reads or references OBJECT, directly or through others. OBJECT is named as show \
            prints it: public.orders, public.orders.status, public.orders:orders_pkey.

            As a git textconv driver:
              echo '*.sqlite diff=schemasnap' >> .gitattributes
              git config diff.schemasnap.textconv 'schemasnap show'
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A snapshot file, ENV or ENV@TIME.") var snapshot: String
    @Option(help: "text (the canonical text) or mermaid (an ER diagram of the tables).") var format: ShowFormat = .text
    @Option(help: "With --format mermaid: draw only this schema.") var schema: String?
    @Option(help: "Print what depends on this object (e.g. public.orders.status), transitively.")
    var dependents: String?
    @Option(help: "Print only this table or view (e.g. public.orders) with its columns, keys, indexes, policies and grants.")
    var object: String?

    enum ShowFormat: String, CaseIterable, ExpressibleByArgument {
        case text, mermaid
    }

    func run() throws {
        let config = try global.loadConfig()
        let path = try SnapshotReference(snapshot).resolve(config: config)
        let snap = try Pipeline(config: config).read(path)
        if let object = dependents {
            try printReport(try DependentsLookup.report(object, in: snap, named: snapshot))
            return
        }
        if format == .mermaid {
            print(ERDiagram.render(catalog: snap.catalog, schema: schema))
            return
        }
        if let object {
            guard let relation = snap.catalog.relations.first(where: { $0.path == object }) else {
                throw SchemasnapError.noSuchObject(path: object, snapshot: snapshot)
            }
            let text = CanonicalText.render(snap.catalog.restricted(to: relation.key))
            try printReport(SnapshotListing(meta: snap.meta, text: text, object: object))
            return
        }
        try printReport(SnapshotListing(meta: snap.meta, text: try SnapshotFile.canonicalText(of: snap)))
    }
}
